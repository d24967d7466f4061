// Who's who scored against hand annotations (tests/fixtures/whoswho/*.json): each name the pack lists counts once
// for the person, organisation or place it stands for, of the right type; a second name for the same one (an alias
// left unmerged) counts against precision. Names an annotator could go either way on are marked optional.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { extractChronology } from '../../pipeline/extract/index.ts';
import { parseEssay } from '../../pipeline/parse/index.ts';

export interface Gold {
  essay: string;
  people: string[];
  organizations: string[];
  places: string[];
  aliases: Record<string, string>;
  optional: string[];
}

export interface Score {
  slug: string;
  found: number;
  correct: number;
  gold: number;
  recalled: number;
  errors: string[];
}

const TYPES = ['people', 'organizations', 'places'] as const;

export const goldDir = path.join(import.meta.dirname, '..', 'fixtures', 'whoswho');
export const projectRoot = path.join(import.meta.dirname, '..', '..');

/** The annotations whose essay is on this machine (those of ../shared/essays are absent from a fork's checkout). */
export function readGold(): { slug: string; gold: Gold }[] {
  return readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      slug: f.replace(/\.json$/, ''),
      gold: JSON.parse(readFileSync(path.join(goldDir, f), 'utf8')) as Gold,
    }))
    .filter(({ gold }) => existsSync(path.join(projectRoot, gold.essay)));
}

export async function scoreEssay(slug: string, gold: Gold): Promise<Score> {
  const file = path.join(projectRoot, gold.essay);
  const essay = await parseEssay(new VFile({ path: file, value: readFileSync(file, 'utf8') }));
  const chronology = extractChronology(essay, { spelling: false });
  const score: Score = { slug, found: 0, correct: 0, gold: 0, recalled: 0, errors: [] };
  for (const type of TYPES) {
    const wanted = new Set(gold[type]);
    const matched = new Set<string>();
    for (const name of chronology[type]) {
      const canonical = gold.aliases[name] ?? name;
      if (gold.optional.includes(name) && !wanted.has(canonical)) continue;
      score.found++;
      if (wanted.has(canonical) && !matched.has(canonical)) {
        matched.add(canonical);
        score.correct++;
        continue;
      }
      score.errors.push(`${slug} ${type}: extra "${name}"${matched.has(canonical) ? ' (unmerged alias)' : ''}`);
    }
    score.gold += wanted.size;
    score.recalled += matched.size;
    for (const name of wanted) if (!matched.has(name)) score.errors.push(`${slug} ${type}: missed "${name}"`);
  }
  return score;
}
