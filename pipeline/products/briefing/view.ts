// The briefing's view model: cover, key points, contents, the essay, timeline, chronology, who's who, glossary.
import { packDate } from '../../core/essay-date.ts';
import type { Chronology, Essay } from '../../core/model.ts';
import type { Settings } from '../../core/settings.ts';
import { escapeRegExp } from '../../core/text.ts';
import { Notes, referenceViews } from '../../views/blocks.ts';
import { eventNumbers, eventRows, keyPoints, notableQuotation, sectionsOf, spanCovered } from '../../views/common.ts';
import { cssString, formatValue, runningTitle, titleSize, typeset } from '../../views/format.ts';
import { hyphenator } from '../../views/hyphenate.ts';
import { directionOf, fill, type Labels, labelsFor } from '../../views/labels.ts';
import { type Shape, shapeOf } from '../../views/shape.ts';
import { timelineSvg } from '../../views/timeline.ts';

export function briefingView(essay: Essay, chronology: Chronology, settings: Settings) {
  // Footnotes and the addresses of links are numbered in reading order and listed after the essay.
  const notes = new Notes((index) => essay.notes[index]?.runs);
  const labels = labelsFor(essay.lang, settings.labels);
  const sections = briefingSections(essay, chronology, notes, labels);
  // The essay's shape decides what the pack holds: a timeline and chronology only for three dated events or more, a
  // who's who only when people are named, no key points or contents for a note (its text is its own summary).
  const shape = shapeOf(essay, chronology);
  const hasEvents = shape.dated;
  const references = referenceViews(essay.references);
  const { people, organizations, places } = whosWho(essay, chronology, shape.people);
  const glossary = Object.entries(chronology.acronyms)
    .map(([acronym, expansion]) => ({ acronym, expansion }))
    .sort((a, b) => a.acronym.localeCompare(b.acronym));
  const contents = shape.short
    ? []
    : contentsOf(labels, sections, {
        notes: notes.entries.length > 0,
        references: references.length > 0,
        events: hasEvents,
        whosWho: people.length + organizations.length + places.length > 0,
        glossary: glossary.length > 0,
      });
  return {
    lang: essay.lang,
    /** "rtl" for a language written right to left (Arabic, Hebrew, ...): the page mirrors. */
    dir: directionOf(essay.lang),
    /** Every fixed word of the briefing, in the essay's language (views/labels.ts; configuration `labels:`). */
    labels,
    /** The page footer's words, as CSS strings. */
    pageLabel: { page: cssString(labels.page), of: cssString(labels.of) },
    paragraphsAndEvents: fill(
      chronology.events.length === 1 ? labels.paragraphsAndOneEvent : labels.paragraphsAndEvents,
      {
        paragraphs: essay.paragraphs.length,
        events: chronology.events.length,
      },
    ),
    title: typeset(essay.title),
    titleSize: titleSize(essay.title),
    subtitle: essay.subtitle ? typeset(essay.subtitle) : null,
    shape: shape.kind,
    /** What the pack is, under the title when the essay has no subtitle: "Chronology, 1992–2006", "Analysis". */
    kindLine: kindLine(essay, chronology, shape, settings),
    author: essay.author ?? settings.author,
    span: spanCovered(chronology),
    date: formatValueOrNull(packDate(essay, settings.referenceDate), settings.dateStyle, essay.lang),
    dateLabel: essay.compiled ? labels.compiled : essay.dated ? labels.dated : labels.asOf,
    organisation: settings.organisation,
    marking: settings.marking,
    paper: settings.paper,
    keyPoints: shape.short ? [] : keyPoints(essay, chronology, settings.dateStyle),
    contents,
    sections,
    notes: notes.entries,
    /** The bibliography's entries the essay cites, in its citation style's order. */
    references,
    hasEvents,
    timeline: timelineSvg(chronology.events, {
      width: 500,
      radius: 8,
      numbers: eventNumbers(chronology),
      legend: true,
      lang: essay.lang,
    }), // a narrow viewBox: larger type in print
    events: eventRows(chronology, settings.dateStyle, essay.lang),
    people,
    organizations,
    places,
    glossary,
    /** A who's who of a few names runs on after the chronology; a long one starts its own page. */
    whosWhoPage: people.length + organizations.length + places.length >= 8,
    paragraphCount: essay.paragraphs.length,
    colophon: essay.colophon ? typeset(essay.colophon) : null,
  };
}

/** The essay's sections, the notable quotation standing out after the paragraph it comes from. */
function briefingSections(essay: Essay, chronology: Chronology, notes: Notes, labels: Labels) {
  const quotation = notableQuotation(essay, chronology);
  return sectionsOf(essay, chronology, { notes, hyphenate: hyphenator(essay.lang) ?? undefined, labels }).map(
    (section) => ({
      ...section,
      paragraphs: section.paragraphs.map((p) => ({ ...p, pullQuote: quotation?.paragraph === p.n ? quotation : null })),
    }),
  );
}

/** The people, bodies and places the essay names, each with its role and the paragraphs that name it. */
function whosWho(essay: Essay, chronology: Chronology, withBodiesAndPlaces: boolean) {
  const index = (names: string[]) =>
    names
      .map((name) => ({
        name,
        role: chronology.roles[name] ?? null,
        paragraphs: paragraphsNaming(essay, name, chronology.people),
      }))
      .filter((entry) => entry.paragraphs.length > 0);
  return {
    people: index(chronology.people),
    organizations: withBodiesAndPlaces ? index(chronology.organizations) : [],
    places: withBodiesAndPlaces ? index(chronology.places) : [],
  };
}

/** The contents: key points, the sections, then the parts after the essay that the briefing holds. */
function contentsOf(
  labels: Labels,
  sections: { id: string; title: string; number?: string | null; level: number }[],
  has: { notes: boolean; references: boolean; events: boolean; whosWho: boolean; glossary: boolean },
) {
  return [
    { id: 'key-points', title: labels.keyPoints, level: 1 },
    ...sections.map((s) => ({ id: s.id, title: s.number ? `${s.number}\u2002${s.title}` : s.title, level: s.level })),
    ...(has.notes ? [{ id: 'notes', title: labels.notes, level: 1 }] : []),
    ...(has.references ? [{ id: 'references', title: labels.references, level: 1 }] : []),
    ...(has.events
      ? [
          { id: 'timeline', title: labels.timeline, level: 1 },
          { id: 'chronology', title: labels.chronology, level: 1 },
        ]
      : []),
    ...(has.whosWho ? [{ id: 'whos-who', title: labels.whosWho, level: 1 }] : []),
    ...(has.glossary ? [{ id: 'glossary', title: labels.glossary, level: 1 }] : []),
  ];
}

/** What the pack is, under the title when the essay has no subtitle: "Chronology, 1992–2006", "Analysis". */
function kindLine(essay: Essay, chronology: Chronology, shape: Shape, settings: Settings): string {
  if (shape.kind === 'news' && essay.dated)
    return `${shape.label}, ${formatValue(essay.dated, settings.dateStyle, essay.lang)}`;
  const span = spanCovered(chronology);
  return shape.dated && span ? `${shape.label}, ${span}` : shape.label;
}

/** Paragraph numbers whose text names `name` (or, for a person, their surname alone). */
function paragraphsNaming(essay: Essay, name: string, people: string[]): number[] {
  const last = (person: string) => person.split(' ').at(-1)!;
  const surname =
    people.includes(name) && people.filter((p) => last(p) === last(name)).length === 1 ? last(name) : null;
  const pattern = new RegExp(
    `(?<![\\p{L}])(?:${[name, surname]
      .filter(Boolean)
      .map((s) => escapeRegExp(s!))
      .join('|')})(?![\\p{L}])`,
    'u',
  );
  return essay.paragraphs.filter((p) => pattern.test(p.text)).map((p) => p.n);
}

const formatValueOrNull = (iso: string | null, style: Settings['dateStyle'], lang: string) =>
  iso ? formatValue(iso, style, lang) : null;

/** The briefing's view, made once per essay: the briefing is printed twice (the second time with its page numbers). */
const made = new WeakMap<Essay, { chronology: Chronology; settings: Settings; view: BriefingView }>();

export type BriefingView = ReturnType<typeof briefingView>;

/**
 * What briefing.hbs is given: the view, the running heads (as CSS strings) and the contents with the pages each
 * entry landed on in the last print (empty before the first).
 */
export function briefingPage(
  essay: Essay,
  chronology: Chronology,
  settings: Settings,
  pages: Map<string, number> = new Map(),
) {
  let entry = made.get(essay);
  if (!entry || entry.chronology !== chronology || entry.settings !== settings) {
    entry = { chronology, settings, view: briefingView(essay, chronology, settings) };
    made.set(essay, entry);
  }
  const { view } = entry;
  return {
    ...view,
    headerTitle: cssString(runningTitle(view.title)),
    headerMarking: cssString(view.marking ?? ''),
    contents: view.contents.map((item) => ({ ...item, page: pages.get(item.id) ?? '' })),
  };
}

/** What briefing.hbs is given (besides css, fonts, theme and logo): schema/views/briefing.schema.json is made from this type. */
export type TemplateData = ReturnType<typeof briefingPage>;
