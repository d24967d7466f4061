// Reading PDFs back in tests: pages, page sizes, text per page, named destinations and links.
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  width: number;
  height: number;
  text: string;
  links: string[];
}

export interface Pdf {
  pages: PdfPage[];
  /** Named destination -> 1-based page. */
  destinations: Map<string, number>;
  info: Record<string, unknown>;
  outline: string[];
}

export async function readPdf(file: string): Promise<Pdf> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      const links = (await page.getAnnotations()).filter((a) => a.subtype === 'Link').map((a) => String(a.dest ?? a.url ?? ''));
      pages.push({ width, height, text, links });
    }
    const destinations = new Map<string, number>();
    for (const [name, dest] of Object.entries((await doc.getDestinations()) as Record<string, unknown[]>)) {
      destinations.set(name, (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1);
    }
    const { info } = await doc.getMetadata();
    const outline = ((await doc.getOutline()) ?? []).map((o) => o.title);
    return { pages, destinations, info: info as Record<string, unknown>, outline };
  } finally {
    await doc.destroy();
  }
}
