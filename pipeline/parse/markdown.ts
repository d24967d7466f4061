// Markdown essays: remark-parse with YAML front matter, read into file.data.matter.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';

export default function markdown(this: Processor) {
  this.use(remarkParse).use(remarkFrontmatter, ['yaml']);
  return (tree: Root, file: VFile) => {
    const node = tree.children[0];
    if (node?.type !== 'yaml') return;
    try {
      const matter = parseYaml(node.value, { schema: 'core' }) ?? {};
      if (typeof matter !== 'object' || Array.isArray(matter)) throw new Error('front matter is not a mapping');
      file.data.matter = matter as Record<string, unknown>;
    } catch (error) {
      file.fail(`Invalid front matter: ${(error as Error).message.split('\n')[0]}`, node, 'briefing:front-matter');
    }
    tree.children.shift();
  };
}
