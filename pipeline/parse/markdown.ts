// Markdown essays: remark-parse with YAML front matter, read into file.data.matter.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { parse as parseYaml, parseDocument } from 'yaml';

/** The warnings YAML would print, as one line each with its place in the text. */
export function yamlWarnings(text: string): { message: string; line: number; column: number }[] {
  return parseDocument(text, { schema: 'core', logLevel: 'silent', prettyErrors: true }).warnings.map((w) => ({
    message: w.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), line: w.linePos?.[0].line ?? 1, column: w.linePos?.[0].col ?? 1,
  }));
}

export default function markdown(this: Processor) {
  this.use(remarkParse).use(remarkFrontmatter, ['yaml']);
  return (tree: Root, file: VFile) => {
    const node = tree.children[0];
    if (node?.type !== 'yaml') return;
    try {
      // YAML's own warnings (an unknown tag) become the essay's, with their line, instead of a stack on stderr.
      const matter = parseYaml(node.value, { schema: 'core', logLevel: 'error', prettyErrors: false }) ?? {};
      for (const warning of yamlWarnings(node.value)) {
        file.message(`Front matter: ${warning.message}`, { place: { line: (node.position?.start.line ?? 1) + warning.line, column: warning.column }, ruleId: 'front-matter', source: 'briefing' });
      }
      if (typeof matter !== 'object' || Array.isArray(matter)) throw new Error('front matter is not a mapping');
      file.data.matter = matter as Record<string, unknown>;
    } catch (error) {
      file.fail(`Invalid front matter: ${(error as Error).message.split('\n')[0]}`, node, 'briefing:front-matter');
    }
    tree.children.shift();
  };
}
