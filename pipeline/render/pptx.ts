// The deck as an editable PowerPoint file (pptxgenjs): titles, bullets, quotations and speaker notes are real text;
// the timeline is a picture of the same SVG the other products show. The file is made byte-stable: every zip entry
// and the document properties carry the build's date, not the clock's.
import { createRequire } from 'node:module';
import JSZip from 'jszip';
import type { slidesView } from '../views/slides.ts';

// pptxgenjs's types are not constructable under NodeNext (its issue #1536): load its CommonJS build and type the
// little of it used here.
interface PptxSlide {
  background: { color: string };
  addText(text: string | { text: string; options?: object }[], options?: object): PptxSlide;
  addImage(options: object): PptxSlide;
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

/** @param timelines PNG pictures of the timeline slides, by slide number */
export async function deckToPptx(deck: Deck, timelines: Map<number, Buffer>, date: Date): Promise<Buffer> {
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
      const picture = timelines.get(view.number);
      if (picture) {
        const height = 11.5 * (picture.readUInt32BE(20) / picture.readUInt32BE(16)); // PNG header: width, height
        slide.addImage({ data: `image/png;base64,${picture.toString('base64')}`, x: 0.9, y: 1.6, w: 11.5, h: Math.min(height, 4.9) });
      }
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
