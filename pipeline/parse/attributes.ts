// Pandoc's attribute blocks where Quarto's cross-references need them: `## Heading {#sec-x}`,
// `![Caption](map.png){#fig-x width=50%}`, and a table's caption line under it, `: Caption {#tbl-x}`. The block is
// taken out of the words (it is never printed) and its label kept on the node, for essay.ts to number.
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table, Text } from 'mdast';

declare module 'mdast' {
  interface HeadingData {
    /** `{#sec-x}`: the label cross-references name. */
    label?: string;
    /** `{.unnumbered}` or `{-}`: left out of the numbering. */
    unnumbered?: boolean;
  }
  interface ImageData {
    label?: string;
  }
  interface TableData {
    label?: string;
    /** `: Caption {#tbl-x}` written under the table. */
    caption?: PhrasingContent[];
  }
}

const TRAILING_BLOCK = /\s*\{([^{}\n]*)\}\s*$/;
const LEADING_BLOCK = /^\{([^{}\n]*)\}/;

/** The id and classes of an attribute block's inside ("#fig-map .wide width=50%"), or null if it is not one. */
function attributesOf(inside: string): { id: string | null; classes: string[] } | null {
  const parts = inside.trim().split(/\s+/).filter(Boolean);
  if (!parts.length && inside.trim() !== '') return null;
  if (!parts.every((part) => /^(?:#[\w:.-]+|\.[\w-]+|-|[\w-]+=(?:"[^"]*"|'[^']*'|\S+))$/.test(part))) return null;
  return {
    id: parts.find((part) => part.startsWith('#'))?.slice(1) ?? null,
    classes: parts.filter((part) => part.startsWith('.') || part === '-').map((part) => part.replace(/^\./, '')),
  };
}

/** Cuts `length` characters off the end (or the start) of a text node, keeping its position true. */
function trim(node: Text, length: number, end: boolean) {
  node.value = end ? node.value.slice(0, node.value.length - length) : node.value.slice(length);
  const position = node.position;
  if (!position || position.end.offset === undefined || position.start.offset === undefined) return;
  if (end)
    position.end = { ...position.end, offset: position.end.offset - length, column: position.end.column - length };
  else
    position.start = {
      ...position.start,
      offset: position.start.offset + length,
      column: position.start.column + length,
    };
}

function headingAttributes(heading: Heading) {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return;
  const m = TRAILING_BLOCK.exec(last.value);
  const attributes = m && attributesOf(m[1]!);
  if (!m || !attributes) return;
  trim(last, m[0].length, true);
  heading.data = {
    ...heading.data,
    ...(attributes.id ? { label: attributes.id } : {}),
    ...(attributes.classes.some((c) => c === 'unnumbered' || c === '-') ? { unnumbered: true } : {}),
  };
}

function imageAttributes(children: PhrasingContent[]) {
  children.forEach((child, i) => {
    const next = children[i + 1];
    if (child.type !== 'image' || next?.type !== 'text') return;
    const m = LEADING_BLOCK.exec(next.value);
    const attributes = m && attributesOf(m[1]!);
    if (!m || !attributes) return;
    trim(next, m[0].length, false);
    if (attributes.id) child.data = { ...child.data, label: attributes.id };
  });
}

/** A paragraph that opens with ": " right under a table is its caption (Pandoc's table captions). */
function tableCaption(table: Table, paragraph: Paragraph): boolean {
  const first = paragraph.children[0];
  if (first?.type !== 'text' || !/^:\s/.test(first.value)) return false;
  trim(first, /^:\s+/.exec(first.value)![0].length, false);
  const last = paragraph.children.at(-1);
  const m = last?.type === 'text' ? TRAILING_BLOCK.exec(last.value) : null;
  const attributes = m && attributesOf(m[1]!);
  if (m && attributes && last?.type === 'text') {
    trim(last, m[0].length, true);
    if (attributes.id) table.data = { ...table.data, label: attributes.id };
  }
  table.data = { ...table.data, caption: paragraph.children };
  return true;
}

export default function attributes() {
  return (tree: Root) => {
    const walk = (nodes: RootContent[]): RootContent[] => {
      const kept: RootContent[] = [];
      for (const node of nodes) {
        const before = kept.at(-1);
        if (node.type === 'paragraph' && before?.type === 'table' && tableCaption(before, node)) continue;
        if (node.type === 'heading') headingAttributes(node);
        if (node.type === 'paragraph') imageAttributes(node.children);
        if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table')
          (node as { children: RootContent[] }).children = walk((node as { children: RootContent[] }).children);
        kept.push(node);
      }
      return kept;
    };
    tree.children = walk(tree.children);
  };
}
