// A unified plugin that typesets an essay's math ($...$ and $$...$$ from remark-math) as MathML with KaTeX at build
// time: the page runs no script, and Chromium draws MathML itself. TeX that KaTeX cannot read is a warning naming
// its line, and is printed as written.
import type { Root } from 'mdast';
import type { Math as DisplayMath, InlineMath } from 'mdast-util-math';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';

declare module 'mdast-util-math' {
  interface InlineMathData {
    mathml?: string | null;
  }
  interface MathData {
    mathml?: string | null;
  }
}

export default function math() {
  return async (tree: Root, file: VFile) => {
    const nodes: (InlineMath | DisplayMath)[] = [];
    visitParents(tree, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') nodes.push(node as InlineMath | DisplayMath);
    });
    if (!nodes.length) return;
    // KaTeX is loaded only for an essay that has math.
    const { default: katex } = await import('katex');
    for (const node of nodes) {
      let mathml: string | null = null;
      try {
        mathml = katex.renderToString(node.value, {
          output: 'mathml',
          displayMode: node.type === 'math',
          throwOnError: true,
          trust: false,
          strict: 'ignore',
        });
      } catch (error) {
        file.message(
          `Math not typeset (${(error as Error).message.replace(/^KaTeX parse error: /, '').split('\n')[0]}); printed as written`,
          { place: node.position, ruleId: 'math', source: 'briefing' },
        );
      }
      node.data = { ...node.data, mathml };
    }
  };
}
