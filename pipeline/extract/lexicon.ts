// The closed-class words the rules of extraction read, in one place: prepositions, pronouns, connectives,
// negations, auxiliaries, relative pronouns and the like, each set with the rule it serves said beside it. The
// words of a domain stay with their readers: kinds of event (kind.ts), reporting verbs (reporting.ts), names and
// titles (names/lexicon.ts), dates (dates/timex/vocabulary.ts and languages/).

/** Prepositions a date takes with it when a summary leaves the date out ("signed in 1994" -> "signed"). */
export const DATE_PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'by',
  'during',
  'since',
  'from',
  'of',
  'until',
  'till',
  'through',
  'as',
  'for',
]);

/** Subjects a summary replaces by what they stand for ("We" and "I" are the speaker's own voice: kept). */
export const PRONOUNS = new Set([
  'he',
  'she',
  'it',
  'they',
  'these',
  'this',
  'those',
  'the latter',
  'the former',
  'each',
  'both',
]);

/** Links to the sentence before, which a summary opens without ("However, the talks failed"). */
export const CONNECTIVES = new Set([
  'however',
  'meanwhile',
  'moreover',
  'furthermore',
  'thus',
  'hence',
  'also',
  'then',
  'later',
  'subsequently',
  'finally',
  'still',
  'nevertheless',
  'therefore',
  'instead',
  'afterwards',
  'earlier',
]);

/** Openers a summary keeps: without its "Nor", "Nor will I shrink" says the opposite. */
export const NEGATING_CONJUNCTIONS = new Set(['nor', 'neither']);

/** Words that turn a clause into its opposite: a summary that drops one of its clause's says something else. */
export const NEGATIONS = new Set([
  'not',
  "n't",
  'no',
  'never',
  'nor',
  'neither',
  'none',
  'nobody',
  'nothing',
  'without',
]);

/** The tense of a verb group (tense.ts): auxiliaries of the future, modals, the past, the present of "be" and the
 * perfect. */
export const FUTURE_AUX = new Set(['will', 'shall', "'ll", 'wo']);

export const MODALS = new Set(['would', 'could', 'may', 'might', 'can', 'should', 'must', "'d"]);

/** "agreed to meet", "plans to sign": verbs of intention, whose infinitive has not happened yet. */
export const INTENT = new Set([
  'plan',
  'intend',
  'expect',
  'hope',
  'want',
  'aim',
  'vow',
  'promise',
  'threaten',
  'agree',
  'decide',
  'prepare',
  'schedule',
  'seek',
  'wish',
  'pledge',
  'propose',
  'offer',
  'arrange',
]);

/** "is expected to", "was due to", "are set to": a plan or an expectation, told forward. */
export const PLANNED = new Set([
  'expected',
  'scheduled',
  'due',
  'set',
  'slated',
  'poised',
  'planned',
  'likely',
  'about',
  'going',
]);

export const PAST_AUX = new Set(['was', 'were', 'had', 'did']);

export const PRESENT_BE = new Set(['am', 'is', 'are', "'s", "'re", "'m"]);

export const PERFECT = new Set(['has', 'have', "'ve", 'had']);

/** "And" and "but" in French, German and Spanish, which the English tagger does not know for conjunctions. */
export const AND_ABROAD = new Set(['et', 'mais', 'puis', 'und', 'aber', 'sowie', 'y', 'e', 'pero']);

/** Words that open a relative clause; "that" only right after its noun ("the watches that now will be eligible"). */
export const RELATIVES = new Set(['which', 'who', 'whom', 'whose', 'where']);

/** Prepositions that bind a noun to the one before it ("the Partnership for Peace", "the Council of Europe"). */
export const BINDING = new Set(['of', 'for', 'on']);

/** Words that open a clause rather than a noun phrase: what follows them is the point. */
export const COMPLEMENTISER = new Set(['whether', 'that', 'if', 'what', 'how', 'why', 'who', 'which']);

// "Seit 2008 ist die Lage angespannt", "depuis 1994", "desde 2010": how long a state has lasted (as English "has been
// ... since 2008"), not when something happened; the tense that tells them apart in English is not read abroad.
export const SINCE_ABROAD = /(?:^|[^\p{L}])(?:seit|depuis|desde)\s+(?:l['’]|le\s+|la\s+|el\s+|dem\s+|der\s+)?$/iu;

/** The words an English question opens with. */
export const ASKING =
  /^["'\u201c\u2018]?(?:what|when|where|why|how|who|whom|whose|which|do|does|did|is|are|was|were|will|would|can|could|should|shall|has|have|had|may|might|must|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|can't|haven't|hasn't)\b/i;
