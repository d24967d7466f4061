// Who's who precision and recall on hand-annotated essays of several genres.
//
//   npx tsx bench/eval-whoswho.ts [--errors]
import { readGold, scoreEssay } from '../tests/support/whoswho.ts';

const showErrors = process.argv.includes('--errors');
const pct = (a: number, b: number) => (b ? (100 * a) / b : 100).toFixed(1).padStart(5);
let found = 0,
  correct = 0,
  gold = 0,
  recalled = 0;
console.log(
  `${'essay'.padEnd(22)} ${'listed'.padStart(6)} ${'right'.padStart(6)}  precision  ${'gold'.padStart(5)} ${'found'.padStart(6)}  recall`,
);
for (const { slug, gold: g } of readGold()) {
  const s = await scoreEssay(slug, g);
  found += s.found;
  correct += s.correct;
  gold += s.gold;
  recalled += s.recalled;
  console.log(
    `${slug.padEnd(22)} ${String(s.found).padStart(6)} ${String(s.correct).padStart(6)}  ${pct(s.correct, s.found)}%    ${String(s.gold).padStart(5)} ${String(s.recalled).padStart(6)}  ${pct(s.recalled, s.gold)}%`,
  );
  if (showErrors) for (const e of s.errors) console.log(`  ${e}`);
}
console.log(
  `${'all'.padEnd(22)} ${String(found).padStart(6)} ${String(correct).padStart(6)}  ${pct(correct, found)}%    ${String(gold).padStart(5)} ${String(recalled).padStart(6)}  ${pct(recalled, gold)}%`,
);
