// The render stage: view models through the Handlebars templates into HTML strings.
import type { Chronology, Essay } from '../model.ts';
import type { Settings } from '../settings.ts';
import { briefingView } from '../views/briefing.ts';
import { factsheetView, type FactsheetLimits } from '../views/factsheet.ts';
import { slidesView } from '../views/slides.ts';
import { defaultFonts, fontFaces } from './fonts.ts';
import type { Templates } from './templates.ts';

/** A string for a CSS `content: "..."` inside <style>: quotes, backslashes, newlines and "<" escaped. */
export const cssString = (text: string) => text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);

export class Renderer {
  private readonly fonts = fontFaces(defaultFonts);

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

  slides(essay: Essay, chronology: Chronology, settings: Settings): string {
    return this.templates.render('slides', { ...slidesView(essay, chronology, settings), fonts: this.fonts });
  }

  factsheet(essay: Essay, chronology: Chronology, settings: Settings, limits?: FactsheetLimits): string {
    return this.templates.render('factsheet', { ...factsheetView(essay, chronology, settings, limits), fonts: this.fonts });
  }
}
