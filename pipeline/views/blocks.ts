// How an essay's paragraphs read in a product: runs typeset (and hyphenated where the text is justified), lists,
// tables, code, figures and math drawn as what they are, and the notes (the essay's footnotes, and the address of
// each link whose words do not show it) numbered in reading order.
import type { Block, Callout, CrossRefKind, ListBlock, Paragraph, Reference, Run } from '../core/model.ts';
import { typesetRuns } from './format.ts';

export interface RunView extends Omit<Run, 'target' | 'anchor'> {
  /** The link's target when it can be followed from a PDF (web, mail, or "#..." within the document), else null. */
  href: string | null;
  /** What a citation or cross-reference links to, within the document, or null. */
  target: string | null;
  /** A citation's own anchor (its reference links back to it), or null. */
  anchor: string | null;
  /** The note this run refers to, with the anchor of its first reference (the note links back there). */
  ref: { n: number; id: string | null } | null;
}

/** How cross-references name what they point to, in the product's labels ("Figure", "Abbildung"). */
export type CrossRefWords = Record<CrossRefKind, string>;
type CalloutLabel = `callout${Capitalize<Callout['kind']>}`;
const calloutLabel = (kind: Callout['kind']) => `callout${kind[0]!.toUpperCase()}${kind.slice(1)}` as CalloutLabel;

export interface NoteView {
  n: number;
  id: string;
  back: string;
  /** A footnote's words, or null for a link's address (url). */
  runs: RunView[] | null;
  url: string | null;
}

export interface ListView {
  ordered: boolean;
  start: number;
  items: { runs: RunView[]; checked: boolean | null; lists: ListView[] }[];
}

export interface CellView {
  runs: RunView[];
  align: 'left' | 'right' | 'center';
}

export interface ParagraphView {
  n: number;
  id: string;
  kind: Paragraph['kind'];
  runs: RunView[];
  list: ListView | null;
  table: { head: CellView[]; rows: CellView[][] } | null;
  code: { text: string; lang: string | null } | null;
  figure: { n: number; image: string | null; alt: string; caption: RunView[] } | null;
  math: string | null;
  /** A table's caption, numbered when it has a label. */
  caption: { n: number | null; runs: RunView[] } | null;
  /** A new page before it. */
  breakBefore: boolean;
  /** Part of a callout box, with the box's title in the product's words when the writer gave none. */
  callout: (Callout & { heading: string }) | null;
}

/** Links a reader can follow from print: the web and mail. Anything else (javascript:, file:, a relative path) is text. */
const FOLLOWABLE = /^(?:https?:\/\/|mailto:)/i;

/** Whether the words of a link already show where it goes ("example.org" for https://example.org/). */
function showsAddress(words: string, url: string): boolean {
  const bare = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/^(?:https?:\/\/|mailto:)/, '')
      .replace(/^www\./, '')
      .replace(/\/$/, '');
  return bare(words) === bare(url);
}

/**
 * The notes of one product, numbered as they are first met. A footnote cited twice keeps its number; a link's
 * address gets a note only when its words do not show it.
 */
export class Notes {
  readonly entries: NoteView[] = [];
  private readonly footnotes = new Map<number, NoteView>();
  private readonly urls = new Map<string, NoteView>();

  constructor(private readonly footnoteRuns: (index: number) => Run[] | undefined) {}

  private add(entry: Omit<NoteView, 'n' | 'id' | 'back'>): NoteView {
    const n = this.entries.length + 1;
    const note = { n, id: `fn-${n}`, back: `fnref-${n}`, ...entry };
    this.entries.push(note);
    return note;
  }

  footnote(index: number): RunView['ref'] {
    let note = this.footnotes.get(index);
    const first = !note;
    if (!note) {
      const runs = this.footnoteRuns(index);
      if (!runs) return null;
      note = this.add({ runs: [], url: null });
      this.footnotes.set(index, note);
      // Filled after it has its number: a note citing another note numbers that one after itself.
      note.runs = runViews(typesetRuns(runs), null, true);
    }
    return { n: note.n, id: first ? note.back : null };
  }

  address(url: string): RunView['ref'] {
    let note = this.urls.get(url);
    const first = !note;
    if (!note) this.urls.set(url, (note = this.add({ runs: null, url })));
    return { n: note.n, id: first ? note.back : null };
  }
}

/**
 * Runs as a template draws them. With `notes`, footnote references and the addresses of links are numbered notes;
 * without, references are dropped (a product with no notes) and inside a note an address follows its words.
 */
export function runViews(runs: Run[], notes: Notes | null, inNote = false, words?: CrossRefWords): RunView[] {
  const out: RunView[] = [];
  let linkWords = '';
  runs.forEach((run, i) => {
    if (run.note !== undefined) {
      const ref = notes?.footnote(run.note - 1) ?? null;
      if (ref) out.push({ ...run, href: null, ref, target: null, anchor: null });
      return;
    }
    // A citation, a cross-reference or syntax printed as written: the words shown, linked within the document.
    if (run.shown !== undefined || run.target !== undefined) {
      const text =
        run.crossRef && words && run.text.includes(run.crossRef.n)
          ? `${words[run.crossRef.kind]}\u00a0${run.crossRef.n}`
          : (run.shown ?? run.text);
      out.push({
        ...run,
        text,
        href: run.target ? `#${run.target}` : null,
        ref: null,
        target: run.target ?? null,
        anchor: run.anchor ?? null,
      });
      return;
    }
    const href = run.link && FOLLOWABLE.test(run.link) ? run.link : null;
    // The words of a link may run over several runs (emphasis inside it): its note follows the last.
    linkWords = run.link && runs[i - 1]?.link === run.link ? linkWords + run.text : run.text;
    const hidden = href !== null && runs[i + 1]?.link !== run.link && !showsAddress(linkWords, href);
    out.push({
      ...run,
      href,
      ref: hidden && notes && !inNote ? notes.address(href) : null,
      target: null,
      anchor: null,
    });
    if (hidden && inNote) out.push({ text: ` (${href})`, href: null, ref: null, target: null, anchor: null });
  });
  return out;
}

const listView = (list: ListBlock, each: (runs: Run[]) => RunView[]): ListView => ({
  ordered: list.ordered,
  start: list.start,
  items: list.items.map((item) => ({
    runs: each(item.runs),
    checked: item.checked,
    lists: item.lists.map((l) => listView(l, each)),
  })),
});

const NUMBER = /^[\s(]*[-+\u2212]?[\d\s.,%\u2009\u202f]*\d[\d\s.,%\u2009\u202f]*[)\s]*$/;

function tableView(table: Extract<Block, { type: 'table' }>, each: (runs: Run[]) => RunView[]): ParagraphView['table'] {
  const text = (runs: Run[]) => runs.map((r) => r.text).join('');
  // A column of numbers is right-aligned unless the writer aligned it.
  const align = table.head.map(
    (_, c) =>
      table.align[c] ??
      (table.rows.length && table.rows.every((row) => !row[c] || NUMBER.test(text(row[c]!)) || !text(row[c]!).trim())
        ? 'right'
        : 'left'),
  );
  const cells = (row: Run[][]) => table.head.map((_, c) => ({ runs: each(row[c] ?? []), align: align[c]! }));
  return { head: cells(table.head), rows: table.rows.map(cells) };
}

export interface ViewOptions {
  notes: Notes | null;
  /** Soft hyphens into the words of justified text. */
  hyphenate?: (text: string) => string;
  /** The product's words for what cross-references and callouts name (views/labels.ts). */
  labels?: CrossRefWords & Record<CalloutLabel, string>;
}

/** A paragraph as a template draws it. */
export function paragraphView(p: Paragraph, options: ViewOptions): ParagraphView {
  const hyphenate = options.hyphenate;
  const each = (runs: Run[], justified = false) =>
    runViews(
      typesetRuns(runs).map((r) =>
        justified && hyphenate && !r.code && !r.math && !r.link ? { ...r, text: hyphenate(r.text) } : r,
      ),
      options.notes,
      false,
      options.labels,
    );
  const block = p.block;
  const table = block?.type === 'table' ? block : null;
  return {
    n: p.n,
    id: p.id,
    kind: p.kind,
    runs: block ? [] : each(p.runs, p.kind === 'text' || p.kind === 'quote'),
    list: block?.type === 'list' ? listView(block, (runs) => each(runs)) : null,
    table: block?.type === 'table' ? tableView(block, (runs) => each(runs)) : null,
    code: block?.type === 'code' ? { text: block.text, lang: block.lang } : null,
    figure: block?.type === 'figure' ? { n: block.n, image: block.image, alt: block.alt, caption: each(p.runs) } : null,
    math: block?.type === 'math' ? block.mathml : null,
    caption: table?.caption ? { n: table.caption.n, runs: each(table.caption.runs) } : null,
    breakBefore: !!p.breakBefore,
    callout: p.callout
      ? { ...p.callout, heading: p.callout.title ?? options.labels?.[calloutLabel(p.callout.kind)] ?? p.callout.kind }
      : null,
  };
}

export interface ReferenceView {
  id: string;
  runs: RunView[];
  /** Back to its first citation, and the paragraph that holds it. */
  back: { href: string; paragraph: number } | null;
}

/** The bibliography's entries the essay cites, each linked back to its first citation. */
export const referenceViews = (references: Reference[]): ReferenceView[] =>
  references.map((reference) => ({
    id: reference.id,
    runs: runViews(reference.runs, null, true),
    back: reference.citedAt ? { href: `#${reference.citedAt.anchor}`, paragraph: reference.citedAt.paragraph } : null,
  }));
