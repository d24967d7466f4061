// Citations and cross-references as Pandoc and Quarto write them: `[@key, p. 4]`, `[see @a; @b]`, `[-@key]`, a
// narrative `@key`, and `@sec-x`, `@fig-x`, `@tbl-x`. A unified plugin that finds them in the text, formats the
// citations with citeproc-js (through citation-js, which reads the BibTeX or CSL JSON bibliography named by
// `bibliography:`), in the style `csl:` names (APA by default), and leaves the formatted entries the essay cites on
// file.data.references. Cross-references are resolved by essay.ts, once figures, tables and sections are numbered.
import path from 'node:path';
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import type { CrossRefKind, Run } from '../core/model.ts';
import { readUserFile, UserFileError } from '../core/user-files.ts';
import { detectLanguage } from './language.ts';

/** One cited work of a citation: `see @jones2019, p. 4`. */
export interface CitationItem {
  key: string;
  prefix?: string;
  suffix?: string;
  locator?: string;
  label?: string;
  'suppress-author'?: boolean;
}

export interface CitationNode {
  type: 'citation';
  items: CitationItem[];
  /** Bracketed (parenthetical), or a narrative `@key` whose author is part of the sentence. */
  narrative: boolean;
  /** As written, printed so when a key is not in the bibliography. */
  written: string;
  /** Whitespace before a bracketed citation, printed with it (the sentence's text ends where the words end). */
  space: string;
  /** The citation as the style formats it (for a narrative one: the author, and the rest), null if it cannot be. */
  formatted?: { author?: string; rest: Run[] } | null;
  /** Its anchor ("cite-3"), and the anchor of the entry it links to (its first work's). */
  anchor?: string;
  target?: string;
  position?: Text['position'];
}

export interface CrossReferenceNode {
  type: 'crossReference';
  kind: CrossRefKind;
  label: string;
  /** `[-@fig-x]`: the number alone. */
  numberOnly: boolean;
  written: string;
  position?: Text['position'];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: CitationNode;
    crossReference: CrossReferenceNode;
  }
  interface RootContentMap {
    citation: CitationNode;
    crossReference: CrossReferenceNode;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The bibliography's entries the essay cites, formatted, in the style's order, with their first citation. */
    references: { id: string; runs: Run[]; citedAt: string }[];
    /** A bibliography and a style from the configuration, for essays whose front matter names none. */
    citationDefaults: { bibliography: string | null; csl: string | null };
  }
}

/** Pandoc's citation key: letters, digits and "_", with punctuation only between them. */
const KEY = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*`;
const ITEM = new RegExp(String.raw`^\s*(.*?)(-?)@(${KEY})(.*)$`, 'su');
const BRACKETED = /\[([^[\]\n]*@[^[\]\n]*)\]/gu;
const NARRATIVE = new RegExp(String.raw`(?<![\p{L}\p{N}_@.\\/'"’-])@(${KEY})(?:\s\[([^[\]\n@]+)\])?`, 'gu');
const CROSS_REF = /^(sec|fig|tbl)-/;
const KINDS: Record<string, CrossRefKind> = { sec: 'section', fig: 'figure', tbl: 'table' };

/** Locator terms Pandoc knows, to CSL's labels. */
const LOCATOR_LABELS: [RegExp, string][] = [
  [/^(?:p|pp|pages?)$/i, 'page'],
  [/^(?:ch|chap|chaps|chapters?)$/i, 'chapter'],
  [/^(?:sec|secs|sections?|§|§§)$/i, 'section'],
  [/^(?:para|paras|paragraphs?|¶|¶¶)$/i, 'paragraph'],
  [/^(?:vol|vols|volumes?)$/i, 'volume'],
  [/^(?:fig|figs|figures?)$/i, 'figure'],
  [/^(?:n|nn|notes?)$/i, 'note'],
  [/^(?:l|ll|lines?)$/i, 'line'],
  [/^(?:no|nos|numbers?)$/i, 'issue'],
  [/^(?:pt|pts|parts?)$/i, 'part'],
];
const LOCATOR = /^\s*(?:([\p{L}§¶]+)\.?\s*)?([\dIVXLCDMivxlcdm]+(?:\s*[-\u2013,&]\s*[\dIVXLCDMivxlcdm]+)*)(.*)$/u;

/** ", p. 4" -> locator 4, label page; ", chap. 3, and passim" -> a locator and a suffix; anything else a suffix. */
function locatorOf(rest: string): Pick<CitationItem, 'locator' | 'label' | 'suffix'> {
  const text = rest.replace(/^\s*,?\s*/, '');
  if (!text) return {};
  const m = LOCATOR.exec(text);
  const label = m?.[1] ? LOCATOR_LABELS.find(([re]) => re.test(m[1]!))?.[1] : m ? 'page' : undefined;
  if (!m || !label || (m[3] && !/^\s*(?:,|$)/.test(m[3]))) return { suffix: text };
  const suffix = m[3]!.replace(/^\s*,\s*/, '').trim();
  return { locator: m[2]!.trim(), label, ...(suffix ? { suffix } : {}) };
}

/** The items of a bracketed citation, or null when one of them names no key (then it is not a citation). */
function itemsOf(inside: string): CitationItem[] | null {
  const items: CitationItem[] = [];
  for (const part of inside.split(';')) {
    const m = ITEM.exec(part);
    if (!m) return null;
    const prefix = m[1]!.trim();
    items.push({
      key: m[3]!,
      ...(prefix ? { prefix } : {}),
      ...(m[2] ? { 'suppress-author': true } : {}),
      ...locatorOf(m[4]!),
    });
  }
  return items;
}

type Found = CitationNode | CrossReferenceNode;

/** The citations and cross-references in one text, in order, with where they start and end. */
function findIn(value: string): { at: number; end: number; node: Found }[] {
  const found: { at: number; end: number; node: Found }[] = [];
  const taken = (at: number) => found.some((f) => at >= f.at && at < f.end);
  for (const m of value.matchAll(BRACKETED)) {
    const items = itemsOf(m[1]!);
    if (!items) continue;
    const space = /\s*$/.exec(value.slice(0, m.index))![0];
    const refs = items.filter((item) => CROSS_REF.test(item.key));
    if (refs.length === items.length && items.length === 1) {
      const item = items[0]!;
      found.push({
        at: m.index,
        end: m.index + m[0].length,
        node: crossReference(item.key, m[0], !!item['suppress-author']),
      });
    } else {
      found.push({
        at: m.index - space.length,
        end: m.index + m[0].length,
        node: { type: 'citation', items, narrative: false, written: m[0], space },
      });
    }
  }
  for (const m of value.matchAll(NARRATIVE)) {
    if (taken(m.index)) continue;
    const node: Found = CROSS_REF.test(m[1]!)
      ? crossReference(m[1]!, `@${m[1]}`, false)
      : {
          type: 'citation',
          items: [{ key: m[1]!, 'suppress-author': true, ...(m[2] ? locatorOf(m[2]) : {}) }],
          narrative: true,
          written: m[0],
          space: '',
        };
    found.push({ at: m.index, end: m.index + (node.type === 'crossReference' ? m[1]!.length + 1 : m[0].length), node });
  }
  return found.sort((a, b) => a.at - b.at);
}

const crossReference = (label: string, written: string, numberOnly: boolean): CrossReferenceNode => ({
  type: 'crossReference',
  kind: KINDS[label.slice(0, 3)]!,
  label,
  numberOnly,
  written,
});

/** The plugin: citation and cross-reference nodes in place of their text, citations formatted. */
export default function citations() {
  return async (tree: Root, file: VFile) => {
    const found: CitationNode[] = [];
    visitParents(tree, 'text', (node: Text, ancestors) => {
      const parent = ancestors.at(-1) as Parent;
      if (!node.value.includes('@') || ancestors.some((a) => a.type === 'link' || a.type === 'linkReference')) return;
      const hits = findIn(node.value);
      if (!hits.length) return;
      const start = node.position?.start;
      const pieces: PhrasingContent[] = [];
      let at = 0;
      const offsetPoint = (index: number) =>
        start && start.offset !== undefined && node.position!.end.offset! - start.offset === node.value.length
          ? { line: start.line, column: start.column + index, offset: start.offset + index }
          : undefined;
      for (const hit of hits) {
        if (hit.at > at) pieces.push(textPiece(node, at, hit.at, offsetPoint));
        const begin = offsetPoint(hit.at);
        const end = offsetPoint(hit.end);
        pieces.push({ ...hit.node, ...(begin && end ? { position: { start: begin, end } } : {}) } as PhrasingContent);
        if (hit.node.type === 'citation') found.push(pieces.at(-1) as CitationNode);
        at = hit.end;
      }
      if (at < node.value.length) pieces.push(textPiece(node, at, node.value.length, offsetPoint));
      const index = parent.children.indexOf(node as never);
      parent.children.splice(index, 1, ...(pieces as never[]));
      return index + pieces.length;
    });
    // A narrative "@name" with no bibliography is a handle, an address: text, as written.
    const bibliography = await bibliographyOf(file, found.length > 0);
    if (!bibliography) {
      for (const node of found) {
        if (!node.narrative)
          warn(
            file,
            node,
            `Citation ${node.written}: the essay names no bibliography (bibliography: refs.bib in its front matter); printed as written`,
          );
        node.formatted = null;
      }
      file.data.references = [];
      return;
    }
    formatCitations(found, bibliography, file);
  };
}

function textPiece(
  node: Text,
  from: number,
  to: number,
  point: (i: number) => { line: number; column: number; offset: number } | undefined,
): Text {
  const start = point(from);
  const end = point(to);
  return { type: 'text', value: node.value.slice(from, to), ...(start && end ? { position: { start, end } } : {}) };
}

function warn(file: VFile, node: { position?: Text['position'] }, message: string) {
  file.message(message, { place: node.position?.start, ruleId: 'citation', source: 'briefing' });
}

interface Bibliography {
  name: string;
  items: Record<string, unknown>[];
  style: string;
  plugins: Awaited<typeof import('@citation-js/core')>['plugins'];
}

/** The bibliography and the style the essay names (or the configuration does), read and checked. */
async function bibliographyOf(file: VFile, needed: boolean): Promise<Bibliography | null> {
  const matter = (file.data.matter ?? {}) as Record<string, unknown>;
  const folder = file.dirname ? path.resolve(file.cwd, file.dirname) : null;
  const named = (key: 'bibliography' | 'csl') => {
    const value = matter[key];
    if (typeof value === 'string' && value.trim()) return { file: value.trim(), root: folder, from: 'front matter' };
    if (Array.isArray(value) && typeof value[0] === 'string')
      return { file: value[0], root: folder, from: 'front matter' };
    const fallback = file.data.citationDefaults?.[key];
    return fallback ? { file: fallback, root: null, from: 'the configuration' } : null;
  };
  const bib = named('bibliography');
  if (!bib || !needed) return null;
  const read = (what: { file: string; root: string | null; from: string }, key: string, maxBytes: number) => {
    if (what.root === null && !path.isAbsolute(what.file))
      file.fail(`${key}: ${what.file}: an essay read from standard input has no folder to find it in`, {
        ruleId: 'citation',
        source: 'briefing',
      });
    const target = path.resolve(what.root ?? '', what.file);
    try {
      return readUserFile(target, { maxBytes, ...(what.root ? { root: what.root } : {}) }).toString('utf8');
    } catch (error) {
      if (error instanceof UserFileError || (error as NodeJS.ErrnoException).code === 'ENOENT')
        file.fail(`${key}: ${what.file} (${what.from}) ${(error as Error).message}`, {
          ruleId: 'citation',
          source: 'briefing',
        });
      throw error;
    }
  };
  const text = read(bib, 'bibliography', 5 * 1024 * 1024);
  const { plugins } = await citationJs();
  let items: Record<string, unknown>[];
  try {
    const type = /\.json$/i.test(bib.file) ? '@csl/list+object' : '@bibtex/text';
    const input = type === '@csl/list+object' ? JSON.parse(text) : text;
    items = plugins.input.chain(input, { forceType: type, generateGraph: false }) as Record<string, unknown>[];
  } catch (error) {
    file.fail(
      `bibliography: ${bib.file} could not be read as ${/\.json$/i.test(bib.file) ? 'CSL JSON' : 'BibTeX'} (${(error as Error).message.split('\n')[0]})`,
      { ruleId: 'citation', source: 'briefing' },
    );
  }
  const csl = named('csl');
  let style = 'apa';
  if (csl) {
    const builtIn = ['apa', 'harvard1', 'vancouver'];
    if (builtIn.includes(csl.file.replace(/\.csl$/i, ''))) style = csl.file.replace(/\.csl$/i, '');
    else {
      const xml = read(csl, 'csl', 2 * 1024 * 1024);
      if (!/<style\b[^>]*purl\.org\/net\/xbiblio\/csl/.test(xml))
        file.fail(`csl: ${csl.file} is not a CSL style (no <style xmlns="http://purl.org/net/xbiblio/csl">)`, {
          ruleId: 'citation',
          source: 'briefing',
        });
      style = `essay-${path.basename(csl.file, '.csl')}`;
      plugins.config.get('@csl').templates.add(style, xml);
    }
  }
  return { name: bib.file, items: items!, style, plugins };
}

let loaded: Promise<typeof import('@citation-js/core')> | null = null;
/** citation-js and its BibTeX and CSL plugins, loaded only for an essay that cites. */
function citationJs() {
  loaded ??= (async () => {
    const core = await import('@citation-js/core');
    await import('@citation-js/plugin-bibtex');
    await import('@citation-js/plugin-csl');
    // A CommonJS module: bundled, its exports are on `default`.
    return (core.plugins ? core : (core as unknown as { default: typeof core }).default) as typeof core;
  })();
  return loaded;
}

/** citeproc's locale for the essay's language: its own, else the first of the language's, else US English. */
function localeOf(lang: string, locales: { has(name: string): boolean; list(): string[] }): string {
  if (/^en(?:-US)?$/i.test(lang)) return 'en-US';
  if (locales.has(lang)) return lang;
  const base = lang.split('-')[0]!.toLowerCase();
  return locales.list().find((name) => name.toLowerCase().startsWith(`${base}-`)) ?? 'en-US';
}

function formatCitations(found: CitationNode[], bibliography: Bibliography, file: VFile) {
  const keys = new Set(bibliography.items.map((item) => String(item.id)));
  const known: CitationNode[] = [];
  for (const node of found) {
    const missing = node.items.filter((item) => !keys.has(item.key));
    if (!missing.length) known.push(node);
    else {
      node.formatted = null;
      for (const item of missing)
        warn(
          file,
          node,
          `Citation ${node.written}: no entry "${item.key}" in ${bibliography.name}; printed as written`,
        );
    }
  }
  file.data.references = [];
  if (!known.length) return;
  const csl = bibliography.plugins.config.get('@csl');
  const lang = typeof file.data.matter?.lang === 'string' ? file.data.matter.lang : detectLanguage(String(file.value));
  const engine = csl.engine(bibliography.items, bibliography.style, localeOf(lang, csl.locales), 'html');
  // Every citation in reading order, so the style can number, shorten and tell apart ("2019a") as it should; a
  // narrative citation is two: its author, and the rest without the author.
  const clusters = known.flatMap((node, i) => {
    const items = node.items.map(({ key, ...item }) => ({ id: key, ...item }));
    const cluster = (suffix: string, citationItems: object[]) => ({
      citationID: `c${i}${suffix}`,
      citationItems,
      properties: { noteIndex: 0 },
    });
    return node.narrative
      ? [
          cluster(
            'a',
            items.map((item) => ({ id: item.id, 'author-only': true })),
          ),
          cluster('', items),
        ]
      : [cluster('', items)];
  });
  const formatted = new Map(
    (engine.rebuildProcessorState(clusters, 'html', []) as [string, number, string][]).map(([id, , html]) => [
      id,
      html,
    ]),
  );
  const firstCited = new Map<string, string>();
  known.forEach((node, i) => {
    // A style that prints no author in its citations (a numbered one) has none to lend the sentence.
    const named = node.narrative ? runsText(cslRuns(formatted.get(`c${i}a`) ?? '')) : '';
    const author = named && !named.includes('NO_PRINTED_FORM') ? named : undefined;
    const rest = cslRuns(formatted.get(`c${i}`) ?? '');
    node.formatted = { ...(author ? { author } : {}), rest };
    node.anchor = `cite-${i + 1}`;
    node.target = referenceAnchor(node.items[0]!.key);
    for (const item of node.items) if (!firstCited.has(item.key)) firstCited.set(item.key, node.anchor);
  });
  const [meta, entries] = engine.makeBibliography() as [{ entry_ids: string[][] }, string[]];
  file.data.references = entries.map((html, i) => {
    const key = meta.entry_ids[i]![0]!;
    return { id: referenceAnchor(key), runs: cslRuns(html), citedAt: firstCited.get(key)! };
  });
}

/** An entry's anchor: its key, in the characters an address keeps as they are. */
const referenceAnchor = (key: string) => `ref-${key.replace(/[^\w-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;

const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (text: string) =>
  text.replace(/&(?:#(\d+)|#x([\da-f]+)|(\w+));/gi, (entity, dec?: string, hex?: string, name?: string) =>
    dec
      ? String.fromCodePoint(Number(dec))
      : hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : (ENTITIES[name!] ?? entity),
  );

/** citeproc's HTML (italics, bold, small caps, links) as runs of the essay's model; other markup is dropped. */
export function cslRuns(html: string): Run[] {
  const runs: Run[] = [];
  const marks: { tag: string; mark: Partial<Run> }[] = [];
  for (const part of html.trim().split(/(<[^>]+>)/)) {
    const tag = /^<(\/?)(\w+)([^>]*)>$/.exec(part);
    if (tag) {
      const [, closing, name, attributes] = tag;
      if (closing) {
        const at = marks.map((m) => m.tag).lastIndexOf(name!);
        if (at >= 0) marks.splice(at, 1);
        continue;
      }
      const mark: Partial<Run> =
        name === 'i' || (name === 'span' && /font-style:\s*italic/.test(attributes!))
          ? { emphasis: true }
          : name === 'b' || (name === 'span' && /font-weight:\s*bold/.test(attributes!))
            ? { strong: true }
            : name === 'a'
              ? { link: decode(/href="([^"]*)"/.exec(attributes!)?.[1] ?? '') }
              : {};
      if (!/\/\s*$/.test(attributes!)) marks.push({ tag: name!, mark });
      continue;
    }
    if (!part) continue;
    const text = decode(part).replace(/\s+/g, ' ');
    runs.push({ text, ...Object.assign({}, ...marks.map((m) => m.mark)) });
  }
  // Bare addresses (a DOI) become links, as a reader of a PDF expects.
  return runs.flatMap((run) =>
    run.link
      ? [run]
      : run.text
          .split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:)])/)
          .filter(Boolean)
          .map((text, i) => (i % 2 ? { ...run, text, link: text } : { ...run, text })),
  );
}
