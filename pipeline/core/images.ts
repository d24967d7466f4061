// Image files the pack inlines (the configured logo, an essay's figures): small, regular image files, never links or
// folders, whose bytes are what their names say.
import path from 'node:path';
import { BriefingError } from './errors.ts';
import { readUserFile, UserFileError } from './user-files.ts';

/** The largest image an essay may show, and the largest logo. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** True for a file name of an image type the pack inlines. */
export const isImageName = (file: string) => path.extname(file).toLowerCase() in IMAGE_TYPES;

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

/**
 * The file as a data: URL, or an ImageError that says what is wrong with it (prefixed by `what`: "logo: x.png").
 * With `root`, the file must be in that folder once its links are followed.
 */
export function imageDataUrl(file: string, what: string, maxBytes: number, root?: string): string {
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (!type) throw new ImageError(`${what} is not a PNG, JPEG, SVG, GIF or WebP image`);
  let bytes: Buffer;
  try {
    bytes = readUserFile(file, { maxBytes, root });
  } catch (error) {
    if (!(error instanceof UserFileError)) throw error;
    throw new ImageError(`${what} ${error.message}`);
  }
  if (!MAGIC[type]?.(bytes))
    throw new ImageError(
      `${what} is not a ${type.replace('image/', '').toUpperCase()} image (its bytes say otherwise)`,
    );
  return `data:${type};base64,${bytes.toString('base64')}`;
}
