// The render stage: view models through the Handlebars templates into HTML strings.
import type { Chronology, Essay } from '../model.ts';
import type { Settings } from '../settings.ts';
import { briefingView } from '../views/briefing.ts';
import { factsheetView, type FactsheetLimits } from '../views/factsheet.ts';
import { slidesView } from '../views/slides.ts';
import { deckFonts, defaultFonts, fontFaces } from './fonts.ts';
import type { Templates } from './templates.ts';

/** A string for a CSS `content: "..."` inside <style>: quotes, backslashes, newlines and "<" escaped. */
export const cssString = (text: string) => text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);

export class Renderer {
  private readonly fonts = fontFaces(defaultFonts);
  private deckFonts: string | null = null;

  constructor(private readonly templates: Templates) {}

  briefing(essay: Essay, chronology: Chronology, settings: Settings, pages: Map<string, number> = new Map()): string {
    const view = briefingView(essay, chronology, settings);
    return this.templates.render('briefing', {
      ...view,
      fonts: this.fonts,
      headerTitle: cssString(view.title),
      headerMarking: cssString(view.marking ?? ''),
      contents: view.contents.map((entry) => ({ ...entry, page: pages.get(entry.id) ?? '' })),
    });
  }

  /** The deck's HTML (self-contained: its fonts are inlined) and the view it was made from (for the PowerPoint). */
  slides(essay: Essay, chronology: Chronology, settings: Settings) {
    const deck = slidesView(essay, chronology, settings);
    this.deckFonts ??= fontFaces(deckFonts, { inline: true, subsets: ['latin', 'latin-ext'] });
    return { deck, html: this.templates.render('slides', { ...deck, fonts: this.deckFonts }) };
  }

  factsheet(essay: Essay, chronology: Chronology, settings: Settings, limits?: FactsheetLimits): string {
    return this.templates.render('factsheet', { ...factsheetView(essay, chronology, settings, limits), fonts: this.fonts });
  }
}
