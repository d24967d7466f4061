// How each product is made from one essay into a staging folder: the files it writes, and the steps between.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { Printer } from './browser/printer.ts';
import type { Chronology, Essay } from './model.ts';
import type { Renderer } from './render/index.ts';
import { buildDate, finishPdf, type PdfInfo } from './render/pdf-info.ts';
import { destinationPages } from './render/pdf-pages.ts';
import type { Product, Settings } from './settings.ts';
import { spanCovered } from './views/common.ts';
import { type FactsheetLimits, fullFactsheet } from './views/factsheet.ts';
import { typeset } from './views/format.ts';

export interface MakeContext {
  essay: Essay;
  chronology: Chronology;
  file: VFile;
  settings: Settings;
  renderer: Renderer;
  printer: Printer;
  staging: string;
  /** The essay's folder in the output, where the previous build's files are (if any). */
  target: string;
}

interface ProductSpec {
  /** The files it writes, in the essay's output folder. */
  files: string[];
  /** The layout it renders (its templates are part of what decides whether it is up to date). */
  layout: 'briefing' | 'slides' | 'factsheet' | null;
  make(ctx: MakeContext): Promise<void>;
}

export const PRODUCTS: Record<Product, ProductSpec> = {
  json: {
    files: ['chronology.json'],
    layout: null,
    make: async ({ chronology, staging }) => writeFile(path.join(staging, 'chronology.json'), JSON.stringify(chronology, null, 2) + '\n'),
  },
  briefing: { files: ['briefing.html', 'briefing.pdf'], layout: 'briefing', make: makeBriefing },
  slides: { files: ['slides.html', 'slides.pdf'], layout: 'slides', make: makeSlides },
  factsheet: { files: ['factsheet.html', 'factsheet.pdf'], layout: 'factsheet', make: makeFactsheet },
};

/**
 * Print, read where each heading landed, put those numbers in the contents, print again. The previous build's page
 * numbers are the first guess, so a rebuild whose pages did not move prints once.
 */
async function makeBriefing({ essay, chronology, settings, renderer, printer, staging, target }: MakeContext) {
  const html = path.join(staging, 'briefing.html');
  const pdf = path.join(staging, 'briefing.pdf');
  const options = { outline: true, tagged: true } as const;
  const guess = await destinationPages(path.join(target, 'briefing.pdf')).catch(() => new Map<string, number>());
  const first = renderer.briefing(essay, chronology, settings, guess);
  await printer.withPage(async (page) => {
    await writeFile(html, first);
    await printer.load(page, html);
    await printer.pdf(page, pdf, options);
    const second = renderer.briefing(essay, chronology, settings, await destinationPages(pdf));
    if (second !== first) {
      await writeFile(html, second);
      await printer.load(page, html);
      await printer.pdf(page, pdf, options);
    }
  });
  await finish(pdf, 'Briefing', essay, chronology, settings);
}

async function makeSlides({ essay, chronology, settings, renderer, printer, staging }: MakeContext) {
  const html = path.join(staging, 'slides.html');
  const pdf = path.join(staging, 'slides.pdf');
  await writeFile(html, renderer.slides(essay, chronology, settings));
  await printer.withPage(async (page) => {
    await printer.load(page, html);
    await printer.pdf(page, pdf, { tagged: true });
  });
  await finish(pdf, 'Slides', essay, chronology, settings);
}

/** The fact sheet drops detail in this order until it fits its one page: milestones and people, a step at a time. */
export const FACTSHEET_STEPS: FactsheetLimits[] = [fullFactsheet, { milestones: 7, people: 5 }, { milestones: 6, people: 4 },
  { milestones: 5, people: 3 }, { milestones: 4, people: 2 }, { milestones: 3, people: 1 }, { milestones: 2, people: 0 }];

const OVERFLOWS = `(() => { const s = document.querySelector('.sheet'); return !s || s.scrollHeight > s.clientHeight + 1
  || [...s.querySelectorAll('section, aside')].some((e) => e.scrollHeight > e.clientHeight + 1); })()`;

/** Render with less and less until the sheet's frame holds everything; report what was left out. */
async function makeFactsheet({ essay, chronology, settings, renderer, printer, staging, file }: MakeContext) {
  const html = path.join(staging, 'factsheet.html');
  const pdf = path.join(staging, 'factsheet.pdf');
  await printer.withPage(async (page) => {
    for (const [step, limits] of FACTSHEET_STEPS.entries()) {
      await writeFile(html, renderer.factsheet(essay, chronology, settings, limits));
      await printer.load(page, html);
      const overflows = await page.evaluate(OVERFLOWS);
      const last = step === FACTSHEET_STEPS.length - 1;
      if (overflows && !last) continue;
      if (step > 0) file.message(`Fact sheet shortened to fit one page: ${limits.milestones} milestones, ${limits.people} people`, { ruleId: 'factsheet-fit', source: 'briefing' });
      if (overflows) file.message('Fact sheet still overflows its page at the shortest setting', { ruleId: 'factsheet-fit', source: 'briefing' });
      await printer.pdf(page, pdf, { tagged: true });
      return;
    }
  });
  await finish(pdf, 'Fact sheet', essay, chronology, settings);
}

/** What every PDF of the pack says about itself; dated by the essay (or SOURCE_DATE_EPOCH), never by the clock. */
async function finish(pdf: string, product: string, essay: Essay, chronology: Chronology, settings: Settings) {
  const span = spanCovered(chronology);
  const title = typeset(essay.title);
  const info: PdfInfo = {
    title,
    author: essay.author ?? settings.organisation,
    subject: `${product}: ${title}${span ? `, ${span}` : ''}`,
    keywords: [...chronology.organizations.slice(0, 6), ...chronology.places.slice(0, 6)],
    date: buildDate(essay.compiled ?? settings.referenceDate),
  };
  await writeFile(pdf, finishPdf(await readFile(pdf), info));
}
