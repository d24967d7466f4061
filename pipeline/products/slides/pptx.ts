// The deck as an editable PowerPoint file (pptxgenjs): titles, bullets, quotations and speaker notes are real text,
// and the timeline is drawn with native shapes from the same layout the SVG is drawn from. The file is made
// byte-stable: every zip entry and the document properties carry the build's date, not the clock's.

import { createRequire } from 'node:module';
import { officeColours } from '../../render/colours.ts';
import { unzipOf, type ZipEntry, zipOf } from '../../render/zip.ts';
import type { TimelineLayout } from '../../views/timeline.ts';
import { chooseLayouts, type HouseDeck, onHouseLayouts } from './house-deck.ts';
import type { SlideTimeline } from './timeline.ts';
import type { slidesView } from './view.ts';

// pptxgenjs's types are not constructable under NodeNext (its issue #1536): load its CommonJS build and type the
// little of it used here.
interface PptxSlide {
  background: { color: string };
  addText(text: string | { text: string; options?: object }[], options?: object): PptxSlide;
  addImage(options: object): PptxSlide;
  addTable(rows: { text: string; options?: object }[][], options?: object): PptxSlide;
  addShape(shape: string, options: object): PptxSlide;
  addNotes(notes: string): PptxSlide;
}
interface PptxDeck {
  layout: string;
  title: string;
  company: string;
  subject: string;
  theme: { headFontFace: string; bodyFontFace: string };
  defineSlideMaster(master: { title: string; background: { color: string }; objects: object[] }): void;
  addSlide(options?: { masterName: string }): PptxSlide;
  write(options: { outputType: 'nodebuffer' }): Promise<unknown>;
}
const require = createRequire(import.meta.url);
const Pptx = require('pptxgenjs') as new () => PptxDeck;

type Deck = ReturnType<typeof slidesView>;

/** The logo (a data URL), the colours and the headings face the PDFs use. */
export interface Brand {
  logo: string | null;
  colours: Partial<Record<'accent' | 'accent-soft' | 'ink' | 'muted' | 'rule', string>>;
  font: string;
}

/**
 * Slide layouts of the deck's master (a user restyles the deck by editing them), each with the type PowerPoint knows
 * it by: the title slide; title and content (text); title only (timelines, quotations); title and table; and two
 * layouts no generated slide takes, offered for the slides a user adds (two columns, a section's opening).
 */
const LAYOUTS = {
  title: { name: 'Briefing title', type: 'title' },
  content: { name: 'Briefing content', type: 'obj' },
  titleOnly: { name: 'Briefing title only', type: 'titleOnly' },
  table: { name: 'Briefing table', type: 'tbl' },
  twoContent: { name: 'Briefing two content', type: 'twoObj' },
  section: { name: 'Briefing section', type: 'secHead' },
} as const;
/** 1920 CSS pixels of the HTML slide are the 13.33 inches of a wide PowerPoint slide. */
const INCH = 13.333 / 1920;

// What XML 1.0 cannot hold: C0 controls other than tab and line breaks, U+FFFE and U+FFFF, lone surrogates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
const XML_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML can hold it: the characters XML forbids taken out. */
export const xmlSafe = (text: string) => text.replace(XML_CONTROLS, '').replace(LONE_SURROGATES, '');

/** Every string of a value, made XML-safe (the deck's view, before any of it reaches the PowerPoint's XML). */
const xmlSafeDeep = <T>(value: T): T =>
  (typeof value === 'string'
    ? xmlSafe(value)
    : Array.isArray(value)
      ? value.map(xmlSafeDeep)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)]))
        : value) as T;

const xmlEscape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The deck as a PowerPoint file; on an organisation's house deck (pptx.reference), on its masters and layouts, with
 * what the house lacks said in `missing`.
 */
export async function deckToPptx(
  unsafeDeck: Deck,
  brand: Brand,
  date: Date,
  house: HouseDeck | null = null,
): Promise<{ data: Buffer; missing: string[] }> {
  const deck = xmlSafeDeep(unsafeDeck);
  const theme = house?.theme ?? null;
  const colour = officeColours(brand.colours);
  // With an organisation's theme, the deck names the theme's colours and fonts instead of giving its own: restyled
  // by their theme, every slide shows them.
  const ACCENT = theme ? 'accent1' : colour.accent,
    INK = theme ? 'tx1' : colour.ink,
    MUTED = theme ? 'tx2' : colour.muted;
  // The headings face first; PowerPoint puts one it has in its place (the theme's fonts are the same face).
  const FONT = theme ? '+mn-lt' : brand.font;
  const HEADING_FONT = theme ? '+mj-lt' : brand.font;
  const style: Style = { ACCENT, INK, MUTED, FONT, HEADING_FONT, RULE: colour.rule };
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE'; // 13.33 x 7.5 in: 16:9
  pptx.title = deck.title;
  // pptxgenjs writes the company into docProps/app.xml as it is given (the other fields it escapes itself).
  pptx.company = xmlEscape(deck.organisation ?? '');
  pptx.subject = `${deck.labels.slides}: ${deck.title}${deck.span ? `, ${deck.span}` : ''}`;
  if (!theme) pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  defineMasters(pptx, deck, brand, style);
  // On a house deck's layouts the marking goes on every slide: our masters, which carry it, give way to theirs.
  const { layouts, missing } = house ? chooseLayouts(house) : { layouts: null, missing: [] };
  for (const view of deck.slides) drawSlide(pptx, deck, view, style, !!layouts);
  const raw = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  if (!house) return { data: stabilise(unzipOf(raw), date), missing };
  const uses = deck.slides.map(layoutFor);
  return { data: stabilise(onHouseLayouts(unzipOf(raw), house, layouts, uses), date), missing };
}

/** The colours and faces the slides are drawn in: the configuration's, or the names of the theme's. */
interface Style {
  ACCENT: string;
  INK: string;
  MUTED: string;
  FONT: string;
  HEADING_FONT: string;
  RULE: string;
}

/**
 * The two masters, title and content: titles and bodies are their placeholders, so restyling a master reaches every
 * slide, PowerPoint's outline and its accessibility checker see each slide's title, and a long title shrinks to fit.
 */
function defineMasters(pptx: PptxDeck, deck: Deck, brand: Brand, style: Style): void {
  const { ACCENT, INK, HEADING_FONT } = style;
  const placeholder = (name: string, type: string, options: object) => ({
    placeholder: { options: { name, type, fontFace: style.FONT, align: 'left', ...options }, text: '' },
  });
  const heading = { fontFace: HEADING_FONT, x: 0.9, w: 11.5, bold: true };
  pptx.defineSlideMaster({
    title: LAYOUTS.title.name,
    background: { color: ACCENT },
    objects: [
      { rect: { x: 0, y: 0, w: 0.17, h: 7.5, fill: { color: 'FFFFFF', transparency: 75 } } },
      ...markingObjects(deck, style, true),
      placeholder('title', 'title', { ...heading, y: 2.0, h: 2.2, fontSize: 48, color: 'FFFFFF', valign: 'bottom' }),
      placeholder('subtitle', 'body', {
        x: 0.9,
        y: 4.3,
        w: 11.5,
        h: 0.8,
        fontSize: 24,
        color: 'FFFFFF',
        valign: 'top',
      }),
      ...(brand.logo ? [logoObject(brand.logo)] : []),
    ],
  });
  // The other layouts share the content slide's frame: the accent rule, the marking and the title.
  const frame = [
    { rect: { x: 0, y: 0, w: 0.17, h: 7.5, fill: { color: ACCENT } } },
    ...markingObjects(deck, style, false),
    placeholder('title', 'title', { ...heading, y: 0.55, h: 0.9, fontSize: 32, color: ACCENT, valign: 'top' }),
  ];
  const body = (name: string, x: number, w: number) =>
    placeholder(name, 'body', { x, y: 1.55, w, h: 5.1, fontSize: 20, color: INK, valign: 'top' });
  const layout = (which: keyof typeof LAYOUTS, objects: object[]) =>
    pptx.defineSlideMaster({
      title: LAYOUTS[which].name,
      background: { color: 'FFFFFF' },
      objects: [...frame, ...objects],
    });
  layout('content', [body('body', 0.9, 11.5)]);
  layout('titleOnly', []);
  layout('table', []);
  layout('twoContent', [body('left', 0.9, 5.55), body('right', 6.85, 5.55)]);
  pptx.defineSlideMaster({
    title: LAYOUTS.section.name,
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: 0.17, h: 7.5, fill: { color: ACCENT } } },
      ...markingObjects(deck, style, false),
      placeholder('title', 'title', { ...heading, y: 2.6, h: 1.4, fontSize: 40, color: ACCENT, valign: 'bottom' }),
      placeholder('body', 'body', { x: 0.9, y: 4.1, w: 11.5, h: 1.0, fontSize: 22, color: INK, valign: 'top' }),
    ],
  });
}

/** The layout a slide goes on: the title slide's; title and table; title only where no text is (timelines, quotations). */
export function layoutFor(view: Deck['slides'][number]): 'title' | 'content' | 'titleOnly' | 'table' {
  if (view.kind === 'title') return 'title';
  if (view.table) return 'table';
  return view.bullets.length ? 'content' : 'titleOnly';
}

/** The classification marking on every slide, top and bottom, as on every page of the PDFs. */
function markingObjects(deck: Deck, { INK, FONT }: Style, light: boolean) {
  if (!deck.marking) return [];
  return [0.12, 7.1].map((y) => ({
    text: {
      text: deck.marking,
      options: {
        x: 0,
        y,
        w: 13.333,
        h: 0.3,
        align: 'center',
        fontFace: FONT,
        fontSize: 12,
        bold: true,
        color: light ? 'FFFFFF' : INK,
        charSpacing: 2,
      },
    },
  }));
}

/** The organisation's logo on the title master, top left, kept within its box. */
function logoObject(logo: string) {
  return {
    image: {
      x: 0.9,
      y: 0.65,
      h: 0.75,
      w: 2.5,
      data: logo.replace(/^data:/, ''),
      sizing: { type: 'contain', w: 2.5, h: 0.75 },
    },
  };
}

/** One slide of the deck on its master: its title, its timeline, table, quotation or bullets, its footer and notes. */
function drawSlide(pptx: PptxDeck, deck: Deck, view: Deck['slides'][number], style: Style, marked: boolean): void {
  const { ACCENT, INK, MUTED, FONT, RULE } = style;
  const slide = pptx.addSlide({ masterName: LAYOUTS[layoutFor(view)].name });
  // On a house deck, at the foot only: the top of the slide is the house's, its title bar where ours was the marking's.
  if (marked)
    for (const { text } of markingObjects(deck, style, false).slice(1)) slide.addText(text.text ?? '', text.options);
  const footer = { x: 0.9, y: 6.75, w: 11.5, h: 0.35, fontFace: FONT, fontSize: 14, color: MUTED };
  if (view.kind === 'title') {
    slide.addText(view.title, { placeholder: 'title', fit: 'shrink' });
    slide.addText([deck.kindLine, deck.span, deck.organisation].filter(Boolean).join(' \u00b7 '), {
      placeholder: 'subtitle',
    });
  } else {
    slide.addText(view.title, { placeholder: 'title', fit: 'shrink' });
    if (view.labelled) drawLabelledTimeline(slide, view.labelled, { x: 0.97, y: 1.55 }, { INK, MUTED, FONT });
    else if (view.layout) drawTimeline(slide, view.layout, { x: 0.9, y: 1.7, w: 11.5, h: 4.9 }, { INK, MUTED, FONT });
    if (view.table) {
      const cell = (text: string, i: number, head: boolean) => ({
        text,
        options: { bold: head, color: head ? ACCENT : INK, align: view.table!.right[i] ? 'right' : 'left' },
      });
      slide.addTable(
        [
          view.table.head.map((t, i) => cell(t, i, true)),
          ...view.table.rows.map((row) => row.map((t, i) => cell(t, i, false))),
        ],
        {
          x: 0.9,
          y: 1.7,
          w: 11.5,
          fontFace: FONT,
          fontSize: 18,
          border: { type: 'solid', pt: 0.5, color: RULE },
        },
      );
    }
    if (view.quote) {
      slide.addText(
        [
          {
            text: `\u201c${view.quote.text}\u201d`,
            options: { italic: true, fontSize: 26, color: INK, breakLine: true },
          },
          ...(view.quote.speaker
            ? [{ text: `\u2014 ${view.quote.speaker}`, options: { bold: true, fontSize: 20, color: ACCENT } }]
            : []),
        ],
        { x: 0.9, y: 1.6, w: 11.5, h: 4.9, fontFace: FONT, valign: 'top', paraSpaceAfter: 12 },
      );
    }
    if (view.bullets.length) {
      slide.addText(
        view.bullets.flatMap((b) => [
          ...(b.date
            ? [{ text: b.date, options: { fontSize: 16, bold: true, color: MUTED, breakLine: true, bullet: false } }]
            : []),
          {
            text: b.text,
            options: { fontSize: 20, color: INK, bullet: { indent: 18 }, breakLine: true, paraSpaceAfter: 10 },
          },
        ]),
        { placeholder: 'body', fit: 'shrink', ...(view.columns ? { columns: 2 } : {}) },
      );
    }
  }
  slide.addText(`${deck.runningTitle}    ${view.number} / ${view.total}`, {
    ...footer,
    color: view.kind === 'title' ? 'FFFFFF' : MUTED,
  });
  slide.addNotes(view.notes.join('\n'));
}

interface Ink {
  INK: string;
  MUTED: string;
  FONT: string;
}

/**
 * The labelled timeline of a slide, from the same layout as the HTML deck: CSS pixels to inches, and type at the same
 * size relative to the slide (a pixel of the 1920-pixel slide is half a point of the 13.33-inch one).
 */
function drawLabelledTimeline(
  slide: PptxSlide,
  t: SlideTimeline,
  at: { x: number; y: number },
  { INK, MUTED, FONT }: Ink,
) {
  const X = (v: number) => at.x + v * INCH,
    Y = (v: number) => at.y + v * INCH,
    S = (v: number) => v * INCH;
  const pt = (px: number) => px / 2;
  const line = (x1: number, y1: number, x2: number, y2: number, colour: string, width: number) =>
    slide.addShape('line', {
      x: X(Math.min(x1, x2)),
      y: Y(Math.min(y1, y2)),
      w: Math.max(S(Math.abs(x2 - x1)), 0.001),
      h: Math.max(S(Math.abs(y2 - y1)), 0.001),
      line: { color: colour, width },
    });
  line(0, t.axisY, t.width, t.axisY, INK, 2);
  for (const tick of t.ticks) {
    line(tick.x, t.axisY, tick.x, t.axisY + 12, INK, 1.5);
    slide.addText(tick.label, {
      x: X(tick.x) - 0.5,
      y: Y(t.axisY + 14),
      w: 1,
      h: 0.3,
      align: 'center',
      fontFace: FONT,
      fontSize: pt(22),
      color: MUTED,
      margin: 0,
    });
  }
  for (const l of t.leaders) line(l.x, l.y1, l.x, l.y2, l.colour.replace('#', ''), 2);
  for (const m of t.marks) {
    slide.addText(String(m.number), {
      shape: 'ellipse',
      x: X(m.x - 17),
      y: Y(t.axisY - 17),
      w: S(34),
      h: S(34),
      fill: { color: m.colour.replace('#', '') },
      color: 'FFFFFF',
      bold: true,
      align: 'center',
      valign: 'middle',
      fontFace: FONT,
      fontSize: pt(20),
      margin: 0,
    });
  }
  for (const l of t.labels) {
    slide.addShape('rect', {
      x: X(l.x),
      y: Y(l.y),
      w: S(6),
      h: S(l.h),
      fill: { color: l.colour.replace('#', '') },
      line: { color: l.colour.replace('#', '') },
    });
    slide.addText(
      [
        {
          text: `${l.number} \u00b7 ${l.date}`,
          options: { fontSize: pt(22), bold: true, color: MUTED, breakLine: true },
        },
        { text: l.title, options: { fontSize: pt(26), color: INK } },
      ],
      {
        x: X(l.x + 10),
        y: Y(l.y),
        w: S(l.w - 10),
        h: S(l.h),
        fontFace: FONT,
        valign: l.above ? 'bottom' : 'top',
        margin: 2,
      },
    );
  }
}

/** The timeline as shapes (lines, circles, numbers, year labels, legend), scaled into a box on the slide. */
function drawTimeline(
  slide: PptxSlide,
  t: TimelineLayout,
  box: { x: number; y: number; w: number; h: number },
  ink: Ink,
) {
  const canvas = canvasFor(slide, t, box);
  const { X, Y, S, points, line } = canvas;
  line(t.axis.x1, t.axis.y, t.axis.x2, t.axis.y, ink.INK, 1.5);
  for (const tick of t.ticks) {
    line(tick.x, tick.y1, tick.x, tick.y2, ink.INK);
    if (tick.label)
      slide.addText(tick.label, {
        x: X(tick.labelX) - 0.4,
        y: Y(tick.labelY) - S(t.font),
        w: 0.8,
        h: S(t.font * 1.6),
        align: 'center',
        fontFace: ink.FONT,
        fontSize: points(t.font),
        color: ink.MUTED,
      });
  }
  for (const m of t.marks) drawMark(slide, canvas, t, m, ink.FONT);
  for (const l of t.legend) {
    slide.addShape('ellipse', {
      x: X(l.x),
      y: Y(l.y - t.font * 0.85),
      w: S(t.radius),
      h: S(t.radius),
      fill: { color: l.colour.replace('#', '') },
      line: { color: l.colour.replace('#', '') },
    });
    slide.addText(l.label, {
      x: X(l.x + t.radius * 1.3),
      y: Y(l.y - t.font * 1.2),
      w: S(l.label.length * t.font * 0.6 + t.radius),
      h: S(t.font * 1.6),
      fontFace: ink.FONT,
      fontSize: points(t.font),
      color: ink.MUTED,
      margin: 0,
    });
  }
}

/** The layout's units turned into inches inside the box (X, Y, S), type sizes into points, and a line drawer. */
function canvasFor(slide: PptxSlide, t: TimelineLayout, box: { x: number; y: number; w: number; h: number }) {
  const scale = Math.min(box.w / t.width, box.h / t.height);
  const X = (v: number) => box.x + v * scale;
  const Y = (v: number) => box.y + v * scale;
  const S = (v: number) => v * scale;
  const points = (size: number) => Math.max(8, Math.round(size * scale * 72));
  const line = (x1: number, y1: number, x2: number, y2: number, colour: string, width = 1) =>
    slide.addShape('line', {
      x: X(x1),
      y: Y(y1),
      w: Math.max(S(x2 - x1), 0.001),
      h: Math.max(S(y2 - y1), 0.001),
      line: { color: colour, width },
    });
  return { X, Y, S, points, line };
}

/** An event's marker: its span's bar, its stem to the axis and its numbered circle. */
function drawMark(
  slide: PptxSlide,
  { X, Y, S, points, line }: ReturnType<typeof canvasFor>,
  t: TimelineLayout,
  m: TimelineLayout['marks'][number],
  font: string,
): void {
  const colour = m.colour.replace('#', '');
  if (m.bar)
    slide.addShape('roundRect', {
      x: X(m.bar.x),
      y: Y(m.cy - t.radius * 0.35),
      w: S(m.bar.width),
      h: S(t.radius * 0.7),
      fill: { color: colour, transparency: 65 },
      line: { color: colour, transparency: 100 },
      rectRadius: 0.5,
    });
  line(m.cx, m.cy + t.radius, m.cx, m.stemTo, colour);
  slide.addText(m.label, {
    shape: 'ellipse',
    x: X(m.cx - t.radius),
    y: Y(m.cy - t.radius),
    w: S(2 * t.radius),
    h: S(2 * t.radius),
    fill: { color: colour },
    color: 'FFFFFF',
    bold: true,
    align: 'center',
    valign: 'middle',
    fontFace: font,
    fontSize: points(t.font * 0.8),
    margin: 0,
  });
}

/** Same inputs, same bytes: the build's date on every zip entry and in docProps/core.xml. */
function stabilise(parts: ZipEntry[], date: Date): Buffer {
  const names = new Set(parts.map((part) => part.name));
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const entries = parts.map(({ name, data }) => {
    // pptxgenjs declares a slide master for every slide; only the parts that exist are declared.
    if (name === '[Content_Types].xml') {
      const xml = data
        .toString('utf8')
        .replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
          names.has(part) ? override : '',
        );
      return { name, data: Buffer.from(xml, 'utf8') };
    }
    // pptxgenjs writes no layout's type: each is given the one PowerPoint knows it by, found by its name.
    if (/^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)) return { name, data: typedLayout(data) };
    if (name !== 'docProps/core.xml') return { name, data };
    const xml = data
      .toString('utf8')
      .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
    return { name, data: Buffer.from(xml, 'utf8') };
  });
  return zipOf(entries, date);
}

const LAYOUT_TYPES = new Map<string, string>(Object.values(LAYOUTS).map(({ name, type }) => [name, type]));

/** A layout of ours with its type (`<p:sldLayout ... type="titleOnly">`). */
function typedLayout(data: Buffer): Buffer {
  const xml = data.toString('utf8');
  const type = LAYOUT_TYPES.get(/<p:cSld\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1] ?? '');
  return type && !/<p:sldLayout\b[^>]*\btype="/.test(xml)
    ? Buffer.from(xml.replace(/<p:sldLayout\b/, `<p:sldLayout type="${type}"`), 'utf8')
    : data;
}
