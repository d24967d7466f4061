// What kind of text an essay is, when it says so by its form: a speech or address (its title names one, or it opens
// with a salutation), a press release (FOR IMMEDIATE RELEASE, a media contact, an end mark), an interview (questions
// and answers by speaker), a biography (it opens on a life: "X (born ...)" or "X was born"). Read once, as the dateline
// is; the pack names itself by it ("Address", "Press release"). Null: the essay's shape says what it is.
import type { Paragraph } from '../core/model.ts';

export type Genre = 'speech' | 'press release' | 'interview' | 'biography';

// (and as French, German and Spanish name and open them: "Discours", "Rede", "Discurso"; "Mesdames et Messieurs")
const SPEECH_TITLE =
  /(?<![\p{L}])(?:address|speech|remarks|keynote|lecture|statement by|state of the union|toast|discours|allocution|rede|ansprache|festrede|discurso|alocución)(?![\p{L}])/iu;
const SALUTATION =
  /^(?:thank you|good (?:morning|afternoon|evening)|ladies and gentlemen|my fellow|mr\.? (?:president|speaker|chairman)|madam (?:president|speaker|chair)|dear (?:friends|colleagues)|excellenc(?:y|ies)|distinguished guests|mesdames,? (?:et )?messieurs|monsieur le président|madame la présidente|chers amis|chères amies|excellences|meine (?:sehr geehrten )?damen und herren|sehr geehrte|liebe (?:freundinnen|freunde|kolleginnen|kollegen|gäste)|señoras y señores|señor presidente|señora presidenta|queridos amigos|queridas amigas|excelencias)(?![\p{L}])/iu;
const RELEASE =
  /^(?:for immediate release|press release|news release|communiqué de presse|pressemitteilung|pressemeldung|nota de prensa|comunicado de prensa)(?![\p{L}])|^(?:media|press) (?:contact|enquiries|inquiries)\b|^(?:contacts? presse|pressekontakt|contacto de prensa|contacto para medios)\s*:|^-?30-$|^#{3}$/imu;

/** A paragraph that only says the text is a release ("FOR IMMEDIATE RELEASE", "Communiqué de presse"). */
export const RELEASE_LINE =
  /^(?:for immediate release|press release|news release|communiqué de presse|pressemitteilung|pressemeldung|nota de prensa|comunicado de prensa)[\s.:!]*$/iu;

/** A speech's sign-off, sentence by sentence: thanks and blessings. */
const SIGN_OFF =
  /^(?:thank you|thanks|god bless|may god|so help me god|long live|vive|viva|good ?night|and god bless|merci|danke|gracias|i yield (?:the floor|back)|je vous remercie|vielen dank|herzlichen dank|ich danke|es lebe|muchas gracias)(?![\p{L}])/iu;
/** A photograph's caption or credit standing as a paragraph: "Photo attributed to ...", "Image: Reuters". */
const CREDIT =
  /^(?:photo(?:graph)?|image|picture|illustration|credit|caption|source)s?\b[^.]{0,80}\b(?:by|attributed|courtesy|credit(?:ed)?|©|:)|^(?:photo|image|credit)s?\s*:/i;
const CONTACT =
  /^(?:media|press) (?:contact|enquiries|inquiries)\b|^(?:contact|for (?:more|further) information|contacts? presse|pressekontakt|kontakt|contacto(?: de prensa| para medios)?)\s*:/iu;

/**
 * The paragraphs that are the text's form rather than its content: a speech's salutation ("Madam Speaker, Members of
 * Congress:") and sign-off ("Thank you. God bless America."), a release's media contact, a photograph's credit.
 * Printed, never read.
 */
export function formulasOf(genre: Genre | null, paragraphs: Paragraph[]): Set<number> {
  const formulas = new Set<number>();
  const short = (p: Paragraph) => p.text.length <= 250 && p.kind === 'text';
  if (genre === 'speech') {
    for (const p of paragraphs.slice(0, 2))
      if (short(p) && SALUTATION.test(p.text.trim()) && /[:,!]\s*$|^thank you\b/i.test(p.text.trim()))
        formulas.add(p.n);
    for (const p of paragraphs.slice(-2))
      if (short(p) && p.sentences.length && p.sentences.every((s) => SIGN_OFF.test(s.text.trim()))) formulas.add(p.n);
  }
  if (genre === 'press release')
    for (const p of paragraphs)
      if (short(p) && (CONTACT.test(p.text.trim()) || RELEASE_LINE.test(p.text.trim()))) formulas.add(p.n);
  for (const p of paragraphs) if (p.text.length <= 160 && CREDIT.test(p.text.trim())) formulas.add(p.n);
  return formulas;
}

export function genreOf(title: string, paragraphs: Paragraph[], source: string): Genre | null {
  const texts = paragraphs.map((p) => p.text.trim());
  const opening = texts.slice(0, 2).join(' ');
  // Read in the source: the parse leaves the release line and what follows the end mark out of the paragraphs.
  if (RELEASE.test(source) || /^press release\b/i.test(title)) return 'press release';
  const speakers = texts.filter((t) =>
    /^(?:Q|A|Question|Answer|Réponse|Frage|Antwort|Pregunta|Respuesta|P|R|F|[A-Z][A-Z .'-]{1,30}):\s/.test(t),
  ).length;
  if (texts.length >= 4 && speakers >= texts.length / 2) return 'interview';
  // "Wikinews interviews ...", "An interview with ...", or questions and answers without names: a quarter of the
  // paragraphs short questions.
  const questions = texts.filter((t) => t.length <= 200 && /\?["'\u201d\u2019)]*$/.test(t)).length;
  const interviewTitle =
    /\b(?:interviews|interviewed)\b|^(?:an\s+)?interview\b|:\s*(?:an\s+)?interview\b|(?<![\p{L}])(?:interview|entretien|entrevista)\s+(?:mit|avec|con)\s/iu;
  if (interviewTitle.test(title) || (texts.length >= 6 && questions >= texts.length / 4)) return 'interview';
  if (SPEECH_TITLE.test(title) || texts.slice(0, 2).some((t) => SALUTATION.test(t))) return 'speech';
  // A name of two to seven words (with "of", "de", "van" ...), then its life in brackets (after a name in another
  // tongue: "(French: [pjɛʁ]; August 2, 1754 – June 14, 1825)") or "was born". Any of the first paragraphs: a title
  // line may come before.
  const name = `[\\p{Lu}][\\p{L}.'\u2019-]+(?: (?:[\\p{Lu}][\\p{L}.'\u2019-]+|of|de|da|del|van|von|al|bin)){1,6}`;
  const life = new RegExp(
    `^${name},? \\((?:[^()]{0,150}?;\\s*)?(?:born|b\\.|c\\.\\s*)?[^();]{0,24}\\b\\d{3,4}\\b`,
    'u',
  );
  // ("est né", "naquit", "wurde am ... geboren", "nació"; "Marie Curie, née Maria Skłodowska le 7 novembre 1867")
  const told = new RegExp(
    `^${name},? (?:was born|is an?|was an?|est née?|née?|naquit|naît|wurde (?:(?:[^.]|(?<=\\d)\\.){0,60} )?geboren|nació|es una?|fue una?)(?![\\p{L}])`,
    'u',
  );
  if (texts.slice(0, 3).some((t) => life.test(t) || told.test(t)) || life.test(opening) || told.test(opening))
    return 'biography';
  return namedLife(title, texts, name) ? 'biography' : null;
}

/**
 * A life told from its middle (its opening cut): the title is a name ("Yuen Ren Chao") whose last word the text then
 * uses alone ("Chao went to the United States"), and "he" or "she" come as often. ("New Zealand" is no name: its last
 * word never stands alone.)
 */
function namedLife(title: string, texts: string[], name: string): boolean {
  if (!new RegExp(`^${name}$`, 'u').test(title.trim())) return false;
  const surname = title
    .trim()
    .split(/\s+/)
    .at(-1)!
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = texts.slice(0, 8).join(' ');
  const alone = body.match(new RegExp(`(?<![\\p{Lu}][\\p{L}.'’-]*\\s)\\b${surname}\\b`, 'gu'))?.length ?? 0;
  const pronouns = body.match(/\b(?:he|she|his|her|him)\b/gi)?.length ?? 0;
  return alone >= 3 && pronouns >= 3;
}
