// The last step of every PDF of the pack: its document information, dated by the essay, never by the clock.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packDate } from '../core/essay-date.ts';
import type { Chronology, Essay } from '../core/model.ts';
import type { Settings } from '../core/settings.ts';
import { trace } from '../core/trace.ts';
import { buildDate, finishPdf, type PdfInfo } from '../render/pdf-info.ts';
import { spanCovered } from '../views/common.ts';
import { typeset } from '../views/format.ts';
import { labelsFor } from '../views/labels.ts';

/** What every PDF of the pack says about itself; dated by the essay (or SOURCE_DATE_EPOCH), never by the clock. */
export async function finish(
  pdf: string,
  product: 'briefing' | 'slides' | 'factSheet',
  essay: Essay,
  chronology: Chronology,
  settings: Settings,
) {
  const span = spanCovered(chronology);
  const title = typeset(essay.title);
  const info: PdfInfo = {
    title,
    author: essay.author ?? settings.organisation,
    // (the product named in the essay's language: "Note de synthèse: ...")
    subject: `${labelsFor(essay.lang, settings.labels)[product]}: ${title}${span ? `, ${span}` : ''}`,
    keywords: [...chronology.organizations.slice(0, 6), ...chronology.places.slice(0, 6)],
    date: buildDate(packDate(essay, settings.referenceDate)),
  };
  await writeFile(pdf, finishPdf(await readFile(pdf), info));
  trace(`finished ${path.basename(pdf)}`);
}
