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
  const push = (node: Nodes, literal: string, extra: Marks = {}) => {
    const text = literal.replace(/\s*[\r\n]\s*/g, (ws) => (ws.length === 1 ? ' ' : ws.replace(/[\r\n]/g, ' ')));
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      into.segments.push({
        text: cursor.length,
        source: start,
        length: text.length,
        exact: end - start === text.length,
      });
    }
    into.runs.push({ text, ...marks, ...extra });
    cursor.length += text.length;
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'html':
        push(node, node.value);
        break;
      case 'inlineCode':
        push(node, node.value, { code: true });
        break;
      case 'inlineMath':
        push(node, node.value, node.data?.mathml ? { math: node.data.mathml } : { code: true });
        break;
      case 'break':
        push(node, ' ');
        break;
      case 'image':
        into.images.push(node);
        break;
      case 'footnoteReference': {
        const note = inline.cite(node.identifier);
        // A reference to a note that is not there stays as written.
        if (note) into.runs.push({ text: '', ...marks, note });
        else push(node, `[^${node.label ?? node.identifier}]`);
        break;
      }
      case 'link':
        collectRuns(node.children, inline, into, { ...marks, link: node.url }, cursor);
        break;
      case 'literal':
        into.runs.push({ text: '', ...marks, shown: node.value });
        break;
      case 'citation': {
        const formatted = node.formatted;
        // A narrative "@name" in no bibliography is a handle or an address: words of the text.
        if (!formatted && node.narrative) push(node, node.written);
        else if (!formatted)
          into.runs.push({ text: '', ...marks, shown: node.space.replace(/\s+/g, ' ') + node.written });
        else {
          const link = { target: node.target!, anchor: node.anchor! };
          // The author of a narrative citation is the subject of its sentence: words to read, as written in print.
          if (formatted.author) push(node, formatted.author, link);
          const shown = formatted.rest.map((r) => r.text).join('');
          into.runs.push({
            text: '',
            ...marks,
            shown: (formatted.author ? ' ' : node.space.replace(/\s+/g, ' ')) + shown,
            target: node.target!,
            ...(formatted.author ? {} : { anchor: node.anchor! }),
          });
        }
        break;
      }
      case 'crossReference': {
        const found = inline.targets?.get(node.label);
        if (!inline.targets) push(node, node.written);
        else if (!found) {
          inline.unresolved.push({ written: node.written, position: node.position });
          into.runs.push({ text: '', ...marks, shown: node.written });
        } else
          push(node, node.numberOnly ? found.n : `${inline.words[found.kind]}\u00a0${found.n}`, {
            target: found.target,
            crossRef: { kind: found.kind, n: found.n },
          });
        break;
      }
      case 'linkReference': {
        const url = inline.url(node.identifier);
        collectRuns(node.children, inline, into, url ? { ...marks, link: url } : marks, cursor);
        break;
      }
      case 'emphasis':
        collectRuns(node.children, inline, into, { ...marks, emphasis: true }, cursor);
        break;
      case 'strong':
        collectRuns(node.children, inline, into, { ...marks, strong: true }, cursor);
        break;
      case 'delete':
        collectRuns(node.children, inline, into, { ...marks, strike: true }, cursor);
        break;
      default:
        if ('children' in node) collectRuns(node.children as Nodes[], inline, into, marks, cursor);
    }
  }
  return into;
}

export const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');
