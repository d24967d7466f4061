// Finish a PDF that Chromium printed: fixed creation and modification dates (so two builds of the same inputs are
// byte-identical); a document information dictionary and the same in XMP metadata, with the PDF/UA identifier; and
// the accessibility fixes of pdf-tags.ts. The dates are replaced in place with strings of the same length and
// everything else is appended as one incremental update, so the outline, links and structure tags Chromium wrote
// stay as they were.
import { accessibilityFixes, PdfObjects } from './pdf-tags.ts';

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
  const objects = new PdfObjects(Buffer.from(base, 'latin1'));
  const updates = accessibilityFixes(objects);
  updates.set(size, Buffer.from(`<<${entries}>>`, 'latin1'));
  // The catalog points to the XMP metadata (a new object after the information dictionary).
  const catalogNum = Number(root.split(' ')[0]);
  const catalog = objects.body(catalogNum);
  const lang = /\/Lang\s*\(([^)]*)\)/.exec(catalog ?? '')?.[1] ?? null;
  if (catalog && !/\/Metadata\b/.test(catalog)) {
    const dict = catalog.slice(catalog.indexOf('<<'), catalog.lastIndexOf('>>'));
    updates.set(catalogNum, Buffer.from(`${dict}\n/Metadata ${size + 1} 0 R>>`, 'latin1'));
    updates.set(size + 1, xmpObject(info, lang));
  }
  return appendUpdate(Buffer.from(base, 'latin1'), updates, {
    size: Math.max(size + 1, ...updates.keys()) + 1,
    root,
    info: `${size} 0 R`,
    prev: trailer[2]!,
  });
}

/** An incremental update: the objects (new versions or new ones), their cross-reference table, a new trailer. */
function appendUpdate(
  base: Buffer,
  objects: Map<number, Buffer>,
  trailer: { size: number; root: string; info: string; prev: string },
): Buffer {
  const parts: Buffer[] = [base];
  let offset = base.length;
  const offsets = new Map<number, number>();
  for (const num of [...objects.keys()].sort((a, b) => a - b)) {
    const object = Buffer.concat([
      Buffer.from(`${num} 0 obj\n`, 'latin1'),
      objects.get(num)!,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    offsets.set(num, offset);
    parts.push(object);
    offset += object.length;
  }
  // Subsections of consecutive numbers, each entry 20 bytes.
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  xref +=
    `trailer\n<</Size ${trailer.size}\n/Root ${trailer.root}\n/Info ${trailer.info}\n/Prev ${trailer.prev}>>\n` +
    `startxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

const xml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** XMP metadata: the information dictionary again, the language, and the PDF/UA-1 identifier. */
function xmpObject(info: PdfInfo, lang: string | null): Buffer {
  const when = info.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
  const packet = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(info.title)}</dc:title>`,
    info.author ? `<dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    info.subject ? `<dc:description>${alt(info.subject)}</dc:description>` : '',
    lang ? `<dc:language><rdf:Bag><rdf:li>${xml(lang)}</rdf:li></rdf:Bag></dc:language>` : '',
    info.keywords.length ? `<pdf:Keywords>${xml(info.keywords.join(', '))}</pdf:Keywords>` : '',
    '<pdf:Producer>Chromium via briefing</pdf:Producer>',
    '<xmp:CreatorTool>briefing</xmp:CreatorTool>',
    `<xmp:CreateDate>${when}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${when}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${when}</xmp:MetadataDate>`,
    '<pdfuaid:part>1</pdfuaid:part>',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ]
    .filter(Boolean)
    .join('\n');
  const data = Buffer.from(packet, 'utf8');
  return Buffer.concat([
    Buffer.from(`<</Type /Metadata\n/Subtype /XML\n/Length ${data.length}>> stream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
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
  // A date a PDF can carry (years 1970 to 9999); anything else is ignored, as an unset variable is.
  if (epoch && /^\d+$/.test(epoch) && Number(epoch) < 253402300800) return new Date(Number(epoch) * 1000);
  if (essayDate && /^\d{4}-\d{2}-\d{2}$/.test(essayDate)) return new Date(`${essayDate}T00:00:00Z`);
  return new Date('2000-01-01T00:00:00Z');
}
