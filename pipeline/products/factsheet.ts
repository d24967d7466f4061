// The fact sheet: one page, fitted by a fixed order of priority, measured in the page.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type FactsheetLimits, fullFactsheet } from '../views/factsheet.ts';
import type { MakeContext } from './context.ts';
import { finish } from './finish.ts';

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
export async function makeFactsheet({ essay, chronology, settings, renderer, printer, staging, file }: MakeContext) {
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
