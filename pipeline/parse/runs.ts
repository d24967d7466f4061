// Inline Markdown as runs: text with the marks it carries (emphasis, code, links, footnote references, math), and
// where each piece of text sits in the source, so offsets found in a paragraph's text point back into the file.
import type { Definition, FootnoteDefinition, Image, Nodes, Root } from 'mdast';
import type { CrossRefKind, Run, Segment } from '../core/model.ts';

/** What a cross-reference's label stands for: "Figure 1", and where it is. */
export interface CrossRefTarget {
  kind: CrossRefKind;
  n: string;
  target: string;
}

/** What inline content refers to elsewhere in the essay: link definitions, footnotes, images lifted out as figures. */
export class Inline {
  private readonly definitions = new Map<string, Definition>();
  private readonly footnotes = new Map<string, FootnoteDefinition>();
  /** Footnote identifiers in the order the text first refers to them. */
  readonly cited: string[] = [];
  /** Cross-references whose label names nothing, as written and where. */
  readonly unresolved: { written: string; position: Nodes['position'] }[] = [];

  /**
   * `targets`: what each cross-reference label stands for, once known (null while the essay's figures, tables and
   * sections are being numbered), and `words` to name them in the essay's language.
   */
  constructor(
    tree: Root,
    readonly targets: Map<string, CrossRefTarget> | null = null,
    readonly words: Record<CrossRefKind, string> = { section: 'Section', figure: 'Figure', table: 'Table' },
  ) {
    for (const node of tree.children) {
      if (node.type === 'definition') this.definitions.set(node.identifier, node);
      if (node.type === 'footnoteDefinition') this.footnotes.set(node.identifier, node);
    }
  }

  footnote(identifier: string): FootnoteDefinition | undefined {
    return this.footnotes.get(identifier);
  }

  /** The note number a reference stands for (1-based, by first reference), or null for a note never defined. */
  cite(identifier: string): number | null {
    if (!this.footnotes.has(identifier)) return null;
    if (!this.cited.includes(identifier)) this.cited.push(identifier);
    return this.cited.indexOf(identifier) + 1;
  }

  url(identifier: string): string | null {
    return this.definitions.get(identifier)?.url ?? null;
  }
}

export interface Collected {
  runs: Run[];
  segments: Segment[];
  /** Images met in the text, drawn as figures after it. */
  images: Image[];
}

type Marks = Omit<Run, 'text'>;

/** Flatten inline content into runs, recording where each piece of text sits in the source. */
export function collectRuns(
  nodes: Nodes[],
  inline: Inline,
  into: Collected = { runs: [], segments: [], images: [] },
  marks: Marks = {},
  cursor = { length: 0 },
): Collected {
  const collector = new RunCollector(inline, into, marks, cursor);
  for (const node of nodes) {
    const visit = VISITORS[node.type] as Visitor<Nodes['type']> | undefined;
    if (visit) visit(node, collector);
    else if ('children' in node) collector.within(node.children as Nodes[], marks);
  }
  return into;
}

/** Runs collected under the marks of the nodes around them, at a cursor shared by the whole paragraph. */
class RunCollector {
  constructor(
    readonly inline: Inline,
    readonly into: Collected,
    readonly marks: Marks,
    readonly cursor: { length: number },
  ) {}

  /** Words of the text, with where they sit in the source. */
  push(node: Nodes, literal: string, extra: Marks = {}): void {
    const text = literal.replace(/\s*[\r\n]\s*/g, (ws) => (ws.length === 1 ? ' ' : ws.replace(/[\r\n]/g, ' ')));
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      this.into.segments.push({
        text: this.cursor.length,
        source: start,
        length: text.length,
        exact: end - start === text.length,
      });
    }
    this.into.runs.push({ text, ...this.marks, ...extra });
    this.cursor.length += text.length;
  }

  /** A run with no words to read: a note's mark, or something shown as written. */
  mark(extra: Marks): void {
    this.into.runs.push({ text: '', ...this.marks, ...extra });
  }

  /** The children of a node, under more marks. */
  within(children: Nodes[], marks: Marks): void {
    collectRuns(children, this.inline, this.into, marks, this.cursor);
  }
}

type Visitor<T extends Nodes['type']> = (node: Extract<Nodes, { type: T }>, runs: RunCollector) => void;

/** What each kind of inline node adds to the runs; a node not listed adds its children's. */
const VISITORS: { [T in Nodes['type']]?: Visitor<T> } = {
  text: (node, runs) => runs.push(node, node.value),
  html: (node, runs) => runs.push(node, node.value),
  inlineCode: (node, runs) => runs.push(node, node.value, { code: true }),
  inlineMath: (node, runs) =>
    runs.push(node, node.value, node.data?.mathml ? { math: node.data.mathml } : { code: true }),
  break: (node, runs) => runs.push(node, ' '),
  image: (node, runs) => {
    runs.into.images.push(node);
  },
  footnoteReference: (node, runs) => {
    const note = runs.inline.cite(node.identifier);
    // A reference to a note that is not there stays as written.
    if (note) runs.mark({ note });
    else runs.push(node, `[^${node.label ?? node.identifier}]`);
  },
  link: (node, runs) => runs.within(node.children, { ...runs.marks, link: node.url }),
  linkReference: (node, runs) => {
    const url = runs.inline.url(node.identifier);
    runs.within(node.children, url ? { ...runs.marks, link: url } : runs.marks);
  },
  emphasis: (node, runs) => runs.within(node.children, { ...runs.marks, emphasis: true }),
  strong: (node, runs) => runs.within(node.children, { ...runs.marks, strong: true }),
  delete: (node, runs) => runs.within(node.children, { ...runs.marks, strike: true }),
  literal: (node, runs) => runs.mark({ shown: node.value }),
  citation: (node, runs) => {
    const formatted = node.formatted;
    // A narrative "@name" in no bibliography is a handle or an address: words of the text.
    if (!formatted && node.narrative) runs.push(node, node.written);
    else if (!formatted) runs.mark({ shown: node.space.replace(/\s+/g, ' ') + node.written });
    else {
      const link = { target: node.target!, anchor: node.anchor! };
      // The author of a narrative citation is the subject of its sentence: words to read, as written in print.
      if (formatted.author) runs.push(node, formatted.author, link);
      const shown = formatted.rest.map((r) => r.text).join('');
      runs.mark({
        shown: (formatted.author ? ' ' : node.space.replace(/\s+/g, ' ')) + shown,
        target: node.target!,
        ...(formatted.author ? {} : { anchor: node.anchor! }),
      });
    }
  },
  crossReference: (node, runs) => {
    const { targets, words, unresolved } = runs.inline;
    const found = targets?.get(node.label);
    if (!targets) runs.push(node, node.written);
    else if (!found) {
      unresolved.push({ written: node.written, position: node.position });
      runs.mark({ shown: node.written });
    } else
      runs.push(node, node.numberOnly ? found.n : `${words[found.kind]}\u00a0${found.n}`, {
        target: found.target,
        crossRef: { kind: found.kind, n: found.n },
      });
  },
};

export const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');
