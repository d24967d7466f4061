// Reads GUM (the Georgetown University Multilayer corpus, Zeldes 2017; annotations CC BY 4.0) from its CoNLL-U files:
// each document's paragraphs as plain text, with the character spans of its named people, organisations and places.
// The training script and the benches read it from ../shared/eval/gum; nothing of it is copied into the project.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { NameType } from '../pipeline/extract/names/features.ts';
import { isTitleWord, NAME_LINKS } from '../pipeline/extract/names/lexicon.ts';

export const gumDir = path.join(import.meta.dirname, '..', '..', 'shared', 'eval', 'gum');
export const hasGum = () => existsSync(path.join(gumDir, 'conllu'));

export interface NameSpan {
  start: number;
  end: number;
  type: NameType;
  /** GUM's entity number in its document: mentions of one entity share it. */
  entity: number;
}

/** A date as GUM's TEI layer marks it (<date when="2017">this year</date>), with its value's attributes. */
export interface DateSpan {
  start: number;
  end: number;
  /** when, or from and to, or notBefore and notAfter: ISO dates of any precision ("2017", "2017-07-18"). */
  value: Record<string, string>;
}

export interface GumParagraph {
  text: string;
  names: NameSpan[];
  dates: DateSpan[];
}

export interface GumDocument {
  name: string;
  genre: string;
  paragraphs: GumParagraph[];
  /** Entity numbers ranked by salience (# meta::salientEntities), with their rank (5 = most salient). */
  salient: Map<number, number>;
  /** Each entity's type, for every entity the document mentions. */
  types: Map<number, string>;
  /** The document's title, and the summary a person wrote of it (# meta::summary1, "(human)"). */
  title: string;
  summary: string;
  /** When the text was written (# meta::dateCreated), if GUM says. */
  created: string | null;
}

const TYPES: Record<string, NameType> = { person: 'person', organization: 'organization', place: 'place' };

interface Row {
  form: string;
  xpos: string;
  start: number;
  end: number;
}

interface OpenMention {
  entity: number;
  type: string;
  minspan: number[];
  /** How the mention relates to the one before it: "pred" says what something is ("was a Fellow of ..."). */
  link: string;
  first: number;
}

export function readGum(dir = gumDir): GumDocument[] {
  const folder = path.join(dir, 'conllu');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.conllu'))
    .sort()
    .map((f) => parseConllu(f.replace(/\.conllu$/, ''), readFileSync(path.join(folder, f), 'utf8')));
}

export function parseConllu(name: string, source: string): GumDocument {
  const doc: GumDocument = {
    name,
    genre: name.split('_')[1] ?? '',
    paragraphs: [],
    salient: new Map(),
    types: new Map(),
    title: '',
    summary: '',
    created: null,
  };
  let date: { start: number; value: Record<string, string> } | null = null;
  let paragraph: GumParagraph | null = null;
  let rows: Row[] = [];
  let sentence = '';
  let base = 0;
  const open: OpenMention[] = [];
  const mentions: { first: number; last: number; m: OpenMention }[] = [];
  const finishSentence = () => {
    if (!paragraph || !rows.length) return;
    for (const { first, last, m } of mentions) {
      const span = nameSpan(rows, first, last, m);
      if (span) paragraph.names.push(span);
    }
    rows = [];
    mentions.length = 0;
  };
  for (const line of source.split('\n')) {
    if (line.startsWith('# newpar')) {
      if (line.startsWith('# newpar_block')) continue;
      finishSentence();
      paragraph = { text: '', names: [], dates: [] };
      doc.paragraphs.push(paragraph);
      continue;
    }
    const meta = /^# meta::(title|summary1) = (?:\(human\) )?(.*)/.exec(line);
    if (meta) {
      doc[meta[1] === 'title' ? 'title' : 'summary'] = meta[2]!.trim();
      continue;
    }
    const created = /^# meta::dateCreated = (\d{4}-\d{2}-\d{2})/.exec(line);
    if (created) {
      doc.created = created[1]!;
      continue;
    }
    const salient = /^# meta::salientEntities = (.*)/.exec(line);
    if (salient) {
      for (const m of salient[1]!.matchAll(/(\d+) \((\d)/g)) doc.salient.set(Number(m[1]), Number(m[2]));
      continue;
    }
    const text = /^# text = (.*)/.exec(line);
    if (text) {
      finishSentence();
      if (!paragraph) doc.paragraphs.push((paragraph = { text: '', names: [], dates: [] }));
      if (paragraph.text) paragraph.text += ' ';
      base = paragraph.text.length;
      sentence = text[1]!;
      paragraph.text += sentence;
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+$/.test(cols[0]!)) continue;
    const form = cols[1]!;
    const from = rows.length ? rows.at(-1)!.end - base : 0;
    const found = sentence.indexOf(form, from);
    const at = found >= 0 ? found : from;
    rows.push({ form, xpos: cols[4]!, start: base + at, end: base + at + (found >= 0 ? form.length : 0) });
    const index = rows.length - 1;
    const xml = /(?:^|\|)XML=([^|]*)/.exec(cols[9]!)?.[1] ?? '';
    const opened = /<date ([^>]*)>/.exec(xml);
    if (opened) {
      const value = Object.fromEntries([...opened[1]!.matchAll(/(\w+):::"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
      date = { start: rows[index]!.start, value };
    }
    if (date && xml.includes('</date>')) {
      paragraph?.dates.push({ start: date.start, end: rows[index]!.end, value: date.value });
      date = null;
    }
    const entity = /(?:^|\|)Entity=([^|]*)/.exec(cols[9]!)?.[1] ?? '';
    for (const m of entity.matchAll(/\((\d+)-([^()|]*?)(?=\(|\)|$)|(\d+)\)/g)) {
      if (m[1]) {
        const fields = m[2]!.split('-');
        const mention: OpenMention = {
          entity: Number(m[1]),
          type: fields[0]!,
          minspan: (fields[4] ?? '').split(',').map(Number),
          link: fields[5] ?? '',
          first: index,
        };
        doc.types.set(mention.entity, mention.type);
        open.push(mention);
        // "(5-time-...)" opens and closes on one token.
        if (entity.charAt(m.index + m[0].length) === ')') {
          open.pop();
          mentions.push({ first: index, last: index, m: mention });
        }
      } else {
        const id = Number(m[3]);
        let k = open.length - 1;
        while (k >= 0 && open[k]!.entity !== id) k--;
        if (k >= 0) mentions.push({ first: open[k]!.first, last: index, m: open.splice(k, 1)[0]! });
      }
    }
  }
  finishSentence();
  for (const p of doc.paragraphs) p.names = outermost(p.names);
  doc.paragraphs = doc.paragraphs.filter((p) => p.text);
  return doc;
}

const isProper = (row: Row) => row.xpos === 'NNP' || row.xpos === 'NNPS';
/** Lower-case words inside a name, and "the" inside one ("Daughters of the American Revolution"). */
const LINKS = new Set([...NAME_LINKS, 'the']);

/**
 * The name inside a mention: the run of proper nouns around its first head (GUM's "minspan": "the Royal Society" ->
 * "Royal Society"; "Groningen, in the Netherlands" -> "Groningen"), with the lower-case links a name holds, and
 * without the titles before a person's name ("U.S. President Donald Trump" -> "Donald Trump"). A mention with no
 * proper noun at its head ("a Swiss mathematician") names no one; one that says what someone is ("was a Fellow of
 * the Royal Society") names no one either.
 */
function nameSpan(rows: Row[], first: number, last: number, m: OpenMention): NameSpan | null {
  const type = TYPES[m.type];
  if (!type || m.link === 'pred') return null;
  const head = m.minspan.map((n) => first + n - 1).find((k) => k >= first && k <= last && isProper(rows[k]!));
  if (head === undefined) return null;
  const link = (k: number) => LINKS.has(rows[k]!.form) && !(type === 'person' && rows[k]!.form === 'and');
  let a = head;
  let b = head;
  for (;;) {
    if (a - 1 >= first && isProper(rows[a - 1]!)) a--;
    else if (a - 2 >= first && link(a - 1) && isProper(rows[a - 2]!)) a -= 2;
    else if (a - 3 >= first && link(a - 1) && link(a - 2) && isProper(rows[a - 3]!)) a -= 3;
    else break;
  }
  for (;;) {
    if (b + 1 <= last && isProper(rows[b + 1]!)) b++;
    else if (b + 2 <= last && link(b + 1) && isProper(rows[b + 2]!)) b += 2;
    else if (b + 3 <= last && link(b + 1) && link(b + 2) && isProper(rows[b + 3]!)) b += 3;
    else break;
  }
  if (type === 'person') {
    // "U.S. President Donald Trump": the name begins after the last title.
    for (let k = b - 1; k >= a; k--) {
      if (!isTitleWord(rows[k]!.form)) continue;
      a = k + 1;
      break;
    }
  }
  if (rows[a]!.end <= rows[a]!.start) return null;
  // "the President": a title alone names no one.
  if (type === 'person' && rows.slice(a, b + 1).every((r) => isTitleWord(r.form))) return null;
  // A plural proper noun naming people is a group ("Americans", "Turkish Cypriots", "the Bernoullis"), not a person.
  if (type === 'person' && rows[b]!.xpos === 'NNPS') return null;
  return { start: rows[a]!.start, end: rows[b]!.end, type, entity: m.entity };
}

/** Names inside names ("Chicago" in "University of Chicago") give way to the name around them. */
function outermost(spans: NameSpan[]): NameSpan[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: NameSpan[] = [];
  for (const s of sorted) if (!out.some((o) => o.start < s.end && s.start < o.end)) out.push(s);
  return out;
}
