// Scores one list of the who's who against a gold list of entities, as ../shared/eval/gum/README says: a name is
// right when it matches a variant of an entity of its type (one contains the other, case-insensitive, at word
// boundaries; or they share the last word and the first letter). Each entity counts once: a second name for it (an
// alias left unmerged) counts against precision.

export interface GoldEntity {
  variants: string[];
  link: string | null;
}

export interface GoldList {
  people: GoldEntity[];
  organizations: GoldEntity[];
  places: GoldEntity[];
}

export interface TypeScore {
  found: number;
  right: number;
  gold: number;
  recalled: number;
  errors: string[];
}

const contains = (long: string, short: string) =>
  new RegExp(`(?:^|[^\\p{L}])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[^\\p{L}]|$)`, 'iu').test(long);
const lastWord = (s: string) => s.split(/\s+/).at(-1)!.toLowerCase();

export function matches(name: string, variant: string): boolean {
  return (
    contains(name, variant) ||
    contains(variant, name) ||
    (lastWord(name) === lastWord(variant) && name[0]!.toLowerCase() === variant[0]!.toLowerCase())
  );
}

export function scoreList(names: string[], gold: GoldEntity[], label: string): TypeScore {
  const score: TypeScore = { found: names.length, right: 0, gold: gold.length, recalled: 0, errors: [] };
  const taken = new Set<GoldEntity>();
  for (const name of names) {
    const exact = gold.filter((e) => e.variants.some((v) => v.toLowerCase() === name.toLowerCase()));
    const loose = gold.filter((e) => e.variants.some((v) => matches(name, v)));
    const entity = exact.find((e) => !taken.has(e)) ?? (exact.length ? undefined : loose.find((e) => !taken.has(e)));
    if (entity) {
      taken.add(entity);
      score.right++;
    } else
      score.errors.push(`${label}: ${exact.length || loose.length ? 'second name for one entity' : 'extra'} "${name}"`);
  }
  score.recalled = taken.size;
  for (const e of gold) if (!taken.has(e)) score.errors.push(`${label}: missed "${e.variants.join(' / ')}"`);
  return score;
}
