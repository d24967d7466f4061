// Read an essay file into a vfile: decode it (UTF-8, or UTF-16 with a byte-order mark), drop the byte-order mark,
// and refuse what is not an essay (empty, binary, too large) with a one-line reason.
import { readFile, stat } from 'node:fs/promises';
import { VFile } from 'vfile';
import { slugOf } from '../slug.ts';

export const ESSAY_EXTENSIONS = ['.txt', '.md', '.markdown'];
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export class SourceError extends Error {}

export async function readSource(filePath: string, maxBytes = DEFAULT_MAX_BYTES): Promise<VFile> {
  const info = await stat(filePath).catch(() => null);
  if (!info) throw new SourceError('file not found');
  if (!info.isFile()) throw new SourceError('not a file');
  if (info.size > maxBytes) {
    throw new SourceError(`file is ${(info.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit`);
  }
  const bytes = await readFile(filePath);
  const file = new VFile({ path: filePath, value: decode(bytes) });
  file.data.slug = slugOf(filePath);
  if (/\uFFFD/.test(String(file.value)) && !bytes.includes(Buffer.from('\uFFFD'))) {
    file.message('Invalid UTF-8: undecodable bytes were replaced with \uFFFD', { ruleId: 'encoding', source: 'briefing' });
  }
  return file;
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new SourceError('binary file (contains NUL bytes), not an essay');
  const text = new TextDecoder('utf-8').decode(bytes); // drops a UTF-8 byte-order mark, replaces bad bytes
  if (text.trim() === '') throw new SourceError(bytes.length === 0 ? 'empty file' : 'file holds only whitespace');
  return text;
}
