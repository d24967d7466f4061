// The name an essay's pack folder gets: its file name without the extension, made safe to be one folder inside the
// output folder and nothing else. No ".", "..", separators, control characters, leading dots or dashes (a hidden
// folder, an option), and no more than 100 characters; "essay" when nothing is left.

import path from 'node:path';
import { InputError } from './errors.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a file name must not hold
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;

export function slugOf(file: string): string {
  const name = path.basename(file, path.extname(file)).normalize('NFC');
  const safe = name
    .replace(UNSAFE, '-')
    .replace(/^[.\-\s]+/, '')
    .replace(/[.\s]+$/, '');
  return [...safe].slice(0, 100).join('') || 'essay';
}

/** A path inside `root`, or an error: every write of a build is checked to stay in its output folder. */
export function inside(root: string, ...parts: string[]): string {
  const base = path.resolve(root);
  const target = path.resolve(base, ...parts);
  if (!target.startsWith(base + path.sep)) throw new InputError(`refusing to write outside ${base}: ${target}`);
  return target;
}
