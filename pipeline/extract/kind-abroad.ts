// What kind of event a clause in French, German or Spanish reports, from the words that name it there: the English
// reading (kind.ts) goes by English parts of speech and lemmas, and took the German article "die" for the verb "die".
// Each kind lists the beginnings of the language's words for it, verbs and nouns ("unterzeichn" for "unterzeichnete",
// "unterzeichnet"); the earliest such word in the clause decides, as the main verb does in English.
import type { EventKind } from '../core/model.ts';
import type { KindReading } from './kind.ts';

type Words = [EventKind, string][];

const FRENCH: Words = [
  ['agreement', 'sign(?:é|ée|és|ées|e|ent|er|a|èrent|ature)|ratifi|paraph|traité|accord de'],
  ['membership', 'adhér|adhési|rejoin|admis(?:e|es)?\\b'],
  ['leadership', 'élue?s?\\b|réélu|nommée?s?\\b|démission|succéd|succède|investi|couronn|abdiqu|destitu|élection'],
  [
    'operation',
    'attaqu|envahi|invasion|bombard|occupée?s?\\b|occupa\\b|occupèrent|annex|assiég|déploy|offensive|lancé une opération|évacu',
  ],
  ['incident', 'meurt|mort|décéd|décès|tuée?s?\\b|explos|effondr|incendi|inond|blessé|assassin|écras|séisme|attentat'],
  ['visit', 'visit|se rend|s.est rendue?|arrivée?s?\\b|voyag'],
  ['meeting', 'rencontr|réuni|négoci|entretien|sommet|conférence'],
  [
    'decision',
    'décid|décision|adopt|approuv|créé|créa|fondée?\\b|fonda|vot(?:e|é|ée|és|er|ent|a|ation)\\b|interdi|aboli|autoris|ouvert|ouvr|prolong|rejet',
  ],
  ['statement', 'déclar|annonc|affirm|appel|dit\\b|avert|promis|promet|condamn|critiqu|dénonc|salu'],
];

const GERMAN: Words = [
  ['agreement', 'unterzeichn|unterschrieb|unterschrieben|ratifizier|vertrag|abkommen'],
  ['membership', 'beitritt|beitrat|beitreten|beigetreten|aufgenommen|mitgliedschaft'],
  ['leadership', 'gewählt|wählte|ernannt|ernannte|zurückgetreten|rücktritt|vereidigt|nachfolger|wahl\\b'],
  [
    'operation',
    'angriff|angegriffen|griff|besetzt|bombardiert|einmarsch|marschierte|eroberte|erobert|evakuiert|stationiert',
  ],
  [
    'incident',
    'starb|gestorben|tod\\b|tode|getötet|explod|explosion|eingestürzt|brand\\b|brannte|überschwemm|verletzt|ermordet|absturz|stürzte',
  ],
  ['visit', 'besuch|reiste|eingetroffen|reise\\b'],
  ['meeting', 'traf\\b|trafen|getroffen|treffen|verhandl|gipfel|beriet|beraten|konferenz'],
  [
    'decision',
    'beschloss|beschlossen|beschließt|beschluss|verabschiedet|billigt|genehmigt|gegründet|gründete|verbot|abgeschafft|zugestimmt|stimmte|eingeführt|geöffnet|öffnete',
  ],
  [
    'statement',
    'sagte|gesagt|erklärte|erklärt|kündigte|angekündigt|mitgeteilt|warnte|gewarnt|forderte|gefordert|kritisierte|betonte|versprach',
  ],
];

const SPANISH: Words = [
  ['agreement', 'firm(?:ó|aron|a|an|ado|ada|ar|amos|é)\\b|ratific|tratado|acuerdo'],
  ['membership', 'ingres|adhi|adhesión|se unió|incorpor'],
  [
    'leadership',
    'elegid|eligió|nombr(?:ó|ado|ada|amiento)|dimiti|dimisión|proclamad|investid|sucedi|abdic|destitu|elecciones',
  ],
  ['operation', 'atac|invadi|invasión|bombard|ocupó|ocuparon|anex|asalt|evacu|despleg|desplieg|ofensiva'],
  ['incident', 'muri|muerte|falleci|matad|mató|explot|explosión|derrumb|incendi|inund|herid|asesin|estrell|atentado'],
  ['visit', 'visit|viaj|lleg(?:ó|aron)'],
  ['meeting', 'reuni|reunión|negoci|cumbre|encuentro|conferencia'],
  [
    'decision',
    'decidi|decisión|aprob|adopt|creó|creado|creada|creación|fund(?:ó|ado|ada|ación)\\b|vot(?:ó|aron|ación|ar)\\b|prohib|aboli|autoriz|decret|prorrog|rechaz|estableci',
  ],
  ['statement', 'declar|anunci|afirm|dijo|advirti|prometi|conden|critic|pidi|inform|asegur'],
];

const WORDS: Record<string, Words> = { fr: FRENCH, de: GERMAN, es: SPANISH };

/** Why, in the essay's language (chronology.json's `why.kind`): the word that decided, or none. */
const SAID: Record<string, { word: (w: string) => string; none: string }> = {
  fr: { word: (w) => `le mot « ${w} »`, none: 'aucun mot qui dise une sorte d’événement' },
  de: { word: (w) => `das Wort „${w}“`, none: 'kein Wort, das eine Art von Ereignis nennt' },
  es: { word: (w) => `la palabra «${w}»`, none: 'ninguna palabra que diga un tipo de suceso' },
};

/** One pattern per language: each kind's words as a named group, a word's beginning only. */
const PATTERNS = new Map(
  Object.entries(WORDS).map(([lang, words]) => [
    lang,
    new RegExp(`(?<![\\p{L}])(?:${words.map(([kind, stems], i) => `(?<k${i}_${kind}>${stems})`).join('|')})`, 'giu'),
  ]),
);

/** The kind of the event told in `clause`, in the language `lang` ("fr", "de-AT"); "other" for one not read. */
export function kindAbroad(clause: string, lang: string): KindReading {
  const primary = lang.toLowerCase().split('-')[0]!;
  const [pattern, said] = [PATTERNS.get(primary), SAID[primary]];
  if (!pattern || !said) return { kind: 'other', by: 'no word of a kind in this language' };
  pattern.lastIndex = 0;
  const m = pattern.exec(clause);
  const group = m && Object.entries(m.groups!).find(([, v]) => v !== undefined);
  if (!m || !group) return { kind: 'other', by: said.none };
  const word = /^[\p{L}'’-]+/u.exec(clause.slice(m.index))![0];
  return { kind: group[0].split('_')[1] as EventKind, by: said.word(word) };
}
