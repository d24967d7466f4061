// Temporal tagging measured on three TimeML corpora in ../shared/eval: WikiWars (history), AQUAINT and TimeBank (news,
// the two halves of TempEval-3's training data). For DATE
// expressions: extent precision, recall and F1, strict and relaxed, and the value on matched extents, counted the way
// TempEval-3 counts them, side by side with HeidelTime's published figures.
//
//   npm run eval [-- wikiwars|aquaint|timebank|DIR ...] [--errors]
//
// Each story's DCT is passed as --reference-date is: the date "today" means when the text gives none of its own.
// The header lines of a WikiWars TEXT (document id, "HISTORY ARTICLE", the time stamp) are not narrative and are
// skipped. System mentions that overlap a gold TIMEX3 of another type (DURATION, TIME, SET) are left out of the DATE
// count. A range the extractor reads as one mention ("from 1915 to 1916") is scored by its two ends, as TimeML tags
// them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { toldFrom } from '../pipeline/core/essay-date.ts';
import { findMentions } from '../pipeline/extract/mentions.ts';
import { parseEssay } from '../pipeline/parse/index.ts';

interface Span {
  start: number;
  end: number;
  value: string;
  type: string;
  text: string;
}

const args = process.argv.slice(2);
const evalDir = path.join(import.meta.dirname, '..', '..', 'shared', 'eval');
const named = args.filter((a) => !a.startsWith('--'));
const corpora = (named.length ? named : ['wikiwars', 'aquaint', 'timebank']).map((a) =>
  /[/\\]/.test(a) ? a : path.join(evalDir, a),
);
const showErrors = args.includes('--errors');

/** Published figures: WikiWars from HeidelTime's evaluation page; news from TempEval-3 (all TIMEX3 types). */
const HEIDELTIME: Record<string, string> = {
  wikiwars: 'strict 83.1  relaxed 90.3  value (relaxed) 80.8  value (strict) 76.4',
  aquaint: 'strict 81.3  relaxed 90.3  value 77.6 (TempEval-3 platinum news)',
  timebank: 'strict 81.3  relaxed 90.3  value 77.6 (TempEval-3 platinum news)',
};

/** The TEXT of a TimeML file without its tags, and the gold TIMEX3 spans in that text. */
function readTimeML(xml: string): { text: string; gold: Span[]; dct: string | null } {
  const dct = /<DCT>.*?value="([^"]+)"/s.exec(xml)?.[1]?.slice(0, 10) ?? null;
  const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '';
  const gold: Span[] = [];
  let text = '';
  const tag = /<TIMEX3([^>]*)>([\s\S]*?)<\/TIMEX3>|<[^>]+>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    text += decode(body.slice(last, m.index));
    if (m[1] !== undefined) {
      const inner = decode(m[2]!.replace(/<[^>]+>/g, ''));
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m![1]!)?.[1] ?? '';
      gold.push({
        start: text.length,
        end: text.length + inner.length,
        value: attr('value'),
        type: attr('type'),
        text: inner,
      });
      text += inner;
    }
    last = m.index + m[0].length;
  }
  text += decode(body.slice(last));
  return { text, gold, dct };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Where the narrative starts: after the header's time stamp line. */
function narrativeStart(text: string): number {
  const stamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[^\n]*\n/.exec(text);
  return stamp ? stamp.index + stamp[0].length : 0;
}

async function systemSpans(text: string, from: number, dct: string | null): Promise<Span[]> {
  // The header is blanked out and a one-letter title line put before the text (the parser takes a .txt essay's first
  // line for its title); offsets are moved back by that line's length.
  const title = 'T\n\n';
  const source = title + ' '.repeat(from) + text.slice(from);
  const essay = await parseEssay(new VFile({ path: 'eval.txt', value: source }));
  const spans: Span[] = [];
  for (const m of findMentions(essay, toldFrom(essay, dct))) {
    const values = m.value.includes('/') && m.parts ? m.value.split('/') : [m.value];
    const parts = m.parts && values.length === 2 ? m.parts : [m.offset];
    parts.forEach(([start, end], i) => {
      spans.push({
        start: start - title.length,
        end: end - title.length,
        value: values[i] ?? m.value,
        type: 'DATE',
        text: text.slice(start - title.length, end - title.length),
      });
    });
  }
  return spans;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

async function evaluate(dir: string) {
  const totals = { gold: 0, system: 0, strict: 0, relaxed: 0, relaxedValue: 0, strictValue: 0 };
  const errors: string[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort();
  for (const name of files) {
    const { text, gold: allGold, dct } = readTimeML(readFileSync(path.join(dir, name), 'utf8'));
    const from = narrativeStart(text);
    const gold = allGold.filter((g) => g.type === 'DATE' && g.start >= from);
    const others = allGold.filter((g) => g.type !== 'DATE');
    const system = (await systemSpans(text, from, dct)).filter(
      (s) => !others.some((o) => overlaps(o, s)) || gold.some((g) => overlaps(g, s)),
    );
    totals.gold += gold.length;
    totals.system += system.length;
    const used = new Set<Span>();
    for (const g of gold) {
      const exact = system.find((s) => !used.has(s) && s.start === g.start && s.end === g.end);
      const match = exact ?? system.find((s) => !used.has(s) && overlaps(s, g));
      if (!match) {
        if (showErrors)
          errors.push(
            `${name} MISS  "${g.text}" ${g.value}  \u2026${text.slice(Math.max(0, g.start - 40), g.end + 25).replace(/\s+/g, ' ')}\u2026`,
          );
        continue;
      }
      used.add(match);
      totals.relaxed++;
      if (exact) totals.strict++;
      if (match.value === g.value) {
        totals.relaxedValue++;
        if (exact) totals.strictValue++;
      } else if (showErrors)
        errors.push(`${name} VALUE "${g.text}" gold ${g.value} got ${match.value} ("${match.text}")`);
      if (!exact && showErrors) errors.push(`${name} EXTENT gold "${g.text}" got "${match.text}"`);
    }
    if (showErrors)
      for (const s of system)
        if (!used.has(s))
          errors.push(
            `${name} EXTRA "${s.text}" ${s.value}  \u2026${text.slice(Math.max(0, s.start - 40), s.end + 25).replace(/\s+/g, ' ')}\u2026`,
          );
  }

  const row = (label: string, tp: number) => {
    const p = tp / totals.system,
      r = tp / totals.gold;
    return `${label.padEnd(34)} P ${(100 * p).toFixed(1).padStart(5)}  R ${(100 * r).toFixed(1).padStart(5)}  F1 ${(100 * f1(p, r)).toFixed(1).padStart(5)}`;
  };
  if (showErrors) console.log(errors.join('\n'));
  const name = path.basename(dir);
  console.log(`\n${name}: ${files.length} files, ${totals.gold} gold DATE expressions, ${totals.system} found`);
  console.log(row('extent, strict', totals.strict));
  console.log(row('extent, relaxed', totals.relaxed));
  console.log(row('relaxed extent + correct value', totals.relaxedValue));
  console.log(row('strict extent + correct value', totals.strictValue));
  console.log(`value accuracy on relaxed matches   ${((100 * totals.relaxedValue) / totals.relaxed).toFixed(1)}%`);
  if (HEIDELTIME[name]) console.log(`HeidelTime (published): ${HEIDELTIME[name]}`);
}

for (const dir of corpora) await evaluate(dir);
