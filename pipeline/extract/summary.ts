// A one-line chronology entry from a sentence: the date and framing phrases go (the row shows the date), pronoun
// subjects become the person they stand for, and the line is cut at a clause boundary.

const MAX = 110;

/** Leading framings that say when or in what setting, not what happened. */
const LEADS = [
  /^(?:In|On|By|During|From|Since|Until|At|Around|After|Before)\s+(?:the\s+)?(?:course\s+of\s+)?(?:his|her|its|their|the)?\s*[^,]{0,60}?,\s+/u,
  /^(?:Hence|Thus|Furthermore|Moreover|However|Also|Then|Later|Meanwhile|Along with it),?\s+/u,
];

export function summarise(sentence: string, date: string, person: string | null): string {
  let text = sentence.trim();
  // Drop the date and the preposition that introduces it: "in March 1992", "on May 4, 1994,".
  const escaped = date.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  text = text.replace(new RegExp(`,?\\s*\\b(?:in|on|at|by|during|from|since|of)\\s+(?:the\\s+)?${escaped}\\b,?`, 'i'), '');
  text = text.replace(new RegExp(`^${escaped},?\\s*`), '');
  for (const lead of LEADS) text = text.replace(lead, '');
  if (person) text = text.replace(/^(?:he|she|the latter)\b/i, person);
  text = text.replace(/\s+([,.;:])/g, '$1').replace(/\s{2,}/g, ' ').replace(/[.;:,]+$/, '').trim();
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return shorten(text);
}

/** Cut at the last clause boundary (comma, "which", "and") before the limit, else at a word, with an ellipsis. */
export function shorten(text: string, max = MAX): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const clause = Math.max(head.lastIndexOf(', '), head.lastIndexOf(' which '), head.lastIndexOf('; '));
  if (clause > max * 0.5) return head.slice(0, clause);
  return head.slice(0, head.lastIndexOf(' ')).replace(/[,;:]$/, '') + '\u2026';
}
