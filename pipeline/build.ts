// Build orchestration: every essay through parse -> extract -> render -> print, with one Chromium for the whole
// build. Each essay's files are made in a staging folder and moved into output/<slug>/ only when all are good, so a
// failed build never leaves a half-written file where a good one was.
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { VFile } from 'vfile';
import { Printer } from './browser/printer.ts';
import { lockOutput } from './output-lock.ts';
import { extractChronology } from './extract/index.ts';
import type { Chronology, Essay } from './model.ts';
import { parseEssay } from './parse/index.ts';
import { ESSAY_EXTENSIONS, readSource } from './parse/read-source.ts';
import { buildDate, finishPdf, type PdfInfo } from './render/pdf-info.ts';
import { destinationPages } from './render/pdf-pages.ts';
import { Renderer } from './render/index.ts';
import { loadTemplates } from './render/templates.ts';
import type { Settings } from './settings.ts';
import { spanCovered } from './views/common.ts';
import { type FactsheetLimits, fullFactsheet } from './views/factsheet.ts';
import { typeset } from './views/format.ts';

export class InputError extends Error {}

export interface BuildRequest {
  inputs: string[];
  outDir: string;
  settings: Settings;
  templatesDir?: string;
  /** Told of every request the browser makes while printing (tests check nothing leaves the pack). */
  onRequest?: (url: string, allowed: boolean) => void;
}

export interface EssayResult {
  source: string;
  slug: string;
  files: string[];
  file: VFile | null;
  error: string | null;
}

/** Essay files named by the inputs: files as given, folders by their .txt/.md files, in name order. */
export async function findEssays(inputs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new InputError(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(input)).filter((n) => ESSAY_EXTENSIONS.includes(path.extname(n).toLowerCase()) && !n.startsWith('.')).sort();
      if (names.length === 0) throw new InputError(`${input}: no essays (.txt, .md) in this folder`);
      found.push(...names.map((n) => path.join(input, n)));
    } else {
      found.push(input);
    }
  }
  const slugs = new Map<string, string>();
  for (const file of found) {
    const slug = path.basename(file, path.extname(file));
    const other = slugs.get(slug);
    if (other && path.resolve(other) !== path.resolve(file)) throw new InputError(`${file}: same name as ${other}; both would build into ${slug}/`);
    slugs.set(slug, file);
  }
  return [...new Set(found.map((f) => path.resolve(f)))].map((f) => path.relative(process.cwd(), f) || f);
}

/** The fact sheet drops detail in this order until it fits its one page: milestones and people, a step at a time. */
const FACTSHEET_STEPS: FactsheetLimits[] = [fullFactsheet, { milestones: 7, people: 5 }, { milestones: 6, people: 4 },
  { milestones: 5, people: 3 }, { milestones: 4, people: 2 }, { milestones: 3, people: 1 }, { milestones: 2, people: 0 }];

const fontsRoot = path.dirname(path.dirname(createRequire(import.meta.url).resolve('@fontsource/source-serif-4/package.json')));

export async function build(request: BuildRequest, onResult: (result: EssayResult) => void = () => {}): Promise<EssayResult[]> {
  const essays = await findEssays(request.inputs);
  const outDir = path.resolve(request.outDir);
  await mkdir(outDir, { recursive: true });
  const unlock = lockOutput(outDir);
  const renderer = new Renderer(loadTemplates(request.templatesDir));
  const needsBrowser = request.settings.formats.some((f) => f !== 'json');
  const printer = new Printer({ allowedRoots: [outDir, fontsRoot], onRequest: request.onRequest });
  if (needsBrowser) printer.start().catch(() => {}); // Chromium starts while the first essay parses
  const results: EssayResult[] = [];
  try {
    for (const source of essays) {
      const result = await buildEssay(source, outDir, request.settings, renderer, printer);
      results.push(result);
      onResult(result);
    }
  } finally {
    await printer.close().catch(() => {});
    unlock();
  }
  return results;
}

async function buildEssay(source: string, outDir: string, settings: Settings, renderer: Renderer, printer: Printer): Promise<EssayResult> {
  const slug = path.basename(source, path.extname(source));
  const result: EssayResult = { source, slug, files: [], file: null, error: null };
  let staging: string | null = null;
  try {
    const file = await readSource(source, settings.maxBytes);
    result.file = file;
    const essay = await parseEssay(file);
    const chronology = extractChronology(essay, { referenceDate: settings.referenceDate }, file);
    staging = await mkdtemp(path.join(outDir, `.${slug}.partial-`));
    const made: string[] = [];
    const write = async (name: string, content: string) => {
      await writeFile(path.join(staging!, name), content);
      made.push(name);
    };
    if (settings.formats.includes('json')) await write('chronology.json', JSON.stringify(chronology, null, 2) + '\n');
    if (settings.formats.includes('briefing')) await printBriefing(essay, chronology, settings, renderer, printer, staging, write, made);
    if (settings.formats.includes('slides')) {
      await write('slides.html', renderer.slides(essay, chronology, settings));
      await printer.withPage(async (page) => {
        await printer.load(page, path.join(staging!, 'slides.html'));
        await printer.pdf(page, path.join(staging!, 'slides.pdf'), { tagged: true });
      });
      made.push('slides.pdf');
    }
    if (settings.formats.includes('factsheet')) await printFactsheet(essay, chronology, settings, renderer, printer, staging, made, file);
    const info = pdfInfo(essay, chronology, settings);
    for (const [name, product] of [['briefing.pdf', 'Briefing'], ['slides.pdf', 'Slides'], ['factsheet.pdf', 'Fact sheet']] as const) {
      if (!made.includes(name)) continue;
      const file = path.join(staging, name);
      await writeFile(file, finishPdf(await readFile(file), { ...info, subject: `${product}: ${info.subject}` }));
    }
    const target = path.join(outDir, slug);
    await mkdir(target, { recursive: true });
    for (const name of made) await rename(path.join(staging, name), path.join(target, name));
    result.files = made.map((name) => path.join(target, name));
  } catch (error) {
    result.error = reason(error);
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => {});
  }
  return result;
}

type Write = (name: string, content: string) => Promise<void>;

/** What every PDF of the pack says about itself; dated by the essay (or SOURCE_DATE_EPOCH), never by the clock. */
function pdfInfo(essay: Essay, chronology: Chronology, settings: Settings): PdfInfo {
  const span = spanCovered(chronology);
  return {
    title: typeset(essay.title),
    author: essay.author ?? settings.organisation,
    subject: `${typeset(essay.title)}${span ? `, ${span}` : ''}`,
    keywords: [...chronology.organizations.slice(0, 6), ...chronology.places.slice(0, 6)],
    date: buildDate(essay.compiled ?? settings.referenceDate),
  };
}

/** Print, read where each heading landed, put those numbers in the contents, print again. */
async function printBriefing(essay: Essay, chronology: Chronology, settings: Settings, renderer: Renderer, printer: Printer, staging: string, write: Write, made: string[]) {
  const html = path.join(staging, 'briefing.html');
  const pdf = path.join(staging, 'briefing.pdf');
  const options = { outline: true, tagged: true } as const;
  const first = renderer.briefing(essay, chronology, settings);
  await write('briefing.html', first);
  await printer.withPage(async (page) => {
    await printer.load(page, html);
    await printer.pdf(page, pdf, options);
    const second = renderer.briefing(essay, chronology, settings, await destinationPages(pdf));
    if (second !== first) {
      await writeFile(html, second);
      await printer.load(page, html);
      await printer.pdf(page, pdf, options);
    }
  });
  made.push('briefing.pdf');
}

/** Render with less and less until the sheet's frame holds everything; report what was left out. */
async function printFactsheet(essay: Essay, chronology: Chronology, settings: Settings, renderer: Renderer, printer: Printer, staging: string, made: string[], file: VFile) {
  const html = path.join(staging, 'factsheet.html');
  await printer.withPage(async (page) => {
    for (const [step, limits] of FACTSHEET_STEPS.entries()) {
      await writeFile(html, renderer.factsheet(essay, chronology, settings, limits));
      await printer.load(page, html);
      const overflows = await page.evaluate(`(() => { const s = document.querySelector('.sheet'); return !s || s.scrollHeight > s.clientHeight + 1 || [...s.querySelectorAll('section, aside')].some((e) => e.scrollHeight > e.clientHeight + 1); })()`);
      const last = step === FACTSHEET_STEPS.length - 1;
      if (overflows && !last) continue;
      if (step > 0) file.message(`Fact sheet shortened to fit one page: ${limits.milestones} milestones, ${limits.people} people`, { ruleId: 'factsheet-fit', source: 'briefing' });
      if (overflows) file.message('Fact sheet still overflows its page at the shortest setting', { ruleId: 'factsheet-fit', source: 'briefing' });
      made.push('factsheet.html');
      await printer.pdf(page, path.join(staging, 'factsheet.pdf'), { tagged: true });
      made.push('factsheet.pdf');
      return;
    }
  });
}

/** One line, no stack: what went wrong, as a user can act on it. */
export function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const { code, path: where } = error as NodeJS.ErrnoException;
  const at = where ? ` (${where})` : '';
  switch (code) {
    case 'EACCES': case 'EPERM': return `cannot write there: permission denied${at}`;
    case 'EROFS': return `cannot write there: the file system is read-only${at}`;
    case 'ENOSPC': return `the disk is full${at}`;
    case 'EDQUOT': return `the disk quota is exceeded${at}`;
    case 'ENOTDIR': return `cannot create the output folder: part of the path is a file${at}`;
    default: return message.split('\n')[0]!.trim();
  }
}
