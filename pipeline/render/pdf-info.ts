// Finish a PDF that Chromium printed: fixed creation and modification dates (so two builds of the same inputs are
// byte-identical), and a document information dictionary with title, author, subject and keywords. The dates are
// replaced in place with strings of the same length and the new dictionary is appended as an incremental update,
// so the outline, links and structure tags Chromium wrote stay exactly as they were.

export interface PdfInfo {
  title: string;
  author: string | null;
  subject: string | null;
  keywords: string[];
  /** The date written as CreationDate and ModDate. */
  date: Date;
}

const pdfDate = (date: Date) => {
  const iso = date.toISOString(); // 2006-05-25T00:00:00.000Z
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
};

/** A PDF text string that holds any character: UTF-16BE with a byte-order mark, in hex. */
const pdfText = (text: string) => `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

export function finishPdf(pdf: Buffer, info: PdfInfo): Buffer {
  const latin = pdf.toString('latin1');
  const stamp = pdfDate(info.date);
  const dated = renumberNodeIds(
    latin.replace(/\/(CreationDate|ModDate) \(D:[^)]{14,30}\)/g, (match, key: string) => {
      const value = `/${key} (${stamp})`;
      return value.length === match.length ? value : match;
    }),
  );
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(dated);
  if (!trailer) throw new Error('unexpected PDF: no trailer to update');
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer[1]!)?.[1];
  if (!size || !root) throw new Error('unexpected PDF: trailer without /Size or /Root');

  const entries = [
    `/Title ${pdfText(info.title)}`,
    info.author ? `/Author ${pdfText(info.author)}` : '',
    info.subject ? `/Subject ${pdfText(info.subject)}` : '',
    info.keywords.length ? `/Keywords ${pdfText(info.keywords.join(', '))}` : '',
    `/Creator (briefing)`,
    `/Producer (Chromium via briefing)`,
    `/CreationDate (${stamp})`,
    `/ModDate (${stamp})`,
  ]
    .filter(Boolean)
    .join('\n');
  const base = dated.endsWith('\n') ? dated : `${dated}\n`;
  const object = `${size} 0 obj\n<<${entries}>>\nendobj\n`;
  const xrefAt = base.length + object.length;
  const update =
    `${object}xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(base.length).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${trailer[2]}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(base, 'latin1'), Buffer.from(update, 'latin1')]);
}

/**
 * Tagged PDFs name structure elements after Chromium's DOM node ids ("node00001661"), which count every node the
 * renderer ever made, so they differ with what it printed before. Number them in order of first appearance instead,
 * padded to the same length so no offset moves; each id keeps one new value, so the /IDTree still matches.
 */
function renumberNodeIds(pdf: string): string {
  const ids = new Map<string, string>();
  return pdf.replace(/\(node(\d+)\)/g, (match, digits: string) => {
    let id = ids.get(digits);
    if (!id) {
      id = String(ids.size + 1).padStart(digits.length, '0');
      if (id.length > digits.length) return match; // cannot happen: ids are at least as many digits as their count
      ids.set(digits, id);
    }
    return `(node${id})`;
  });
}

/** SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the essay's own date, else 1 January 2000. */
export function buildDate(essayDate: string | null, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (essayDate && /^\d{4}-\d{2}-\d{2}$/.test(essayDate)) return new Date(`${essayDate}T00:00:00Z`);
  return new Date('2000-01-01T00:00:00Z');
}
