// Dates in genres the date rules were not written on: GUM's eight genres (academic papers, biographies, court
// transcripts, interviews, news, speeches, textbooks, travel guides), whose TEI layer marks dates with their values
// (<date when="2017">this year</date>, <date from="1600" to="1699">the 17th century</date>). Extent precision, recall
// and F1, strict and relaxed, and the value on relaxed matches (the same calendar span), by genre and in all.
// A document's "today" is the date GUM says it was written (# meta::dateCreated), as --reference-date would give it.
// GUM marks no "now", "today" as the present, "the future" or "recently" (TimeML's PRESENT_REF, FUTURE_REF, PAST_REF):
// those are left out of the count; values are scored where GUM gives a calendar span ("--09-30", a feast day, has none).
//
//   npx tsx bench/eval-gum-dates.ts [--errors] [--genre NAME]
import { VFile } from 'vfile';
import { toldFrom } from '../pipeline/core/essay-date.ts';
import type { Essay } from '../pipeline/core/model.ts';
import { isReference } from '../pipeline/dates/timex/index.ts';
import { extractChronology } from '../pipeline/extract/index.ts';
import { findMentions } from '../pipeline/extract/mentions.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { hasGum, readGum } from '../scripts/gum.ts';

if (!hasGum()) {
  console.log('eval-gum-dates: skipped, ../shared/eval/gum is missing');
  process.exit(0);
}
const showErrors = process.argv.includes('--errors');
const genreAt = process.argv.indexOf('--genre');
const onlyGenre = genreAt > 0 ? process.argv[genreAt + 1] : null;

interface Span {
  start: number;
  end: number;
  /** The calendar span it stands for, as ISO days; null when it is none (a date GUM values with no calendar). */
  days: [string, string] | null;
  text: string;
}

/**
 * The first and last day of an ISO date of any precision ("1699" -> 1699-01-01 .. 1699-12-31). GUM writes a year
 * before the common era as historians count it ("-400", 400 BCE), ISO as astronomers do (-0399).
 */
function daysOf(iso: string): [string, string] | null {
  const m = /^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return null;
  const [, given, mo, d] = m;
  const n = Number(given);
  const y = n < 0 && !given!.startsWith('-0') ? `-${String(-n - 1).padStart(4, '0')}` : given!.padStart(4, '0');
  if (d) return [iso, iso];
  if (mo) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return [`${y}-${mo}-01`, `${y}-${mo}-${String(last).padStart(2, '0')}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

function goldDays(value: Record<string, string>): [string, string] | null {
  const from = value.when ?? value.from ?? value.notBefore;
  const to = value.when ?? value.to ?? value.notAfter;
  const a = from ? daysOf(from) : null;
  const b = to ? daysOf(to) : null;
  return a && b ? [a[0], b[1]] : (a ?? b);
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
type Totals = { gold: number; system: number; strict: number; relaxed: number; valued: number; value: number };
const empty = (): Totals => ({ gold: 0, system: 0, strict: 0, relaxed: 0, valued: 0, value: 0 });
const byGenre = new Map<string, Totals>();
const all = empty();
/** Years of citations ("(Porte, 2012)", "Makel et al., 2012"): references to a work, which the pack does not date. */
const citations = { gold: 0, found: 0 };
const isCitation = (source: string, g: Span) =>
  /^\d{4}[a-z]?$/.test(g.text) &&
  /\([^()]*(?:\p{Lu}[\p{L}'\u2019-]+|et al\.),?\s*$/u.test(source.slice(Math.max(0, g.start - 120), g.start));
const errors: string[] = [];

/**
 * Rows, as a proxy for events (GUM marks no events): how many of GUM's dates (citation years aside) date a row of the
 * chronology, and how many rows are dated by a date GUM marks. Not every date tells an event ("in the past decade"),
 * and GUM leaves some dates unmarked, so neither figure is the events' recall or precision: they show where rows are
 * lost or made of nothing, genre by genre.
 */
const rowTotals = new Map<string, { gold: number; dated: number; rows: number; onGold: number }>();
function scoreRows(name: string, genre: string, essay: Essay, created: string | null, source: string, gold: Span[]) {
  const c = extractChronology(essay, { referenceDate: created, spelling: false });
  const at = c.events.map((e) => {
    // A row of one end of a range ("born August 9, 1929" of a lifespan) points at that end of the range.
    const m =
      c.mentions.find((x) => x.paragraph === e.source.paragraph && x.text === e.date.text) ??
      c.mentions.find((x) => x.paragraph === e.source.paragraph && x.text.includes(e.date.text));
    if (!m) return { e, span: null };
    const from = m.offset[0] + m.text.indexOf(e.date.text);
    return { e, span: { start: from, end: from + e.date.text.length } };
  });
  const t = rowTotals.get(genre) ?? { gold: 0, dated: 0, rows: 0, onGold: 0 };
  rowTotals.set(genre, t);
  const counted = gold.filter((g) => !isCitation(source, g));
  for (const g of counted) {
    t.gold++;
    if (at.some(({ span }) => span && overlaps(span as Span, g))) t.dated++;
    else
      errors.push(
        `${name} NOROW "${g.text}"  \u2026${source.slice(Math.max(0, g.start - 60), g.end + 40).replace(/\s+/g, ' ')}\u2026`,
      );
  }
  for (const { e, span } of at) {
    t.rows++;
    if (span && counted.some((g) => overlaps(span as Span, g))) t.onGold++;
    else errors.push(`${name} ROW   ${e.date.value} "${e.date.text}" | ${e.summary}`);
  }
}

for (const doc of readGum()) {
  if (onlyGenre && doc.genre !== onlyGenre) continue;
  // The essay as the corpus's essays/ folder writes it: a title line, then one paragraph a block.
  const head = `${doc.title || 'T'}\n\n`;
  let source = head;
  const gold: Span[] = [];
  for (const p of doc.paragraphs) {
    for (const d of p.dates)
      gold.push({
        start: source.length + d.start,
        end: source.length + d.end,
        days: goldDays(d.value),
        text: p.text.slice(d.start, d.end),
      });
    source += `${p.text}\n\n`;
  }
  const essay = await parseEssay(new VFile({ path: `${doc.name}.txt`, value: source }));
  // A range the extractor reads as one mention ("1947 to 1960") is scored by its two ends, as GUM marks them.
  const system: Span[] = findMentions(essay, toldFrom(essay, doc.created))
    .filter((m) => m.offset[0] >= head.length && !isReference(m.value))
    .flatMap((m) => {
      const ends = m.parts?.length === 2 ? m.parts : null;
      const days = (iso: string) => daysOf(iso.replace(/T.*$/, ''));
      const values = ends ? m.value.split('/').map(days) : [];
      return (ends ?? [m.offset]).map(([start, end], i) => ({
        start,
        end,
        days: ends ? (values[i] ?? null) : m.start && m.end ? ([m.start, m.end] as [string, string]) : null,
        text: source.slice(start, end),
      }));
    });
  // A date line under the title ("Monday, May 18, 2015", or after the title said again) is read as the text's own
  // date, printed on the cover, not as a mention of the chronology: found when it is the date the essay took.
  for (const g of gold) {
    const line = source.slice(source.lastIndexOf('\n', g.start - 1) + 1, source.indexOf('\n', g.end));
    if (essay.dateSource === 'date line' && line.trim().endsWith(g.text.trim()) && essay.dated === g.days?.[0])
      system.push({ ...g });
  }
  const t = byGenre.get(doc.genre) ?? empty();
  byGenre.set(doc.genre, t);
  const used = new Set<Span>();
  const context = (s: Span) => source.slice(Math.max(0, s.start - 50), s.end + 30).replace(/\s+/g, ' ');
  for (const g of gold) {
    const exact = system.find((s) => !used.has(s) && s.start === g.start && s.end === g.end);
    const match = exact ?? system.find((s) => !used.has(s) && overlaps(s, g));
    for (const x of [t, all]) x.gold++;
    if (isCitation(source, g)) {
      citations.gold++;
      if (match) citations.found++;
    }
    if (!match) {
      errors.push(`${doc.name} MISS  "${g.text}" ${g.days?.join('..')}  …${context(g)}…`);
      continue;
    }
    used.add(match);
    const right = !!g.days && !!match.days && g.days[0] === match.days[0] && g.days[1] === match.days[1];
    for (const x of [t, all]) {
      x.relaxed++;
      if (exact) x.strict++;
      if (g.days) x.valued++;
      if (right) x.value++;
    }
    if (g.days && !right)
      errors.push(`${doc.name} VALUE "${g.text}" gold ${g.days?.join('..')} got ${match.days?.join('..')}`);
    if (!exact) errors.push(`${doc.name} EXTENT gold "${g.text}" got "${match.text}"`);
  }
  scoreRows(doc.name, doc.genre, essay, doc.created, source, gold);
  for (const s of system) {
    for (const x of [t, all]) x.system++;
    if (!used.has(s)) errors.push(`${doc.name} EXTRA "${s.text}" ${s.days?.join('..')}  …${context(s)}…`);
  }
}

if (showErrors) console.log(errors.join('\n'));
const pct = (n: number) => (100 * n).toFixed(1).padStart(5);
const row = (label: string, t: Totals) => {
  const score = (tp: number) => `${pct(tp / t.system)} ${pct(tp / t.gold)} ${pct(f1(tp / t.system, tp / t.gold))}`;
  return `${label.padEnd(10)} ${String(t.gold).padStart(5)} ${String(t.system).padStart(6)}   ${score(t.strict)}   ${score(t.relaxed)}   ${pct(t.value / t.valued)}`;
};
console.log(
  `GUM dates (${hasGum() ? 'TEI <date> layer' : ''}): extent P R F1, strict and relaxed; value = same days on relaxed matches`,
);
console.log(
  `${'genre'.padEnd(10)} ${'gold'.padStart(5)} ${'found'.padStart(6)}   ${'strict P     R    F1'.padEnd(17)}   relaxed P     R    F1   value`,
);
for (const [genre, t] of [...byGenre].sort()) console.log(row(genre, t));
console.log(row('all', all));
const recall = (found: number, gold: number) => pct(found / gold).trim();
console.log(
  `${citations.gold} of the gold dates are years of citations ("(Porte, 2012)"), references the pack does not date (${citations.found} found); without them, relaxed recall ${recall(all.relaxed - citations.found, all.gold - citations.gold)}%`,
);

const rowsAll = { gold: 0, dated: 0, rows: 0, onGold: 0 };
console.log('\nRows (a proxy for events): GUM dates that date a row; rows dated by a GUM date');
for (const [genre, r] of [...rowTotals].sort()) {
  for (const k of ['gold', 'dated', 'rows', 'onGold'] as const) rowsAll[k] += r[k];
  console.log(
    `${genre.padEnd(10)} ${pct(r.dated / r.gold)} of ${String(r.gold).padStart(3)}   ${pct(r.onGold / r.rows)} of ${String(r.rows).padStart(3)} rows`,
  );
}
console.log(
  `${'all'.padEnd(10)} ${pct(rowsAll.dated / rowsAll.gold)} of ${String(rowsAll.gold).padStart(3)}   ${pct(rowsAll.onGold / rowsAll.rows)} of ${String(rowsAll.rows).padStart(3)} rows`,
);
