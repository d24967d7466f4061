// Places a reader knows without being told: the countries and world regions of the ICU data that ships with Node
// (Intl.DisplayNames), the cities that name its time zones (Intl.supportedValuesOf), and the English names a few of
// them still go by. A gazetteer that needs no download and favours no text.

let cache: Set<string> | null = null;

/** English exonyms and former names ICU no longer uses, and the nations of the United Kingdom. */
const OTHER_NAMES = [
  'Turkey',
  'Czech Republic',
  'Burma',
  'Ivory Coast',
  'Swaziland',
  'Macedonia',
  'East Timor',
  'Cape Verde',
  'Holland',
  'Britain',
  'Great Britain',
  'England',
  'Scotland',
  'Wales',
  'Northern Ireland',
  'Kyiv',
  'Zaire',
  'Soviet Union',
  'USSR',
  'Yugoslavia',
  'Czechoslovakia',
  'East Germany',
  'West Germany',
];

/** The states and provinces of the English-speaking federations, which ICU does not list: "Greenbelt, Maryland".
 * Those that are also people's names (Washington, Victoria) are left to the context. */
const DIVISIONS = [
  ...['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida'],
  ...['Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland'],
  ...['Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada'],
  ...['Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia'],
  ...['Wisconsin', 'Wyoming'],
  ...['New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Rhode Island'],
  ...['South Carolina', 'South Dakota', 'West Virginia', 'District of Columbia'],
  ...['Alberta', 'British Columbia', 'Manitoba', 'New Brunswick', 'Newfoundland', 'Nova Scotia', 'Ontario'],
  ...['Prince Edward Island', 'Quebec', 'Saskatchewan', 'Yukon', 'Nunavut', 'Northwest Territories'],
  ...['New South Wales', 'Queensland', 'South Australia', 'Tasmania', 'Western Australia'],
];

export function knownPlaces(): Set<string> {
  if (cache) return cache;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const codes: string[] = [];
  for (let a = 65; a < 91; a++) for (let b = 65; b < 91; b++) codes.push(String.fromCharCode(a, b));
  for (let n = 1; n < 1000; n++) codes.push(String(n).padStart(3, '0'));
  cache = new Set([...OTHER_NAMES, ...DIVISIONS]);
  for (const code of codes) {
    let name: string | undefined;
    try {
      name = names.of(code);
    } catch {
      continue;
    }
    if (!name || name === code || /Unknown/.test(name)) continue;
    cache.add(name);
    // "Bosnia & Herzegovina" is written with "and" in prose; "Congo - Kinshasa" as "Congo".
    cache.add(name.replace(/ & /g, ' and '));
    cache.add(name.replace(/\s+[-(].*$/, ''));
  }
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const city = zone.split('/').at(-1)!.replace(/_/g, ' ');
    if (zone.includes('/') && !/^(?:GMT|UTC|Etc)/.test(zone) && /^\p{Lu}\p{L}/u.test(city)) cache.add(city);
  }
  return cache;
}

/** Exonyms and short forms a text may use beside the country's own name ("Britain" beside "United Kingdom"). */
const SAME_PLACE: Record<string, string> = {
  Britain: 'United Kingdom',
  'Great Britain': 'United Kingdom',
  Holland: 'Netherlands',
  Burma: 'Myanmar',
  'Ivory Coast': 'C\u00f4te d\u2019Ivoire',
  Swaziland: 'Eswatini',
  Macedonia: 'North Macedonia',
  'East Timor': 'Timor-Leste',
  'Cape Verde': 'Cabo Verde',
  Turkey: 'T\u00fcrkiye',
  'Czech Republic': 'Czechia',
  America: 'United States',
  USA: 'United States',
  US: 'United States',
  UK: 'United Kingdom',
};

/** The name a place also goes by in the gazetteer, if it is an exonym or a short form. */
export const placeAlias = (name: string): string | null => SAME_PLACE[name] ?? null;

/** True when the name is a country, a world region or a city of the gazetteer ("Caucasus" is not). */
export const isKnownPlace = (name: string) => knownPlaces().has(name);
