// Which clause a date goes with (#29), measured on TimeBank: its annotators link each event to the times that anchor
// it (TLINK). Where a row's sentence holds another date with events linked to that date alone, the row is paired
// right when its clause (why.clause) holds an event linked to its own date and none of the other's. Prints figures;
// asserts nothing. Without the dependency parser (extract/parser/): 81 rows, 45.7% right; with it, 83 rows, 49.4%.
//
//   npx tsx bench/pairing.ts [--rows] [--stories 183]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { extractChronology } from '../pipeline/extract/index.ts';
import { parseEssay } from '../pipeline/parse/index.ts';

const args = process.argv.slice(2);
const stories = args.includes('--stories') ? Number(args[args.indexOf('--stories') + 1]) : Infinity;
const dir = path.join(import.meta.dirname, '..', '..', 'shared', 'eval', 'timebank');
if (!existsSync(dir)) {
  console.log('pairing: skipped, ../shared/eval/timebank is missing');
  process.exit(0);
}

interface Span {
  id: string;
  text: string;
  start: number;
  end: number;
}

/** The story's text without its tags, and where each event and DATE expression lies in it. */
function readStory(xml: string) {
  const inner = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '';
  const events: Span[] = [];
  const times: Span[] = [];
  let text = '';
  for (const m of inner.matchAll(/<(EVENT|TIMEX3)\b([^>]*)>([^<]*)<\/\1>|<[^>]+>|[^<]+/g)) {
    if (m[1]) {
      const id = /\b(?:eid|tid)="([^"]+)"/.exec(m[2]!)?.[1] ?? '';
      const span = { id, text: m[3]!, start: text.length, end: text.length + m[3]!.length };
      if (m[1] === 'EVENT') events.push(span);
      else if (/type="(?:DATE|TIME)"/.test(m[2]!)) times.push(span);
      text += m[3];
    } else if (!m[0].startsWith('<')) text += m[0];
  }
  const instance = new Map(
    [...xml.matchAll(/<MAKEINSTANCE\b[^>]*>/g)].map(([t]) => [
      /eiid="([^"]+)"/.exec(t)![1]!,
      /eventID="([^"]+)"/.exec(t)![1]!,
    ]),
  );
  const linked = new Map<string, Set<string>>();
  for (const [tlink] of xml.matchAll(/<TLINK\b[^>]*>/g)) {
    const time = /\b(?:timeID|relatedToTime)="([^"]+)"/.exec(tlink)?.[1];
    const event = /\b(?:eventInstanceID|relatedToEventInstance)="([^"]+)"/.exec(tlink)?.[1];
    if (!time || !event || !instance.has(event)) continue;
    if (!linked.has(time)) linked.set(time, new Set());
    linked.get(time)!.add(instance.get(event)!);
  }
  return { text, events, times, linked };
}

let rows = 0;
let right = 0;
const wrong: string[] = [];
for (const f of readdirSync(dir)
  .filter((f) => f.endsWith('.tml'))
  .sort()
  .slice(0, stories)) {
  const xml = readFileSync(path.join(dir, f), 'utf8');
  const story = readStory(xml);
  const dct = /<DCT>.*?value="([^"]+)"/s.exec(xml)?.[1]?.slice(0, 10) ?? null;
  const lead = story.text.length - story.text.trimStart().length;
  const shift = f.length + 2 - lead; // the essay is the file's name, a blank line, then the story
  const file = new VFile({ path: `${f}.txt`, value: `${f}\n\n${story.text.trim()}` });
  const essay = await parseEssay(file);
  const chronology = extractChronology(essay, { referenceDate: dct, spelling: false });
  for (const e of chronology.events) {
    const mention = chronology.mentions.find((m) => m.paragraph === e.source.paragraph && m.text === e.date.text);
    const sentence = essay.paragraphs[e.source.paragraph - 1]?.sentences[e.source.sentence - 1];
    if (!mention || !e.why || !sentence) continue;
    const plain = ([from, to]: [number, number]) => [from - shift, to - shift] as const;
    const [a, b] = plain(mention.offset);
    const [s0, s1] = plain(sentence.offset);
    const time = story.times.find((t) => t.start < b && a < t.end);
    if (!time) continue;
    // The clause's words in the sentence, in order (a clause may leave out a clause inside it: one space there).
    const inWords: [number, number][] = [];
    let at = s0;
    for (const w of e.why.clause.split(/\s+/).filter(Boolean)) {
      const found = story.text.indexOf(w, at);
      if (found < 0 || found >= s1) break;
      inWords.push([found, found + w.length]);
      at = found + w.length;
    }
    const whole = inWords.length === e.why.clause.split(/\s+/).filter(Boolean).length;
    const inSentence = (ev: Span) => ev.start >= s0 && ev.end <= s1;
    const linkedTo = (t: Span, ev: Span) => !!story.linked.get(t.id)?.has(ev.id);
    // Its date's events, and the events the sentence's other dates anchor alone.
    const own = story.events.filter((ev) => inSentence(ev) && linkedTo(time, ev));
    const others = story.events.filter(
      (ev) =>
        inSentence(ev) &&
        !linkedTo(time, ev) &&
        story.times.some((t) => t !== time && t.start >= s0 && t.end <= s1 && linkedTo(t, ev)),
    );
    if (!own.length || !others.length) continue;
    rows++;
    const inClause = (ev: Span) =>
      whole ? inWords.some(([a, b]) => ev.start >= a && ev.end <= b) : ev.start >= s0 && ev.end <= s1;
    if (own.some(inClause) && !others.some(inClause)) right++;
    else
      wrong.push(
        `${f} ${e.id} ${e.date.text}: its events ${own.map((ev) => ev.text).join(', ')}; the others' ${others.map((ev) => ev.text).join(', ')}\n  clause: ${e.why.clause}\n  -> ${e.summary}`,
      );
  }
}
console.log(
  `TimeBank: ${rows} rows in sentences where another date has events of its own; ${right} (${((100 * right) / Math.max(1, rows)).toFixed(1)}%) have a clause with an event of their date and none of the other's`,
);
if (args.includes('--rows')) console.log(wrong.join('\n'));
