// The briefing: HTML printed to a tagged PDF with an outline, its contents page numbered from the print itself.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pageScript } from '../../browser/page-scripts/index.ts';
import { setPageNumbers } from '../../browser/page-scripts/page-numbers.ts';
import { outputName } from '../../core/output-names.ts';
import { hasCode } from '../../render/index.ts';
import { destinationPages } from '../../render/pdf-pages.ts';
import { finish } from '../finish.ts';
import type { MakeContext } from '../product.ts';
import { briefingPage } from './view.ts';

/**
 * Print, read where each heading landed, put those numbers in the contents, print again. The previous build's page
 * numbers are the first guess, so a rebuild whose pages did not move prints once.
 */
export async function makeBriefing({ essay, chronology, settings, renderer, printer, staging, target }: MakeContext) {
  const html = path.join(staging, 'briefing.html');
  const pdf = path.join(staging, 'briefing.pdf');
  const options = { outline: true, tagged: true } as const;
  const previous = path.join(target, outputName('briefing.pdf', path.basename(target), settings.outputName));
  const guess = await destinationPages(previous).catch(() => new Map<string, number>());
  const fonts = { text: essay.source, code: hasCode(essay) };
  const render = (pages: Map<string, number>) =>
    renderer.render('briefing', briefingPage(essay, chronology, settings, pages), settings, fonts);
  // Rendered before a page is ours: the pages open while the essay is read, and take the HTML as soon as they can.
  const first = render(guess);
  writeFileSync(html, first);
  await printer.withPage(async (page) => {
    await printer.load(page, html);
    // With no previous numbers to guess from, the first print only finds the pages: untagged, it costs a third less.
    const trial = guess.size === 0;
    await printer.pdf(page, pdf, trial ? {} : options);
    const pages = await destinationPages(pdf);
    const second = render(pages);
    if (second !== first || trial) {
      writeFileSync(html, second);
      // When only the contents' numbers changed (the template puts them in .page[data-target]), they are set in the
      // page as it is: no second load.
      if (withoutPageNumbers(second) === withoutPageNumbers(first))
        await page.evaluate(pageScript(setPageNumbers, Object.fromEntries(pages)));
      else await printer.load(page, html);
      await printer.pdf(page, pdf, options);
    }
  });
  await finish(pdf, 'briefing', essay, chronology, settings);
}

const PAGE_NUMBER = /(<span class="page" data-target="[^"<>]*">)[^<]*(<\/span>)/g;
const withoutPageNumbers = (html: string) => html.replace(PAGE_NUMBER, '$1$2');
