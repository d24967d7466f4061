// Read back where a printed PDF put each anchor: the page of every named destination (Chromium makes one per
// linked id). Used to fill the contents page with page numbers that are right.
import { readFile } from 'node:fs/promises';

export async function destinationPages(pdfPath: string): Promise<Map<string, number>> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(pdfPath));
  const doc = await getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const destinations = (await doc.getDestinations()) as Record<string, unknown[]>;
    const pages = new Map<string, number>();
    for (const [name, dest] of Object.entries(destinations)) {
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') pages.set(name, (await doc.getPageIndex(ref as { num: number; gen: number })) + 1);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
