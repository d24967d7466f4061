// The parse stage: a source vfile in, an Essay out (on file.data.essay), through unified.
import type { Root } from 'mdast';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { Essay } from '../core/model.ts';
import attributes from './attributes.ts';
import citations from './citations.ts';
import essay from './essay.ts';
import fencedDivs, { directiveFences } from './fenced-divs.ts';
import frontMatter from './front-matter.ts';
import images from './images.ts';
import leftovers from './leftovers.ts';
import markdown from './markdown.ts';
import math from './math.ts';
import pageBreaks from './page-breaks.ts';
import plainText from './plain-text.ts';

declare module 'vfile' {
  interface DataMap {
    slug: string;
    matter: Record<string, unknown>;
    essay: Essay;
  }
}

const isMarkdown = (file: VFile) => file.extname === '.md' || file.extname === '.markdown';

const processors = {
  // Plugins that add to the parser (markdown) attach their syntax only; the transformers run in this order.
  // Pandoc's and Quarto's syntax (divs, attributes, page breaks, citations) is read before what is left of it warns.
  md: unified()
    .use(markdown)
    .use(frontMatter)
    .use(images)
    .use(math)
    .use(fencedDivs)
    .use(attributes)
    .use(pageBreaks)
    .use(citations)
    .use(leftovers)
    .use(essay)
    .freeze(),
  txt: unified().use(plainText).use(essay).freeze(),
};

export async function parseEssay(file: VFile): Promise<Essay> {
  const markdown = isMarkdown(file);
  const processor = markdown ? processors.md : processors.txt;
  // Pandoc's fenced divs in the directive parser's syntax, every line the same length (offsets stay true).
  const tree = (markdown ? processor.parse(directiveFences(String(file.value))) : processor.parse(file)) as Root;
  await processor.run(tree, file);
  return file.data.essay!;
}
