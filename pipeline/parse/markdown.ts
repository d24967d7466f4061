// Markdown essays: remark-parse with GitHub's extensions (tables, footnotes, strikethrough, task lists, autolinks),
// math, a YAML front matter block (front-matter.ts reads it), and fenced divs (`:::`, read by fenced-divs.ts).
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import type { Processor } from 'unified';

/**
 * Only the block form of directives (`:::name` ... `:::`): the inline ones would take a colon in prose ("Note:this",
 * "ratio 3:a") for syntax.
 */
function fencedDivSyntax(this: Processor) {
  const data = this.data();
  const containerOnly = { flow: { 58: [directive().flow![58]!].flat().filter((construct) => construct.concrete) } };
  (data.micromarkExtensions ??= []).push(containerOnly);
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
}

export default function markdown(this: Processor) {
  // "~" alone is an approximation ("~1,000 troops"), not strikethrough; "~~" is.
  this.use(remarkParse)
    .use(remarkGfm, { singleTilde: false })
    .use(remarkMath)
    .use(remarkFrontmatter, ['yaml'])
    .use(fencedDivSyntax);
}
