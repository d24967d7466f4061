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
  slides: { files: ['slides.html', 'slides.pdf', 'slides.pptx'], layout: 'slides', make: makeSlides },
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
    const pages = await destinationPages(pdf);
    const second = renderer.briefing(essay, chronology, settings, pages);
    if (second !== first) {
      await writeFile(html, second);
      // When only the contents' numbers changed (the template puts them in .page[data-target]), they are set in the
      // page as it is: no second load.
      if (withoutPageNumbers(second) === withoutPageNumbers(first)) await page.evaluate(SET_PAGE_NUMBERS(pages));
      else await printer.load(page, html);
      await printer.pdf(page, pdf, options);
    }
  });
  await finish(pdf, 'Briefing', essay, chronology, settings);
}

const PAGE_NUMBER = /(<span class="page" data-target="[^"<>]*">)[^<]*(<\/span>)/g;
const withoutPageNumbers = (html: string) => html.replace(PAGE_NUMBER, '$1$2');
const SET_PAGE_NUMBERS = (pages: Map<string, number>) => `(() => {
  const pages = ${JSON.stringify(Object.fromEntries(pages))};
  for (const el of document.querySelectorAll('span.page[data-target]')) el.textContent = pages[el.dataset.target] ?? '';
})()`;

/** The 16:9 PDF, the self-contained HTML deck it is printed from, and the PowerPoint (its timeline in native shapes). */
async function makeSlides({ essay, chronology, settings, renderer, printer, staging }: MakeContext) {
  const html = path.join(staging, 'slides.html');
  const pdf = path.join(staging, 'slides.pdf');
  const { deck, html: page } = renderer.slides(essay, chronology, settings);
  await writeFile(html, page);
  // The PowerPoint needs no browser: it is made while Chromium prints the PDF.
  const pptx = import('./render/pptx.ts').then(({ deckToPptx }) => deckToPptx(deck, buildDate(essay.compiled ?? essay.dated ?? settings.referenceDate)));
  pptx.catch(() => {});
  await printer.withPage(async (tab) => {
    await printer.load(tab, html);
    await printer.pdf(tab, pdf, { tagged: true });
  });
  await finish(pdf, 'Slides', essay, chronology, settings);
  await writeFile(path.join(staging, 'slides.pptx'), await pptx);
}

/**
 * The fact sheet's fixed order of priority: until the page holds everything, drop the excerpt of the essay (which
 * fills the page of a short essay), then the "in brief" points, then trim milestones and people, then the quotation,
 * then milestones and people a few at a time. Title, headline figures, timeline and source always stay.
 */
export const FACTSHEET_STEPS: FactsheetLimits[] = [
  fullFactsheet,
  { ...fullFactsheet, excerpt: 3 },
  { ...fullFactsheet, excerpt: 2 },
  { ...fullFactsheet, excerpt: 1 },
  { ...fullFactsheet, excerpt: 0 },
  { ...fullFactsheet, excerpt: 0, keyPoints: 2 },
  { ...fullFactsheet, excerpt: 0, keyPoints: 0 },
  { milestones: 8, people: 5, keyPoints: 0, quotation: true, excerpt: 0 },
  { milestones: 8, people: 5, keyPoints: 0, quotation: false, excerpt: 0 },
  { milestones: 6, people: 4, keyPoints: 0, quotation: false, excerpt: 0 },
  { milestones: 5, people: 3, keyPoints: 0, quotation: false, excerpt: 0 },
  { milestones: 4, people: 2, keyPoints: 0, quotation: false, excerpt: 0 },
  { milestones: 3, people: 1, keyPoints: 0, quotation: false, excerpt: 0 },
];

const OVERFLOWS = `(() => { const s = document.querySelector('.sheet'); return !s || s.scrollHeight > s.clientHeight + 1
  || [...s.querySelectorAll('.columns > section, .columns > aside')].some((e) => e.scrollHeight > e.clientHeight + 1); })()`;

/**
 * In the loaded page, the first step of `steps` whose page holds everything, measured by hiding what each step leaves
 * out (the template marks items data-fit="milestones|people|brief|excerpt|quotation" with their place in the order of
 * priority as data-keep, and a section that only holds them as data-fit-group); -1 when none fits or nothing is marked.
 */
const FIRST_FITTING = (steps: FactsheetLimits[]) => `(() => {
  const steps = ${JSON.stringify(steps)};
  const marked = [...document.querySelectorAll('[data-fit]')];
  const overflows = () => ${OVERFLOWS};
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const limit = { milestones: s.milestones, people: s.people, brief: s.keyPoints, excerpt: s.excerpt, quotation: s.quotation ? 1 : 0 };
    for (const el of marked) el.style.display = Number(el.dataset.keep) < (limit[el.dataset.fit] ?? Infinity) ? '' : 'none';
    for (const group of document.querySelectorAll('[data-fit-group]')) {
      group.style.display = marked.some((el) => el.dataset.fit === group.dataset.fitGroup && el.style.display !== 'none') ? '' : 'none';
    }
    if (!overflows()) return i;
    if (!marked.length) return -1;
  }
  return -1;
})()`;

/**
 * Find the fullest step of FACTSHEET_STEPS whose page holds everything and print it. One load measures every step
 * (by hiding what each leaves out); the chosen step is then rendered and loaded once more to print (and checked).
 * A template without the marks, or a measure the real page belies, falls back to a binary search (the steps only ever
 * show less, so four or five loads at most).
 */
async function makeFactsheet({ essay, chronology, settings, renderer, printer, staging, file }: MakeContext) {
  const html = path.join(staging, 'factsheet.html');
  const pdf = path.join(staging, 'factsheet.pdf');
  await printer.withPage(async (page) => {
    const fits = async (step: number) => {
      await writeFile(html, renderer.factsheet(essay, chronology, settings, FACTSHEET_STEPS[step]));
      await printer.load(page, html);
      return !(await page.evaluate(OVERFLOWS));
    };
    await fits(0);
    const measured = await page.evaluate(FIRST_FITTING(FACTSHEET_STEPS)) as number;
    let best = FACTSHEET_STEPS.length - 1;
    let fitted = true;
    if (measured === 0) {
      best = 0;
      await page.evaluate(FIRST_FITTING([fullFactsheet])); // everything shown again, as rendered
    } else if (measured > 0 && await fits(measured)) {
      best = measured;
    } else {
      let low = Math.max(1, measured + 1), high = FACTSHEET_STEPS.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (await fits(mid)) { best = mid; high = mid - 1; } else low = mid + 1;
      }
      fitted = await fits(best); // the page must hold the chosen step when it is printed
    }
    const limits = FACTSHEET_STEPS[best]!;
    if (limits.keyPoints < fullFactsheet.keyPoints || limits.milestones < fullFactsheet.milestones || !limits.quotation) {
      file.message(`Fact sheet shortened to fit one page: ${leftOut(limits)}`, { ruleId: 'factsheet-fit', source: 'briefing' });
    }
    if (!fitted) file.message('Fact sheet still overflows its page at the shortest setting', { ruleId: 'factsheet-fit', source: 'briefing' });
    await printer.pdf(page, pdf, { tagged: true });
  });
  await finish(pdf, 'Fact sheet', essay, chronology, settings);
}

/** What a step down the fact sheet's priorities leaves out, for the warning. */
function leftOut(limits: FactsheetLimits): string {
  const parts = [`at most ${limits.milestones} milestones and ${limits.people} people`];
  if (limits.keyPoints < fullFactsheet.keyPoints) parts.push(limits.keyPoints ? `${limits.keyPoints} of the points in brief` : 'no points in brief');
  if (!limits.quotation) parts.push('no quotation');
  return parts.join(', ');
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
    date: buildDate(essay.compiled ?? essay.dated ?? settings.referenceDate),
  };
  await writeFile(pdf, finishPdf(await readFile(pdf), info));
}
