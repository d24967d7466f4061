// The unified transformer that reads an mdast tree (from either parser) into an Essay on file.data.essay:
// title, compile date, sections, and numbered paragraphs with their sentences and source offsets.
import type { Image, List, Nodes, Root, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type {
  Block,
  Callout,
  CrossRefKind,
  Essay,
  ListBlock,
  Note,
  Paragraph,
  Reference,
  Run,
  Section,
  Segment,
} from '../core/model.ts';
import { toSource } from '../core/source-map.ts';
import { firstDate } from '../dates/timex/index.ts';
import { dateLineOf, datelineOf, titleDateOf } from './dateline.ts';
import { formulasOf, genreOf } from './genre.ts';
import { detectLanguage } from './language.ts';
import { type Collected, type CrossRefTarget, collectRuns, Inline, runsText } from './runs.ts';
import { splitSentences } from './sentences.ts';

interface Draft {
  kind: Paragraph['kind'];
  runs: Run[];
  segments: Segment[];
  offset: [number, number];
  section: number;
  block?: Block;
  /** Stretches of the text that are sentences apart (a list's items, a table's rows); the whole text if absent. */
  parts?: [number, number][];
  breakBefore?: true;
  callout?: Callout;
  /** A figure's or a table's cross-reference label. */
  label?: string;
}

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

/** Text made of several parts (items, rows) with a separator between them that belongs to neither. */
class Parts {
  readonly collected: Collected = { runs: [], segments: [], images: [] };
  readonly parts: [number, number][] = [];
  private readonly cursor = { length: 0 };

  constructor(private readonly inline: Inline) {}

  add(nodes: Nodes[], separator: string): Run[] {
    const before = this.collected.runs.length;
    if (this.parts.length) {
      const last = this.collected.runs.at(-1)?.text ?? '';
      const text = /[.;:!?]\s*$/.test(last) ? ' ' : separator;
      this.collected.runs.push({ text });
      this.cursor.length += text.length;
    }
    const start = this.cursor.length;
    collectRuns(nodes, this.inline, this.collected, {}, this.cursor);
    this.parts.push([start, this.cursor.length]);
    return this.collected.runs.slice(before + (this.parts.length > 1 ? 1 : 0));
  }
}

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
    let blocks = readBlocks(tree, matter, null, words, numbered);
    if (references.size) blocks = readBlocks(tree, matter, blocks.targets, words, numbered);
    const { sections: headed, drafts, inline, title } = blocks;
    for (const { written, position } of inline.unresolved)
      file.message(`Cross-reference ${written}: no figure, table or section has this label; printed as written`, {
        place: position?.start,
        ruleId: 'cross-reference',
        source: 'briefing',
      });
    const notes = readNotes(inline);
    const { compiled, colophon, dated, dateSource, datelineLength } = readDates(drafts, title, matter);
    const { sections, paragraphs } = numberParagraphs(headed, drafts, datelineLength);
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

/** The tree's blocks in reading order, as paragraphs to be (drafts), under the sections their headings open. */
function readBlocks(
  tree: Root,
  matter: Record<string, unknown>,
  known: Map<string, CrossRefTarget> | null,
  words: Record<CrossRefKind, string>,
  numbered: boolean,
) {
  const sections: Section[] = [{ id: 's0', title: null, depth: 1, paragraphs: [], heading: null }];
  const drafts: Draft[] = [];
  const inline = new Inline(tree, known, words);
  // What each cross-reference label stands for (its target is the label until paragraphs and sections are numbered),
  // and the block or section that carries it.
  const targets = new Map<string, CrossRefTarget>();
  const labels = new Map<string, Section | Draft>();
  const label = (name: string | undefined, kind: CrossRefKind, n: string, owner: Section | Draft) => {
    if (!name || targets.has(name)) return;
    targets.set(name, { kind, n, target: name });
    labels.set(name, owner);
  };
  const counters: number[] = [];
  let top: number | null = null;
  let figures = 0;
  let tables = 0;
  let pageBreak = false;
  let callout: Omit<Callout, 'first' | 'last'> | null = null;
  let title = typeof matter.title === 'string' ? matter.title.trim() : '';

  const push = (draft: Omit<Draft, 'section' | 'offset'>, position: Nodes['position']) => {
    if (!position) return;
    drafts.push({
      ...draft,
      offset: [position.start.offset ?? 0, position.end.offset ?? 0],
      section: sections.length - 1,
      ...(pageBreak ? { breakBefore: true as const } : {}),
      ...(callout ? { callout: { ...callout, first: false, last: false } } : {}),
    });
    pageBreak = false;
  };
  // Images in a paragraph are drawn after it, each a numbered figure captioned by its alt text.
  const addFigures = (images: Image[]) => {
    for (const image of images) {
      figures++;
      push(
        {
          kind: 'figure',
          runs: [{ text: image.alt ?? '' }],
          segments: [],
          block: {
            type: 'figure',
            n: figures,
            alt: image.alt ?? '',
            src: image.url,
            image: image.data?.dataUrl ?? null,
          },
        },
        image.position,
      );
      if (drafts.at(-1)?.block?.type === 'figure') label(image.data?.label, 'figure', String(figures), drafts.at(-1)!);
    }
  };
  const add = (kind: Draft['kind'], nodes: Nodes[], position = nodes[0]?.position) => {
    const { runs, segments, images } = collectRuns(nodes, inline);
    if (runs.some((r) => r.text.trim() || r.math)) {
      // A pipe table the parser left as text ("| Country | Joined |" over "|---|---|") is data, not prose.
      if (/^\s*\|.*\|\s*$/m.test(runsText(runs)) && /\|\s*:?-{3,}/.test(runsText(runs))) kind = 'table';
      push({ kind, runs, segments }, position);
    }
    addFigures(images);
  };
  const list = (node: List, parts: Parts): ListBlock => ({
    type: 'list',
    ordered: node.ordered ?? false,
    start: node.start ?? 1,
    items: node.children.map((item) => {
      const own = item.children.filter((child) => child.type !== 'list');
      const runs = own.length
        ? parts.add(
            own.flatMap((child) => ('children' in child ? (child.children as Nodes[]) : [child])),
            '; ',
          )
        : [];
      return {
        runs,
        checked: item.checked ?? null,
        lists: item.children.filter((child) => child.type === 'list').map((child) => list(child, parts)),
      };
    }),
  });

  const visit = (node: RootContent, kind: Draft['kind']) => {
    switch (node.type) {
      case 'heading':
        if (
          node.depth === 1 &&
          drafts.length === 0 &&
          sections.length === 1 &&
          (!title || title === textOf(node).trim())
        ) {
          title = textOf(node).trim();
        } else {
          const { runs, segments } = collectRuns(node.children, inline);
          const text = runsText(runs);
          const section: Section = {
            id: `s${sections.length}`,
            title: text.trim(),
            depth: node.depth,
            paragraphs: [],
            heading: { text, segments },
            ...(pageBreak ? { breakBefore: true as const } : {}),
          };
          pageBreak = false;
          // Numbered as 1, 1.1, 2 from the essay's highest heading; `{.unnumbered}` ones are left out.
          if (numbered && !node.data?.unnumbered) {
            top ??= node.depth;
            const level = Math.max(0, node.depth - top);
            counters.length = level + 1;
            for (let i = 0; i < level; i++) counters[i] ??= 1;
            counters[level] = (counters[level] ?? 0) + 1;
            section.number = counters.join('.');
          }
          sections.push(section);
          label(node.data?.label, 'section', section.number ?? String(sections.length - 1), section);
        }
        return;
      case 'paragraph':
        return add(kind, node.children, node.position);
      case 'blockquote': {
        if (!node.data?.callout) {
          for (const child of node.children) visit(child, 'quote');
          return;
        }
        // A callout's paragraphs are the essay's own, drawn as one box: its first and last say where it opens and
        // closes.
        const from = drafts.length;
        const outer = callout;
        callout = node.data.callout;
        for (const child of node.children) visit(child, kind);
        callout = outer;
        const inside = drafts.slice(from).filter((d) => d.callout);
        if (inside.length) {
          inside[0]!.callout!.first = true;
          inside.at(-1)!.callout!.last = true;
        }
        return;
      }
      case 'pageBreak':
        pageBreak = true;
        return;
      case 'list': {
        // A list is one paragraph: one number, its items sentences apart.
        const parts = new Parts(inline);
        const block = list(node, parts);
        const { runs, segments, images } = parts.collected;
        if (runs.some((r) => r.text.trim()))
          push({ kind: 'list', runs, segments, block, parts: parts.parts }, node.position);
        return addFigures(images);
      }
      case 'table': {
        const parts = new Parts(inline);
        // A row is one sentence of the table's text, its cells apart by " | ".
        const [head, ...rows] = node.children.map((row) => {
          const first = parts.parts.length;
          const cells = row.children.map((cell, i) => parts.add(cell.children, i ? ' | ' : '; '));
          parts.parts.splice(first, parts.parts.length, [parts.parts[first]![0], parts.parts.at(-1)![1]]);
          return cells;
        });
        const caption = node.data?.caption;
        if (caption && node.data?.label) tables++;
        const block: Block = {
          type: 'table',
          align: node.align ?? [],
          head: head ?? [],
          rows,
          ...(caption
            ? { caption: { n: node.data?.label ? tables : null, runs: collectRuns(caption, inline).runs } }
            : {}),
        };
        push(
          {
            kind: 'table',
            runs: parts.collected.runs,
            segments: parts.collected.segments,
            block,
            parts: parts.parts,
          },
          node.position,
        );
        if (caption && drafts.at(-1)?.block === block) label(node.data?.label, 'table', String(tables), drafts.at(-1)!);
        return;
      }
      case 'code':
        // Code is shown as the characters written, never typeset or read for events.
        return push(
          {
            kind: 'code',
            runs: [{ text: node.value, code: true }],
            segments: [],
            block: { type: 'code', lang: node.lang ?? null, text: node.value },
          },
          node.position,
        );
      case 'math':
        return push(
          node.data?.mathml
            ? {
                kind: 'math',
                runs: [{ text: node.value, code: true }],
                segments: [],
                block: { type: 'math', mathml: node.data.mathml },
              }
            : {
                kind: 'code',
                runs: [{ text: node.value, code: true }],
                segments: [],
                block: { type: 'code', lang: 'tex', text: node.value },
              },
          node.position,
        );
      case 'html':
        // A comment is the writer's note to themselves; other markup is shown as the characters written.
        if (/^\s*<!--[\s\S]*?-->\s*$/.test(node.value)) return;
        return add(kind, [{ type: 'text', value: node.value, position: node.position }], node.position);
      default:
        return;
    }
  };
  for (const node of tree.children) visit(node, 'text');
  return { sections, drafts, inline, title, targets, labels };
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
function readDates(drafts: Draft[], title: string, matter: Record<string, unknown>) {
  // The essay's own statement of its date comes first; front matter `date:` when it makes none.
  let compiled: string | null = null;
  let colophon: string | null = null;
  for (const index of [drafts.length - 1, 0]) {
    const draft = drafts[index];
    const text = draft ? runsText(draft.runs) : '';
    // A colophon is one sentence: a paragraph that goes on ("... was filed in 1975. In 2004 ...") is the essay's.
    const said = draft && text.length <= 200 && splitSentences(text).length === 1 ? COLOPHON.exec(text) : null;
    if (!draft || !said) continue;
    // The date is what was compiled "on": right after the word ("posted ... in Seoul" dates nothing).
    const date = firstDate(text);
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
  // A line that is only a date, first or last ("Friday, January 4, 2019"): the text's date, not a paragraph of it.
  for (const index of [0, drafts.length - 1]) {
    const draft = drafts[index];
    const day = draft && dateLineOf(runsText(draft.runs));
    if (!draft || !day) continue;
    [dated, dateSource] = [day, 'date line'];
    colophon ??= runsText(draft.runs).trim();
    drafts.splice(index, 1);
    break;
  }
  // A news dateline opens the first paragraph ("ISTANBUL, 22 July 2022 (Agency) -"); alone, it is no paragraph.
  const lead = drafts[0] && datelineOf(runsText(drafts[0].runs));
  let datelineLength = 0;
  if (lead) {
    if (!dated && lead.date) [dated, dateSource] = [lead.date, 'dateline'];
    if (runsText(drafts[0]!.runs).slice(lead.length).trim()) datelineLength = lead.length;
    else drafts.shift();
  }
  if (!dated && (dated = titleDateOf(title))) dateSource = 'title';
  if (!dated) [dated, dateSource] = [compiled, compiledBy];

  return { compiled, colophon, dated, dateSource, datelineLength };
}

/** Sections without the empty untitled opening one, renumbered; paragraphs numbered, with their sentences. */
function numberParagraphs(sections: Section[], drafts: Draft[], datelineLength: number) {
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
    const dateline = n === 1 && datelineLength ? { dateline: datelineLength } : {};
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
