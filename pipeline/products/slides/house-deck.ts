// An organisation's own deck or template (pptx.reference: .pptx, .potx) as the PowerPoint's house: its theme, slide
// masters and layouts replace ours, and every slide goes on the layout of theirs that fits it (matched by type, then
// by name), its title and text in that layout's placeholders, so their look reaches every slide and their outline
// lists every title. What their template lacks is said, with the layout used instead.
import path from 'node:path';
import { readUserFile, UserFileError } from '../../core/user-files.ts';
import { unzipOf, type ZipEntry } from '../../render/zip.ts';

/** A layout of the house deck: its part, name, type and the placeholders our slides fill. */
interface HouseLayout {
  part: string;
  name: string;
  type: string;
  /** The title placeholder's element as the slide should write it (`<p:ph type="title"/>`), or null. */
  title: string | null;
  /** The placeholder for the slide's text (a body, an object, a subtitle), or null. */
  body: string | null;
}

export interface HouseDeck {
  file: string;
  parts: ZipEntry[];
  /** The first master's theme: also the theme of the speaker notes. */
  theme: string;
  layouts: HouseLayout[];
  /** Its slides' size, in EMU. */
  size: { cx: number; cy: number };
}

/** The slide size our decks are drawn at: 13.333 x 7.5 in (PowerPoint's widescreen), in EMU. */
const SLIDE_SIZE = { cx: 12192000, cy: 6858000 };
const EMU_PER_INCH = 914400;

const attribute = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1] ?? null;

/** The house deck a user names, read as every file a user names is read; one that is no 16:9 deck says so. */
export function readHouseDeck(file: string): HouseDeck {
  const fail = (why: string) => new UserFileError(`pptx.reference: ${file} ${why}`);
  let parts: ZipEntry[];
  try {
    parts = unzipOf(readUserFile(file, { maxBytes: 50 * 1024 * 1024 }));
  } catch (error) {
    throw fail(error instanceof UserFileError ? error.message : 'is not a PowerPoint deck');
  }
  const text = (name: string) => parts.find((p) => p.name === name)?.data.toString('utf8') ?? null;
  const theme = text('ppt/theme/theme1.xml');
  const presentation = text('ppt/presentation.xml');
  if (!theme || !presentation) throw fail('is not a PowerPoint deck (it has no ppt/theme/theme1.xml)');
  const size = /<p:sldSz\b[^>]*>/.exec(presentation)?.[0] ?? '';
  const [cx, cy] = [Number(attribute(size, 'cx')), Number(attribute(size, 'cy'))];
  const layouts = parts
    .filter((p) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(p.name))
    .map((p) => layoutOf(p.name, p.data.toString('utf8')))
    .sort((a, b) => naturalOrder(a.part, b.part));
  return { file, parts, theme, layouts, size: { cx, cy } };
}

const naturalOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function layoutOf(part: string, xml: string): HouseLayout {
  const placeholders = [...xml.matchAll(/<p:ph\b[^>]*>/g)].map(([ph]) => ({
    type: attribute(ph, 'type') ?? 'obj',
    idx: attribute(ph, 'idx'),
  }));
  const title = placeholders.find((p) => p.type === 'title' || p.type === 'ctrTitle');
  const body =
    placeholders.find((p) => p.type === 'obj' || p.type === 'body') ?? placeholders.find((p) => p.type === 'subTitle');
  return {
    part,
    name: /<p:cSld\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1] ?? path.basename(part, '.xml'),
    type: attribute(/<p:sldLayout\b[^>]*>/.exec(xml)?.[0] ?? '', 'type') ?? 'cust',
    title: title ? `<p:ph type="${title.type}"/>` : null,
    body: body
      ? `<p:ph${body.type === 'obj' ? '' : ` type="${body.type}"`}${body.idx !== null ? ` idx="${body.idx}"` : ''}/>`
      : null,
  };
}

/** What our slides need of a layout, in order of preference: its type, then words of its name. */
const WANTED = {
  title: { label: 'title slides', types: ['title'], names: /^title slide$/i, body: true },
  content: { label: 'slides of text', types: ['obj', 'tx'], names: /title and content|title, content/i, body: true },
  titleOnly: { label: 'timeline and quotation slides', types: ['titleOnly'], names: /title only/i, body: false },
  table: { label: 'table slides', types: ['tbl'], names: /table/i, body: false },
} as const;
export type SlideUse = keyof typeof WANTED;

/** The house layout each use takes, and what the house lacks (said once per use, naming the layout used instead). */
export function chooseLayouts(house: HouseDeck): {
  layouts: Record<SlideUse, HouseLayout> | null;
  missing: string[];
} {
  const name = path.basename(house.file);
  const themeOnly = (why: string) => ({
    layouts: null,
    missing: [`pptx.reference: ${name} ${why}: its theme (fonts, colours) is used on the deck's own layouts`],
  });
  const usable = house.layouts.filter((l) => l.title);
  if (!usable.length) return themeOnly('has no slide layout with a title placeholder');
  const { cx, cy } = house.size;
  if (cx !== SLIDE_SIZE.cx || cy !== SLIDE_SIZE.cy) {
    const inches = (emu: number) => (emu / EMU_PER_INCH).toFixed(2);
    return themeOnly(
      `has slides of ${inches(cx)} x ${inches(cy)} in and the deck is drawn at 13.33 x 7.50 in (PowerPoint's widescreen); its layouts would misplace every slide`,
    );
  }
  const missing: string[] = [];
  const find = (use: SlideUse): HouseLayout | undefined => {
    const want = WANTED[use];
    const fits = (l: HouseLayout) => !!l.title && (!want.body || !!l.body);
    const byType = want.types.map((type) => usable.find((l) => l.type === type && fits(l))).find(Boolean);
    return byType ?? usable.find((l) => want.names.test(l.name) && fits(l));
  };
  const pick = (use: SlideUse, fallback: HouseLayout): HouseLayout => {
    const want = WANTED[use];
    const found = find(use);
    if (found) return found;
    missing.push(
      `pptx.reference: ${name} has no layout for ${want.label} (type ${want.types.join(' or ')}); they use "${fallback.name}"`,
    );
    return fallback;
  };
  const anyContent = usable.find((l) => l.body) ?? usable[0]!;
  const content = pick('content', anyContent);
  const titleOnly = pick('titleOnly', content);
  // A table goes where the house puts tables, else where it puts a title alone (few templates have a table layout).
  const table = find('table') ?? titleOnly;
  return { layouts: { content, title: pick('title', content), titleOnly, table }, missing };
}

/** A part's path resolved from a relationship's target, relative to the part that holds the relationship. */
const resolveTarget = (from: string, target: string) =>
  path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
const relsOf = (part: string) => `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;

/**
 * Our package with the house's masters, layouts and themes in place of ours; each slide on the layout its use takes,
 * its title and text in that layout's placeholders (positions and faces left to the layout).
 */
export function onHouseLayouts(
  ours: ZipEntry[],
  house: HouseDeck,
  layouts: ReturnType<typeof chooseLayouts>['layouts'],
  uses: SlideUse[],
): ZipEntry[] {
  // No layout of theirs to use: their theme on our masters.
  if (!layouts)
    return ours.map((part) => (part.name === 'ppt/theme/theme1.xml' ? entry(part.name, house.theme) : part));
  const theirs = new Map(house.parts.map((p) => [p.name, p.data]));
  // Their parts we take, renamed where a name of ours could clash: themes and whatever their masters and layouts use.
  const renamed = new Map<string, string>();
  const take = (part: string) => {
    if (renamed.has(part) || !theirs.has(part)) return;
    const name = /^ppt\/(?:slideMasters|slideLayouts)\//.test(part)
      ? part
      : `${path.posix.dirname(part)}/house-${path.posix.basename(part)}`;
    renamed.set(part, name);
    const rels = theirs.get(relsOf(part))?.toString('utf8') ?? '';
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g))
      if (attribute(m[0], 'TargetMode') !== 'External') take(resolveTarget(part, attribute(m[0], 'Target') ?? ''));
  };
  for (const part of theirs.keys()) if (/^ppt\/(?:slideMasters|slideLayouts)\/[^/]+\.xml$/.test(part)) take(part);

  const dropped = (name: string) => /^ppt\/(?:slideMasters|slideLayouts)\//.test(name);
  const out: ZipEntry[] = [];
  for (const { name, data } of ours) {
    if (dropped(name)) continue;
    const xml = () => data.toString('utf8');
    if (name === '[Content_Types].xml') out.push(entry(name, contentTypes(xml(), house, renamed)));
    else if (name === 'ppt/presentation.xml') out.push(entry(name, presentation(xml(), house)));
    else if (name === 'ppt/_rels/presentation.xml.rels') out.push(entry(name, presentationRels(xml(), house, renamed)));
    else if (name === 'ppt/theme/theme1.xml')
      out.push(entry(name, house.theme)); // the speaker notes' theme
    else if (/^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(name)) {
      const use = uses[Number(/slide(\d+)/.exec(name)![1]) - 1] ?? 'content';
      out.push(
        entry(name, xml().replace(/(Target=")\.\.\/slideLayouts\/[^"]+(")/, `$1../${layouts[use].part.slice(4)}$2`)),
      );
    } else if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) {
      const use = uses[Number(/slide(\d+)/.exec(name)![1]) - 1] ?? 'content';
      out.push(entry(name, intoPlaceholders(xml(), layouts[use], use === 'title')));
    } else out.push({ name, data });
  }
  for (const [part, name] of renamed) {
    out.push({ name, data: theirs.get(part)! });
    const rels = theirs.get(relsOf(part));
    if (rels) out.push(entry(relsOf(name), renameTargets(rels.toString('utf8'), part, name, renamed)));
  }
  return out;
}

const entry = (name: string, xml: string): ZipEntry => ({ name, data: Buffer.from(xml, 'utf8') });

/** A relationships part moved with its part: every target of theirs that was renamed points at its new name. */
function renameTargets(rels: string, from: string, to: string, renamed: Map<string, string>): string {
  return rels.replace(/<Relationship\b[^>]*>/g, (rel) => {
    if (attribute(rel, 'TargetMode') === 'External') return rel;
    const target = renamed.get(resolveTarget(from, attribute(rel, 'Target') ?? ''));
    return target
      ? rel.replace(/Target="[^"]*"/, `Target="${path.posix.relative(path.posix.dirname(to), target)}"`)
      : rel;
  });
}

/** Our content types without our masters and layouts, with their masters', layouts', themes' and pictures'. */
function contentTypes(xml: string, house: HouseDeck, renamed: Map<string, string>): string {
  const theirs = house.parts.find((p) => p.name === '[Content_Types].xml')?.data.toString('utf8') ?? '';
  const overrides = [...theirs.matchAll(/<Override\b[^>]*>/g)]
    .map(([o]) => [attribute(o, 'PartName')?.slice(1) ?? '', attribute(o, 'ContentType') ?? ''] as const)
    .filter(([part]) => renamed.has(part))
    .map(([part, type]) => `<Override PartName="/${renamed.get(part)}" ContentType="${type}"/>`);
  const ours = new Set([...xml.matchAll(/<Default\b[^>]*>/g)].map(([d]) => attribute(d, 'Extension')?.toLowerCase()));
  const defaults = [...theirs.matchAll(/<Default\b[^>]*>/g)]
    .map(([d]) => d)
    .filter((d) => !ours.has(attribute(d, 'Extension')?.toLowerCase()));
  return xml
    .replace(/<Override PartName="\/ppt\/(?:slideMasters|slideLayouts)\/[^"]*"[^>]*\/>/g, '')
    .replace('</Types>', `${[...defaults, ...overrides].join('')}</Types>`);
}

/** The presentation's list of masters: theirs, with the ids they gave them. */
function presentation(xml: string, house: HouseDeck): string {
  const theirs = house.parts.find((p) => p.name === 'ppt/presentation.xml')!.data.toString('utf8');
  const ids = [...theirs.matchAll(/<p:sldMasterId\b[^>]*>/g)].map(([m]) => attribute(m, 'id'));
  const masters = houseMasters(house).map(
    (_, i) => `<p:sldMasterId id="${ids[i] ?? 2147483648 + i * 100}" r:id="rIdHouse${i + 1}"/>`,
  );
  return xml.replace(
    /<p:sldMasterIdLst>[\s\S]*?<\/p:sldMasterIdLst>/,
    `<p:sldMasterIdLst>${masters.join('')}</p:sldMasterIdLst>`,
  );
}

/** Their masters, in the order their presentation lists them. */
function houseMasters(house: HouseDeck): string[] {
  const rels = house.parts.find((p) => p.name === 'ppt/_rels/presentation.xml.rels')?.data.toString('utf8') ?? '';
  const listed = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map(([r]) => r)
    .filter((r) => (attribute(r, 'Type') ?? '').endsWith('/slideMaster'))
    .map((r) => resolveTarget('ppt/presentation.xml', attribute(r, 'Target') ?? ''));
  const all = house.parts.map((p) => p.name).filter((n) => /^ppt\/slideMasters\/[^/]+\.xml$/.test(n));
  return [...listed.filter((m) => all.includes(m)), ...all.filter((m) => !listed.includes(m)).sort(naturalOrder)];
}

/** The presentation's relationships: their masters in place of ours. */
function presentationRels(xml: string, house: HouseDeck, renamed: Map<string, string>): string {
  const masters = houseMasters(house).map(
    (m, i) =>
      `<Relationship Id="rIdHouse${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster" Target="${renamed.get(m)!.slice(4)}"/>`,
  );
  return xml
    .replace(/<Relationship\b[^>]*relationships\/slideMaster"[^>]*\/>/g, '')
    .replace('</Relationships>', `${masters.join('')}</Relationships>`);
}

/**
 * A slide's title and text in the layout's placeholders: their placeholder elements, no position of ours (the
 * layout's stands), and the title's and subtitle's type set by the house (face, size, colour and alignment).
 */
function intoPlaceholders(xml: string, layout: HouseLayout, titleSlide: boolean): string {
  return xml.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, (shape) => {
    const ph = /<p:ph\b[^>]*\/>/.exec(shape)?.[0];
    if (!ph) return shape;
    const title = attribute(ph, 'type') === 'title';
    const target = title ? layout.title : layout.body;
    if (!target) return shape.replace(ph, ''); // no placeholder for it: a text box where it was drawn
    const placed = shape.replace(ph, target).replace(/<p:spPr>[\s\S]*?<\/p:spPr>/, '<p:spPr/>');
    // A title and a title slide's subtitle take the house's type whole; a body keeps the sizes that fit our bullets.
    return title || titleSlide
      ? placed
          .replace(
            /<a:(rPr|endParaRPr)\b([^>]*?)(\/?)>/g,
            (_, tag: string, attrs: string, close: string) =>
              `<a:${tag}${attrs.replace(/\s(?:sz|b)="[^"]*"/g, '')}${close}>`,
          )
          .replace(/<a:solidFill>[\s\S]*?<\/a:solidFill>|<a:(?:latin|ea|cs)\b[^>]*\/>/g, '')
          .replace(/(<a:bodyPr\b[^>]*?)\sanchor="[^"]*"/, '$1')
          .replace(/\salgn="[^"]*"/g, '')
      : placed;
  });
}
