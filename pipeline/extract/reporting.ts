// The verbs that report what someone said or wrote ("said", "told", "announced"), in one table: by dictionary form,
// with the forms a text writes them in. A clause that only reports ("officials said") tells no event of its own; a
// summary keeps what was said, not the saying; a quotation's speaker is the one its reporting clause names.
const FORMS: Record<string, string[]> = {
  say: ['said', 'says', 'say'],
  tell: ['told', 'tells'],
  report: ['reported', 'reports'],
  announce: ['announced', 'announces'],
  state: ['stated', 'states'],
  add: ['added', 'adds'],
  confirm: ['confirmed', 'confirms'],
  claim: ['claimed', 'claims'],
  note: ['noted', 'notes'],
  write: ['wrote', 'writes'],
  quote: ['quoted'],
  insist: ['insisted', 'insists'],
  explain: ['explained', 'explains'],
  declare: ['declared', 'declares'],
};

/** A quotation's reporting verbs besides: they introduce words, but their clause may tell something of its own. */
const INTRODUCING: Record<string, string[]> = {
  warn: ['warned', 'warns'],
  argue: ['argued', 'argues'],
  reply: ['replied', 'replies'],
  remark: ['remarked'],
  recall: ['recalled', 'recalls'],
  ask: ['asked', 'asks'],
  urge: ['urged', 'urges'],
  continue: ['continued'],
  conclude: ['concluded'],
  comment: ['commented', 'comments'],
  observe: ['observed', 'observes'],
  acknowledge: ['acknowledged'],
  admit: ['admitted'],
  testify: ['testified'],
  tweet: ['tweeted'],
  post: ['posted'],
};

/** The verbs of saying, by dictionary form: a summary keeps what was said; a clause of this alone is no event. */
export const REPORTING_LEMMAS: ReadonlySet<string> = new Set(Object.keys(FORMS));

/** Every written form of the verbs that introduce a quotation, for a regular expression's alternation. */
export const REPORTING_FORMS = [...Object.values(FORMS), ...Object.values(INTRODUCING)].flat().join('|');
