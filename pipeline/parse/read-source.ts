// Read an essay file into a vfile: decode it (UTF-8, or UTF-16 with a byte-order mark), drop the byte-order mark,
// and refuse what is not an essay (empty, binary, too large) with a one-line reason.
import { VFile } from 'vfile';
import { BriefingError } from '../core/errors.ts';
import { slugOf } from '../core/slug.ts';
import { readUserFile, UserFileError } from '../core/user-files.ts';

export const ESSAY_EXTENSIONS = ['.txt', '.md', '.markdown'];
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** About ten printed pages: a longer paragraph is not prose (a pasted table, a file without line breaks). */
export const MAX_PARAGRAPH_CHARS = 50_000;

export class SourceError extends BriefingError {
  constructor(message: string) {
    super('source', message);
  }
}

export async function readSource(filePath: string, maxBytes = DEFAULT_MAX_BYTES): Promise<VFile> {
  let bytes: Buffer;
  try {
    bytes = readUserFile(filePath, { maxBytes });
  } catch (error) {
    throw error instanceof UserFileError ? new SourceError(`file ${error.message}`) : error;
  }
  const text = decode(bytes);
  // The Markdown parser's lists take time that grows faster than their depth (1,000 levels: minutes); no essay nests
  // a list past a few levels.
  if (/\.(?:md|markdown)$/i.test(filePath)) {
    const deep = listItemTooDeep(text);
    if (deep)
      throw new SourceError(
        `line ${deep.line}: a list item indented ${deep.depth} columns, past the ${MAX_LIST_INDENT} a list may nest to; flatten the list`,
      );
  }
  const long = longestParagraph(text);
  if (long.length > MAX_PARAGRAPH_CHARS) {
    throw new SourceError(
      `line ${long.line}: a paragraph of ${long.length.toLocaleString('en')} characters, over the ${MAX_PARAGRAPH_CHARS.toLocaleString('en')} a paragraph may have; split it into paragraphs (blank lines between them)`,
    );
  }
  const file = new VFile({ path: filePath, value: text });
  file.data.slug = slugOf(filePath);
  if (/\uFFFD/.test(String(file.value)) && !bytes.includes(Buffer.from('\uFFFD'))) {
    file.message('Invalid UTF-8: undecodable bytes were replaced with \uFFFD', {
      ruleId: 'encoding',
      source: 'briefing',
    });
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

/** Columns of indentation a list item may have: 64 levels of two spaces. */
const MAX_LIST_INDENT = 128;

/** The first list item of a Markdown text indented past the limit (tabs count four columns), and its line. */
function listItemTooDeep(text: string): { depth: number; line: number } | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.exec(lines[i]!);
    const depth = m ? m[1]!.replace(/\t/g, '    ').length : 0;
    if (depth > MAX_LIST_INDENT) return { depth, line: i + 1 };
  }
  return null;
}

/** The longest run of text between blank lines, and the line it starts on. */
function longestParagraph(text: string): { length: number; line: number } {
  let best = { length: 0, line: 1 },
    line = 1;
  for (const block of text.split(/(\n[ \t\u00a0]*\n)/)) {
    if (!/^\n[ \t\u00a0]*\n$/.test(block) && block.length > best.length)
      best = { length: block.length, line: line + /^\n*/.exec(block)![0].length };
    line += block.split('\n').length - 1;
  }
  return best;
}
