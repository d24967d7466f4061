// Read back where a printed PDF put each anchor: the page of every named destination (Chromium makes one per linked
// id). Used to fill the contents page with page numbers that are right. Chromium writes plain objects and a /Dests
// dictionary, which a few regular expressions read in a millisecond; anything else goes to pdf.js.
import { readFile } from 'node:fs/promises';

export async function destinationPages(pdfPath: string): Promise<Map<string, number>> {
  const data = await readFile(pdfPath);
  return readPlainDestinations(data.toString('latin1')) ?? readWithPdfjs(data);
}

/** Destinations of a PDF without object streams; null when the file is not laid out that way. */
export function readPlainDestinations(pdf: string): Map<string, number> | null {
  const body = (num: string) => {
    const start = pdf.lastIndexOf(`\n${num} 0 obj`);
    if (start < 0) return null;
    const end = pdf.indexOf('endobj', start);
    return end < 0 ? null : pdf.slice(start, end);
  };
  const root = /\/Root (\d+) 0 R/.exec(pdf.slice(pdf.lastIndexOf('trailer')))?.[1];
  const catalog = root ? body(root) : null;
  const pagesRef = catalog && /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  const destsRef = catalog && /\/Dests (\d+) 0 R/.exec(catalog)?.[1];
  if (!pagesRef || !destsRef) return null;

  const order = new Map<string, number>();
  const walk = (num: string, depth: number): boolean => {
    const node = body(num);
    if (!node || depth > 32) return false;
    if (/\/Type\s*\/Page\b(?!s)/.test(node)) {
      order.set(num, order.size + 1);
      return true;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1];
    if (!kids) return false;
    return [...kids.matchAll(/(\d+) 0 R/g)].every((m) => walk(m[1]!, depth + 1));
  };
  if (!walk(pagesRef, 0)) return null;

  const dests = body(destsRef);
  if (!dests) return null;
  const pages = new Map<string, number>();
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = order.get(m[2]!);
    if (page)
      pages.set(
        m[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        page,
      );
  }
  return pages;
}

async function readWithPdfjs(data: Buffer): Promise<Map<string, number>> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(data),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise;
  try {
    const destinations = (await doc.getDestinations()) as Record<string, unknown[]>;
    const pages = new Map<string, number>();
    for (const [name, dest] of Object.entries(destinations)) {
      const ref = dest?.[0];
      if (ref && typeof ref === 'object')
        pages.set(name, (await doc.getPageIndex(ref as { num: number; gen: number })) + 1);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
