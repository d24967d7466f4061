// A unified plugin that inlines an essay's local images: each image node gets its file as a data: URL
// (node.data.dataUrl), so every product is whole by itself and printing reads nothing. Printing is offline, so a
// remote image is left out with a warning; so is a file outside the essay's folder, a link, or a file that is no image.

import path from 'node:path';
import type { Image, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { ImageError, imageDataUrl, MAX_IMAGE_BYTES } from '../core/images.ts';

declare module 'mdast' {
  interface ImageData {
    /** The image's bytes as a data: URL, null when it cannot be included. */
    dataUrl?: string | null;
  }
}

/** An essay's figure is printed on a page; more than this is a photograph to be resized first. */

export default function images() {
  return (tree: Root, file: VFile) => {
    visitParents(tree, 'image', (node: Image) => {
      node.data = { ...node.data, dataUrl: dataUrlOf(node, file) };
    });
  };
}

function dataUrlOf(node: Image, file: VFile): string | null {
  const warn = (why: string) => {
    file.message(`Image ${node.url}: ${why}; its caption is printed alone`, {
      place: node.position,
      ruleId: 'image',
      source: 'briefing',
    });
    return null;
  };
  if (/^[a-z][a-z\d+.-]*:/i.test(node.url) && !/^file:/i.test(node.url))
    return warn('only images beside the essay are printed (printing is offline)');
  if (!file.dirname) return warn('an essay read from standard input has no folder to find images in');
  let relative: string;
  try {
    relative = decodeURI(node.url.replace(/^file:(\/\/)?/i, '').split(/[?#]/)[0]!);
  } catch {
    return warn('the address is not valid');
  }
  const folder = path.resolve(file.cwd, file.dirname);
  const target = path.resolve(folder, relative);
  if (path.isAbsolute(relative) || path.relative(folder, target).startsWith('..'))
    return warn('an image must be in the essay\u2019s folder or below it');
  try {
    return imageDataUrl(target, 'the file', MAX_IMAGE_BYTES, folder);
  } catch (error) {
    if (error instanceof ImageError) return warn(error.message);
    throw error;
  }
}
