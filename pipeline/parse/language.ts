// The language an essay is written in, when its front matter does not say: counted from the words every text of a
// language is made of (articles, prepositions, pronouns), among the languages whose dates are read. English unless
// another is clearly ahead: a French quotation in an English essay leaves it English; a short note with none of
// English's words and two of another's is that other's.
const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'was', 'that', 'with', 'for', 'on', 'by', 'it', 'as', 'were', 'this'],
  fr: ['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'dans', 'pour', 'qui', 'que', 'sur', 'avec', 'au', 'aux'],
  de: [
    'der',
    'die',
    'das',
    'und',
    'den',
    'dem',
    'ist',
    'ein',
    'eine',
    'mit',
    'von',
    'zu',
    'auf',
    'nicht',
    'sich',
    'im',
    'am',
    'zum',
    'zur',
    'für',
    'wurde',
  ],
  es: ['el', 'la', 'los', 'las', 'del', 'y', 'en', 'que', 'por', 'con', 'una', 'para', 'es', 'se', 'al', 'fue'],
};

/** The language the text is mostly written in: "en", "fr", "de" or "es". */
export function detectLanguage(text: string): string {
  const counts = new Map<string, number>();
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const lists = Object.entries(FUNCTION_WORDS).map(([lang, list]) => [lang, new Set(list)] as const);
  for (const word of words.slice(0, 5000))
    for (const [lang, list] of lists) if (list.has(word)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  const english = counts.get('en') ?? 0;
  const [best, score] = [...counts].filter(([lang]) => lang !== 'en').sort((a, b) => b[1] - a[1])[0] ?? ['en', 0];
  // Clearly ahead: twice the English count, and enough words to tell; in a short note, a few words with no English
  // one beside them ("Der Minister besuchte am 12. März 2024 Baku.").
  return (score >= 6 && score > 2 * english) || (score >= 2 && english === 0) ? best : 'en';
}
