// A chronology row's words, from the syntax of the clause that tells the event: its subject, verb and what they
// carry, without the date (the row shows it), the dateline, attributions ("officials said"), parentheticals,
// framing phrases ("During his visit to Brussels,") and trailing asides (", ending a blockade ..."). A pronoun
// subject becomes what it stands for; a clause that leaves its subject or verb to the clause before borrows them
// ("... signed on 12 June 1985 and joined on 1 January 1986" -> "Portugal and Spain joined"). Nothing is cut to a
// length: what does not fit a layout is the layout's to handle.
import { escapeRegExp } from '../core/text.ts';
import { firstTokenAt, type Token } from './language.ts';
import { CONNECTIVES, DATE_PREPOSITIONS, NEGATING_CONJUNCTIONS, NEGATIONS, PRONOUNS } from './lexicon.ts';
import { parseSentence } from './parser/index.ts';
import { REPORTING_LEMMAS } from './reporting.ts';
import { withoutRoles } from './roles.ts';
import { verbGroups } from './tense.ts';

export interface SummaryInput {
  /** The paragraph's plain text and its tokens. */
  text: string;
  tokens: Token[];
  /** [start, end) of the sentence and of the event's clause in the paragraph text. */
  sentence: [number, number];
  clause: [number, number];
  /** Where the sentence's dates sit: they go, with the preposition before them. */
  dates: [number, number][];
  /** The event's own date among them. */
  date?: [number, number];
  /** Characters of the paragraph that are a news dateline. */
  dateline: number;
  /** Who "he" or "she" stands for here, and the role the sentence names them by ("the President"). */
  person: string | null;
  role: string | null;
  /** What "it" or "they" stands for: the subject of the sentence before, when that is a name or a noun phrase. */
  antecedent: string | null;
  /** What the sentence before acted on ("approved the draft law"): what a passive "it" stands for ("It will be sent"). */
  thing?: string | null;
  /** Known people, whose role phrases go (the who's who gives them). */
  people: string[];
  /** Who says "I" in a speech, when the text names them ("Remarks by President Lula"). */
  speaker?: string | null;
  /** The items of a list just before the sentence: what "these six" are when the list has six. */
  listed?: string[];
  /** The clause is a relative clause ("that began in the fall of 1997"): its "that" stands for the noun before it. */
  relative?: boolean;
}

const QUOTES = /^["\u201c\u201d'\u2018\u2019`]+$/;
/** Whom a speech addresses, before the comma that opens a sentence: "Madam Speaker, George Floyd gasped ...". */
const VOCATIVE =
  /^(?:(?:Madam|Madame|Mr\.?|Mister)\s+(?:Speaker|President|Chairman|Chairwoman|Chair|Secretary(?:-General)?|Vice\s+President|Prime\s+Minister)|Ladies\s+and\s+gentlemen|(?:My\s+)?(?:dear\s+)?(?:fellow\s+)?(?:friends|colleagues|citizens|Americans))$/iu;
/** Words before a date that go with it from a summary ("sometime in 1936", "in about 500 CE", "the late 1990s"). */
const DATE_WORDS = new Set([
  'the',
  'early',
  'late',
  'mid',
  'sometime',
  'about',
  'around',
  'approximately',
  'roughly',
  'circa',
]);
/** Words the tagger may call prepositions that no date takes before it: left at the end, they are the clause's own. */
const ADVERB_PARTICLES = new Set(['off', 'out', 'back', 'away', 'up', 'down', 'aside', 'apart', 'ahead', 'abroad']);

type Kept = Token[];

/** The most of a sentence before a clause that is read to give the clause its subject or verb. */
const MAX_CONTEXT = 2000;

const finite = (tokens: Kept) => verbGroups(tokens).length > 0;
const firstFinite = (tokens: Kept) => {
  const group = verbGroups(tokens)[0];
  return group ? tokens.findIndex((t) => t.start === group.start) : -1;
};

/** A sentence's words as a row of the chronology: a complete clause with a finite verb. */
export function summarise(input: SummaryInput): string {
  const { tokens, sentence, clause } = input;
  /** The tokens wholly inside [from, to) (after the dateline): found by halving, as the tokens are in text order. */
  const inRange = (from: number, to: number) => {
    const out: Token[] = [];
    for (let i = firstTokenAt(tokens, Math.max(from, input.dateline)); i < tokens.length && tokens[i]!.start < to; i++)
      if (tokens[i]!.end <= to) out.push(tokens[i]!);
    return out;
  };
  const participial = participleEvent(input, inRange) ?? reducedRelativeEvent(input, inRange);
  if (participial) return participial;
  let words = clean(inRange(clause[0], clause[1]), input);
  if (clause[0] > sentence[0]) words = whatHappenedThen(words);
  let antecedent = input.antecedent;
  // The clause leaves its subject to the one before ("... and joined in 1986"), or its verb ("Chile on 22 October");
  // its pronouns stand for that clause's subject ("Norway negotiated a treaty, but its voters said no").
  // A "sentence" of thousands of characters is a list or a table run together: its clauses stand alone (reading the
  // whole of it before each clause would make the work grow with the square of its length).
  if (clause[0] > sentence[0] && clause[0] - sentence[0] <= MAX_CONTEXT) {
    const before = clean(inRange(sentence[0], clause[0]), input);
    const subject = subjectOf(before);
    if (namesSomeone(subject)) antecedent = render(subject, input.text);
    // "the Nicosia talks, which ended with an exchange of prisoners in 1986": the talks ended ... ("that" only where
    // the tree says it opens a relative clause: elsewhere it is the "that" of what was said).
    if (words[0] && (['which', 'who'].includes(words[0].lemma) || (input.relative && words[0].lemma === 'that')))
      words = relativeSaid(words, before);
    const verbAt = firstFinite(words);
    // "monitors reported": a plural noun the tagger took for a verb is a subject of its own.
    const ownSubject = words[0]?.pos === 'VERB' && /s$/.test(words[0].text) && words[1]?.pos === 'VERB';
    if (verbAt === 0 && !ownSubject) words = [...subjectBefore(before), ...words];
    else if (verbAt < 0 && !isParticiple(words[0])) {
      const completed = remnantCompleted(words, before, inRange(sentence[0], clause[0]));
      if (!completed) return fallback(input);
      words = completed;
    }
  }
  // "Born in Gothenburg in 1936, she joined ...": she was born in Gothenburg.
  if (clause[0] === sentence[0] && firstFinite(words) <= 0 && isParticiple(words[0]) && clause[1] < sentence[1]) {
    const subject = subjectOf(clean(inRange(clause[1], sentence[1]), input));
    if (subject.length) {
      const who =
        resolvePronoun(
          `${render(subject, input.text)} was`,
          [...subject, { ...words[0]!, text: 'was', pos: 'AUX', lemma: 'be' }],
          { ...input, antecedent },
        ) || `${render(subject, input.text)} was`;
      const plural = /^(?:they|we)$/i.test(render(subject, input.text)) || subject.at(-1)!.text.endsWith('s');
      const participle = render(words, input.text);
      return tidy(
        `${plural ? who.replace(/ was$/, ' were') : who} ${participle.charAt(0).toLowerCase()}${participle.slice(1)}`,
      );
    }
  }
  words = dropAttribution(words);
  words = afterExpletive(words);
  let text = render(words, input.text);
  text = resolvePronoun(text, words, { ...input, antecedent });
  text = tidy(withoutPossessive(withoutRoles(text, input.people), input.people));
  if (!finite(words) || !text) return fallback(input);
  // Faithful or not at all: a negation of the clause's own words that the summary lost sends it to the whole sentence.
  const negations = clean(inRange(clause[0], clause[1]), input).filter(
    (t) => NEGATIONS.has(t.lemma.toLowerCase()) || NEGATIONS.has(t.text.toLowerCase()),
  );
  const said = text.toLowerCase();
  if (
    negations.some(
      (t) => !new RegExp(`(?:^|[^a-z'])${t.text.toLowerCase().replace(/'/g, "['\u2019]")}(?:$|[^a-z])`).test(said),
    )
  )
    return fallback(input);
  return text;
}

/**
 * A date inside a participle phrase set off by commas belongs to what the participle says of its noun: "The embassy,
 * opened in 1964, covers Kenya" and "Founded in 1949, the alliance has grown" tell an opening and a founding, not a
 * covering or a growth. The row is then the noun and the participle: "The embassy was opened", "The alliance was
 * founded". Null when the clause's date is in no such phrase.
 */
function participleEvent(input: SummaryInput, inRange: (from: number, to: number) => Token[]): string | null {
  const [from, to] = input.sentence;
  const date = input.date;
  if (!date) return null;
  const sentence = inRange(from, to);
  const at = sentence.findIndex((t) => t.start >= date[0]);
  if (at < 0) return null;
  const isComma = (t: Token | undefined) => t?.text === ',';
  const { open, close, phrase } = phraseAround(sentence, at, date);
  // (an adverb may come first: ", first elected in 2020,")
  const lead = phrase[0]?.pos === 'ADV' && isParticiple(phrase[1]) ? 1 : 0;
  const head = phrase[lead];
  if (!head) return null;
  // ", which was signed in 1994," says of its noun what a participle would.
  // (not when the date lies in a clause inside it: "who oversees the decree that broke up the Bell system in 1984")
  const nested = phrase.slice(1).some((t) => t.start < date[0] && /^(?:that|which|who|when|where)$/i.test(t.text));
  const relative = open >= 0 && ['which', 'who'].includes(head.lemma) && firstFinite(phrase.slice(1)) === 0 && !nested;
  // The phrase is a past participle and its complements, with no verb of its own beside it.
  // (an infinitive may follow: "completed in 1519 to guard the river")
  const participle =
    isParticiple(head) &&
    !phrase.slice(lead + 1).some((t, i, rest) => (t.pos === 'VERB' || t.pos === 'AUX') && rest[i - 1]?.text !== 'to');
  if (!relative && !participle) return null;
  let subject: Kept;
  if (open < 0) {
    // Opening the sentence: the subject of the main clause after it.
    if (!isComma(sentence[close])) return null;
    subject = subjectOf(sentence.slice(close + 1));
  } else {
    const found = subjectOfAside(sentence, open, close, head, participle);
    if (!found) return null;
    subject = found;
  }
  // "Founded in 1871, it has become the region's centre": the pronoun stands for the last sentence's subject.
  const pronoun = open < 0 && subject.length === 1 ? /^(?:it|this|he|she|they)$/i.exec(subject[0]!.text)?.[0] : null;
  if (pronoun) {
    const stand = /^(?:he|she)$/i.test(pronoun) ? input.person : input.antecedent;
    if (!stand) return null;
    const opening = render(clean(phrase, input), input.text);
    return tidy(
      `${stand} ${/^they$/i.test(pronoun) ? 'were' : 'was'} ${opening.charAt(0).toLowerCase()}${opening.slice(1)}`,
    );
  }
  if (!subject.length || !subject.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return null;
  // "Article 237 of the Treaty of Rome, signed in 1957": the article, or the treaty? Left as it was.
  if (
    open >= 0 &&
    subject.some((t, i) => t.lemma === 'of' && subject[i + 1] && /^(?:DET|PROPN)$/.test(subject[i + 1]!.pos))
  )
    return null;
  if (subject.some((t) => t.pos === 'PRON' && !/^(?:its|their|his|her|our)$/i.test(t.text))) return null;
  const rendered = render(clean(phrase, input), input.text);
  // "Founded in 1949, ..." opens the sentence with its capital: in the row it follows the noun.
  const said = open < 0 && head.pos !== 'PROPN' ? rendered.charAt(0).toLowerCase() + rendered.slice(1) : rendered;
  const noun = render(subject, input.text);
  if (relative) return tidy(`${noun} ${render(clean(phrase.slice(1), input), input.text)}`);
  const plural = /s$/.test(subject.at(-1)!.text) && subject.at(-1)!.pos === 'NOUN';
  return tidy(`${noun} ${plural ? 'were' : 'was'} ${said}`);
}

/**
 * A participle right after its noun, with its date, after the clause's own verb: "The programme replaces a smaller
 * scheme set up in 2012" tells of the scheme's setting up, not of the replacing ("A smaller scheme was set up"). The
 * parse decides that the participle hangs on the noun: in "officials said sales rose in May" it hangs on "said".
 * Before the clause's verb ("A referendum held on 20 October approved ...") the date is the verb's too: null.
 */
function reducedRelativeEvent(input: SummaryInput, inRange: (from: number, to: number) => Token[]): string | null {
  const date = input.date;
  if (!date) return null;
  const sentence = inRange(input.sentence[0], input.sentence[1]).filter((t) => t.pos !== 'SPACE');
  const at = sentence.findIndex((t) => t.start >= date[0]);
  if (at < 4 || sentence[at - 1]?.pos !== 'ADP' || !/^(?:in|on|at|during)$/i.test(sentence[at - 1]!.text)) return null;
  // ("raised in Saturday night's debate": the date is the debate's)
  if (/^['\u2019]s\b/.test(input.text.slice(date[1], date[1] + 3))) return null;
  // (a particle may come between: "set up in 2012")
  const p = at - 2 - (ADVERB_PARTICLES.has(sentence[at - 2]!.lemma) ? 1 : 0);
  const participle = sentence[p];
  const noun = sentence[p - 1];
  if (participle?.pos !== 'VERB' || /ing$/i.test(participle.text) || !/^(?:NOUN|PROPN)$/.test(noun?.pos ?? ''))
    return null;
  // The noun phrase, with a name in quotes inside it ("his famous ``Iron Curtain'' speech")
  let start = p;
  const quote = (t: Token) => /^(?:`|'|``|''|["\u201c\u201d])$/.test(t.text);
  while (
    start > 0 &&
    (/^(?:DET|NOUN|PROPN|ADJ|NUM|PART)$/.test(sentence[start - 1]!.pos) || quote(sentence[start - 1]!))
  )
    start--;
  if (/^(?:his|her|its|their|our|my|your)$/i.test(sentence[start - 1]?.text ?? '')) start--;
  const phrase = sentence.slice(start, p);
  if (firstFinite(sentence.slice(0, start)) < 0 || parseSentence(sentence)[p] !== p - 1) return null;
  const plural = /s$/.test(noun!.text) && noun!.pos === 'NOUN';
  const done = render(sentence.slice(p, at - 1), input.text);
  return tidy(`${render(phrase, input.text)} ${plural ? 'were' : 'was'} ${done}`);
}

/**
 * The noun an aside after it tells of: the words before the comma are that noun phrase, and the main verb comes after
 * the phrase. A "who" says something of the name right before it, wherever that stands ("the first time that Ritter,
 * who arrived Thursday, ..."). Null when the noun is not sure.
 */
function subjectOfAside(sentence: Kept, open: number, close: number, head: Token, participle: boolean): Kept | null {
  const before = sentence.slice(0, open);
  // (a "who" may close the sentence: "said Foreign Minister Winston Peters, who announced it last week."; so may a
  // participle after an imperative: "Start at the Belém Tower, completed in 1519 to guard the river.")
  const imperative = before[0]?.pos === 'VERB' && before[0].text.toLowerCase() === before[0].lemma;
  const ends = close >= sentence.length || /^[.!?]$/.test(sentence[close]!.text);
  if (sentence[close]?.text !== ',' && !(ends && (head.lemma === 'who' || (imperative && participle)))) return null;
  // "Start at the Belém Tower, completed in 1519": the tower was completed.
  if (imperative && participle && firstFinite(before.slice(1)) < 0) return nounPhraseBefore(before);
  if (head.lemma === 'who') {
    let at = before.length;
    // (a name with a hyphened title: "Secretary-General Kofi Annan")
    while (at > 0 && (before[at - 1]!.pos === 'PROPN' || (before[at - 1]!.text === '-' && at > 1))) at--;
    // At the sentence's end the "who" is the date's only clause, so the name must be sure: not the end of an "of"
    // phrase ("Joan Brown Campbell of the National Council of Churches"), nor one of a list.
    const ofName = before[at - 1]?.lemma === 'of' && before[at - 2]?.pos === 'PROPN';
    if (ends && (ofName || before[at - 1]?.pos === 'CCONJ')) return null;
    // "Poland, the Czech Republic and Hungary, who were invited": all three were.
    return before[at - 1]?.pos === 'CCONJ' ? nounPhraseBefore(before) : before.slice(at);
  }
  if (before.length && firstFinite(before) < 0 && firstFinite(sentence.slice(close + 1)) >= 0) {
    // "Observers such as China, admitted in 2013,": China was admitted.
    const such = before.findIndex((t, i) => t.lemma === 'such' && before[i + 1]?.lemma === 'as');
    return such >= 0 ? before.slice(such + 2) : before;
  }
  return null;
}

/**
 * The phrase set off by commas around a date (`open` and `close`: the commas, or -1 and the sentence's end), and of
 * it the part the date is in: "delivered in 1971 | and published in 1975" are two participles, each with its date.
 * "Completed in 2008 the trail is well marked": an opening participle and its date end where a noun phrase starts (a
 * comma is put into `sentence` there, as the writer might have set one, for what reads the sentence next).
 */
function phraseAround(sentence: Token[], at: number, date: [number, number]) {
  const isComma = (t: Token | undefined) => t?.text === ',';
  let open = at - 1;
  while (open >= 0 && !isComma(sentence[open])) open--;
  let close = at;
  while (close < sentence.length && !isComma(sentence[close]) && !/^[.!?;]$/.test(sentence[close]!.text)) close++;
  const afterDate = sentence.findIndex((t) => t.start >= date[1]);
  if (open < 0 && !isComma(sentence[close]) && afterDate > at && sentence[afterDate]?.pos === 'DET') {
    sentence.splice(afterDate, 0, { ...sentence[afterDate]!, text: ',', pos: 'PUNCT', lemma: ',' });
    close = afterDate;
  }
  const whole = sentence.slice(open + 1, close);
  const joins = whole.flatMap((t, i) => (t.pos === 'CCONJ' && isParticiple(whole[i + 1]) ? [i] : []));
  if (!joins.length || !isParticiple(whole[0])) return { open, close, phrase: whole };
  const cuts = [0, ...joins, whole.length];
  const parts = cuts.slice(0, -1).map((c, i) => whole.slice(c === 0 ? 0 : c + 1, cuts[i + 1]));
  const own = parts.find((p) => p.some((t) => t.start >= date[0] && t.end <= date[1]));
  return { open, close, phrase: own ?? whole };
}

/** The clause without its date, dateline, parentheticals, leading connectives and framing phrase, or trailing aside. */
function clean(tokens: Kept, input: SummaryInput): Kept {
  const inDate = dateLookup(tokens, input);
  const dropped = wordsOfTheDates(tokens, inDate);
  const out = outsideBrackets(tokens).filter((t) => !inDate(t) && !dropped.has(t));
  return withoutTail(withoutOpening(withoutPauses(out), input.text, input.date));
}

/** "We, um, signed the contract": a speaker's pauses go, with the commas that set them off. */
function withoutPauses(words: Kept): Kept {
  const pause = (t: Token | undefined) => !!t && /^(?:uh|um|uhm|erm)$/i.test(t.text);
  if (!words.some((t) => pause(t))) return words;
  return words.filter((t, i) => {
    if (pause(t)) return false;
    // The comma before a pause, and the one after it when a comma stood before it too.
    if (t.text !== ',') return true;
    if (pause(words[i + 1])) return false;
    return !(pause(words[i - 1]) && words[i - 2]?.text === ',');
  });
}

/** Whether a token lies in one of the sentence's dates (a date that is a possessive, "last year's blasts", stays). */
function dateLookup(tokens: Kept, input: SummaryInput): (t: Token) => boolean {
  const startsAt = new Map(tokens.map((t) => [t.start, t]));
  const kept = input.dates
    .filter(([, b]) => !/^['\u2019]s?$/.test(startsAt.get(b)?.text ?? ''))
    .filter(([a]) => !negatedUntil(tokens, a))
    .sort((x, y) => x[0] - y[0]);
  // The last date that starts at or before the token, found by halving.
  return (t: Token) => {
    let lo = 0,
      hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]![0] <= t.start) lo = mid + 1;
      else hi = mid;
    }
    const date = kept[lo - 1];
    return !!date && t.end <= date[1];
  };
}

/** The words outside parentheses and brackets. */
function outsideBrackets(tokens: Kept): Kept {
  const out: Kept = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) out.push(t);
  }
  return out;
}

/**
 * A date before a noun or a name says which one ("the Aug. 7 bombing", "the Dec. 21, 1988, bombing", "the 2009 Major
 * League Baseball Draft"): only the date goes, the words that lead to the noun stay.
 */
function attributiveDates(tokens: Kept, inDate: (t: Token) => boolean): Set<Token> {
  const attributive = new Set<Token>();
  tokens.forEach((t, i) => {
    if (!inDate(t) || inDate(tokens[i + 1] ?? t)) return;
    let next = i + 1;
    if (tokens[next]?.text === ',') next++;
    if (['NOUN', 'ADJ', 'PROPN'].includes(tokens[next]?.pos ?? '') && tokens[i - 1]) {
      let first = i;
      while (first > 0 && inDate(tokens[first - 1]!)) first--;
      if (tokens[first - 1]?.lemma === 'the' || tokens[first - 1]?.pos === 'DET') {
        for (const w of tokens.slice(first, next)) attributive.add(w);
      }
    }
  });
  return attributive;
}

/**
 * "She did not direct another film until 1986", "a return is unlikely before 2030": without "until 1986" or "before
 * 2030" the row would say she never did, or that it is unlikely at all; after a negation the date and its
 * preposition stay.
 */
function negatedUntil(tokens: Kept, dateStart: number): boolean {
  const at = tokens.findIndex((t) => t.start >= dateStart);
  if (at < 1 || !/^(?:until|till|before|by)$/i.test(tokens[at - 1]!.text)) return false;
  const negates = (t: Token) =>
    NEGATIONS.has(t.lemma.toLowerCase()) || NEGATIONS.has(t.text.toLowerCase()) || /^unlikely$/i.test(t.text);
  return tokens.slice(0, at - 1).some(negates);
}

/**
 * The words that only went with the dates: the preposition (and article) that introduced one ("signed on May 4" ->
 * "signed"), an aside that was only there for its date ("The Treaty of Rome, signed on 25 March 1957, provided" ->
 * "... provided"), "and" between two ("on Monday and Tuesday nights"), the part of the day after one ("nights"), a
 * word that counted it ("each Thursday", "every May").
 */
function wordsOfTheDates(tokens: Kept, inDate: (t: Token) => boolean): Set<Token> {
  const attributive = attributiveDates(tokens, inDate);
  const dropped = new Set<Token>();
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!,
      next = tokens[i + 1];
    // "appointed her, effective April 1": the word goes with its date ("could be effective" keeps its predicate).
    const effective = t.lemma.toLowerCase() === 'effective' && tokens[i - 1]?.lemma !== 'be';
    // "in the year 71", "by the year 2030": the words go with the year ("a calendar year" before a date stays)
    const theYear = t.lemma === 'year' && tokens[i - 1]?.lemma === 'the' && !!next && inDate(next);
    if (
      next &&
      !attributive.has(next) &&
      (inDate(next) || dropped.has(next)) &&
      (DATE_PREPOSITIONS.has(t.lemma) || effective || theYear || DATE_WORDS.has(t.lemma.toLowerCase()))
    )
      dropped.add(t);
  }
  for (const t of attributive) dropped.add(t);
  tokens.forEach((t, i) => {
    const [comma, participle] = [tokens[i - 2], tokens[i - 1]];
    if (
      !dropped.has(t) ||
      dropped.has(tokens[i - 1]!) ||
      comma?.text !== ',' ||
      participle?.pos !== 'VERB' ||
      !/(?:ed|en|wn|ung)$/.test(participle.text)
    )
      return;
    let j = i;
    while (tokens[j] && (dropped.has(tokens[j]!) || inDate(tokens[j]!))) j++;
    if (tokens[j]?.text === ',') for (const w of [comma, participle, tokens[j]!]) dropped.add(w);
  });
  const gone = (t: Token | undefined) => !!t && (inDate(t) || dropped.has(t));
  tokens.forEach((t, i) => {
    const [before, after] = [tokens[i - 1], tokens[i + 1]];
    if (gone(t)) return;
    if (t.pos === 'CCONJ' && gone(before) && gone(after)) dropped.add(t);
    else if (/^(?:mornings?|afternoons?|evenings?|nights?)$/i.test(t.text) && gone(before)) dropped.add(t);
    else if (/^(?:each|every)$/i.test(t.text) && gone(after)) dropped.add(t);
    // "strained after June 1989, when ...": a preposition whose date has gone, with only a comma after it (a date that
    // brings its own preposition leaves the word before it alone: "set up in 2019").
    else if (t.pos === 'ADP' && after && inDate(after) && after.pos !== 'ADP') {
      let j = i + 1;
      while (gone(tokens[j])) j++;
      if (!tokens[j] || /^[,;:.]$/.test(tokens[j]!.text)) dropped.add(t);
    }
  });
  return dropped;
}

/** Without leading "and", "but", commas, connectives ("However,"), a framing phrase before the subject, a "where". */
function withoutOpening(words: Kept, text: string, date: [number, number] | null = null): Kept {
  let out = words;
  // ("Nor" and "neither" stay: "Nor will I shrink from my share" without its "Nor" says the opposite.)
  let first = 0;
  while (
    out[first] &&
    !NEGATING_CONJUNCTIONS.has(out[first]!.lemma) &&
    (out[first]!.pos === 'CCONJ' || out[first]!.pos === 'PUNCT' || CONNECTIVES.has(out[first]!.lemma))
  )
    first++;
  out = out.slice(first);
  // "Madam Speaker, George Floyd gasped ...", "My fellow Americans, we chose ...": whom the speech addresses.
  const addressed = out.findIndex((t) => t.text === ',');
  if (
    addressed > 0 &&
    addressed <= 4 &&
    out[addressed + 1] &&
    VOCATIVE.test(
      out
        .slice(0, addressed)
        .map((t) => t.text)
        .join(' '),
    )
  )
    out = out.slice(addressed + 1);
  // "Figure 7.3, Mohandas Gandhi led ...", "Fig. 2 The map shows ...": a caption's number is not its subject.
  if (/^(?:Figure|Fig|Table|Map|Image|Photo|Plate)$/.test(out[0]?.text ?? '') && out[1]) {
    let k = out[1].text === '.' ? 2 : 1;
    if (/^\d+(?:\.\d+)*[a-z]?$/.test(out[k]?.text ?? '')) {
      k++;
      while (out[k] && /^[.,:;\u2013\u2014-]$/.test(out[k]!.text)) k++;
      if (out[k]) out = out.slice(k);
    }
  }
  // "A: I arrived in August 2019", "Minister Holm: We opened ...": a speaker's label is the form of an interview.
  const colon = out.findIndex((t) => t.text === ':');
  if (colon > 0 && colon <= 3 && out.slice(0, colon).every((t) => /^\p{Lu}/u.test(t.text)) && out[colon + 1])
    out = out.slice(colon + 1);
  const comma = out.findIndex((t) => t.text === ',');
  const rest = out.slice(comma + 1);
  const opener = out[0]!;
  const subordinates = [
    'when',
    'once',
    'while',
    'as',
    'after',
    'before',
    'since',
    'until',
    'although',
    'because',
    'if',
  ];
  const framing =
    opener &&
    !opensOnCount(out) &&
    (opener.pos === 'ADP' || opener.pos === 'SCONJ' || subordinates.includes(opener.lemma));
  const verbAt = firstFinite(out);
  // "In recognition of his service he was promoted in 1678, was appointed ...": a framing phrase with no comma of its
  // own, before a pronoun subject.
  if (
    opener?.pos === 'ADP' &&
    !subordinates.includes(opener.lemma.toLowerCase()) &&
    verbAt > 1 &&
    (comma < 0 || comma > verbAt) &&
    out[verbAt - 1]?.pos === 'PRON' &&
    PRONOUNS.has(out[verbAt - 1]!.lemma)
  )
    out = out.slice(verbAt - 1);
  else if (comma > 0 && framing && saidOfFrame(out, comma)) out = saidOfFrame(out, comma)!;
  else if (comma > 0 && framing && firstFinite(rest) >= 0 && !datesItsClause(out, comma, date))
    out = withoutAppositive(afterFraming(out, comma), text);
  else if (comma > 0 && framing && firstFinite(rest) >= 0) return out;
  // "Before that she served ...", "After this the council met": a link to the sentence before, with no comma.
  else if (opener?.pos === 'ADP' && ['that', 'this'].includes(out[1]?.lemma ?? '') && firstFinite(out.slice(2)) >= 1)
    out = out.slice(2);
  return withoutLink(out);
}

/**
 * "[and] on the draft law on foreign agents, which the parliament had withdrawn": what follows the phrase is said of
 * its noun ("The parliament had withdrawn the draft law on foreign agents"); null when no "which" or "who" follows.
 */
function saidOfFrame(words: Kept, comma: number): Kept | null {
  const rest = words.slice(comma + 1);
  while (rest.at(-1)?.pos === 'PUNCT') rest.pop();
  const noun = words.slice(1, comma);
  if (!['which', 'who'].includes(rest[0]?.lemma ?? '') || firstFinite(rest.slice(1)) < 0) return null;
  if (noun[0]?.pos !== 'DET' || !noun.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return null;
  if (noun.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null; // "Behind the jargon lies a threat, which"
  // (Its object: "which the parliament had withdrawn"; its subject: "who signed".)
  const object = firstFinite(rest.slice(1)) > 0 && rest[1]?.pos !== 'ADV';
  const lowered = noun.map((t, i) => (i === 0 ? { ...t, text: t.text.toLowerCase() } : t));
  return object ? [...rest.slice(1), ...lowered] : [...noun, ...rest.slice(1)];
}

/** Without a link to the clause before: ", where monitors reported ...", "That is why, the House will ...". */
function withoutLink(words: Kept): Kept {
  let out = words;
  // ", where monitors reported ...": the clause without its link to the one before.
  if (out[0] && ['where', 'when', 'while', 'whereas'].includes(out[0].lemma) && firstFinite(out.slice(1)) >= 0)
    out = out.slice(1);
  // "That is why, today, the House will pass ...": the link to what was said before goes.
  if (/^(?:that|this)$/i.test(out[0]?.text ?? '') && out[1]?.lemma === 'be' && /^why$/i.test(out[2]?.text ?? '')) {
    const rest = out.slice(out[3]?.text === ',' ? 4 : 3);
    if (firstFinite(rest) > 0) out = rest;
  }
  // (", where in 1952, he became ...": the comma its date leaves goes too.)
  while (out[0]?.pos === 'PUNCT' && !QUOTES.test(out[0].text)) out = out.slice(1);
  return out;
}

/**
 * "When our neighbours were attacked in 2022, we answered": the date is the attack's, a clause of its own in the
 * framing, which then stays ("When our neighbours were attacked, we answered"), not "We answered"; so does a
 * condition ("If the pause continues into 2026, projects could lapse").
 */
function datesItsClause(words: Kept, comma: number, date: [number, number] | null): boolean {
  // ("After" and "before" more often take a noun: "After a flat quarter tied to lower earnings", "Before his address".)
  if (!date || !words[0] || !/^(?:when|as|once|while|until|if|unless)$/i.test(words[0].text)) return false;
  if (date[0] <= words[0].start || date[0] >= words[comma]!.start) return false;
  // A verb of its own: one the parse hangs on the main clause's verb, not on a noun ("after a flat quarter tied to
  // lower earnings" has none).
  if (firstFinite(words.slice(1, comma)) < 0) return false;
  const heads = parseSentence(words);
  return words.slice(1, comma).some((t, i) => {
    const head = heads[i + 1]!;
    return t.pos === 'VERB' && (head < 0 || (head > comma && words[head]!.pos === 'VERB'));
  });
}

/** "At least 76 people were killed when ...", "About 300 troops left": a count opens the clause, not a framing phrase. */
const opensOnCount = ([first, second]: Kept) =>
  (/^(?:at|up)$/i.test(first?.text ?? '') && /^(?:least|most|to)$/i.test(second?.text ?? '')) ||
  (/^(?:about|around|over|under|some|nearly|almost)$/i.test(first?.text ?? '') && second?.pos === 'NUM');

/**
 * What follows a framing phrase, from its first comma; past a second one when the first only set off the last words of
 * a place ("After 23 years at the University of California, Berkeley, | Fillmore retired"; "in Sochi, Russia, |
 * Wikinews interviewed ...") and a subject without commas and its verb come after it.
 */
function afterFraming(words: Kept, first: number): Kept {
  const rest = words.slice(first + 1);
  const next = rest.findIndex((t) => t.text === ',');
  const place = next > 0 && next <= 3 && rest.slice(0, next).every((t) => t.pos === 'PROPN' || t.text === '.');
  if (!place) return rest;
  const after = rest.slice(next + 1);
  const verbAt = firstFinite(after);
  return verbAt > 0 && !after.slice(0, verbAt).some((t) => t.text === ',') ? after : rest;
}

/**
 * "[after seeing the success of a classmate,] Kaho Tanabe, who wrote a novel, Higuchi decided ...": the name the framing
 * phrase ended on, and what its "who" says of it, go with the phrase; the subject is the name after them.
 */
function withoutAppositive(words: Kept, text: string): Kept {
  // Its "who" clause may be a clause of its own, left out of these words: then the text between two words says so.
  const name = (t: Token) => ['PROPN', 'NOUN', 'DET', 'ADJ'].includes(t.pos);
  for (let i = 0; i < Math.min(words.length - 1, 5) && name(words[i]!); i++) {
    const between = text.slice(words[i]!.end, words[i + 1]!.start);
    const inWords = words[i + 1]!.text === ',' && ['who', 'which'].includes(words[i + 2]?.lemma ?? '');
    if (!inWords && !/^\s*,\s*(?:who|which)\b[\s\S]*,\s*$/.test(between)) continue;
    const close = inWords ? words.findIndex((t, k) => k > i + 2 && t.text === ',') : i;
    const rest = close >= 0 ? words.slice(close + 1) : [];
    const verbAt = firstFinite(rest);
    return verbAt > 0 && rest.slice(0, verbAt).some((t) => t.pos === 'PROPN' || t.pos === 'NOUN') ? rest : words;
  }
  return words;
}

/** A word whose loss changes what a summary says: a figure, or a negation. */
const weighs = (t: Token) =>
  /\d/.test(t.text) || NEGATIONS.has(t.lemma.toLowerCase()) || NEGATIONS.has(t.text.toLowerCase());

/** Without a trailing aside after a comma (", ending a blockade ...", ", which ...", ", who ...") or dangling words. */
function withoutTail(words: Kept): Kept {
  let out = words;
  for (let i = 1; i < out.length - 1; i++) {
    const next = out[i + 1]!;
    const aside =
      out[i]!.text === ',' &&
      ((next.pos === 'VERB' && /ing$/.test(next.text)) || ['which', 'who', 'whose'].includes(next.lemma));
    // An aside on the event that carries a figure or a negation is its point, not an aside: "Stocks rose, pushing
    // the Dow up 72 points"; one on a person ("who left Cuba when she was 4") is not.
    const point = next.lemma !== 'who' && next.lemma !== 'according' && out.slice(i + 1).some(weighs);
    if (aside && finite(out.slice(0, i)) && !point) {
      out = out.slice(0, i);
      break;
    }
  }
  const dangling = (t: Token) => (t.pos === 'PUNCT' && !QUOTES.test(t.text)) || t.pos === 'CCONJ' || t.pos === 'ADP';
  // A word like "up" right after its verb is the verb's own ("Paribas set up the fund"), not a preposition left over;
  // so is an adverb no date takes ("had some time off in 2011").
  const particle = (at: number) =>
    out[at]!.pos === 'ADP' && (out[at - 1]?.pos === 'VERB' || ADVERB_PARTICLES.has(out[at]!.lemma.toLowerCase()));
  let end = out.length;
  while (end && dangling(out[end - 1]!) && !particle(end - 1)) end--;
  out = out.slice(0, end);
  // ", established" left alone once its date has gone: a participle with nothing to say. (Not the main verb after a
  // participle set in commas: "The City Gate, redesigned by Renzo Piano, opened".)
  const verb = out.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (
    out.length > 2 &&
    out.at(-2)!.text === ',' &&
    out.at(-1)!.pos === 'VERB' &&
    /ed$/.test(out.at(-1)!.text) &&
    finite(out.slice(0, -2)) &&
    out[verb - 1]?.text !== ','
  )
    out = out.slice(0, -2);
  return out;
}

/** "Officials said that the centre would open" -> "The centre would open"; ", officials said" at the end goes too. */
function dropAttribution(words: Kept): Kept {
  // Trailing: ", X said", ", X told reporters", ", according to X".
  for (let i = words.length - 1; i > 0; i--) {
    if (words[i]!.text !== ',') continue;
    const tail = words.slice(i + 1);
    // (", which added 92,000 jobs" is no attribution: "add" reports speech only in ", he added".)
    const reports =
      tail.some((t) => t.pos === 'VERB' && REPORTING_LEMMAS.has(t.lemma)) &&
      tail.length <= 8 &&
      !['which', 'that', 'whose'].includes(tail[0]?.lemma ?? '') &&
      !tail.some(weighs);
    const according = tail[0]?.lemma === 'according';
    if ((reports || according) && finite(words.slice(0, i))) return words.slice(0, i);
  }
  // Leading: "X said (that) S", when S has a subject of its own that is not a bare pronoun.
  const verbAt = firstFinite(words);
  const verb = words[verbAt];
  if (verb && REPORTING_LEMMAS.has(verb.lemma)) {
    let rest = words.slice(verbAt + 1);
    if (rest[0]?.lemma === 'that') rest = rest.slice(1);
    const restVerb = firstFinite(rest);
    const subject = rest.slice(0, restVerb);
    const nominal = subject.every(
      (t) => ['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PART', 'PRON'].includes(t.pos) || t.lemma === 'of',
    );
    // "announced an agreement to acquire the bank", "announced the start of a process to suggest designs, and ...
    // would prefer": what is announced is a noun and its infinitive, no clause of its own.
    const after = rest.slice(restVerb + 2);
    const cut = after.findIndex((t) => t.text === ',' || t.pos === 'CCONJ');
    const infinitive = rest[restVerb]?.lemma === 'to' && !finite(cut < 0 ? after : after.slice(0, cut));
    if (restVerb > 0 && nominal && !infinitive && !(subject.length === 1 && subject[0]!.pos === 'PRON')) return rest;
  }
  return words;
}

/** A word that touches a hyphen at `at` ("present" and "day" of "present-day", not "Mass." of "Mass.-based"). */
const isWordPart = (t: Token | undefined, at: number) =>
  !!t && (t.end === at || t.start === at) && /^\p{L}+$/u.test(t.text);

/** The subject of a sentence as words, for the pronouns of the next one: null when it is itself a pronoun. */
export function subjectPhrase(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  dates: [number, number][],
  longest = 8,
): string | null {
  const sentence = tokens.filter((t) => t.start >= from && t.end <= to);
  let verbAt = firstFinite(sentence);
  // "Norway, which took the chair in 2023, has tried ...": the name before its "which" is the sentence's subject.
  if (['which', 'who'].includes(sentence[verbAt - 1]?.lemma ?? '') && sentence[verbAt - 2]?.text === ',') verbAt -= 2;
  // Back from the verb over the noun phrase: "On 23 June 2016 the United Kingdom voted" -> "the United Kingdom".
  let at = verbAt;
  while (at > 0) {
    const t = sentence[at - 1]!;
    // A list of names is one subject: "Estonia, Latvia and Lithuania restored ...".
    const listComma = t.text === ',' && sentence[at - 2]?.pos === 'PROPN' && sentence[at]?.pos === 'PROPN';
    const nominal =
      ['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PART'].includes(t.pos) ||
      (t.lemma === 'of' && at - 1 > 0) ||
      // "the converter station at Ventspils": a preposition inside the noun phrase, its head noun before it.
      (t.pos === 'ADP' && sentence[at - 2]?.pos === 'NOUN') ||
      // "present-day Lodz": a hyphen inside a word
      (t.text === '-' && isWordPart(sentence[at - 2], t.start) && isWordPart(sentence[at], t.end)) ||
      t.lemma === 'and' ||
      listComma;
    if (!nominal || dates.some(([a, b]) => t.start >= a && t.end <= b)) break;
    at--;
  }
  const words = verbAt > 0 ? sentence.slice(at, verbAt) : [];
  while (words[0] && (words[0].lemma === 'of' || words[0].lemma === 'and')) words.shift();
  if (words.length === 0 || words.length > longest) return null;
  if (!words.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return null;
  const phrase = render(words, text);
  return /^(?:the|a|an)\s/i.test(phrase) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

/** What a sentence's first verb acts on: "Yesterday the government approved the draft law on border management"
 * -> "the draft law on border management"; null when no noun phrase follows the verb. */
export function objectPhrase(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  dates: [number, number][],
): string | null {
  const sentence = tokens.filter((t) => t.start >= from && t.end <= to);
  const group = verbGroups(sentence)[0];
  if (!group) return null;
  let at = sentence.findIndex((t) => t.start >= group.end);
  const words: Token[] = [];
  while (at >= 0 && at < sentence.length && words.length < 8) {
    const t = sentence[at]!;
    const nominal =
      ['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM'].includes(t.pos) ||
      (['of', 'on', 'for'].includes(t.lemma) && words.length > 0);
    if (!nominal || dates.some(([a, b]) => t.start >= a && t.end <= b)) break;
    words.push(t);
    at++;
  }
  while (words.length && !['NOUN', 'PROPN'].includes(words.at(-1)!.pos)) words.pop();
  if (!words.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') || words[0]?.pos === 'PRON') return null;
  const phrase = render(words, text);
  return /^(?:the|a|an)\s/i.test(phrase) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
}

const isParticiple = (t: Token | undefined) =>
  !!t && t.pos === 'VERB' && /(?:ed|en|wn|rn|un|ung|ought|ade|lt|ld)$/.test(t.text);

/** The noun phrase that ends a stretch of words: "... brokered the Nicosia talks" -> "the Nicosia talks". */
function nounPhraseBefore(words: Kept): Kept {
  let at = words.length;
  while (at > 0 && words[at - 1]!.pos === 'PUNCT' && at === words.length) at--;
  const end = at;
  const nounWords = () => {
    const from = at;
    while (at > 0 && ['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PART'].includes(words[at - 1]!.pos)) at--;
    return at < from;
  };
  nounWords();
  // "Poland, the Czech Republic and Hungary, who were invited": all three were.
  if (words[at - 1]?.pos === 'CCONJ' && at > 1) {
    const joined = at;
    at--;
    if (!nounWords()) at = joined;
    else
      for (let list = at; words[at - 1]?.text === ',' && at > 1; list = at) {
        at--;
        if (!nounWords()) {
          at = list;
          break;
        }
      }
  }
  return words.slice(at, end);
}

/**
 * "It was announced on Monday that the talks had failed": what was announced; "it is a source of satisfaction to me
 * that there are more Democrats" (the tagger may call that "that" a determiner): that there are. ("It was not known
 * if ...": as is.)
 */
function afterExpletive(words: Kept): Kept {
  if (words[0]?.lemma !== 'it' || words[1]?.lemma !== 'be') return words;
  const that = words.findIndex(
    (t, i) =>
      i > 1 &&
      t.lemma === 'that' &&
      (t.pos === 'SCONJ' || (t.pos === 'DET' && !/^(?:NOUN|PROPN|ADJ|NUM)$/.test(words[i + 1]?.pos ?? ''))),
  );
  return that > 0 && firstFinite(words.slice(that + 1)) > 0 ? words.slice(that + 1) : words;
}

/**
 * A clause that leaves its verb to the one before, completed: "Montenegro opened talks in 2012 and Serbia in 2014":
 * Serbia opened talks. An item of a list is said with what the list is of ("the recipient of several awards, including
 * a BAFTA Fellowship in 1996, Cannes Golden Palm in 2003": not "Cannes Golden Palm was the recipient"). Null when the
 * verb before has a name for its object ("granted Ukraine status in June, and Georgia in December"): either could be.
 * `before` is the sentence before the clause without its dates, `raw` the same words as written.
 */
function remnantCompleted(words: Kept, before: Kept, raw: Kept): Kept | null {
  const list = raw.findIndex(
    (t, i) => /^(?:including|notably)$/i.test(t.text) || (t.lemma === 'such' && raw[i + 1]?.lemma === 'as'),
  );
  if (list >= 0) return [...raw.slice(0, list + (raw[list]!.lemma === 'such' ? 2 : 1)), ...words];
  const predicate = predicateOf(before);
  return predicate.some((t) => t.pos === 'PROPN') ? null : [...words, ...predicate];
}

/**
 * "..., a post he held until 2008, when he became ambassador in Kyiv": a noun phrase set beside the sentence (a
 * clause after its start) names a time; what happened then is the "when" clause after it.
 */
function whatHappenedThen(words: Kept): Kept {
  if (words[0]?.pos !== 'DET') return words;
  const at = words.findIndex((t, i) => t.lemma === 'when' && words[i - 1]?.text === ',');
  if (at < 0) return words;
  const then = words.slice(at + 1);
  // The phrase has no verb, or only one of its own relative clause ("a post he held").
  const phrase = words.slice(0, at);
  const verb = firstFinite(phrase);
  return (verb < 0 || phrase[verb - 1]?.pos === 'PRON') && firstFinite(then) > 0 ? then : words;
}

/** A relative clause as a clause of its own: "which ended in 1986" -> "the talks ended"; "which Paribas set up" ->
 * "Paribas set up the fund". `before` is the sentence up to the clause, without its dates. */
function relativeSaid(words: Kept, before: Kept): Kept {
  const noun = relativeAntecedent(before);
  const object = firstFinite(words.slice(1)) > 0 && words[1]?.pos !== 'ADV';
  const lower = (t: Token, i: number) => (i === 0 && t.pos === 'DET' ? { ...t, text: t.text.toLowerCase() } : t);
  return object ? [...words.slice(1), ...noun.map(lower)] : [...noun, ...words.slice(1)];
}

/**
 * The noun a relative clause says something of: the noun phrase before it, past an aside ("a diplomat, born in 1959,
 * who served"), or the subject when that phrase only says what the subject is ("Maria Keller is a German diplomat who
 * served": Maria Keller served). `before` is the sentence up to the clause, without its dates.
 */
function relativeAntecedent(before: Kept): Kept {
  let lead = before;
  while (lead.length && lead.at(-1)!.pos === 'PUNCT') lead = lead.slice(0, -1);
  let comma = lead.length - 1;
  while (comma >= 0 && lead[comma]!.text !== ',') comma--;
  const aside = lead.slice(comma + 1);
  if (comma > 0 && isParticiple(aside[0]) && !aside.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN'))
    lead = lead.slice(0, comma);
  const phrase = nounPhraseBefore(lead);
  const verbAt = lead.length - phrase.length - 1;
  if (phrase.length && lead[verbAt]?.lemma === 'be' && firstFinite(lead) === verbAt) {
    const subject = subjectOf(lead);
    if (subject.length) return subject;
  }
  return phrase;
}

/** The subject of a clause: the words before its first finite verb, after a framing phrase. */
function subjectOf(clause: Kept): Kept {
  const at = firstFinite(clause);
  return at > 0 ? clause.slice(0, at) : [];
}

/** The subject a clause leaves to the one before, without the comma a participle opened after it ("The treaty, |
 * signed in 1994, | expired in 2004": the treaty expired), nor the participle's adverb ("Sandu, first elected"). */
function subjectBefore(clause: Kept): Kept {
  const subject = subjectOf(clause);
  // (", first elected in 2020,": the participle's adverb goes with it)
  if (subject.at(-1)?.pos === 'ADV' && subject.at(-2)?.text === ',') subject.pop();
  while (subject.at(-1)?.pos === 'PUNCT') subject.pop();
  return subject;
}

/** What a clause says of its subject: from its first finite verb on, up to a list's first comma. */
function predicateOf(clause: Kept): Kept {
  const at = firstFinite(clause);
  if (at < 0) return [];
  const rest = clause.slice(at);
  const stop = rest.findIndex((t) => t.text === ',' || t.text === ':' || t.text === ';');
  return stop > 0 ? rest.slice(0, stop) : rest;
}

/** Tokens back to text, keeping the original spacing between neighbours and one space across a gap. */
function render(words: Kept, text: string): string {
  let out = '';
  words.forEach((t, i) => {
    const previous = words[i - 1];
    if (previous)
      out +=
        previous.end === t.start
          ? ''
          : previous.end <= t.start && /^\s+$/.test(text.slice(previous.end, t.start))
            ? text.slice(previous.end, t.start).replace(/\s+/g, ' ')
            : ' ';
    out += t.text;
  });
  return out;
}

/** A bare pronoun as the subject becomes the person or thing it stands for. */
function resolvePronoun(text: string, words: Kept, input: SummaryInput): string {
  const verbAt = firstFinite(words);
  // "He also is charged": the adverb is no part of who.
  const subject = words
    .slice(0, verbAt)
    .filter((t) => t.pos !== 'ADV')
    .map((t) => t.text.toLowerCase())
    .join(' ');
  // "Its voters said no": whose voters, when the text has just said. ("His successor, Georges Pompidou," names him.)
  const possessive = /^(?:its|their)\s/i.exec(text);
  if (possessive && verbAt > 1 && input.antecedent)
    return `${input.antecedent}\u2019s ${text.slice(possessive[0].length)}`;
  // "These six had already pooled ...", right after a list of six: the six.
  const counted = /^(?:these|those|the|all)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/.exec(
    subject,
  );
  const listed = input.listed ?? [];
  if (counted && NUMBERS.indexOf(counted[1]!) + 2 === listed.length) {
    const prefix = render(words.slice(0, verbAt), input.text);
    return `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}${text.slice(prefix.length)}`.replace(
      /^the\b/,
      'The',
    );
  }
  // A speech's "I" is its speaker, when the text names them and says no more of "me" or "my" than this one word.
  if (subject === 'i' && input.speaker && verbAt > 0 && !/\b(?:I|me|my|mine|myself)\b/.test(text.slice(1)))
    return `${input.speaker}${text.slice(1).replace(/^\s+am\b/, ' is')}`;
  // "Specializing in short stories, she was one of the first ...": the pronoun after an opening phrase is the subject.
  const after = words[verbAt - 1];
  if (
    verbAt > 2 &&
    words[verbAt - 2]?.text === ',' &&
    /^(?:he|she)$/i.test(after?.text ?? '') &&
    input.person &&
    // (a possessive may come in the opening phrase: "Late in his life, he was invited")
    !words.slice(0, verbAt - 2).some((t) => t.pos === 'PRON' && !/^(?:his|her|its|their)$/i.test(t.text))
  ) {
    const prefix = render(words.slice(0, verbAt - 1), input.text);
    const pronoun = /^\s*(?:he|she)\b/i.exec(text.slice(prefix.length));
    if (pronoun) return `${prefix} ${input.person}${uncontracted(text.slice(prefix.length + pronoun[0].length))}`;
  }
  if (verbAt <= 0 || !PRONOUNS.has(subject)) {
    return input.role && input.person
      ? text.replace(new RegExp(`^(?:the\\s+)?${escapeRegExp(input.role)}`, 'i'), input.person)
      : text;
  }
  // Whether the pronoun's own verb, the first after it in the sentence, is passive: in "It applied ... and was
  // granted candidate status" the "it" that applied is the one granted, not the thing acted on before.
  const own = input.tokens.filter((t) => t.start >= words[0]!.start && t.end <= input.sentence[1]);
  const group = verbGroups(own)[0];
  const verbs = group ? own.filter((t) => t.start >= group.start && t.end <= group.end) : [];
  const main = verbs.filter((t) => t.pos === 'VERB').at(-1);
  const passive =
    verbs.some((t) => t.lemma === 'be') && !!main && main.text.toLowerCase() !== main.lemma && !/ing$/i.test(main.text);
  const stand = /^(?:he|she|the latter|the former)$/.test(subject)
    ? input.person
    : (sameSentenceSubject(words, subject, input) ??
      (subject === 'it' && passive && input.thing ? input.thing : (input.antecedent ?? input.person)));
  if (!stand) return text;
  // "they" stands for no one person ("Mr. Potach said ... they jumped"): the whole sentence says who.
  if (subject === 'they' && onePerson(stand, input.people)) return '';
  // The pronoun's own words go ("the latter"), an adverb after them stays ("he also is charged").
  let last = verbAt - 1;
  while (last > 0 && words[last]!.pos === 'ADV') last--;
  // "Each applied": the ones it stands for each applied.
  const distributive = subject === 'each' || subject === 'both' ? ` ${subject}` : '';
  return stand + distributive + uncontracted(text.slice(render(words.slice(0, last + 1), input.text).length));
}

/**
 * "A settlement was established in the 14th century and in 1423 it was granted a town charter": a clause's "it" or
 * "they" after another clause of its sentence stands for that clause's subject, when it agrees in number.
 */
function sameSentenceSubject(words: Kept, pronoun: string, input: SummaryInput): string | null {
  if (!/^(?:it|they)$/.test(pronoun) || !words[0] || words[0].start <= input.sentence[0]) return null;
  const before = subjectPhrase(input.text, input.tokens, input.sentence[0], words[0].start, input.dates, 12);
  if (!before) return null;
  return pluralPhrase(before) === (pronoun === 'they') ? before : null;
}

/** A subject a later "it" or "they" can stand for: a noun's, not a pronoun's ("we have seen ..., but they jumped"). */
const namesSomeone = (subject: Token[]) =>
  subject[0]?.pos !== 'PRON' && subject.some((t) => t.pos === 'PROPN' || t.pos === 'NOUN');

/** "She's here" told of a name: "Ana Ruiz is here" ("'s been": has), not "Ana Ruiz's here". */
function uncontracted(rest: string): string {
  const m = /^['\u2019](s|re|ve|ll)\b/.exec(rest);
  if (!m) return rest;
  const has = m[1] === 's' && /^\s+(?:been|got|gone|had|done|seen|made|taken|become)\b/.test(rest.slice(m[0].length));
  const word = { s: has ? 'has' : 'is', re: 'are', ve: 'have', ll: 'will' }[m[1] as 's' | 're' | 've' | 'll'];
  return ` ${word}${rest.slice(m[0].length)}`;
}

/** "Mr. Potach", "Barnett Slepian": a title and a name, or a person of the who's who. */
const onePerson = (phrase: string, people: string[]) =>
  /^(?:Mr|Mrs|Ms|Dr|Sir|Lady|Lord)\.?\s+\p{Lu}/u.test(phrase) || people.includes(phrase);

/** A phrase that names more than one: "the talks", "Britain and France" (not "Mr. Potach", "Paris"). */
const pluralPhrase = (phrase: string) =>
  /\band\b/.test(phrase) || (/s$/.test(phrase) && !/\b\p{Lu}/u.test(phrase.split(' ').at(-1)!));

/** "met its Secretary-General Manfred Werner" loses the role to the who's who; "its" goes with it. */
function withoutPossessive(text: string, people: string[]): string {
  return people.reduce(
    (t, p) => t.replace(new RegExp(`\\b(?:its|his|her|their)\\s+(?=${escapeRegExp(p)}\\b)`, 'g'), ''),
    text,
  );
}

const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function tidy(text: string): string {
  let out = text
    .replace(/\s+([,;:!?)\u201d]|\.(?!\d))/g, '$1')
    .replace(/([(\u201c])\s+/g, '$1')
    .replace(/,{2,}/g, ',')
    .replace(/([;:]),|,([;:])/g, '$1$2')
    // "taught at Tsinghua and, [in 1921,] returned": the comma the date's phrase left after "and" goes with it.
    .replace(/\b(and|but|or|then),\s+(?=\p{Ll})/gu, '$1 ')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,;:]+|[\s,;:.]+$/g, '')
    .trim();
  // The closing mark of a quotation whose opening the summary left out goes ("... language.''").
  if (/(?:''|["\u201d])$/.test(out) && !/(?:``|["\u201c])/.test(out.slice(0, -1)))
    out = out.replace(/[.,]?(?:''|["\u201d])$/, '');
  // A quotation opened and not closed (its end fell with a parenthesis) is closed.
  if ((out.match(/"/g) ?? []).length % 2) out += '"';
  if ((out.match(/\u201c/g) ?? []).length > (out.match(/\u201d/g) ?? []).length) out += '\u201d';
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** When the clause gives no complete one: the sentence, without its dateline and the date's phrase. */
function fallback(input: SummaryInput): string {
  const words = clean(
    input.tokens.filter((t) => t.start >= Math.max(input.sentence[0], input.dateline) && t.end <= input.sentence[1]),
    input,
  );
  const text = tidy(
    withoutPossessive(
      withoutRoles(resolvePronoun(render(words, input.text), words, input), input.people),
      input.people,
    ),
  );
  return text || tidy(input.text.slice(Math.max(input.sentence[0], input.dateline), input.sentence[1]));
}
