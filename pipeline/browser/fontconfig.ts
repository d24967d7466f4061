// The fonts Chromium may fall back to are the tool's, never the machine's: it runs with a fontconfig of its own that
// lists only the DejaVu TrueType fonts shipped as an npm package (dejavu-fonts-ttf). The pages name their web fonts
// (render/fonts.ts); DejaVu is what Chromium takes for a character none of them has, and for MathML (DejaVu Math TeX
// Gyre). So an essay prints the same PDF on any machine, whatever fonts it has or lacks; a machine with no fonts at
// all made Chromium fail to load the pages' web fonts (the Arabic note printed without its Arabic).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The shipped TrueType fonts' folder. */
export const shippedFontFolder = () => path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/**
 * Write a fontconfig file into `folder` (the browser's own profile folder) that lists the shipped fonts and nothing
 * else, with its cache beside it; return its path, for FONTCONFIG_FILE.
 */
export function writeFontconfig(folder: string): string {
  const file = path.join(folder, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${xml(shippedFontFolder())}</dir>\n  <cachedir>${xml(path.join(folder, 'fontconfig-cache'))}</cachedir>\n` +
      `</fontconfig>\n`,
  );
  return file;
}
