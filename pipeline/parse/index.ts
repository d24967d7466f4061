// The parse stage: a source vfile in, an Essay out (on file.data.essay), through unified.
import type { Root } from 'mdast';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { Essay } from '../core/model.ts';
import essay from './essay.ts';
import frontMatter from './front-matter.ts';
import images from './images.ts';
import markdown from './markdown.ts';
import math from './math.ts';
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
  md: unified().use(markdown).use(frontMatter).use(images).use(math).use(essay).freeze(),
  txt: unified().use(plainText).use(essay).freeze(),
};

export async function parseEssay(file: VFile): Promise<Essay> {
  const processor = isMarkdown(file) ? processors.md : processors.txt;
  const tree = processor.parse(file) as Root;
  await processor.run(tree, file);
  return file.data.essay!;
}
