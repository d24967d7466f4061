// The blocks of an mdast tree in reading order, as paragraphs to be (drafts) under the sections their headings open:
// one reading step per kind of block (heading, paragraph, quotation or callout, list, table, code, math, HTML, page
// break), and the labels that cross-references point to (sections, figures, tables), numbered as they come.
import type { Blockquote, Code, Heading, Html, Image, List, Nodes, Root, RootContent, Table } from 'mdast';
import type { Math as DisplayMath } from 'mdast-util-math';
import { toString as textOf } from 'mdast-util-to-string';
import type { Block, Callout, CrossRefKind, ListBlock, Paragraph, Run, Section, Segment } from '../core/model.ts';
import { type Collected, type CrossRefTarget, collectRuns, Inline, runsText } from './runs.ts';

export interface Draft {
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
}

/** Text made of several parts (items, rows) with a separator between them that belongs to neither. */
export class Parts {
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

type Position = Nodes['position'];

export class BlockReader {
  readonly sections: Section[] = [{ id: 's0', title: null, depth: 1, paragraphs: [], heading: null }];
  readonly drafts: Draft[] = [];
  readonly inline: Inline;
  /** What each cross-reference label stands for (its target is the label until paragraphs are numbered). */
  readonly targets = new Map<string, CrossRefTarget>();
  /** The section or block that carries each label. */
  readonly labels = new Map<string, Section | Draft>();
  title: string;
  private readonly counters: number[] = [];
  private top: number | null = null;
  private figures = 0;
  private tables = 0;
  private pageBreak = false;
  private callout: Omit<Callout, 'first' | 'last'> | null = null;

  /**
   * @param known what the labels stand for, once a first reading has numbered them (null during that reading)
   * @param numbered whether headings take numbers ("2.1"): the essay refers to a section, or asks for them
   */
  constructor(
    tree: Root,
    matter: Record<string, unknown>,
    known: Map<string, CrossRefTarget> | null,
    words: Record<CrossRefKind, string>,
    private readonly numbered: boolean,
  ) {
    this.inline = new Inline(tree, known, words);
    this.title = typeof matter.title === 'string' ? matter.title.trim() : '';
    for (const node of tree.children) this.visit(node, 'text');
  }

  private visit(node: RootContent, kind: Draft['kind']): void {
    switch (node.type) {
      case 'heading':
        this.heading(node);
        break;
      case 'paragraph':
        this.add(kind, node.children, node.position);
        break;
      case 'blockquote':
        this.blockquote(node);
        break;
      case 'pageBreak':
        this.pageBreak = true;
        break;
      case 'list':
        this.list(node);
        break;
      case 'table':
        this.table(node);
        break;
      case 'code':
        this.code(node);
        break;
      case 'math':
        this.math(node);
        break;
      case 'html':
        this.html(node, kind);
        break;
    }
  }

  private push(draft: Omit<Draft, 'section' | 'offset'>, position: Position): void {
    if (!position) return;
    this.drafts.push({
      ...draft,
      offset: [position.start.offset ?? 0, position.end.offset ?? 0],
      section: this.sections.length - 1,
      ...(this.pageBreak ? { breakBefore: true as const } : {}),
      ...(this.callout ? { callout: { ...this.callout, first: false, last: false } } : {}),
    });
    this.pageBreak = false;
  }

  private label(name: string | undefined, kind: CrossRefKind, n: string, owner: Section | Draft): void {
    if (!name || this.targets.has(name)) return;
    this.targets.set(name, { kind, n, target: name });
    this.labels.set(name, owner);
  }

  /** Images in a paragraph are drawn after it, each a numbered figure captioned by its alt text. */
  private addFigures(images: Image[]): void {
    for (const image of images) {
      this.figures++;
      const block: Block = {
        type: 'figure',
        n: this.figures,
        alt: image.alt ?? '',
        src: image.url,
        image: image.data?.dataUrl ?? null,
      };
      this.push({ kind: 'figure', runs: [{ text: image.alt ?? '' }], segments: [], block }, image.position);
      if (this.drafts.at(-1)?.block === block)
        this.label(image.data?.label, 'figure', String(this.figures), this.drafts.at(-1)!);
    }
  }

  private add(kind: Draft['kind'], nodes: Nodes[], position = nodes[0]?.position): void {
    const { runs, segments, images } = collectRuns(nodes, this.inline);
    if (runs.some((r) => r.text.trim() || r.math)) {
      // A pipe table the parser left as text ("| Country | Joined |" over "|---|---|") is data, not prose.
      if (/^\s*\|.*\|\s*$/m.test(runsText(runs)) && /\|\s*:?-{3,}/.test(runsText(runs))) kind = 'table';
      this.push({ kind, runs, segments }, position);
    }
    this.addFigures(images);
  }

  private heading(node: Heading): void {
    const { sections, drafts } = this;
    if (
      node.depth === 1 &&
      drafts.length === 0 &&
      sections.length === 1 &&
      (!this.title || this.title === textOf(node).trim())
    ) {
      this.title = textOf(node).trim();
      return;
    }
    const { runs, segments } = collectRuns(node.children, this.inline);
    const text = runsText(runs);
    const section: Section = {
      id: `s${sections.length}`,
      title: text.trim(),
      depth: node.depth,
      paragraphs: [],
      heading: { text, segments },
      ...(this.pageBreak ? { breakBefore: true as const } : {}),
    };
    this.pageBreak = false;
    // Numbered as 1, 1.1, 2 from the essay's highest heading; `{.unnumbered}` ones are left out.
    if (this.numbered && !node.data?.unnumbered) {
      this.top ??= node.depth;
      const level = Math.max(0, node.depth - this.top);
      this.counters.length = level + 1;
      for (let i = 0; i < level; i++) this.counters[i] ??= 1;
      this.counters[level] = (this.counters[level] ?? 0) + 1;
      section.number = this.counters.join('.');
    }
    sections.push(section);
    this.label(node.data?.label, 'section', section.number ?? String(sections.length - 1), section);
  }

  /** A quotation's paragraphs; a callout's are the essay's own, drawn as one box that its first and last open and close. */
  private blockquote(node: Blockquote): void {
    if (!node.data?.callout) {
      for (const child of node.children) this.visit(child, 'quote');
      return;
    }
    const from = this.drafts.length;
    const outer = this.callout;
    this.callout = node.data.callout;
    for (const child of node.children) this.visit(child, 'text');
    this.callout = outer;
    const inside = this.drafts.slice(from).filter((d) => d.callout);
    if (inside.length) {
      inside[0]!.callout!.first = true;
      inside.at(-1)!.callout!.last = true;
    }
  }

  /** A list is one paragraph: one number, its items sentences apart. */
  private list(node: List): void {
    const parts = new Parts(this.inline);
    const block = listBlock(node, parts);
    const { runs, segments, images } = parts.collected;
    if (runs.some((r) => r.text.trim()))
      this.push({ kind: 'list', runs, segments, block, parts: parts.parts }, node.position);
    this.addFigures(images);
  }

  /** A table is one paragraph: each row one sentence of its text, its cells apart by " | "; its caption above it. */
  private table(node: Table): void {
    const parts = new Parts(this.inline);
    const [head, ...rows] = node.children.map((row) => {
      const first = parts.parts.length;
      const cells = row.children.map((cell, i) => parts.add(cell.children, i ? ' | ' : '; '));
      parts.parts.splice(first, parts.parts.length, [parts.parts[first]![0], parts.parts.at(-1)![1]]);
      return cells;
    });
    const caption = node.data?.caption;
    if (caption && node.data?.label) this.tables++;
    const block: Block = {
      type: 'table',
      align: node.align ?? [],
      head: head ?? [],
      rows,
      ...(caption
        ? { caption: { n: node.data?.label ? this.tables : null, runs: collectRuns(caption, this.inline).runs } }
        : {}),
    };
    const { runs, segments } = parts.collected;
    this.push({ kind: 'table', runs, segments, block, parts: parts.parts }, node.position);
    if (caption && this.drafts.at(-1)?.block === block)
      this.label(node.data?.label, 'table', String(this.tables), this.drafts.at(-1)!);
  }

  /** Code is shown as the characters written, never typeset or read for events. */
  private code(node: Code): void {
    this.push(
      {
        kind: 'code',
        runs: [{ text: node.value, code: true }],
        segments: [],
        block: { type: 'code', lang: node.lang ?? null, text: node.value },
      },
      node.position,
    );
  }

  /** Displayed math as MathML; TeX that could not be typeset is shown as code. */
  private math(node: DisplayMath): void {
    const runs = [{ text: node.value, code: true }];
    this.push(
      node.data?.mathml
        ? { kind: 'math', runs, segments: [], block: { type: 'math', mathml: node.data.mathml } }
        : { kind: 'code', runs, segments: [], block: { type: 'code', lang: 'tex', text: node.value } },
      node.position,
    );
  }

  /** A comment is the writer's note to themselves; other markup is shown as the characters written. */
  private html(node: Html, kind: Draft['kind']): void {
    if (/^\s*<!--[\s\S]*?-->\s*$/.test(node.value)) return;
    this.add(kind, [{ type: 'text', value: node.value, position: node.position }], node.position);
  }
}

/** A list and the lists nested in its items, their words gathered into one text by `parts`. */
function listBlock(node: List, parts: Parts): ListBlock {
  return {
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
        lists: item.children.filter((child) => child.type === 'list').map((child) => listBlock(child, parts)),
      };
    }),
  };
}
