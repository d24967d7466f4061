// What a build may be told: products, paper, dates, organisation, marking, author, colours, fonts, logo, templates.
// Defaults here; a configuration file (config.ts), each essay's front matter and the command line override them,
// in that order.

/** How dates are written: 4 May 1994 or May 4, 1994. */
export type DateStyle = 'day-month' | 'month-day';

/** A product's name, as products/index.ts registers it: "briefing", "slides", "factsheet", "json". */
export type Product = string;

/** Colours a theme may set; each becomes a CSS variable (--accent, --ink, ...) in every product. */
export const colourNames = ['accent', 'accent-soft', 'ink', 'muted', 'rule'] as const;
export type ColourName = (typeof colourNames)[number];

export interface Settings {
  /** The products to make; none named: every product there is. */
  formats: Product[];
  paper: 'A4' | 'Letter';
  dateStyle: DateStyle;
  organisation: string | null;
  author: string | null;
  marking: string | null;
  colours: Partial<Record<ColourName, string>>;
  /** @fontsource packages for body text and for headings, and the fallbacks for characters those lack (emoji, Hangul). */
  fonts: { body: string; headings: string; fallback: string[] };
  /** A local image file shown on the cover, the fact sheet and the title slide. */
  logo: string | null;
  /** What "today" means for an essay that carries no date of its own (YYYY-MM-DD). */
  referenceDate: string | null;
  /** Essays larger than this are refused rather than worked on for an hour. */
  maxBytes: number;
  /** The essays' language when their front matter does not say (else it is told from their words). */
  lang: string | null;
  /** Fixed words of the products in the office's own wording, over the language's (views/labels.ts keys). */
  labels: Record<string, string>;
  /** A Word document whose styles the Word briefing takes (Title, Heading 1-3, Normal, Quote, Caption, ...). */
  referenceDocx: string | null;
  /** A PowerPoint deck or template whose theme (fonts and colours) the PowerPoint takes. */
  referencePptx: string | null;
  /** The bibliography (BibTeX or CSL JSON) and citation style for essays whose front matter names none. */
  bibliography: string | null;
  csl: string | null;
  /** The pack's file names: a pattern of {slug} and {product} ("{slug}-{product}"), or the products' own names. */
  outputName: string | null;
}

export const defaultSettings: Settings = {
  formats: [],
  paper: 'A4',
  dateStyle: 'day-month',
  organisation: null,
  author: null,
  marking: null,
  colours: {},
  fonts: {
    body: '@fontsource/source-serif-4',
    headings: '@fontsource/source-sans-3',
    fallback: ['@fontsource/noto-emoji', '@fontsource/noto-sans-arabic', '@fontsource/noto-sans-hebrew'],
  },
  logo: null,
  referenceDate: null,
  maxBytes: 10 * 1024 * 1024,
  lang: null,
  labels: {},
  referenceDocx: null,
  referencePptx: null,
  bibliography: null,
  csl: null,
  outputName: null,
};

/** What an essay's front matter may set for its own pack; its other keys describe the essay itself. */
export const matterSettingKeys = ['organisation', 'author', 'marking', 'paper', 'dates', 'colours'] as const;
