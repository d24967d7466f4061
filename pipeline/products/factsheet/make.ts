// The fact sheet: one page, filled with as much as fits in a fixed order of priority, measured in the page itself.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type FitItem, fillSheet, markedItems, sheetOverflows } from '../../browser/page-scripts/fit-sheet.ts';
import { pageScript, pageScriptUsing } from '../../browser/page-scripts/index.ts';
import { replaceBody } from '../../browser/page-scripts/replace-body.ts';
import { hasCode } from '../../render/index.ts';
import { finish } from '../finish.ts';
import type { MakeContext } from '../product.ts';
import { type FactsheetLimits, factsheetView, fullFactsheet, mostFactsheet } from './view.ts';

type Item = FitItem;

/**
 * The order in which the page is filled: each step raises one kind of item to a count, and is kept if the page still
 * holds everything. A step that does not fit is skipped and the later (smaller) ones are still tried, so the page is
 * filled as far as it goes: milestones and people first, the points in brief and the quotation, then more of each,
 * then the essay's own paragraphs for what room is left. Title, figures, timeline and source always stay.
 */
export const FILL_ORDER: [Item, number][] = [
  ['milestones', 3],
  ['people', 1],
  ['brief', 2],
  ['milestones', 5],
  ['quotation', 1],
  ['people', 3],
  ['brief', 4],
  ['milestones', 7],
  ['people', 4],
  ['milestones', 8],
  ['people', 5],
  ['milestones', 10],
  ['people', 6],
  ['excerpt', 1],
  ['excerpt', 2],
  ['milestones', 12],
  ['excerpt', 3],
  ['excerpt', 4],
  ['milestones', 14],
  ['excerpt', 5],
  ['excerpt', 6],
  ['excerpt', 8],
  ['excerpt', 10],
];

/** Counts from the page's names to the view's. */
const asLimits = (kept: Record<Item, number> & { fill?: number }): FactsheetLimits => ({
  milestones: kept.milestones,
  people: kept.people,
  keyPoints: kept.brief,
  quotation: kept.quotation > 0,
  excerpt: kept.excerpt,
  fill: kept.fill ?? 1,
});

/**
 * Render everything, fill the page in one load by hiding what does not fit, then render what was kept and load it
 * once more to print (checked: if the real page overflows after all, items come off the end one at a time).
 */
export async function makeFactsheet({ essay, chronology, settings, renderer, printer, staging, file }: MakeContext) {
  const html = path.join(staging, 'factsheet.html');
  const pdf = path.join(staging, 'factsheet.pdf');
  await printer.withPage(async (page) => {
    let loadedHead: string | null = null;
    const fits = async (limits: FactsheetLimits) => {
      const view = factsheetView(essay, chronology, settings, limits);
      const rendered = renderer.render('factsheet', view, settings, { text: essay.source, code: hasCode(essay) });
      // Written at once, so Chromium loads it while the other products render.
      writeFileSync(html, rendered);
      // A render with the same head (fonts, styles) as the page's only changes the body: it is swapped in place.
      const head = headOf(rendered);
      if (head !== null && head === loadedHead)
        await page.evaluate(pageScript(replaceBody, rendered.slice(head.length)));
      else await printer.load(page, html);
      loadedHead = head;
      return !(await page.evaluate(pageScript(sheetOverflows)));
    };
    await fits(mostFactsheet);
    const available = (await page.evaluate(pageScript(markedItems))) as Partial<Record<Item, number>>;
    const kept = (await page.evaluate(pageScriptUsing([sheetOverflows], fillSheet, FILL_ORDER))) as ReturnType<
      typeof fillSheet
    >;
    let limits = kept
      ? asLimits(kept)
      : { milestones: 3, people: 1, keyPoints: 0, quotation: false, excerpt: 0, fill: 1 };
    let fitted = await fits(limits);
    // The page measured with hidden items and the page rendered without them differ only slightly (a list of
    // acronyms follows the milestones shown); should the real one overflow, the last items filled go first.
    for (let i = FILL_ORDER.length - 1; !fitted && i >= 0; i--) {
      const [item, count] = FILL_ORDER[i]!;
      const current = asKept(limits)[item];
      if (current < count || current === 0) continue;
      const lower = Math.max(
        0,
        ...FILL_ORDER.slice(0, i)
          .filter(([other]) => other === item)
          .map(([, n]) => n),
      );
      limits = asLimits({ ...asKept(limits), [item]: lower, fill: 1 });
      fitted = await fits(limits);
    }
    const short = (item: Item, full: number) => asKept(limits)[item] < Math.min(full, available[item] ?? 0);
    if (
      short('milestones', fullFactsheet.milestones) ||
      short('brief', fullFactsheet.keyPoints) ||
      short('quotation', 1)
    ) {
      file.message(`Fact sheet shortened to fit one page: ${leftOut(limits, available)}`, {
        ruleId: 'factsheet-fit',
        source: 'briefing',
      });
    }
    if (!fitted)
      file.message('Fact sheet still overflows its page at the shortest setting', {
        ruleId: 'factsheet-fit',
        source: 'briefing',
      });
    await printer.pdf(page, pdf, { tagged: true, outline: true });
  });
  await finish(pdf, 'factSheet', essay, chronology, settings);
}

/** A document's head, or null when it has no body to swap. */
const headOf = (html: string) => {
  const body = html.search(/<body[\s>]/i);
  return body < 0 ? null : html.slice(0, body);
};

const asKept = (limits: FactsheetLimits): Record<Item, number> => ({
  milestones: limits.milestones,
  people: limits.people,
  brief: limits.keyPoints,
  quotation: limits.quotation ? 1 : 0,
  excerpt: limits.excerpt,
});

/** What the fitting left out, for the warning. */
function leftOut(limits: FactsheetLimits, available: Partial<Record<Item, number>>): string {
  const parts: string[] = [];
  const cut = (n: number, all: number | undefined, what: string) => {
    if ((all ?? 0) > n) parts.push(n ? `${n} of ${all} ${what}` : `no ${what}`);
  };
  cut(limits.milestones, available.milestones, 'milestones');
  cut(limits.people, available.people, 'people');
  cut(limits.keyPoints, available.brief, 'points in brief');
  cut(limits.quotation ? 1 : 0, available.quotation, 'quotation');
  return parts.join(', ');
}
