// The slide deck: a self-contained HTML deck, its 16:9 PDF, and a PowerPoint made beside them.

import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packDate } from '../../core/essay-date.ts';
import { buildDate } from '../../render/pdf-info.ts';
import { finish } from '../finish.ts';
import type { MakeContext } from '../product.ts';
import { slidesView } from './view.ts';

/** The 16:9 PDF, the self-contained HTML deck it is printed from, and the PowerPoint (its timeline in native shapes). */
export async function makeSlides({ essay, chronology, settings, renderer, printer, staging, file }: MakeContext) {
  const html = path.join(staging, 'slides.html');
  const pdf = path.join(staging, 'slides.pdf');
  const deck = slidesView(essay, chronology, settings);
  // The PowerPoint needs no browser: it is made while Chromium loads and prints the PDF.
  const makePptx = () =>
    Promise.all([import('./pptx.ts'), import('./house-deck.ts')]).then(([{ deckToPptx }, { readHouseDeck }]) =>
      deckToPptx(
        deck,
        renderer.brand(settings),
        buildDate(packDate(essay, settings.referenceDate)),
        settings.referencePptx ? readHouseDeck(settings.referencePptx) : null,
      ),
    );
  let pptx: ReturnType<typeof makePptx> | undefined;
  // Rendered before a page is ours: the pages open while the essay is read, and take the HTML as soon as they can.
  writeFileSync(html, renderer.render('slides', deck, settings, { text: essay.source, inline: true }));
  await printer.withPage(async (tab) => {
    const loaded = printer.load(tab, html);
    pptx ??= makePptx();
    pptx.catch(() => {});
    await loaded;
    await printer.pdf(tab, pdf, { tagged: true, outline: true });
  });
  await finish(pdf, 'slides', essay, chronology, settings);
  const { data, missing } = await (pptx ?? makePptx());
  for (const reason of missing) file.message(reason, { ruleId: 'pptx-reference', source: 'briefing' });
  await writeFile(path.join(staging, 'slides.pptx'), data);
}
