// Markdown essays: remark-parse with GitHub's extensions (tables, footnotes, strikethrough, task lists, autolinks),
// math, and a YAML front matter block (front-matter.ts reads it).
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import type { Processor } from 'unified';

export default function markdown(this: Processor) {
  // "~" alone is an approximation ("~1,000 troops"), not strikethrough; "~~" is.
  this.use(remarkParse).use(remarkGfm, { singleTilde: false }).use(remarkMath).use(remarkFrontmatter, ['yaml']);
}
