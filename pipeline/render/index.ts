// The render stage: view models through the Handlebars templates into HTML strings. What every template gets besides
// its view: the fonts (@font-face rules), the theme (colours and font families as CSS variables) and the logo.
import { imageDataUrl } from '../core/images.ts';
import type { Chronology, Essay } from '../core/model.ts';
import type { Settings } from '../core/settings.ts';
import { briefingView } from '../views/briefing.ts';
import { type FactsheetLimits, factsheetView } from '../views/factsheet.ts';
import { runningTitle } from '../views/format.ts';
import { slidesView } from '../views/slides.ts';
import { type FontFamily, familyName, fontFaces, subsetsFor, uncovered } from './fonts.ts';
import type { Templates } from './templates.ts';

/** A string for a CSS `content: "..."` inside <style>: quotes, backslashes, newlines and "<" escaped. */
export const cssString = (text: string) => text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);

interface Shared {
  fonts: string;
  theme: string;
  logo: string | null;
}

export class Renderer {
  private readonly cache = new Map<string, Shared>();

  constructor(private readonly templates: Templates) {}

  /**
   * Fonts, theme and logo for these settings, made once per build (or per essay whose front matter or scripts
   * differ). The fonts are inlined, only the subsets the essay's characters need: every HTML file is whole by itself
   * (it opens anywhere, the preview shows the fonts the PDF has) and names no path of the build machine.
   */
  private shared(settings: Settings, inline: boolean, text: string, code = false): Shared {
    const subsets = subsetsFor(settings.fonts.body, text);
    const missing = uncovered(text, [settings.fonts.body, settings.fonts.headings]).join('');
    const key = JSON.stringify([settings.fonts, settings.colours, settings.logo, inline, subsets, code, missing]);
    let shared = this.cache.get(key);
    if (!shared) {
      const families: FontFamily[] = [
        { package: settings.fonts.body, weights: [400, 600, 700] },
        { package: settings.fonts.headings, weights: [400, 600, 700], italic: !inline },
        // Code in the essay is set in a monospace face of its own.
        ...(code ? [{ package: MONO, weights: [400], italic: false }] : []),
      ].filter((_, i) => !inline || i === 1); // the deck is set in the headings face only
      // Fallback faces only for the characters the essay has that the others lack (an emoji, a Korean name).
      const fonts = [
        fontFaces(families, { inline: true, subsets }),
        fontFaces(
          settings.fonts.fallback.map((pkg) => ({ package: pkg, weights: [400, 700], italic: false })),
          { inline: true, text: missing },
        ),
      ].join('\n');
      const fallbacks = settings.fonts.fallback.map((pkg) => `'${familyName(pkg)}', `).join('');
      const variables = [
        `--serif: '${familyName(settings.fonts.body)}', ${fallbacks}Georgia, serif`,
        `--sans: '${familyName(settings.fonts.headings)}', ${fallbacks}'Helvetica Neue', Arial, sans-serif`,
        `--mono: '${familyName(MONO)}', 'DejaVu Sans Mono', monospace`,
        ...Object.entries(settings.colours).map(([name, value]) => `--${name}: ${value}`),
      ];
      shared = {
        fonts,
        theme: `:root { ${variables.join('; ')}; }`,
        logo: settings.logo ? dataUrl(settings.logo) : null,
      };
      this.cache.set(key, shared);
    }
    return shared;
  }

  /** The briefing's view of the essay last asked for: printed twice (the second time with its page numbers), made once. */
  private readonly briefingViews = new WeakMap<
    Essay,
    { chronology: Chronology; settings: Settings; view: ReturnType<typeof briefingView> }
  >();

  private briefingContext(
    essay: Essay,
    chronology: Chronology,
    settings: Settings,
    pages: Map<string, number> = new Map(),
  ) {
    let made = this.briefingViews.get(essay);
    if (!made || made.chronology !== chronology || made.settings !== settings) {
      made = { chronology, settings, view: briefingView(essay, chronology, settings) };
      this.briefingViews.set(essay, made);
    }
    const view = made.view;
    return {
      ...view,
      ...this.shared(settings, false, essay.source, hasCode(essay)),
      headerTitle: cssString(runningTitle(view.title)),
      headerMarking: cssString(view.marking ?? ''),
      contents: view.contents.map((entry) => ({ ...entry, page: pages.get(entry.id) ?? '' })),
    };
  }

  briefing(essay: Essay, chronology: Chronology, settings: Settings, pages: Map<string, number> = new Map()): string {
    return this.templates.render('briefing', this.briefingContext(essay, chronology, settings, pages));
  }

  /**
   * Check the templates, every branch of them, against every field the views can give: the views of a sample essay
   * that has them all (render/sample-essay.ts). A misspelt field fails here, before anything is made.
   */
  check(sample: Essay, chronology: Chronology, settings: Settings): void {
    const known = new Set<string>(['css', ...this.templates.stylesheets]);
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) {
          known.add(key);
          collect(inner);
        }
    };
    collect(this.briefingContext(sample, chronology, settings));
    collect({ ...slidesView(sample, chronology, settings), ...this.shared(settings, true, sample.source) });
    collect({ ...factsheetView(sample, chronology, settings), ...this.shared(settings, false, sample.source) });
    this.templates.check(known);
  }

  /** The deck's HTML (self-contained: fonts and logo inlined) and the view it was made from (for the PowerPoint). */
  slides(essay: Essay, chronology: Chronology, settings: Settings) {
    const deck = slidesView(essay, chronology, settings);
    const shared = this.shared(settings, true, essay.source);
    // The PowerPoint is branded as the PDFs are: the same logo, colours and headings face.
    const brand = { logo: shared.logo, colours: settings.colours, font: familyName(settings.fonts.headings) };
    return { deck, brand, html: this.templates.render('slides', { ...deck, ...shared }) };
  }

  factsheet(essay: Essay, chronology: Chronology, settings: Settings, limits?: FactsheetLimits): string {
    return this.templates.render('factsheet', {
      ...factsheetView(essay, chronology, settings, limits),
      ...this.shared(settings, false, essay.source),
    });
  }
}

const MONO = '@fontsource/source-code-pro';

const hasCode = (essay: Essay) => essay.paragraphs.some((p) => p.kind === 'code' || p.runs.some((r) => r.code));

/** A logo is inlined into every product, so it stays small. */
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

const dataUrl = (file: string) => imageDataUrl(file, `logo: ${file}`, MAX_LOGO_BYTES);
