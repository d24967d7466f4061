// @font-face rules for @fontsource families, pointing at the font files in node_modules by file URL, so every
// machine prints with the same fonts. Each family brings all its subsets with their unicode-ranges (latin-ext covers
// Azerbaijani ə, ğ, ş; latin alone has the digits and a-z), in real regular, italic and bold files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export interface FontFamily {
  /** The npm package, e.g. "@fontsource/source-serif-4". */
  package: string;
  weights: number[];
}

export function fontFaces(families: FontFamily[]): string {
  return families.flatMap((family) => {
    const dir = path.dirname(require.resolve(`${family.package}/package.json`));
    return family.weights.flatMap((weight) => [`${weight}.css`, `${weight}-italic.css`].map((name) => {
      const css = readFileSync(path.join(dir, name), 'utf8');
      return css
        .replace(/url\(\.\/files\/([^)]+)\)/g, (_, file: string) => `url(${pathToFileURL(path.join(dir, 'files', file)).href})`)
        .replace(/,\s*url\([^)]+\.woff\) format\('woff'\)/g, '')
        .replace(/font-display:\s*swap/g, 'font-display: block');
    }));
  }).join('\n');
}

export const defaultFonts: FontFamily[] = [
  { package: '@fontsource/source-serif-4', weights: [400, 600, 700] },
  { package: '@fontsource/source-sans-3', weights: [400, 600, 700] },
];
