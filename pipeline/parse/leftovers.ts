// Syntax of Pandoc and Quarto that nothing here understood (an attribute block, a `:::` fence, a `\command`): a
// warning with its line, and printed as written, but never read as words (no summary, key point or label carries it).
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';

export interface LeftoverSyntax {
  type: 'literal';
  value: string;
  position?: Text['position'];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    literal: LeftoverSyntax;
  }
  interface RootContentMap {
    literal: LeftoverSyntax;
  }
}

const LEFTOVER = /(?<!\{)\{[#.][^{}\n]*\}(?!\})|^\s*:{3,}.*$|(?<![\w\\:])\\[A-Za-z]+(?:\{[^{}\n]*\})*/gm;

const describe = (written: string) =>
  written.startsWith('{')
    ? 'An attribute block'
    : written.trim().startsWith(':')
      ? 'A fenced div that is not closed or not valid'
      : 'A LaTeX command';

export default function leftovers() {
  return (tree: Root, file: VFile) => {
    visitParents(tree, 'text', (node: Text, ancestors) => {
      const parent = ancestors.at(-1) as Parent;
      const hits = [...node.value.matchAll(LEFTOVER)];
      if (!hits.length) return;
      const start = node.position?.start;
      const exact =
        start?.offset !== undefined && node.position!.end.offset! - start.offset === node.value.length ? start : null;
      const point = (i: number) =>
        exact ? { line: exact.line, column: exact.column + i, offset: exact.offset! + i } : undefined;
      const pieces: PhrasingContent[] = [];
      let at = 0;
      for (const hit of hits) {
        const written = hit[0];
        file.message(`${describe(written)} (${written.trim()}) is not understood here; printed as written`, {
          place: point(hit.index) ?? start,
          ruleId: 'syntax',
          source: 'briefing',
        });
        if (hit.index > at) pieces.push({ type: 'text', value: node.value.slice(at, hit.index) });
        pieces.push({ type: 'literal', value: written });
        at = hit.index + written.length;
      }
      if (at < node.value.length) pieces.push({ type: 'text', value: node.value.slice(at) });
      // Positions: each piece where it sits in the node, when the node is its source verbatim.
      let offset = 0;
      for (const piece of pieces) {
        const length = (piece as Text).value.length;
        const from = point(offset);
        const to = point(offset + length);
        if (from && to) piece.position = { start: from, end: to };
        offset += length;
      }
      const index = parent.children.indexOf(node as never);
      parent.children.splice(index, 1, ...(pieces as never[]));
      return index + pieces.length;
    });
  };
}
