// The render stage: view models through the Handlebars templates into HTML strings. What every template gets besides
// its view: the fonts (@font-face rules), the theme (colours and font families as CSS variables) and the logo.
import { imageDataUrl, MAX_LOGO_BYTES } from '../core/images.ts';
import type { Essay } from '../core/model.ts';
import type { Settings } from '../core/settings.ts';
import { trace } from '../core/trace.ts';
import { type FontFamily, familyName, fontFaces, subsetsFor, uncovered } from './fonts.ts';
import type { Templates } from './templates.ts';

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
          { inline: true, text: missing, latin: false },
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

  /**
   * A layout's HTML: the view its product made, and the fonts, theme and logo every template gets. `inline` sets the
   * page in the headings face only (the deck); `code` adds the monospace face.
   */
  render(layout: string, view: object, settings: Settings, page: Page): string {
    trace(`render ${layout}`);
    return this.templates.render(layout, { ...view, ...this.shared(settings, !!page.inline, page.text, page.code) });
  }

  /** What a PowerPoint carries of the theme: the same logo, colours and headings face as the PDFs. */
  brand(settings: Settings) {
    return {
      logo: settings.logo ? dataUrl(settings.logo) : null,
      colours: settings.colours,
      font: familyName(settings.fonts.headings),
    };
  }

  /**
   * Check the templates, every branch of them, against every field the views can give (each product's view of a
   * sample essay that has them all, see sample-essay.ts): a misspelt field fails here, before anything is made.
   */
  check(views: object[]): void {
    const known = new Set<string>(['css', 'fonts', 'theme', 'logo', ...this.templates.stylesheets]);
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) {
          known.add(key);
          collect(inner);
        }
    };
    views.forEach(collect);
    this.templates.check(known);
  }
}

/** What a page is set from: its text (for the font subsets it needs), and how. */
export interface Page {
  text: string;
  /** Fonts inlined for a page that stands alone, in the headings face only (the deck). */
  inline?: boolean;
  /** The essay has code: add the monospace face. */
  code?: boolean;
}

const MONO = '@fontsource/source-code-pro';

export const hasCode = (essay: Essay) => essay.paragraphs.some((p) => p.kind === 'code' || p.runs.some((r) => r.code));

/** A logo is inlined into every product, so it stays small. */

const dataUrl = (file: string) => imageDataUrl(file, `logo: ${file}`, MAX_LOGO_BYTES);
