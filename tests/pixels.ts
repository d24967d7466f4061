// Comparing what two renderers drew: PDF pages rasterised by pdf.js, screenshots decoded, and a difference that
// ignores a pixel's worth of anti-aliasing but sees a line that broke elsewhere, a block that moved or another font.
import { readFile } from 'node:fs/promises';
import { createCanvas, type ImageData, loadImage } from '@napi-rs/canvas';
import { getDocument } from './pdfjs.ts';

/** Every page of a PDF at 96 dpi (CSS pixels), on white. */
export async function rasterise(file: string): Promise<ImageData[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const pages: ImageData[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 96 / 72 });
      const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      // pdf.js's types name the DOM's canvas; @napi-rs/canvas draws the same calls.
      await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
      pages.push(context.getImageData(0, 0, canvas.width, canvas.height));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export async function decode(png: Uint8Array): Promise<ImageData> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height);
}

/** Mean grey of each 8 x 8 block. */
function blocks(image: ImageData, size: number) {
  const across = Math.floor(image.width / size);
  const down = Math.floor(image.height / size);
  const grey = new Float64Array(across * down);
  const d = image.data; // read once: a native getter, and this loop runs a million times a page
  for (let y = 0; y < down * size; y++) {
    const row = Math.floor(y / size) * across;
    for (let x = 0, i = y * image.width * 4; x < across * size; x++, i += 4) {
      const block = row + ((x / size) | 0);
      grey[block] = grey[block]! + d[i]! * 0.299 + d[i + 1]! * 0.587 + d[i + 2]! * 0.114;
    }
  }
  for (let b = 0; b < grey.length; b++) grey[b] = grey[b]! / (size * size);
  return { across, down, grey };
}

/**
 * The share of 8 x 8 blocks (over the area both images cover) whose mean grey differs by more than an eighth of the
 * range: 0 for the same page drawn by two renderers, several percent for a line broken elsewhere.
 */
export function difference(a: ImageData, b: ImageData, size = 8): number {
  const A = blocks(a, size);
  const B = blocks(b, size);
  const across = Math.min(A.across, B.across);
  const down = Math.min(A.down, B.down);
  let differ = 0;
  for (let y = 0; y < down; y++) {
    for (let x = 0; x < across; x++) if (Math.abs(A.grey[y * A.across + x]! - B.grey[y * B.across + x]!) > 32) differ++;
  }
  return differ / (across * down);
}
