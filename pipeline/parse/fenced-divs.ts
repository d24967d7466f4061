// Fenced divs as Pandoc and Quarto write them (`::: {.callout-note}` ... `:::`), read by the directive parser of the
// unified family. Its syntax names the div right after the colons (`:::callout-note{...}`); Pandoc's opening lines
// are rewritten to it before parsing, each to a line of the same length, so every offset still points into the file.
// A callout (`callout-note`, or `note`; tip, warning, important, caution) becomes a box; a div of another class keeps its content, and
// says it was not understood.
import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { type Callout, calloutKinds } from '../core/model.ts';

const PANDOC_OPENING = /^( {0,3})(:{3,})[ \t]*(?:\{([^{}\n]*)\}|([A-Za-z][\w-]*))[ \t]*:*[ \t]*$/gm;

/** The essay's text with Pandoc's div openings in the directive syntax, line for line the same length. */
export function directiveFences(text: string): string {
  if (!text.includes(':::')) return text;
  return text.replace(PANDOC_OPENING, (line, indent: string, colons: string, braces?: string, word?: string) => {
    let name = word ?? '';
    let attributes = braces?.trim() ?? '';
    if (!name) {
      const firstClass = /(?:^|\s)\.([A-Za-z][\w-]*)/.exec(attributes);
      name = firstClass?.[1] ?? 'div';
      if (firstClass) attributes = attributes.replace(firstClass[0], ' ').trim();
    }
    const rewritten = `${indent}${colons}${name}${attributes ? `{${attributes}}` : ''}`;
    return rewritten.length <= line.length ? rewritten.padEnd(line.length, ' ') : line;
  });
}

declare module 'mdast' {
  interface BlockquoteData {
    /** A callout box read from a fenced div. */
    callout?: Omit<Callout, 'first' | 'last'>;
  }
}

/**
 * Callouts become blockquotes marked as boxes (their title from `title="..."` or a heading opening the box); any
 * other div is replaced by its content, with a warning naming its class.
 */
export default function fencedDivs() {
  return (tree: Root, file: VFile) => {
    const unwrap = (nodes: RootContent[]): RootContent[] =>
      nodes.flatMap((node): RootContent[] => {
        if (node.type !== 'containerDirective') {
          if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading')
            (node as { children: RootContent[] }).children = unwrap((node as { children: RootContent[] }).children);
          return [node];
        }
        const div = node as ContainerDirective;
        const children = unwrap(div.children as RootContent[]).filter(
          (child) => !(child.type === 'paragraph' && child.data && 'directiveLabel' in child.data),
        );
        const kind = /^(?:callout-)?(.+)$/.exec(div.name)?.[1];
        if (kind && (calloutKinds as readonly string[]).includes(kind)) {
          let title = div.attributes?.title?.trim() || null;
          if (!title && children[0]?.type === 'heading') {
            const heading = children.shift()!;
            title = textOf(heading);
          }
          return [
            {
              type: 'blockquote',
              children: children as never,
              position: div.position,
              data: { callout: { kind: kind as Callout['kind'], title } },
            },
          ];
        }
        const shown = div.name === 'div' ? 'a div' : `a div of class .${div.name}`;
        file.message(
          `Fenced div: ${shown} is not one this tool draws (callout-note, -tip, -warning, -important, -caution); its content is printed as ordinary text`,
          { place: div.position?.start, ruleId: 'fenced-div', source: 'briefing' },
        );
        return children;
      });
    tree.children = unwrap(tree.children);
  };
}

const textOf = (node: RootContent): string =>
  'value' in node
    ? String(node.value)
    : 'children' in node
      ? (node.children as RootContent[]).map(textOf).join('')
      : '';
