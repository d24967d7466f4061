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
  /** Keep only the faces whose unicode-range has a character of this text (and the latin ones, for digits and a-z). */
  text?: string;
  /** With `text`: keep the latin faces too (default: yes; a fallback family's latin faces are never used). */
  latin?: boolean;
}

/** The family name of an @fontsource package ("@fontsource/source-serif-4" -> "Source Serif 4"). */
export const familyName = (pkg: string) =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/metadata.json`), 'utf8')) as { family: string }).family;

export function fontFaces(families: FontFamily[], options: FontOptions = {}): string {
  return families
    .flatMap((family) => {
      const dir = path.dirname(require.resolve(`${family.package}/metadata.json`));
      const meta = JSON.parse(readFileSync(path.join(dir, 'metadata.json'), 'utf8')) as {
        weights: number[];
        styles: string[];
      };
      // Each weight asked for, or the nearest the family has; italics when it has them.
      const weights = [
        ...new Set(
          family.weights.map((w) => meta.weights.reduce((a, b) => (Math.abs(b - w) < Math.abs(a - w) ? b : a))),
        ),
      ];
      const italic = family.italic !== false && meta.styles.includes('italic');
      const files = weights
        .flatMap((w) => [`${w}.css`, ...(italic ? [`${w}-italic.css`] : [])])
        .filter((f) => existsSync(path.join(dir, f)));
      return files.flatMap((name) => {
        const css = readFileSync(path.join(dir, name), 'utf8');
        return [...css.matchAll(/\/\* ([\w[\]-]+) \*\/\s*(@font-face \{[^}]*\})/g)]
          .filter(
            ([, id]) =>
              !options.subsets ||
              options.subsets.some((subset) => new RegExp(`-${subset}-\\d+-(?:normal|italic)$`).test(id!)),
          )
          .filter(
            ([, id, face]) =>
              options.text === undefined ||
              (options.latin !== false && /-latin-\d+-(?:normal|italic)$/.test(id!)) ||
              usedIn(face!, options.text),
          )
          .map(([, , face]) =>
            face!
              .replace(/,\s*url\([^)]+\.woff\) format\('woff'\)/g, '')
              .replace(/url\(\.\/files\/([^)]+)\)/g, (_, file: string) => {
                const full = path.join(dir, 'files', file);
                return options.inline
                  ? `url(data:font/woff2;base64,${readFileSync(full).toString('base64')})`
                  : `url(${pathToFileURL(full).href})`;
              })
              .replace(/font-display:\s*swap/g, 'font-display: block'),
          );
      });
    })
    .join('\n');
}

/** Whether a @font-face's unicode-range holds a character of the text. */
function usedIn(face: string, text: string): boolean {
  const ranges = rangesOf(/unicode-range:\s*([^;]+);/.exec(face)?.[1] ?? '');
  return nonAsciiOf(text).some((code) => ranges.some(([a, b]) => code >= a && code <= b));
}

/** The code points of a text beyond ASCII, each once: every face of every render asks of the same essay. */
let lastText = '';
let lastCodes: number[] = [];
function nonAsciiOf(text: string): number[] {
  if (text !== lastText) {
    const codes = new Set<number>();
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code >= 0x80) codes.add(code);
    }
    [lastText, lastCodes] = [text, [...codes]];
  }
  return lastCodes;
}

function rangesOf(list: string): [number, number][] {
  return list
    .split(',')
    .filter((part) => part.trim())
    .map((part) => {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
      return [Number.parseInt(a!.replace(/\?/g, '0'), 16), Number.parseInt((b ?? a!).replace(/\?/g, 'F'), 16)] as [
        number,
        number,
      ];
    });
}

/** A family's stylesheet of its regular weight, read once per build (every render asks for it). */
const regularCss = new Map<string, string>();
function regularCssOf(pkg: string): string {
  let css = regularCss.get(pkg);
  if (css === undefined) {
    const dir = path.dirname(require.resolve(`${pkg}/metadata.json`));
    css = readFileSync(path.join(dir, existsSync(path.join(dir, '400.css')) ? '400.css' : 'index.css'), 'utf8');
    regularCss.set(pkg, css);
  }
  return css;
}

/** The characters a family's files cover, from the unicode-ranges of its regular weight: [first, last] code points. */
export function coveredRanges(pkg: string): [number, number][] {
  return [...regularCssOf(pkg).matchAll(/unicode-range:\s*([^;]+);/g)].flatMap(([, list]) => rangesOf(list!));
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

/** Noto families on npm for the scripts a briefing meets most, by the first character the fonts lack. */
const NOTO: [RegExp, string][] = [
  [/\p{Script=Hangul}/u, '@fontsource/noto-sans-kr'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, '@fontsource/noto-sans-jp'],
  [/\p{Script=Han}/u, '@fontsource/noto-sans-sc'],
  [/\p{Script=Arabic}/u, '@fontsource/noto-sans-arabic'],
  [/\p{Script=Hebrew}/u, '@fontsource/noto-sans-hebrew'],
  [/\p{Script=Devanagari}/u, '@fontsource/noto-sans-devanagari'],
  [/\p{Script=Thai}/u, '@fontsource/noto-sans-thai'],
  [/\p{Script=Georgian}/u, '@fontsource/noto-sans-georgian'],
  [/\p{Script=Armenian}/u, '@fontsource/noto-sans-armenian'],
  [/\p{Extended_Pictographic}/u, '@fontsource/noto-emoji'],
  [/[\u2190-\u2bff]/u, '@fontsource/noto-sans-symbols-2'],
];

/** What to install for characters no font has: "for Korean: npm install @fontsource/noto-sans-kr". */
export function fontFor(chars: string[]): string | null {
  const found = NOTO.find(([script]) => chars.some((c) => script.test(c)));
  return found ? `npm install ${found[1]} and list it` : null;
}

/** The subsets of a family a text needs: "latin" always (digits, a-z), and each other whose characters it uses. */
export function subsetsFor(pkg: string, text: string): string[] {
  const css = regularCssOf(pkg);
  const needed = new Set(['latin']);
  for (const [, id, face] of css.matchAll(/\/\* ([\w[\]-]+) \*\/\s*(@font-face \{[^}]*\})/g)) {
    const subset = /-400-normal$/.test(id!) ? id!.replace(/^.*?-((?:[a-z]+-)?[a-z]+)-400-normal$/, '$1') : null;
    if (subset && !needed.has(subset) && usedIn(face!, text)) needed.add(subset);
  }
  return [...needed].sort();
}
