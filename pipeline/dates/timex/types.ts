// What the recogniser finds and what it resolves it to.
import type { Span } from '../calendar.ts';

/** The tense of a clause, as extract/tense.ts reads it: which way from the document's date a bare date lies. */
export type Tense = 'past' | 'present' | 'future' | 'prospective';

export interface Context {
  /** The date the reader last saw: what "the same year" or a bare "July 3" refer to. */
  anchor: Span | null;
  /** The document's own date (dateline, compile date, front matter, --reference-date): "yesterday", "on Friday". */
  reference: string | null;
  /** The first date the text states: the anchor for a bare "July 3" read before any year (not today's year). */
  fallback?: Span | null;
  /**
   * True for a text told from its own date (a news story, a report, a speech): a "July 3" or "December" without a
   * year is then the nearest one to that date in the direction the tense gives, not the narrative's last year.
   */
  news?: boolean;
  /** The essay's language (BCP 47): whose words dates are read in. English when not given. */
  lang?: string;
  /** The last span of several days read ("du 10 au 12 juin"): what "le premier jour", "am zweiten Tag" count in. */
  days?: Span | null;
  /** The tense of the clause at an offset of the text being tagged (see tense.ts); past when not given. */
  tenseAt?: (offset: number) => Tense | null;
}

export interface Timex extends Span {
  text: string;
  /** [start, end) into the text that was searched. */
  offset: [number, number];
  /** For a range, the offsets of its two ends (TimeML corpora tag them separately). */
  parts?: [number, number][];
  /** True when the text states the year itself; false when it was taken from the anchor or the reference date. */
  explicit: boolean;
  /** The family of patterns that read it ("months", "deictic"; "months to years" for a range joined from two). */
  family: string;
}

/** @param at where the expression starts in the text, for the tense of its clause */
export type Resolver = (ctx: Context, at: number) => (Span & { explicit: boolean }) | null;

export interface Candidate {
  start: number;
  end: number;
  /** The family of patterns that found it. */
  family: string;
  resolve: Resolver;
  parts?: [number, number][];
  deictic?: boolean;
  /** Never worth a warning when it cannot be placed ("now" in a text with no date of its own). */
  quiet?: boolean;
  /** A range joined from two dates: the two, read apart when together they make no range ("May 10 - last week"). */
  pieces?: [Candidate, Candidate];
}

/** A family's pattern: a regular expression with named groups, and what makes a resolver of a match. */
export interface Pattern {
  re: RegExp;
  /** Null when the match is not a date after all ("May" the verb, "1500 soldiers"). */
  build: (m: Match, text: string) => Resolver | null;
  /** Read from the document's own date ("yesterday", "on Friday", "last year"), whatever the narrative's. */
  deictic?: true;
}

/** A match of a pattern: its named groups, and where each starts and ends. */
export type Match = RegExpExecArray & {
  groups: Partial<Record<string, string>>;
  indices: RegExpIndicesArray & { groups: Partial<Record<string, [number, number]>> };
};
