// @font-face rules for @fontsource families, so every machine prints with the same fonts. Each family brings its
// subsets with their unicode-ranges (latin-ext covers Azerbaijani ə, ğ, ş; latin alone has the digits and a-z), in
// real regular, italic and bold files. For print the files are linked by file URL; for a self-contained page (the
// HTML deck) the latin subsets are inlined as data URLs.
import { readFileSync } from 'node:fs';
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

export function fontFaces(families: FontFamily[], options: FontOptions = {}): string {
  return families.flatMap((family) => {
    const dir = path.dirname(require.resolve(`${family.package}/package.json`));
    const files = family.weights.flatMap((w) => [`${w}.css`, ...(family.italic === false ? [] : [`${w}-italic.css`])]);
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

export const defaultFonts: FontFamily[] = [
  { package: '@fontsource/source-serif-4', weights: [400, 600, 700] },
  { package: '@fontsource/source-sans-3', weights: [400, 600, 700] },
];

/** What the deck needs, inlined: the sans family, latin and latin-ext. */
export const deckFonts: FontFamily[] = [{ package: '@fontsource/source-sans-3', weights: [400, 600, 700], italic: false }];
