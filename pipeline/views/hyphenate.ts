// Hyphenation for justified text, offline: TeX's patterns for the essay's language (the hyphen package) put soft
// hyphens into words at build time, since Chromium here hyphenates no language by itself (`hyphens: auto` needs
// dictionaries it would download). A language with no patterns is set unhyphenated.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cache = new Map<string, ((text: string) => string) | null>();

/** Which of the package's pattern sets a language tag takes: "en" and "en-US" American, "en-GB" British, "fr-CA" French. */
function patternsFor(lang: string): string[] {
  const tag = lang.toLowerCase();
  if (tag === 'en-gb' || tag === 'en-au' || tag === 'en-nz' || tag === 'en-ie') return ['en-gb'];
  if (tag.startsWith('en')) return ['en-us'];
  return [tag, tag.split('-')[0]!];
}

/** A function that hyphenates text in `lang`, or null when there are no patterns for it. */
export function hyphenator(lang: string): ((text: string) => string) | null {
  if (!/^[a-z]{2,3}(?:-[a-z\d]{2,8})*$/i.test(lang)) return null;
  if (cache.has(lang)) return cache.get(lang)!;
  let hyphenate: ((text: string) => string) | null = null;
  for (const name of patternsFor(lang)) {
    try {
      const { hyphenateSync } = require(`hyphen/${name}`) as {
        hyphenateSync: (text: string, options?: object) => string;
      };
      // Words under six letters are left whole: breaking them saves little and reads badly. No break inside a
      // ligature (ff, fi, fl): Chromium sets it as one glyph and its text in the PDF loses the letters ("dierent").
      hyphenate = (text) => hyphenateSync(text, { minWordLength: 6 }).replace(/f\u00ad(?=[fijlt])/g, 'f');
      break;
    } catch {
      // no patterns under this name
    }
  }
  cache.set(lang, hyphenate);
  return hyphenate;
}
