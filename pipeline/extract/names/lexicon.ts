// The few word lists the name recogniser keeps: words that title a person ("President", "Dr."), which are part of no
// one's name, and forms of address ("Madam Speaker", "Your Honor"), which name no one. The model learns everything
// else from GUM; these lists give it a feature and trim what it finds.

/** Offices and ranks: "President", "Secretary-General", "Colonel". A role in the who's who is headed by one. */
export const OFFICES: readonly string[] = [
  'president',
  'vice-president',
  'minister',
  'secretary',
  'secretary-general',
  'general',
  'chairman',
  'chairwoman',
  'chair',
  'commander',
  'commander-in-chief',
  'deputy',
  'envoy',
  'ambassador',
  'king',
  'queen',
  'emperor',
  'empress',
  'prince',
  'princess',
  'duke',
  'duchess',
  'chancellor',
  'governor',
  'marshal',
  'colonel',
  'lieutenant',
  'admiral',
  'captain',
  'major',
  'sergeant',
  'corporal',
  'private',
  'senator',
  'congressman',
  'congresswoman',
  'representative',
  'speaker',
  'mayor',
  'judge',
  'justice',
  'chief',
  'director',
  'administrator',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'premier',
  'pope',
  'cardinal',
  'bishop',
  'archbishop',
  'rabbi',
  'imam',
  'sheikh',
  'tsar',
  'czar',
  'sultan',
  'shah',
  'professor',
  'officer',
  'detective',
  'inspector',
  'agent',
  'coach',
  'ceo',
  'chairperson',
  'attorney',
  'solicitor',
];
/** Honorifics, forms of address and abbreviated ranks that stand before a name: "Mr", "Dr", "Sir", "Gen.". */
const HONORIFICS = [
  'col',
  'lt',
  'gen',
  'adm',
  'capt',
  'maj',
  'sgt',
  'sen',
  'rep',
  'reverend',
  'rev',
  'father',
  'sister',
  'brother',
  'lord',
  'lady',
  'sir',
  'dame',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'madam',
  'madame',
  'dr',
  'doctor',
  'prof',
  'saint',
];
/** Titles, ranks and honorifics that stand before a name: "Vice President Bush" is Bush. */
const TITLES = new Set(['vice', 'prime', ...OFFICES, ...HONORIFICS]);
/** Words that qualify a title ("Foreign Minister", "former President"): part of a role, never of a name. */
const QUALIFIERS = new Set([
  'foreign',
  'defense',
  'defence',
  'interior',
  'finance',
  'first',
  'former',
  'late',
  'acting',
]);

/** The titles alone, for patterns that look for one before a name. */
export const TITLE_WORDS: readonly string[] = [...TITLES];

/** Titles in French, German and Spanish, which open a name abroad as "President" does here ("Präsident Heydar
 * Aliyev", "le président Heydar Aliyev" is trimmed by its lower case already). */
export const TITLES_ABROAD: ReadonlySet<string> = new Set(
  [
    'präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin minister ministerin außenminister',
    'außenministerin botschafter botschafterin staatssekretär staatssekretärin generalsekretär generalsekretärin',
    'président présidente ministre ambassadeur ambassadrice secrétaire général générale',
    'presidente ministro ministra canciller embajador embajadora secretario secretaria',
    'herr frau monsieur madame señor señora dr prof',
    // offices and callings that stand before a name as a title does ("den Physiker Karl Brandt", "le maire Anne Hidalgo")
    'ministerpräsident ministerpräsidentin bürgermeister bürgermeisterin sprecher sprecherin könig königin kaiser',
    'kaiserin papst general physiker physikerin abgeordneter abgeordnete',
    'maire roi reine empereur impératrice pape général député députée sénateur sénatrice chancelier chancelière',
    'porte-parole physicien physicienne',
    'rey reina alcalde alcaldesa portavoz diputado diputada senador senadora papa general',
  ]
    .join(' ')
    .split(' '),
);

/** A word that titles a person and is never part of a name ("President", "Dr."). */
export const isTitleWord = (word: string) => {
  const w = word.toLowerCase().replace(/\.$/, '');
  return TITLES.has(w) || QUALIFIERS.has(w);
};

/** Ways of addressing someone that name no one: "Madam Speaker", "Mr. President", "Your Honor", "Sir". */
const ADDRESS =
  /^(?:(?:Madam|Madame|Mister|Mr\.?|Mrs\.?|Ms\.?)\s+(?:Speaker|President|Chairman|Chairwoman|Chair|Vice\s+President|Secretary|Ambassador|Mayor|Chief\s+Justice|Prime\s+Minister)|Your\s+(?:Honou?r|Excellency|Majesty|Highness|Grace|Holiness)|Ladies|Gentlemen|Sir|Madam)$/;

export const isFormOfAddress = (name: string) => ADDRESS.test(name.replace(/\s+/g, ' ').trim());

/** Particles inside a person's name: "Jaap de Hoop Scheffer", "Ludwig van Beethoven", "Osama bin Laden". */
export const PARTICLES: ReadonlySet<string> = new Set('de van von der den da di du la le bin ibn al el'.split(' '));

/** Lower-case words inside a name: "Bank of England", "Jaap de Hoop Scheffer", "Marks & Spencer". */
export const NAME_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'and', '&', ...PARTICLES]);
