// The deck as an editable PowerPoint file (pptxgenjs): titles, bullets, quotations and speaker notes are real text,
// and the timeline is drawn with native shapes from the same layout the SVG is drawn from. The file is made
// byte-stable: every zip entry and the document properties carry the build's date, not the clock's.
import { createRequire } from 'node:module';
import JSZip from 'jszip';
import type { slidesView } from '../views/slides.ts';
import type { TimelineLayout } from '../views/timeline.ts';

// pptxgenjs's types are not constructable under NodeNext (its issue #1536): load its CommonJS build and type the
// little of it used here.
interface PptxSlide {
  background: { color: string };
  addText(text: string | { text: string; options?: object }[], options?: object): PptxSlide;
  addImage(options: object): PptxSlide;
  addShape(shape: string, options: object): PptxSlide;
  addNotes(notes: string): PptxSlide;
}
interface PptxDeck {
  layout: string;
  title: string;
  company: string;
  subject: string;
  addSlide(): PptxSlide;
  write(options: { outputType: 'nodebuffer' }): Promise<unknown>;
}
const require = createRequire(import.meta.url);
const Pptx = require('pptxgenjs') as new () => PptxDeck;

type Deck = ReturnType<typeof slidesView>;

const ACCENT = '1F4E79';
const INK = '1B1F24';
const MUTED = '5B636D';
const FONT = 'Source Sans 3';

export async function deckToPptx(deck: Deck, date: Date): Promise<Buffer> {
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_WIDE'; // 13.33 x 7.5 in: 16:9
  pptx.title = deck.title;
  pptx.company = deck.organisation ?? '';
  pptx.subject = `Briefing: ${deck.title}${deck.span ? `, ${deck.span}` : ''}`;
  for (const view of deck.slides) {
    const slide = pptx.addSlide();
    const footer = { x: 0.9, y: 6.95, w: 11.5, h: 0.35, fontFace: FONT, fontSize: 11, color: MUTED };
    if (view.kind === 'title') {
      slide.background = { color: ACCENT };
      slide.addText(view.title, { x: 0.9, y: 2.0, w: 11.5, h: 2.2, fontFace: FONT, fontSize: 48, bold: true, color: 'FFFFFF', valign: 'bottom' });
      slide.addText([deck.span, 'Briefing', deck.organisation].filter(Boolean).join(' \u00b7 '), { x: 0.9, y: 4.3, w: 11.5, h: 0.8, fontFace: FONT, fontSize: 22, color: 'DCE6F0' });
    } else {
      slide.addText(view.title, { x: 0.9, y: 0.45, w: 11.5, h: 0.9, fontFace: FONT, fontSize: 30, bold: true, color: ACCENT, valign: 'top', fit: 'none' });
      if (view.layout) drawTimeline(slide, view.layout, { x: 0.9, y: 1.7, w: 11.5, h: 4.9 });
      if (view.quote) {
        slide.addText([
          { text: `\u201c${view.quote.text}\u201d`, options: { italic: true, fontSize: 24, color: INK, breakLine: true } },
          ...(view.quote.speaker ? [{ text: `\u2014 ${view.quote.speaker}`, options: { bold: true, fontSize: 18, color: ACCENT } }] : []),
        ], { x: 0.9, y: 1.6, w: 11.5, h: 4.9, fontFace: FONT, valign: 'top', paraSpaceAfter: 12 });
      }
      if (view.bullets.length) {
        slide.addText(view.bullets.flatMap((b) => [
          ...(b.date ? [{ text: b.date, options: { fontSize: 14, bold: true, color: MUTED, breakLine: true, bullet: false } }] : []),
          { text: b.text, options: { fontSize: 20, color: INK, bullet: { indent: 18 }, breakLine: true, paraSpaceAfter: 10 } },
        ]), { x: 0.9, y: 1.55, w: 11.5, h: 5.2, fontFace: FONT, valign: 'top' });
      }
    }
    slide.addText(`${deck.title}    ${view.number} / ${view.total}`, { ...footer, color: view.kind === 'title' ? 'DCE6F0' : MUTED });
    slide.addNotes(view.notes.join('\n'));
  }
  const raw = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return stabilise(raw, date);
}

/** The timeline as shapes (lines, circles, numbers, year labels, legend), scaled into a box on the slide. */
function drawTimeline(slide: PptxSlide, t: TimelineLayout, box: { x: number; y: number; w: number; h: number }) {
  const scale = Math.min(box.w / t.width, box.h / t.height);
  const X = (v: number) => box.x + v * scale, Y = (v: number) => box.y + v * scale, S = (v: number) => v * scale;
  const points = (size: number) => Math.max(8, Math.round(size * scale * 72));
  const line = (x1: number, y1: number, x2: number, y2: number, colour: string, width = 1) =>
    slide.addShape('line', { x: X(x1), y: Y(y1), w: Math.max(S(x2 - x1), 0.001), h: Math.max(S(y2 - y1), 0.001), line: { color: colour, width } });
  line(t.axis.x1, t.axis.y, t.axis.x2, t.axis.y, INK, 1.5);
  for (const tick of t.ticks) {
    line(tick.x, tick.y1, tick.x, tick.y2, INK);
    if (tick.label) slide.addText(tick.label, { x: X(tick.labelX) - 0.4, y: Y(tick.labelY) - S(t.font), w: 0.8, h: S(t.font * 1.6), align: 'center', fontFace: FONT, fontSize: points(t.font), color: MUTED });
  }
  for (const m of t.marks) {
    const colour = m.colour.replace('#', '');
    if (m.bar) slide.addShape('roundRect', { x: X(m.bar.x), y: Y(m.cy - t.radius * 0.35), w: S(m.bar.width), h: S(t.radius * 0.7), fill: { color: colour, transparency: 65 }, line: { color: colour, transparency: 100 }, rectRadius: 0.5 });
    line(m.cx, m.cy + t.radius, m.cx, m.stemTo, colour);
    slide.addText(m.label, {
      shape: 'ellipse', x: X(m.cx - t.radius), y: Y(m.cy - t.radius), w: S(2 * t.radius), h: S(2 * t.radius),
      fill: { color: colour }, color: 'FFFFFF', bold: true, align: 'center', valign: 'middle', fontFace: FONT, fontSize: points(t.font * 0.8), margin: 0,
    });
  }
  for (const l of t.legend) {
    slide.addShape('ellipse', { x: X(l.x), y: Y(l.y - t.font * 0.85), w: S(t.radius), h: S(t.radius), fill: { color: l.colour.replace('#', '') }, line: { color: l.colour.replace('#', '') } });
    slide.addText(l.label, { x: X(l.x + t.radius * 1.3), y: Y(l.y - t.font * 1.2), w: S(l.label.length * t.font * 0.6 + t.radius), h: S(t.font * 1.6), fontFace: FONT, fontSize: points(t.font), color: MUTED, margin: 0 });
  }
}

/** Same inputs, same bytes: fixed dates on every zip entry and in docProps/core.xml. */
async function stabilise(pptx: Buffer, date: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(pptx);
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = (await core.async('string')).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`);
    zip.file('docProps/core.xml', xml);
  }
  // Zip timestamps are local time: pin the zone so every machine writes the same bytes.
  const stamp = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
  for (const file of Object.values(zip.files)) file.date = stamp;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
