// Run in the fact sheet's page: whether it overflows its one page, and the fill that keeps the most of it there.

/** The parts of a fact sheet the template marks with data-fit, in the page's own names. */
export type FitItem = 'milestones' | 'people' | 'brief' | 'quotation' | 'excerpt';

/** Whether the sheet, or one of its two columns, runs past its box. */
export function sheetOverflows(): boolean {
  const sheet = document.querySelector<HTMLElement>('.sheet');
  if (!sheet || sheet.scrollHeight > sheet.clientHeight + 1) return true;
  return [...sheet.querySelectorAll<HTMLElement>('.columns > section, .columns > aside')].some(
    (e) => e.scrollHeight > e.clientHeight + 1,
  );
}

/** How many items of each kind the page marks. */
export function markedItems(): Partial<Record<FitItem, number>> {
  const counts: Partial<Record<FitItem, number>> = {};
  for (const el of document.querySelectorAll<HTMLElement>('[data-fit]')) {
    const item = el.dataset.fit as FitItem;
    counts[item] = (counts[item] ?? 0) + 1;
  }
  return counts;
}

/**
 * In the loaded page (everything rendered), fill by `order`: items are shown or hidden by the marks the template puts
 * on them (data-fit="milestones|people|brief|excerpt|quotation", data-keep their place in the order of priority;
 * data-fit-group on a section that only holds them). Then one more of each while any fits, then the type grows into
 * what room is left. The counts kept and the type's scale, or null when the template marks nothing or even the least
 * does not fit. It calls sheetOverflows: hand both to the page (pageScriptUsing).
 */
export function fillSheet(order: [FitItem, number][]): (Record<FitItem, number> & { fill: number }) | null {
  const marked = [...document.querySelectorAll<HTMLElement>('[data-fit]')];
  if (!marked.length) return null;
  const overflows = sheetOverflows;
  const limits: Record<FitItem, number> = { milestones: 0, people: 0, brief: 0, quotation: 0, excerpt: 0 };
  const show = (): boolean => {
    for (const el of marked)
      el.style.display = Number(el.dataset.keep) < (limits[el.dataset.fit as FitItem] ?? 0) ? '' : 'none';
    for (const group of document.querySelectorAll<HTMLElement>('[data-fit-group]'))
      group.style.display = marked.some(
        (el) => el.dataset.fit === group.dataset.fitGroup && el.style.display !== 'none',
      )
        ? ''
        : 'none';
    return !overflows();
  };
  if (!show()) return null;
  for (const [item, count] of order) {
    if (limits[item] >= count) continue;
    const before = limits[item];
    limits[item] = count;
    if (!show()) limits[item] = before;
  }
  // Then one more of each, in the same priority, while any still fits.
  const most: Partial<Record<FitItem, number>> = {};
  for (const el of marked) {
    const item = el.dataset.fit as FitItem;
    most[item] = Math.max(most[item] ?? 0, Number(el.dataset.keep) + 1);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of ['milestones', 'brief', 'people', 'quotation', 'excerpt'] as const) {
      if (limits[item] >= (most[item] ?? 0)) continue;
      limits[item]++;
      if (show()) grew = true;
      else limits[item]--;
    }
  }
  show();
  // What room is still left, the type takes: set larger, up to two and a half times its size, in steps of 5%.
  // A binary search over twentieths: five layouts, not thirty.
  const sheet = document.querySelector<HTMLElement>('.sheet')!;
  let low = 20;
  let high = 50;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    sheet.style.setProperty('--fill', String(mid / 20));
    if (overflows()) high = mid - 1;
    else low = mid;
  }
  const fill = low / 20;
  sheet.style.setProperty('--fill', String(fill));
  return { ...limits, fill };
}
