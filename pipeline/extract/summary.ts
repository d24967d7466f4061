// A one-line chronology entry from a sentence: the date and the framing phrases go (the row shows the date), roles
// go (the who's who gives them), a pronoun subject becomes the person it stands for, and the line is cut at a
// clause boundary.
import { withoutRoles } from './roles.ts';

const MAX = 110;

/** Leading framings that say when or in what setting, not what happened: "During his visit to Brussels, ". */
const LEADS = [
  /^(?:In|On|By|During|From|Since|Until|At|Around|After|Before|Along with|As part of|Within)\s+[^,]{0,70},\s+(?=\S)/u,
  /^(?:Hence|Thus|Furthermore|Moreover|However|Also|Then|Later|Meanwhile|Subsequently|Finally|In addition),?\s+/u,
];

export function summarise(sentence: string, date: string, person: string | null, people: string[] = [], role: string | null = null): string {
  let text = withoutRoles(sentence.trim(), people);
  if (role && person) text = text.replace(new RegExp(`\\b(?:the\\s+)?${role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'), person);
  // Drop the date and the preposition that introduces it, keeping the comma that closed a framing phrase.
  const escaped = date.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  text = text.replace(new RegExp(`(,?)\\s*\\b(?:in|on|at|by|during|from|since|of)\\s+(?:the\\s+)?${escaped}\\b(,?)\\s*`, 'i'),
    (_: string, before: string, after: string, at: number) => (at === 0 ? '' : after || before ? ', ' : ' '));
  text = text.replace(new RegExp(`^${escaped},?\\s*`), '');
  for (const lead of LEADS) text = text.replace(lead, '');
  if (person) text = text.replace(/^(?:he|she|the latter)\b/i, person);
  text = text.replace(/\s+([,.;:])/g, '$1').replace(/,{2,}/g, ',').replace(/\s{2,}/g, ' ').replace(/[.;:,]+$/, '').trim();
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return shorten(text).replace(/[,;:]$/, '');
}

/** Cut at the last clause boundary (comma, "which", "and") before the limit, else at a word, with an ellipsis. */
export function shorten(text: string, max = MAX): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf(' which '), head.lastIndexOf('; '));
  if (clause > max * 0.5) return head.slice(0, clause);
  return head.slice(0, head.lastIndexOf(' ')).replace(/[,;:]$/, '') + '\u2026';
}
