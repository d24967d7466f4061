// The briefing as a Word document (the `docx` package): Word's own styles (Title, Heading 1-3, Normal, List, Quote,
// Caption, a table style) so that a house template restyles it; a contents field Word fills in; the chronology, who's
// who and glossary as tables whose header row repeats on every page; the essay's notes as Word footnotes; the
// timeline as a picture with its alternative text; the marking in the header and the footer; the essay's language.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { packDate } from '../../core/essay-date.ts';
import type { Chronology, Essay } from '../../core/model.ts';
import type { Settings } from '../../core/settings.ts';
import { readUserFile, UserFileError } from '../../core/user-files.ts';
import { officeColours } from '../../render/colours.ts';

type OfficeColours = ReturnType<typeof officeColours>;

import { buildDate } from '../../render/pdf-info.ts';
import { unzipOf, zipOf } from '../../render/zip.ts';
import { Notes, type ParagraphView, type RunView, referenceViews } from '../../views/blocks.ts';
import { eventRows, keyPoints, sectionsOf } from '../../views/common.ts';
import { formatValue } from '../../views/format.ts';
import { fill, labelsFor } from '../../views/labels.ts';
import { shapeOf } from '../../views/shape.ts';
import { timelineSvg } from '../../views/timeline.ts';
import { briefingPage } from '../briefing/view.ts';
import type { MakeContext } from '../product.ts';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** Runs of the essay as Word runs: bold, italic, struck, code, links, and references to footnotes. */
function wordRuns(runs: RunView[]): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] => {
    const text = new TextRun({
      text: run.text.replace(/\u00ad/g, ''),
      bold: !!run.strong,
      italics: !!run.emphasis,
      strike: !!run.strike,
      ...(run.code ? { font: 'Consolas' } : {}),
      ...(run.href && !run.href.startsWith('#') ? { style: 'Hyperlink' } : {}),
    });
    // A citation or cross-reference reads as its words; only the web and mail are links in Word.
    const external = run.href && !run.href.startsWith('#') ? run.href : null;
    const out: ParagraphChild[] = [external ? new ExternalHyperlink({ link: external, children: [text] }) : text];
    if (run.ref) out.push(new FootnoteReferenceRun(run.ref.n));
    return out;
  });
}

/** A callout's box in Word: shaded and ruled on the left in the accent colours, as the briefing draws it. */
const calloutBox = (colours: OfficeColours) => ({
  shading: { type: ShadingType.CLEAR, color: 'auto', fill: colours['accent-soft'] },
  border: { left: { style: BorderStyle.SINGLE, size: 18, color: colours.accent, space: 8 } },
  indent: { left: 240, right: 240 },
});

/**
 * A paragraph of the essay, numbered as in the briefing (its number in the margin's place, small and grey); a
 * callout's paragraphs boxed, under the box's title; the writer's page break before the first block.
 */
function wordParagraphs(
  p: ParagraphView,
  image: (dataUrl: string, alt: string) => ImageRun | null,
  labels: { figure: string; table: string },
  colours: OfficeColours,
): (Paragraph | Table)[] {
  let first = true;
  // Options of every paragraph made: the box, and the page break for the first.
  const style = (options: Record<string, unknown> = {}) => {
    const extra = {
      ...(p.callout ? calloutBox(colours) : {}),
      ...(first && p.breakBefore ? { pageBreakBefore: true } : {}),
    };
    first = false;
    return { ...extra, ...options };
  };
  const title = p.callout?.first
    ? [
        new Paragraph(
          style({
            keepNext: true,
            children: [new TextRun({ text: p.callout.heading, bold: true, color: colours.accent })],
          }),
        ),
      ]
    : [];
  if (p.list) return [...title, ...wordList(p.list, style)];
  if (p.table) return [...title, ...essayTable(p.table, p.caption, style, labels.table)];
  if (p.code)
    return [
      ...title,
      new Paragraph(style({ style: 'Code', children: [new TextRun({ text: p.code.text, font: 'Consolas' })] })),
    ];
  if (p.figure) return [...title, ...wordFigure(p.figure, style, image, labels.figure)];
  const number = new TextRun({ text: `${p.n}\u2003`, size: 14, color: '5B636D' });
  return [
    ...title,
    new Paragraph(
      style({ ...(p.kind === 'quote' ? { style: 'Quote' } : {}), children: [number, ...wordRuns(p.runs)] }),
    ),
  ];
}

/** Options for a paragraph of a block, with what every paragraph of the block has (its box, its page break). */
type BlockStyle = (options?: Record<string, unknown>) => Record<string, unknown>;

/** A list, its items numbered or bulleted by Word at their depth (three levels at most). */
function wordList(list: NonNullable<ParagraphView['list']>, style: BlockStyle): Paragraph[] {
  const items: Paragraph[] = [];
  const walk = (inner: NonNullable<ParagraphView['list']>, level: number) => {
    for (const item of inner.items) {
      items.push(
        new Paragraph(
          style({
            children: wordRuns(item.runs),
            numbering: { reference: inner.ordered ? 'numbers' : 'bullets', level: Math.min(level, 2) },
          }),
        ),
      );
      for (const deeper of item.lists) walk(deeper, level + 1);
    }
  };
  walk(list, 0);
  return items;
}

const ALIGNMENT: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};

/** A table of the essay under its caption, its header row repeated on every page. */
function essayTable(
  table: NonNullable<ParagraphView['table']>,
  caption: ParagraphView['caption'],
  style: BlockStyle,
  word: string,
): (Paragraph | Table)[] {
  const cell = (c: { runs: RunView[]; align: string }, head: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          children: head ? wordRuns(c.runs.map((r) => ({ ...r, strong: true }))) : wordRuns(c.runs),
          alignment: ALIGNMENT[c.align] ?? AlignmentType.LEFT,
        }),
      ],
    });
  const captionParagraphs = caption
    ? [
        new Paragraph(
          style({
            style: 'Caption',
            keepNext: true,
            children: [
              ...(caption.n ? [new TextRun({ text: `${word} ${caption.n}. `, bold: true })] : []),
              ...wordRuns(caption.runs),
            ],
          }),
        ),
      ]
    : [];
  return [
    ...captionParagraphs,
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: table.head.map((c) => cell(c, true)) }),
        ...table.rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
      ],
    }),
  ];
}

/** A figure: its picture (when Word can take it) kept with its numbered caption. */
function wordFigure(
  figure: NonNullable<ParagraphView['figure']>,
  style: BlockStyle,
  image: (dataUrl: string, alt: string) => ImageRun | null,
  word: string,
): Paragraph[] {
  const picture = figure.image ? image(figure.image, figure.alt) : null;
  return [
    ...(picture ? [new Paragraph(style({ keepNext: true, children: [picture] }))] : []),
    new Paragraph(
      style({ style: 'Caption', children: [new TextRun(`${word} ${figure.n}. `), ...wordRuns(figure.caption)] }),
    ),
  ];
}

/** A data: URL's bytes and type, for the pictures Word takes (PNG, JPEG, GIF; an SVG is left out). */
function picture(dataUrl: string, alt: string, width = 600): ImageRun | null {
  const m = /^data:image\/(png|jpeg|gif);base64,(.*)$/.exec(dataUrl);
  if (!m) return null;
  const data = Buffer.from(m[2]!, 'base64');
  const size = imageSize(data, m[1]!);
  const scale = size ? Math.min(1, width / size.width) : 1;
  return new ImageRun({
    type: m[1] === 'jpeg' ? 'jpg' : (m[1] as 'png' | 'gif'),
    data,
    transformation: size ? { width: size.width * scale, height: size.height * scale } : { width, height: width * 0.6 },
    altText: { title: alt, description: alt, name: alt },
  });
}

/** Pixel size of a PNG, JPEG or GIF from its header. */
function imageSize(data: Buffer, type: string): { width: number; height: number } | null {
  if (type === 'png' && data.length > 24) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (type === 'gif' && data.length > 10) return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  if (type === 'jpeg') {
    for (let i = 2; i + 9 < data.length; ) {
      if (data[i] !== 0xff) return null;
      const marker = data[i + 1]!;
      if (marker >= 0xc0 && marker <= 0xc3)
        return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
      i += 2 + data.readUInt16BE(i + 2);
    }
  }
  return null;
}

/** The styles part of a Word document or template (word/styles.xml), read as every file a user names is read. */
async function stylesOf(file: string): Promise<string> {
  let parts: ReturnType<typeof unzipOf>;
  try {
    parts = unzipOf(readUserFile(file, { maxBytes: 20 * 1024 * 1024 }));
  } catch (error) {
    throw new UserFileError(
      `docx.reference: ${file} ${error instanceof UserFileError ? error.message : 'is not a Word document'}`,
    );
  }
  const styles = parts.find((part) => part.name === 'word/styles.xml')?.data.toString('utf8');
  if (!styles) throw new UserFileError(`docx.reference: ${file} is not a Word document (it has no word/styles.xml)`);
  return styles;
}

/** Twentieths of a point across the text of an A4 page with Word's default margins (16.5 cm). */
const TEXT_WIDTH = 9355;

/** A table with a header row repeated on every page, its columns in the shares given (percent). */
function wordTable(head: string[], rows: string[][], shares?: number[]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(shares ? { columnWidths: shares.map((share) => Math.round((TEXT_WIDTH * share) / 100)) } : {}),
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c) => cell(c)) })),
    ],
  });
}

type Labels = ReturnType<typeof labelsFor>;
type Body = (Paragraph | Table | TableOfContents)[];

const heading = (text: string, level = 0) => new Paragraph({ text, heading: HEADINGS[level] });

export async function makeDocx({ essay, chronology, settings, renderer, printer, staging }: MakeContext) {
  const labels = labelsFor(essay.lang, settings.labels);
  const colours = officeColours(settings.colours);
  const shape = shapeOf(essay, chronology);
  const notes = new Notes((index) => essay.notes[index]?.runs);
  const timeline = shape.dated
    ? await timelinePicture({ essay, chronology, settings, renderer, printer, staging })
    : null;
  const body: Body = [
    ...front(essay, chronology, settings, labels),
    ...essayBody(essay, chronology, labels, notes, colours),
    ...(shape.dated ? chronologyPart(chronology, settings, essay.lang, labels, timeline) : []),
    ...index(chronology, labels),
  ];
  // The office's own styles, when the configuration names a reference document: its styles.xml, as Word keeps it.
  const externalStyles = settings.referenceDocx ? await stylesOf(settings.referenceDocx) : undefined;
  const document = new Document({
    ...(externalStyles ? { externalStyles } : {}),
    title: essay.title,
    creator: essay.author ?? settings.organisation ?? 'briefing',
    description: fill(labels.paragraphsAndEvents, {
      paragraphs: essay.paragraphs.length,
      events: chronology.events.length,
    }),
    features: { updateFields: true },
    styles: wordStyles(essay.lang, colours.accent, !!externalStyles),
    numbering: {
      config: [listNumbering('bullets', LevelFormat.BULLET), listNumbering('numbers', LevelFormat.DECIMAL)],
    },
    footnotes: footnotesOf(notes),
    sections: [{ ...pageFurniture(settings.marking, labels), children: body }],
  });
  const when = buildDate(packDate(essay, settings.referenceDate));
  await writeFile(path.join(staging, 'briefing.docx'), dated(await Packer.toBuffer(document), when));
}

/** The timeline as the briefing draws it, photographed by Chromium at twice its size, with its alternative text. */
async function timelinePicture({
  essay,
  chronology,
  settings,
  renderer,
  printer,
  staging,
}: Pick<
  MakeContext,
  'essay' | 'chronology' | 'settings' | 'renderer' | 'printer' | 'staging'
>): Promise<ImageRun | null> {
  const html = path.join(staging, 'docx-timeline.html');
  const svg = timelineSvg(chronology.events, { width: 500, radius: 8, legend: true, lang: essay.lang });
  const page = briefingPage(essay, chronology, settings);
  await writeFile(html, renderer.render('briefing', page, settings, { text: essay.source }));
  const png = await printer.withPage(async (tab) => {
    await tab.setViewport({ width: 900, height: 1200, deviceScaleFactor: 2 });
    await printer.load(tab, html);
    const element = await tab.$('#timeline svg.timeline');
    return element ? Buffer.from(await element.screenshot({ type: 'png' })) : null;
  });
  const alt = /aria-label="([^"]*)"/.exec(svg)?.[1] ?? labelsFor(essay.lang, settings.labels).timeline;
  return png ? picture(`data:image/png;base64,${png.toString('base64')}`, alt, 620) : null;
}

/** Title, subtitle, date and author; the contents field; the key points, each with its paragraphs. */
function front(essay: Essay, chronology: Chronology, settings: Settings, labels: Labels): Body {
  const shape = shapeOf(essay, chronology);
  const points = shape.short ? [] : keyPoints(essay, chronology, settings.dateStyle);
  const date = packDate(essay, settings.referenceDate);
  const author = essay.author ?? settings.author;
  return [
    new Paragraph({ text: essay.title, heading: HeadingLevel.TITLE }),
    ...(essay.subtitle ? [new Paragraph({ text: essay.subtitle, style: 'Subtitle' })] : []),
    ...(date
      ? [
          new Paragraph({
            text: `${essay.compiled ? labels.compiled : labels.dated} ${formatValue(date, settings.dateStyle, essay.lang)}`,
          }),
        ]
      : []),
    ...(author ? [new Paragraph({ text: `${labels.author}: ${author}` })] : []),
    ...(shape.short ? [] : [new TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-3' })]),
    ...(points.length
      ? [
          heading(labels.keyPoints),
          ...points.map(
            (point) =>
              new Paragraph({
                numbering: { reference: 'bullets', level: 0 },
                children: [
                  new TextRun(point.text),
                  new TextRun({ text: ` \u00b6 ${point.paragraphs.map((c) => c.n).join(', ')}`, color: '5B636D' }),
                ],
              }),
          ),
        ]
      : []),
  ];
}

/** The essay's sections (numbered where it numbers them), its paragraphs as Word's, and the works it cites. */
function essayBody(essay: Essay, chronology: Chronology, labels: Labels, notes: Notes, colours: OfficeColours): Body {
  const body: Body = [];
  // The essay's words without soft hyphens: Word hyphenates by itself.
  for (const section of sectionsOf(essay, chronology, { notes, labels })) {
    body.push(
      new Paragraph({
        text: section.number ? `${section.number}\u2002${section.title}` : section.title,
        heading: HEADINGS[section.level - 1],
        ...(section.breakBefore ? { pageBreakBefore: true } : {}),
      }),
    );
    for (const p of section.paragraphs)
      body.push(...wordParagraphs(p, (url, alt) => picture(url, alt), labels, colours));
  }
  // The works the essay cites, as the style lists them, each under a hanging indent.
  const references = referenceViews(essay.references);
  if (references.length) {
    body.push(heading(labels.references));
    for (const reference of references)
      body.push(new Paragraph({ indent: { left: 360, hanging: 360 }, children: wordRuns(reference.runs) }));
  }
  return body;
}

/** The timeline's picture and caption, and the chronology as a table. */
function chronologyPart(
  chronology: Chronology,
  settings: Settings,
  lang: string,
  labels: Labels,
  timeline: ImageRun | null,
): Body {
  const rows = eventRows(chronology, settings.dateStyle, lang);
  return [
    heading(labels.timeline),
    ...(timeline ? [new Paragraph({ children: [timeline] })] : []),
    new Paragraph({ style: 'Caption', text: labels.timelineCaption }),
    heading(labels.chronology),
    wordTable(
      ['#', labels.date, labels.event, labels.actors, labels.source],
      rows.map((r) => [String(r.number), r.date, r.summary, r.actors, `\u00b6 ${r.paragraph}`]),
      [5, 15, 44, 25, 11],
    ),
  ];
}

/** Who's who (people, organisations, places) and the glossary, as tables. */
function index(chronology: Chronology, labels: Labels): Body {
  const body: Body = [];
  const kinds = [
    [labels.people, chronology.people],
    [labels.organisations, chronology.organizations],
    [labels.places, chronology.places],
  ] as const;
  if (kinds.some(([, names]) => names.length)) {
    body.push(heading(labels.whosWho));
    for (const [title, names] of kinds) {
      if (!names.length) continue;
      body.push(heading(title, 1));
      body.push(
        wordTable(
          [title, ''],
          names.map((name) => [name, chronology.roles[name] ?? '']),
        ),
      );
    }
  }
  const glossary = Object.entries(chronology.acronyms).sort(([a], [b]) => a.localeCompare(b));
  if (glossary.length) {
    body.push(heading(labels.glossary));
    body.push(wordTable([labels.acronyms, ''], glossary, [20, 80]));
  }
  return body;
}

/** Word's styles the document uses: the headings in the accent colour (unless a reference document gives its own). */
function wordStyles(lang: string, accent: string, external: boolean) {
  return {
    default: { document: { run: { language: { value: lang } } } },
    paragraphStyles: [
      ...(external ? [] : [1, 2, 3]).map((level) => ({
        id: `Heading${level}`,
        name: `Heading ${level}`,
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { color: accent, bold: true, size: [32, 26, 22][level - 1] },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
      })),
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        quickFormat: true,
        run: { italics: true },
        paragraph: { indent: { left: 720 } },
      },
      { id: 'Caption', name: 'Caption', basedOn: 'Normal', quickFormat: true, run: { size: 18, color: '5B636D' } },
      { id: 'Code', name: 'Code', basedOn: 'Normal', run: { font: 'Consolas', size: 18 } },
    ],
  };
}

/** A list numbering of three levels: bullets, or "1." numbers. */
const listNumbering = (reference: string, format: (typeof LevelFormat)[keyof typeof LevelFormat]) => ({
  reference,
  levels: [0, 1, 2].map((level) => ({
    level,
    format,
    text: format === LevelFormat.BULLET ? '\u2022' : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
  })),
});

/** The essay's notes, and the addresses of links whose words do not show them, as Word footnotes. */
function footnotesOf(notes: Notes) {
  return Object.fromEntries(
    notes.entries.map((note) => [
      note.n,
      {
        children: [
          new Paragraph({
            children: note.runs
              ? wordRuns(note.runs)
              : [
                  new ExternalHyperlink({
                    link: note.url!,
                    children: [new TextRun({ text: note.url!, style: 'Hyperlink' })],
                  }),
                ],
          }),
        ],
      },
    ]),
  );
}

/** The marking at the head and the foot of every page, and "Page X of Y". */
function pageFurniture(marking: string | null, labels: Labels) {
  const marked = marking
    ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: marking, bold: true })] })]
    : [];
  return {
    headers: { default: new Header({ children: marked }) },
    footers: {
      default: new Footer({
        children: [
          ...marked,
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({
                children: [`${labels.page} `, PageNumber.CURRENT, ` ${labels.of} `, PageNumber.TOTAL_PAGES],
                size: 16,
              }),
            ],
          }),
        ],
      }),
    },
  };
}

/** Bookmark names and ids and picture ids counted from one in order of appearance, pairs kept. */
function renumbered(xml: string): string {
  const kinds: [RegExp, Map<string, number>][] = [
    [/(_Toc)(\d+)/g, new Map()],
    [/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)/g, new Map()],
    [/(<wp:docPr id=")(\d+)/g, new Map()],
  ];
  return kinds.reduce(
    (text, [pattern, seen]) =>
      text.replace(pattern, (_, lead: string, n: string) => {
        if (!seen.has(n)) seen.set(n, seen.size + 1);
        return `${lead}${seen.get(n)}`;
      }),
    xml,
  );
}

/**
 * The document dated as the PDFs are (the essay's date, or SOURCE_DATE_EPOCH), never by the clock, inside and in its
 * zip: the same essay makes the same bytes, and CI shows no change where there is none.
 */
function dated(docx: Buffer, when: Date): Buffer {
  const stamp = `${when.toISOString().slice(0, 19)}Z`;
  const parts = unzipOf(docx);
  // Links get random relationship ids: named again, in the order the document and its notes first use them.
  const RANDOM_ID = /\brId[\w-]{12,}/g;
  const ids = new Map<string, string>();
  for (const name of ['word/document.xml', 'word/footnotes.xml'])
    for (const [id] of (parts.find((part) => part.name === name)?.data.toString('utf8') ?? '').matchAll(RANDOM_ID))
      if (!ids.has(id)) ids.set(id, `rIdLink${ids.size + 1}`);
  const entries = parts.map(({ name, data }) => {
    let xml = data.toString('utf8');
    if (name === 'docProps/core.xml')
      xml = xml.replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${stamp}$2`,
      );
    // The docx package numbers bookmarks and pictures across every document of the process: numbered again here
    // from one, in reading order, each document is the same whatever was made before it.
    else if (name === 'word/document.xml') xml = renumbered(xml);
    else if (!/\.(?:xml|rels)$/.test(name)) return { name, data };
    return {
      name,
      data: Buffer.from(
        xml.replace(RANDOM_ID, (id) => ids.get(id) ?? id),
        'utf8',
      ),
    };
  });
  return zipOf(entries, when);
}
