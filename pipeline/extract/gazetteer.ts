// Names of countries and world regions, in English, from the ICU data that ships with Node (Intl.DisplayNames):
// a gazetteer that needs no download and favours no text.

let cache: Set<string> | null = null;

export function knownPlaces(): Set<string> {
  if (cache) return cache;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const codes: string[] = [];
  for (let a = 65; a < 91; a++) for (let b = 65; b < 91; b++) codes.push(String.fromCharCode(a, b));
  for (let n = 1; n < 1000; n++) codes.push(String(n).padStart(3, '0'));
  cache = new Set();
  for (const code of codes) {
    let name: string | undefined;
    try { name = names.of(code); } catch { continue; }
    if (!name || name === code || /Unknown/.test(name)) continue;
    cache.add(name);
    // "Bosnia & Herzegovina" is written with "and" in prose; "Congo - Kinshasa" as "Congo".
    cache.add(name.replace(/ & /g, ' and '));
    cache.add(name.replace(/\s+[-(].*$/, ''));
  }
  return cache;
}

/** True when the name, or its last word, is a country or region ("Central Asia", "Caucasus" is not). */
export const isKnownPlace = (name: string) => knownPlaces().has(name);
