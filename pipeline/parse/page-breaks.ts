// `\newpage` (or `\pagebreak`, `\clearpage`) alone in a paragraph, as Pandoc users write for print: a page break
// before what follows, not words of the essay.
import type { Root } from 'mdast';
import type { Position } from 'unist';

export interface PageBreak {
  type: 'pageBreak';
  position?: Position;
}

declare module 'mdast' {
  interface RootContentMap {
    pageBreak: PageBreak;
  }
}

const COMMAND = /^\s*\\(?:newpage|pagebreak|clearpage)(?:\{\})?\s*$/;

export default function pageBreaks() {
  return (tree: Root) => {
    tree.children = tree.children.map((node) =>
      node.type === 'paragraph' &&
      node.children.length === 1 &&
      node.children[0]!.type === 'text' &&
      COMMAND.test(node.children[0]!.value)
        ? { type: 'pageBreak', position: node.position }
        : node,
    );
  };
}
