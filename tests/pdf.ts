// Reading PDFs back in tests: pages, page sizes, text per page, named destinations and links.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { getDocument, OPS } from './pdfjs.ts';

export interface PdfPage {
  width: number;
  height: number;
  /** The page's text; soft hyphens (invisible unless a line breaks there) are left out. */
  text: string;
  links: string[];
  /** Images drawn on the page (read only when asked for: it parses every drawing operation, half of reading). */
  images?: number;
}

export interface OutlineItem {
  title: string;
  items: OutlineItem[];
}

export interface Pdf {
  pages: PdfPage[];
  /** Named destination -> 1-based page. */
  destinations: Map<string, number>;
  info: Record<string, unknown>;
  outline: string[];
  /** The bookmarks with their nesting. */
  tree: OutlineItem[];
  /** The document's language (/Lang in the catalog), if it says. */
  lang: string | null;
}

const read = new Map<string, Promise<Pdf>>();

/** A PDF read back (once per file, size and time: several tests of a file read the same PDF). */
export function readPdf(file: string, { images = false } = {}): Promise<Pdf> {
  const { size, mtimeMs } = statSync(file);
  const key = JSON.stringify([path.resolve(file), size, mtimeMs, images]);
  let pdf = read.get(key);
  if (!pdf) {
    pdf = parse(file, images);
    read.set(key, pdf);
  }
  return pdf;
}

async function parse(file: string, countImages: boolean): Promise<Pdf> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const pages: PdfPage[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/\u00ad/g, '');
      const links = (await page.getAnnotations())
        .filter((a) => a.subtype === 'Link')
        .map((a) => String(a.dest ?? a.url ?? ''));
      const images = countImages
        ? (await page.getOperatorList()).fnArray.filter(
            (fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject,
          ).length
        : undefined;
      pages.push({ width, height, text, links, images });
    }
    const destinations = new Map<string, number>();
    for (const [name, dest] of Object.entries((await doc.getDestinations()) as Record<string, unknown[]>)) {
      destinations.set(name, (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1);
    }
    const { info } = await doc.getMetadata();
    type Node = { title: string; items: Node[] };
    const tree = (items: Node[] | null): OutlineItem[] =>
      (items ?? []).map((o) => ({ title: o.title, items: tree(o.items) }));
    const outline = tree((await doc.getOutline()) as Node[]);
    const lang = /\/Lang\s*\(([^)]*)\)/.exec((await readFile(file)).toString('latin1'))?.[1] ?? null;
    return {
      pages,
      destinations,
      info: info as Record<string, unknown>,
      outline: outline.map((o) => o.title),
      tree: outline,
      lang,
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * Where the PDF's soft hyphens are, read from its page content as a search or a copy reads it (pdf.js's text leaves
 * them out): Chromium writes each as a marked span with ActualText U+00AD; one inside a word is followed on its line
 * by the word's next letter, one at a line end by the end of the line's text (ET).
 */
export async function softHyphens(file: string): Promise<{ insideWords: number; atLineEnds: number }> {
  const pdf = await readFile(file);
  const raw = pdf.toString('latin1');
  const found = { insideWords: 0, atLineEnds: 0 };
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // not a compressed stream (an image, a font)
    }
    for (const h of content.matchAll(/\/ActualText\s*<FEFF00AD>\s*>>\s*BDC[^\n]*\n[^\n]*\nEMC\s+(\S+)/g)) {
      if (h[1] === 'ET') found.atLineEnds++;
      else found.insideWords++;
    }
  }
  return found;
}

/** A structure element as an assistive tool meets it: its role, alternative text, the text it holds, its children. */
export interface StructNode {
  role: string;
  alt: string | null;
  text: string;
  children: StructNode[];
}

export interface Structure {
  /** The structure tree of each page, in reading order. */
  pages: StructNode[];
  /** Text drawn as artifacts (running headers, page numbers), per page. */
  artifacts: string[][];
  /** Text drawn outside both: what a screen reader would read without knowing what it is. */
  untagged: string[];
}

/** The PDF's structure tree with its text, as pdf.js gives it to a screen reader, and what lies outside it. */
export async function readStructure(file: string): Promise<Structure> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const result: Structure = { pages: [], artifacts: [], untagged: [] };
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const byId = new Map<string, string>();
      const artifacts: string[] = [];
      const open: { tag: string; id: string | null }[] = [];
      for (const item of content.items as {
        type?: string;
        tag?: string;
        id?: string;
        str?: string;
      }[]) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          open.push({ tag: item.tag ?? '', id: item.id ?? null });
        } else if (item.type === 'endMarkedContent') {
          open.pop();
        } else if (item.str !== undefined) {
          const text = item.str.replace(/\u00ad/g, '');
          if (!text.trim()) continue;
          const tagged = [...open].reverse().find((m) => m.id);
          if (open.some((m) => m.tag === 'Artifact')) artifacts.push(text);
          else if (tagged) byId.set(tagged.id!, (byId.get(tagged.id!) ?? '') + text);
          else result.untagged.push(text);
        }
      }
      type Raw = { role?: string; alt?: string; type?: string; id?: string; children?: Raw[] };
      const build = (node: Raw): StructNode => {
        const children = (node.children ?? []).filter((c) => c.role).map(build);
        const own = (node.children ?? [])
          .filter((c) => c.type === 'content' && c.id)
          .map((c) => byId.get(c.id!) ?? '')
          .join('');
        return {
          role: node.role ?? '',
          alt: node.alt ?? null,
          text: own + children.map((c) => c.text).join(' '),
          children,
        };
      };
      result.pages.push(build(((await page.getStructTree()) ?? { role: 'Root' }) as Raw));
      result.artifacts.push(artifacts);
    }
    return result;
  } finally {
    await doc.destroy();
  }
}

/** Every element of a tree, depth first (reading order). */
export const structNodes = (node: StructNode): StructNode[] => [node, ...node.children.flatMap(structNodes)];
