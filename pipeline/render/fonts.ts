// @font-face rules for @fontsource families, so every machine prints with the same fonts. Each family brings its
// subsets with their unicode-ranges (latin-ext covers Azerbaijani ə, ğ, ş; latin alone has the digits and a-z), in
// real regular, italic and bold files. For print the files are linked by file URL; for a self-contained page (the
// HTML deck) the latin subsets are inlined as data URLs.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export interface FontFamily {
  /** The npm package, e.g. "@fontsource/source-serif-4". */
  package: string;
  weights: number[];
  /** Include the italic of each weight (default: yes). */
  italic?: boolean;
}

export interface FontOptions {
  /** Inline the font files as data URLs (a page that works offline, copied anywhere). */
  inline?: boolean;
  /** Keep only these subsets ("latin", "latin-ext"); default: all. */
  subsets?: string[];
}

/** The family name of an @fontsource package ("@fontsource/source-serif-4" -> "Source Serif 4"). */
export const familyName = (pkg: string) => (JSON.parse(readFileSync(require.resolve(`${pkg}/metadata.json`), 'utf8')) as { family: string }).family;

export function fontFaces(families: FontFamily[], options: FontOptions = {}): string {
  return families.flatMap((family) => {
    const dir = path.dirname(require.resolve(`${family.package}/metadata.json`));
    const meta = JSON.parse(readFileSync(path.join(dir, 'metadata.json'), 'utf8')) as { weights: number[]; styles: string[] };
    // Each weight asked for, or the nearest the family has; italics when it has them.
    const weights = [...new Set(family.weights.map((w) => meta.weights.reduce((a, b) => (Math.abs(b - w) < Math.abs(a - w) ? b : a))))];
    const italic = family.italic !== false && meta.styles.includes('italic');
    const files = weights.flatMap((w) => [`${w}.css`, ...(italic ? [`${w}-italic.css`] : [])]).filter((f) => existsSync(path.join(dir, f)));
    return files.flatMap((name) => {
      const css = readFileSync(path.join(dir, name), 'utf8');
      return [...css.matchAll(/\/\* ([\w-]+) \*\/\s*(@font-face \{[^}]*\})/g)]
        .filter(([, id]) => !options.subsets || options.subsets.some((subset) => new RegExp(`-${subset}-\\d+-(?:normal|italic)$`).test(id!)))
        .map(([, , face]) => face!
          .replace(/,\s*url\([^)]+\.woff\) format\('woff'\)/g, '')
          .replace(/url\(\.\/files\/([^)]+)\)/g, (_, file: string) => {
            const full = path.join(dir, 'files', file);
            return options.inline ? `url(data:font/woff2;base64,${readFileSync(full).toString('base64')})` : `url(${pathToFileURL(full).href})`;
          })
          .replace(/font-display:\s*swap/g, 'font-display: block'));
    });
  }).join('\n');
}

/** The characters a family's files cover, from the unicode-ranges of its regular weight: [first, last] code points. */
export function coveredRanges(pkg: string): [number, number][] {
  const dir = path.dirname(require.resolve(`${pkg}/metadata.json`));
  const css = readFileSync(path.join(dir, existsSync(path.join(dir, '400.css')) ? '400.css' : 'index.css'), 'utf8');
  return [...css.matchAll(/unicode-range:\s*([^;]+);/g)].flatMap(([, list]) => list!.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const first = Number.parseInt(a!.replace(/\?/g, '0'), 16), last = Number.parseInt((b ?? a!).replace(/\?/g, 'F'), 16);
    return [first, last] as [number, number];
  }));
}

/**
 * Characters of a text that none of the fonts can print (emoji, Hangul, CJK with the default fonts): Chromium would
 * print them as empty boxes. Each once, in the order met.
 */
export function uncovered(text: string, packages: string[]): string[] {
  const ranges = packages.flatMap(coveredRanges);
  const missing = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || /\s/.test(char) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0x200d) continue; // ASCII, spaces, joiners
    if (!ranges.some(([a, b]) => code >= a && code <= b)) missing.add(char);
  }
  return [...missing];
}
