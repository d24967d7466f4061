// Image files the pack inlines (the configured logo, an essay's figures): small, regular image files, never links or
// folders, whose bytes are what their names say.
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BriefingError } from './errors.ts';

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** The first bytes each image type starts with. */
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'image/svg+xml': (b) => /<svg[\s>]/i.test(b.subarray(0, 4096).toString('utf8')),
};

export class ImageError extends BriefingError {
  constructor(message: string) {
    super('image', message);
  }
}

/** The file as a data: URL, or an ImageError that says what is wrong with it (prefixed by `what`: "logo: x.png"). */
export function imageDataUrl(file: string, what: string, maxBytes: number): string {
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (!type) throw new ImageError(`${what} is not a PNG, JPEG, SVG, GIF or WebP image`);
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (!stats) throw new ImageError(`${what} does not exist`);
  if (stats.isSymbolicLink()) throw new ImageError(`${what} is a link; give the image file itself`);
  if (!stats.isFile()) throw new ImageError(`${what} is not a file`);
  if (stats.size > maxBytes)
    throw new ImageError(
      `${what} is ${(stats.size / 1048576).toFixed(1)} MB; it must be under ${maxBytes / 1048576} MB`,
    );
  const bytes = readFileSync(file);
  if (!MAGIC[type]?.(bytes))
    throw new ImageError(
      `${what} is not a ${type.replace('image/', '').toUpperCase()} image (its bytes say otherwise)`,
    );
  return `data:${type};base64,${bytes.toString('base64')}`;
}
