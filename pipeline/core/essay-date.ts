// The essay's own dates, decided here once for every stage that needs one.
import type { Essay } from './model.ts';

/**
 * What "today" means in the essay: the date it is told from (its dateline, date line, dated title or compile date,
 * see parse/dateline.ts), else the reference date given (--reference-date, the configuration).
 */
export const toldFrom = (essay: Essay, referenceDate: string | null): string | null => essay.dated ?? referenceDate;

/**
 * The date the pack carries (the cover, the PDFs' creation date, the slides): the day the essay says it was
 * compiled, else the day it is told from, else the reference date.
 */
export const packDate = (essay: Essay, referenceDate: string | null): string | null =>
  essay.compiled ?? toldFrom(essay, referenceDate);
