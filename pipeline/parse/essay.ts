// The unified transformer that reads an mdast tree (from either parser) into an Essay on file.data.essay:
// title, compile date, sections, and numbered paragraphs with their sentences and source offsets.
import type { Nodes, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type { CrossRefKind, Essay, Note, Paragraph, Reference, Run, Section } from '../core/model.ts';
import { toSource } from '../core/source-map.ts';
import { dateLanguagesFor, firstDate } from '../dates/timex/index.ts';
import { BlockReader, type Draft, Parts } from './blocks.ts';
import { dateLineOf, datelineOf, titleDateOf } from './dateline.ts';
import { formulasOf, genreOf, RELEASE_LINE } from './genre.ts';
import { detectLanguage } from './language.ts';
import { type Inline, runsText } from './runs.ts';
import { splitSentences } from './sentences.ts';

/** How a cross-reference names what it points to, in the essay's language (the products may reword it). */
const CROSS_REF_WORDS: Record<string, Record<CrossRefKind, string>> = {
  en: { section: 'Section', figure: 'Figure', table: 'Table' },
  fr: { section: 'Section', figure: 'Figure', table: 'Tableau' },
  de: { section: 'Abschnitt', figure: 'Abbildung', table: 'Tabelle' },
  es: { section: 'Sección', figure: 'Figura', table: 'Tabla' },
};

/** "Brief essay was compiled on May 25, 2006.": a short closing (or opening) line that dates the essay itself. */
const COLOPHON =
  /\b(?:compiled|written|prepared|updated|revised|completed|finished|published|dated|current|delivered|given|filed|issued|posted)\b[^.]{0,60}\b(?:on|in|as of|at)\b/i;
/** What a colophon says was compiled: the text itself ("Brief essay was compiled", "This report is current", "Last
 * updated", "Compiled on"), not a thing of the story ("Churchill warned in his speech delivered on March 5, 1946"). */
const ABOUT_THE_TEXT =
  /^(?:(?:this|the|our)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:brief|essay|note|notes|report|paper|speech|address|remarks|text|document|article|memo|memorandum|briefing|page|analysis|chronology|summary|version|edition|statement|lecture|piece|post|story|release|transcript|information|data|figures|list|guide|profile|sheet|background|update)\s+(?:(?:was|is|were|are|has\s+been|had\s+been)\s+)?(?:last\s+)?$|^(?:last\s+)?$/iu;

export default function essay() {
  return (tree: Root, file: VFile) => {
    const matter = (file.data.matter ?? {}) as Record<string, unknown>;
    const lang =
      typeof matter.lang === 'string' && matter.lang.trim() ? matter.lang.trim() : detectLanguage(String(file.value));
    const words = CROSS_REF_WORDS[lang.split('-')[0]!.toLowerCase()] ?? CROSS_REF_WORDS.en!;
    const references = crossReferences(tree);
    const numbered = matter['number-sections'] === true || references.has('section');
    // Cross-references name what they point to by its number ("Figure 2"), known once every block has been read:
    // an essay that has them is read twice, the second time with the numbers.
    let blocks = new BlockReader(tree, matter, null, words, numbered);
    if (references.size) blocks = new BlockReader(tree, matter, blocks.targets, words, numbered);
    const { sections: headed, drafts, inline, title } = blocks;
    for (const { written, position } of inline.unresolved)
      file.message(`Cross-reference ${written}: no figure, table or section has this label; printed as written`, {
        place: position?.start,
        ruleId: 'cross-reference',
        source: 'briefing',
      });
    const notes = readNotes(inline);
    const { compiled, colophon, dated, dateSource, dateline } = readDates(
      drafts,
      title,
      matter,
      dateLanguagesFor(lang),
    );
    const { sections, paragraphs } = numberParagraphs(headed, drafts, dateline);
    anchorTargets(blocks.labels, sections, paragraphs, notes);
    const genre = genreOf(title || String(file.stem ?? ''), paragraphs, String(file.value));
    for (const n of formulasOf(genre, paragraphs)) paragraphs[n - 1]!.formula = true;
    const result: Essay = {
      slug: String(file.data.slug ?? file.stem ?? 'essay'),
      format: file.extname === '.md' || file.extname === '.markdown' ? 'md' : 'txt',
      title: title || String(file.stem ?? 'Untitled'),
      subtitle: typeof matter.subtitle === 'string' ? matter.subtitle : null,
      author: typeof matter.author === 'string' ? matter.author : null,
      compiled,
      dated,
      dateSource,
      colophon,
      genre,
      sections,
      paragraphs,
      notes,
      references: referencesOf(file.data.references ?? [], paragraphs),
      lang,
      matter,
      source: String(file.value),
    };
    file.data.essay = result;
  };
}

/** The kinds of the cross-references an essay makes. */
function crossReferences(tree: Root): Set<CrossRefKind> {
  const kinds = new Set<CrossRefKind>();
  visitParents(tree, 'crossReference', (node) => {
    kinds.add((node as { kind: CrossRefKind }).kind);
  });
  return kinds;
}

/** Cross-references point at their label until paragraphs and sections have their anchors: then at those. */
function anchorTargets(
  labels: Map<string, Section | Draft>,
  sections: Section[],
  paragraphs: Paragraph[],
  notes: Note[],
) {
  if (!labels.size) return;
  const anchors = new Map<string, string>();
  for (const [name, owner] of labels) {
    if ('depth' in owner) {
      if (sections.includes(owner)) anchors.set(name, owner.id);
    } else {
      const paragraph = paragraphs.find((p) => p.offset[0] === owner.offset[0] && p.runs === owner.runs);
      if (paragraph) anchors.set(name, paragraph.id);
    }
  }
  const point = (runs: Run[]) => {
    for (const run of runs) if (run.crossRef && run.target) run.target = anchors.get(run.target) ?? run.target;
  };
  for (const p of paragraphs) {
    point(p.runs);
    if (p.block?.type === 'table' && p.block.caption) point(p.block.caption.runs);
  }
  for (const note of notes) point(note.runs);
}

/** The bibliography's entries, each with the paragraph of its first citation (which its back-link names). */
function referencesOf(entries: { id: string; runs: Run[]; citedAt: string }[], paragraphs: Paragraph[]): Reference[] {
  const where = new Map<string, number>();
  for (const p of paragraphs)
    for (const run of p.runs) if (run.anchor && !where.has(run.anchor)) where.set(run.anchor, p.n);
  return entries.map((entry) => ({
    id: entry.id,
    runs: entry.runs,
    citedAt: where.has(entry.citedAt) ? { anchor: entry.citedAt, paragraph: where.get(entry.citedAt)! } : null,
  }));
}

/** Footnotes, in the order they are first cited (a note may cite another). */
function readNotes(inline: Inline): Note[] {
  const notes: Note[] = [];
  for (let i = 0; i < inline.cited.length; i++) {
    const definition = inline.footnote(inline.cited[i]!)!;
    const parts = new Parts(inline);
    for (const child of definition.children)
      parts.add('children' in child ? (child.children as Nodes[]) : [child], ' ');
    notes.push({ id: inline.cited[i]!, runs: parts.collected.runs });
  }

  return notes;
}

/**
 * The essay's own dates, and the lines that only state them (a colophon, a date line, a dateline standing alone),
 * taken out of the drafts: the date it was compiled, and the date it is told from, which its "yesterday" counts from.
 */
function readDates(drafts: Draft[], title: string, matter: Record<string, unknown>, languages: string[]) {
  // The essay's own statement of its date comes first; front matter `date:` when it makes none.
  let compiled: string | null = null;
  let colophon: string | null = null;
  for (const index of [drafts.length - 1, 0]) {
    const draft = drafts[index];
    const text = draft ? runsText(draft.runs) : '';
    // A colophon is one sentence: a paragraph that goes on ("... was filed in 1975. In 2004 ...") is the essay's.
    const said = draft && text.length <= 200 && splitSentences(text).length === 1 ? COLOPHON.exec(text) : null;
    if (!draft || !said || !ABOUT_THE_TEXT.test(text.slice(0, said.index).trimStart())) continue;
    // The date is what was compiled "on": right after the word ("posted ... in Seoul" dates nothing).
    const date = firstDate(text, null, languages);
    const after = said.index + said[0].length;
    if (!date || date.offset[0] < after || date.offset[0] - after > 12) continue;
    compiled = date.start;
    colophon = text.trim();
    drafts.splice(index, 1);
    break;
  }
  let compiledBy: Essay['dateSource'] = compiled ? 'colophon' : null;
  if (!compiled && (compiled = isoFromMatter(matter.date))) compiledBy = 'front matter';
  // The story's own date, which its "yesterday" counts from, comes before the date the brief was compiled.
  let dated: string | null = null;
  let dateSource: Essay['dateSource'] = null;
  // The title said again as the first line with the text's date ("Wikinews interviews Aner Shalev Wednesday,
  // September 19, 2007"): the title and a date line, not a paragraph.
  const again = drafts[0] && titleAgain(runsText(drafts[0].runs), title, languages);
  if (again) {
    [dated, dateSource] = [again, 'date line'];
    drafts.shift();
  }
  // A line that is only a date, first or last ("Friday, January 4, 2019"): the text's date, not a paragraph of it.
  for (const index of [0, drafts.length - 1]) {
    if (dated) break;
    const draft = drafts[index];
    const day = draft && dateLineOf(runsText(draft.runs), languages);
    if (!draft || !day) continue;
    [dated, dateSource] = [day, 'date line'];
    colophon ??= runsText(draft.runs).trim();
    drafts.splice(index, 1);
    break;
  }
  // A news dateline opens the first paragraph ("ISTANBUL, 22 July 2022 (Agency) -"), or the one after a release line
  // ("FOR IMMEDIATE RELEASE"); alone, it is no paragraph.
  const first = drafts[0] && RELEASE_LINE.test(runsText(drafts[0].runs).trim()) ? 1 : 0;
  const lead = drafts[first] && datelineOf(runsText(drafts[first].runs), languages);
  const dateline = { at: first, length: 0 };
  if (lead) {
    if (!dated && lead.date) [dated, dateSource] = [lead.date, 'dateline'];
    if (runsText(drafts[first]!.runs).slice(lead.length).trim()) dateline.length = lead.length;
    else drafts.splice(first, 1);
  }
  if (!dated && (dated = titleDateOf(title, languages))) dateSource = 'title';
  if (!dated) [dated, dateSource] = [compiled, compiledBy];

  return { compiled, colophon, dated, dateSource, dateline };
}

/** The day of a first line that is the title again and a date line after it; else null. */
function titleAgain(line: string, title: string, languages: string[]): string | null {
  const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const bare = letters(title);
  if (bare.length < 12 || !letters(line).startsWith(bare) || letters(line) === bare) return null;
  // Where the title ends in the line: after as many letters and digits as it has.
  let seen = 0;
  let at = 0;
  while (at < line.length && seen < bare.length) if (/[\p{L}\p{N}]/u.test(line[at++]!)) seen++;
  return dateLineOf(line.slice(at), languages);
}

/** Sections without the empty untitled opening one, renumbered; paragraphs numbered, with their sentences. */
function numberParagraphs(sections: Section[], drafts: Draft[], { at, length }: { at: number; length: number }) {
  // Drop the untitled opening section when nothing stands before the first heading, and renumber.
  const kept = sections.filter((_, i) => i > 0 || drafts.some((d) => d.section === 0));
  kept.forEach((s, i) => {
    s.id = `s${i + 1}`;
  });
  const sectionIndex = (old: number) => kept.indexOf(sections[old]!);
  const paragraphs: Paragraph[] = drafts.map((draft, i) => {
    const text = runsText(draft.runs);
    const n = i + 1;
    sections[draft.section]!.paragraphs.push(n);
    const section = sectionIndex(draft.section);
    const sentences = (draft.parts ?? [[0, text.length]])
      .flatMap(([from, to]) => splitSentences(text.slice(from, to), from))
      .map((s, i) => ({
        ...s,
        n: i + 1,
        offset: [toSource(draft.segments, s.offset[0]), toSource(draft.segments, s.offset[1])] as [number, number],
      }));
    const dateline = i === at && length ? { dateline: length } : {};
    return {
      ...(draft.breakBefore ? { breakBefore: draft.breakBefore } : {}),
      ...(draft.callout ? { callout: draft.callout } : {}),
      n,
      id: `p${n}`,
      kind: draft.kind,
      text,
      runs: draft.runs,
      offset: draft.offset,
      sentences,
      section,
      segments: draft.segments,
      ...(draft.block ? { block: draft.block } : {}),
      ...dateline,
    };
  });

  return { sections: kept, paragraphs };
}

function isoFromMatter(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return firstDate(value)?.start ?? null;
}
