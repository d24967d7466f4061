// The extract stage: an Essay in, its Chronology out (validated against the contract's schema).
import type { VFile } from 'vfile';
import { type Chronology, chronologySchema, type Essay } from '../model.ts';
import { toSource } from '../parse/source-map.ts';
import { type Found, findAcronyms, findNames } from './actors.ts';
import { buildEvents } from './events.ts';
import { findMentions, referenceDate } from './mentions.ts';
import { findRoles } from './roles.ts';
import { reportSpellings } from './spelling.ts';

export interface ExtractOptions {
  /** --reference-date: what "today" means when the essay gives no date of its own. */
  referenceDate?: string | null;
  /** Check spellings here (default). A build turns this off and checks them while Chromium prints. */
  spelling?: boolean;
}

export function extractChronology(essay: Essay, options: ExtractOptions = {}, file?: VFile): Chronology {
  const reference = referenceDate(essay, options.referenceDate ?? null);
  const mentions = findMentions(essay, reference);
  const names = namesByParagraph(essay);
  const acronyms: Record<string, string> = {};
  for (const paragraph of essay.paragraphs) Object.assign(acronyms, { ...findAcronyms(paragraph.text), ...acronyms });
  const all = [...names.values()].flat();
  const byType = (type: Found['type']) => [...new Set(all.filter((f) => f.type === type).map((f) => f.name))];
  const roles = findRoles(essay.paragraphs.map((p) => p.text).join('\n\n'), byType('person'));
  const events = buildEvents(essay, mentions, names, roles);
  if (file && options.spelling !== false) reportSpellings(essay, file);
  if (events.length === 0 && file) {
    file.message('No dated events found: the products will say so', { ruleId: 'no-dates', source: 'briefing' });
  }
  const chronology: Chronology = {
    title: essay.title,
    compiled: essay.compiled,
    events,
    mentions: mentions.map(({ text, value, start, end, precision, paragraph, offset }) => ({ text, value, start, end, precision, paragraph, offset })),
    people: byType('person'),
    organizations: byType('organization'),
    places: byType('place'),
    acronyms,
    roles: Object.fromEntries(roles),
  };
  return chronologySchema.parse(chronology);
}

/** Names are found over the whole essay at once, so what one paragraph settles ("Heydar Aliyev" is a person) helps
 * read another; each is then filed under its paragraph, in source offsets. */
function namesByParagraph(essay: Essay): Map<number, Found[]> {
  const starts: number[] = [];
  let joined = '';
  for (const paragraph of essay.paragraphs) {
    starts.push(joined.length);
    joined += paragraph.text + '\n\n';
  }
  const names = new Map<number, Found[]>(essay.paragraphs.map((p) => [p.n, []]));
  let index = 0;
  for (const found of findNames(joined)) {
    while (index + 1 < starts.length && starts[index + 1]! <= found.start) index++;
    const paragraph = essay.paragraphs[index]!;
    const at = (offset: number) => toSource(paragraph.segments, offset - starts[index]!);
    names.get(paragraph.n)!.push({ ...found, start: at(found.start), end: at(found.end) });
  }
  return names;
}
