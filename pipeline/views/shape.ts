// What kind of essay a pack is made from, which decides its layout: a chronicle of dated events, an analysis (its
// arguments matter more than its few dates), a news story (told from its dateline), or a short note.
import type { Chronology, Essay } from '../core/model.ts';
import { type Labels, labelsFor } from './labels.ts';

export type ShapeKind = 'chronology' | 'analysis' | 'news' | 'note';

export interface Shape {
  kind: ShapeKind;
  /** How the cover names the pack: "Chronology", "Analysis", "News brief", "Note". */
  label: string;
  /** Three dated events or more: enough for a timeline, a chronology table and headline figures. */
  dated: boolean;
  /** A few paragraphs: no contents page, no key points apart from the text itself. */
  short: boolean;
  /** The who's who is printed only for an essay that names people. */
  people: boolean;
}

/** Fewer than this many dated events make no timeline, chronology or figures: one or two dots are no time line. */
export const MIN_EVENTS = 3;
/** An essay of at most this many paragraphs is a note: its whole text is its own summary. */
export const NOTE_PARAGRAPHS = 4;

const LABELS = {
  chronology: 'shapeChronology',
  analysis: 'shapeAnalysis',
  news: 'shapeNews',
  note: 'shapeNote',
} as const satisfies Record<ShapeKind, keyof Labels>;

const GENRE_LABELS = {
  speech: 'genreSpeech',
  'press release': 'genrePressRelease',
  interview: 'genreInterview',
  biography: 'genreBiography',
} as const satisfies Record<NonNullable<Essay['genre']>, keyof Labels>;

/**
 * An essay of arguments: fewer than three dated events, or fewer than three quarters of its paragraphs. Its key
 * points are its topic sentences, and it is laid out as an analysis.
 */
export const isArgument = (events: number, paragraphs: number) => events < MIN_EVENTS || events < 0.75 * paragraphs;

export function shapeOf(essay: Essay, chronology: Chronology): Shape {
  const events = chronology.events.length;
  const paragraphs = essay.paragraphs.length;
  const told = essay.dateSource === 'dateline' || essay.dateSource === 'date line';
  const argued = isArgument(events, paragraphs);
  const kind: ShapeKind =
    paragraphs <= NOTE_PARAGRAPHS && !told ? 'note' : told ? 'news' : argued ? 'analysis' : 'chronology';
  return {
    kind,
    // A text that says by its form what it is (a speech, a press release) is named so; else by its shape.
    label: labelsFor(essay.lang)[essay.genre ? GENRE_LABELS[essay.genre] : LABELS[kind]],
    dated: events >= MIN_EVENTS,
    short: paragraphs <= NOTE_PARAGRAPHS,
    people: chronology.people.length > 0,
  };
}
