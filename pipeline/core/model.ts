// The data that flows between stages: Essay (parse) -> Chronology (extract) -> view models (views).
import type { Chronology } from './chronology-schema.ts';

/** [start, end) in UTF-16 code units into the source text as read (after a byte-order mark is dropped). */
export type Offset = [number, number];

export interface Sentence {
  /** 1-based within its paragraph. */
  n: number;
  text: string;
  offset: Offset;
}

/** A run of inline text with the marks it carries, so templates can keep emphasis without raw HTML. */
export interface Run {
  text: string;
  emphasis?: boolean;
  strong?: boolean;
  code?: boolean;
  strike?: boolean;
  /** Where a link points, as written. */
  link?: string;
  /** A footnote reference: 1-based index into Essay.notes (the run's text is empty). */
  note?: number;
  /** Inline math as MathML, made at build time; the run's text is the TeX source. */
  math?: string;
  /**
   * Words printed in the run's place that are never read for dates, names or summaries: a formatted citation
   * ("(Jones 2019, 4)"), or syntax that was not understood, printed as written. The run's text is then empty.
   */
  shown?: string;
  /** An anchor of the essay the run links to: a reference's entry, a section, a figure, a table. */
  target?: string;
  /** The run's own anchor: the first citation of a reference, which its entry links back to. */
  anchor?: string;
  /** A cross-reference ("Figure 1"): what it names, so a product can word it in its own labels. */
  crossRef?: { kind: CrossRefKind; n: string };
}

export const crossRefKinds = ['section', 'figure', 'table'] as const;
export type CrossRefKind = (typeof crossRefKinds)[number];

/** A callout box (Quarto's `::: {.callout-note}`): its kind and its title, if the writer gave one. */
export const calloutKinds = ['note', 'tip', 'warning', 'important', 'caution'] as const;
export interface Callout {
  kind: (typeof calloutKinds)[number];
  title: string | null;
  /** Where the box opens and closes: a callout's paragraphs are drawn as one box. */
  first: boolean;
  last: boolean;
}

/** An entry of the essay's bibliography that the text cites, formatted by its citation style. */
export interface Reference {
  /** The anchor of the entry ("ref-jones2019"). */
  id: string;
  runs: Run[];
  /** The anchor of its first citation, and the paragraph that holds it. */
  citedAt: { anchor: string; paragraph: number } | null;
}

/** A list item: its own text and the lists nested in it. */
export interface ListItem {
  runs: Run[];
  /** A task list's box: true ticked, false open, null for an ordinary item. */
  checked: boolean | null;
  lists: ListBlock[];
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
}

/**
 * The shape of a paragraph that is more than running text, for the products that draw it. Its `text` and `runs`
 * still hold its words (a list's items, a table's cells, a figure's caption) for search and extraction.
 */
export type Block =
  | ListBlock
  | {
      type: 'table';
      align: ('left' | 'right' | 'center' | null)[];
      head: Run[][];
      rows: Run[][][];
      /** The table's caption (`: Caption` under it), numbered when it has a label (`{#tbl-x}`). */
      caption?: { n: number | null; runs: Run[] };
    }
  | { type: 'code'; lang: string | null; text: string }
  | { type: 'figure'; n: number; alt: string; src: string; image: string | null }
  | { type: 'math'; mathml: string };

/** A footnote's text, numbered in the order the essay first refers to it. */
export interface Note {
  id: string;
  runs: Run[];
}

/** A piece of a paragraph's plain text and where it sits in the source (see source-map.ts). */
export interface Segment {
  text: number;
  source: number;
  length: number;
  /** True when the piece is its source verbatim, so every character maps exactly. */
  exact: boolean;
}

export interface Paragraph {
  /** 1-based, body paragraphs after the title: the number the chronology cites. */
  n: number;
  /** ASCII anchor used by every product to link to this paragraph. */
  id: string;
  /** Tables, code, figures and displayed math are data, never told as events; a whole list is one paragraph. */
  kind: 'text' | 'quote' | 'list' | 'table' | 'code' | 'figure' | 'math';
  block?: Block;
  text: string;
  runs: Run[];
  offset: Offset;
  sentences: Sentence[];
  /** Index into Essay.sections. */
  section: number;
  segments: Segment[];
  /** Characters at the start of the text that are a news dateline ("ISTANBUL, 22 July 2022 (Agency) - "), not prose. */
  dateline?: number;
  /** The writer asked for a new page before it (`\newpage`). */
  breakBefore?: true;
  /** Part of a callout box. */
  callout?: Callout;
  /** Form rather than content (a speech's salutation or sign-off, a release's media contact): printed, never read. */
  formula?: true;
}

/** Code and displayed math are characters to show, never words to read for dates or names. */
export const isCode = (p: Pick<Paragraph, 'kind'>) => p.kind === 'code' || p.kind === 'math';

/** Words read for dates and names: not code, and not a formula of the text's form. */
export const isRead = (p: Pick<Paragraph, 'kind' | 'formula'>) => !isCode(p) && !p.formula;

/** The essay's own running prose: what its points and slides are made of. */
export const isProse = (p: Pick<Paragraph, 'kind' | 'formula'>) => p.kind === 'text' && !p.formula;

export interface Section {
  id: string;
  /** Null for the untitled run of paragraphs before an essay's first heading. */
  title: string | null;
  depth: number;
  paragraphs: number[];
  /** The heading's text and where it sits in the source, so dates in headings are found too. */
  heading: { text: string; segments: Segment[] } | null;
  /** Its number ("2.1") when the essay numbers its sections (it refers to one, or asks by `number-sections`). */
  number?: string;
  /** The writer asked for a new page before it (`\newpage` just before its heading). */
  breakBefore?: true;
}

export interface Essay {
  slug: string;
  format: 'txt' | 'md';
  title: string;
  subtitle: string | null;
  author: string | null;
  /** ISO day the essay says it was compiled (colophon or front matter `date:`), else null. */
  compiled: string | null;
  /** ISO day the text is told from: its dateline, date line or dated title, else the compile date. What "yesterday",
   * "on Monday" and "last year" count from; null when the text gives no date of its own. */
  dated: string | null;
  /** Where `dated` was read: a colophon, front matter `date:`, a date line, a news dateline or the title. */
  dateSource: 'colophon' | 'front matter' | 'date line' | 'dateline' | 'title' | null;
  /** The colophon sentence the compile date was read from, kept out of the body paragraphs. */
  colophon: string | null;
  /** What kind of text it says it is by its form (parse/genre.ts), or null: its shape then says what it is. */
  genre: 'speech' | 'press release' | 'interview' | 'biography' | null;
  sections: Section[];
  paragraphs: Paragraph[];
  /** Footnotes, in the order the text first refers to them. */
  notes: Note[];
  /** The bibliography's entries the text cites, in the citation style's order. */
  references: Reference[];
  /** The language the essay is written in (front matter `lang`, BCP 47), for hyphenation and the PDF. */
  lang: string;
  /** Front matter of a Markdown essay, as written. */
  matter: Record<string, unknown>;
  /** The source text as read (after a byte-order mark is dropped): what every offset counts into. */
  source: string;
}

export const precisions = ['day', 'week', 'month', 'quarter', 'season', 'year', 'decade', 'century'] as const;
export type Precision = (typeof precisions)[number];

export const eventKinds = [
  'agreement',
  'membership',
  'visit',
  'meeting',
  'summit',
  'operation',
  'decision',
  'programme',
  'leadership',
  'incident',
  'statement',
  'other',
] as const;
export type EventKind = (typeof eventKinds)[number];

export type { Chronology };
export type ChronologyEvent = Chronology['events'][number];
export type Mention = Chronology['mentions'][number];
export type DateSpan = Pick<Mention, 'text' | 'value' | 'start' | 'end' | 'precision'>;
