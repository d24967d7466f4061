// Making one essay's stale products: read, parse, extract, render, print into a staging folder, then move the files
// into output/<slug>/ and record what they were made from. Loaded only when a build has something to make.
import { mkdtempSync } from 'node:fs';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import type { Printer } from '../../browser/printer.ts';
import { BriefingError, InputError, reason } from '../../core/errors.ts';
import type { Essay } from '../../core/model.ts';
import { outputName } from '../../core/output-names.ts';
import { defaultTemplatesDir } from '../../core/paths.ts';
import type { Settings } from '../../core/settings.ts';
import { defaultSettings } from '../../core/settings.ts';
import { inside } from '../../core/slug.ts';
import { trace } from '../../core/trace.ts';
import { extractChronology, extractChronologyAside } from '../../extract/index.ts';
import { isEnglish } from '../../extract/mentions.ts';
import { reportSpellings } from '../../extract/spelling.ts';
import { parseEssay } from '../../parse/index.ts';
import { readSource, SourceError } from '../../parse/read-source.ts';
import { PRODUCTS, productNamed } from '../../products/index.ts';
import { fontFor, uncovered } from '../../render/fonts.ts';
import { Renderer } from '../../render/index.ts';
import { loadTemplates } from '../../render/templates.ts';
import { settingsForEssay } from '../config/essay-settings.ts';
import { MANIFEST, type Manifest } from './fingerprint.ts';
import type { BuildEvent, EssayResult, Plan } from './request.ts';
import { nothingMade } from './request.ts';

/** The longest essay the briefing, slides and fact sheet are printed for (about 400 pages of briefing). */
export const MAX_PRINTED_PARAGRAPHS = 5000;

/**
 * The templates, compiled; a user's templates are also checked (every branch, against the fields of a sample essay's
 * views) before the build. The defaults are checked by the tests, and a build with them skips the sample's cost.
 */
export async function loadRenderer(templatesDir?: string, settings?: Settings): Promise<Renderer> {
  const renderer = new Renderer(loadTemplates(templatesDir));
  if (!templatesDir) return renderer;
  const { SAMPLE_ESSAY } = await import('../../render/sample-essay.ts');
  const file = new VFile({ path: path.join(defaultTemplatesDir, 'sample.md'), value: SAMPLE_ESSAY });
  const sample = await parseEssay(file);
  const base = settings ?? defaultSettings;
  const chronology = extractChronology(sample, { referenceDate: null, spelling: false });
  const shown: Settings = {
    ...base,
    logo: null,
    marking: base.marking ?? 'MARKING',
    organisation: base.organisation ?? 'Organisation',
  };
  renderer.check(await Promise.all([...PRODUCTS.values()].map((p) => p.view?.(sample, chronology, shown) ?? {})));
  return renderer;
}

export async function makeEssay(
  p: Plan,
  outDir: string,
  buildSettings: Settings,
  renderer: Renderer,
  printer: Printer,
  locked: ReadonlySet<string>,
  onEvent?: (event: BuildEvent) => void,
): Promise<EssayResult> {
  const result = nothingMade(p);
  let staging: string | null = null;
  try {
    const file = await readSource(p.source, buildSettings.maxBytes);
    result.file = file;
    file.data.citationDefaults = { bibliography: buildSettings.bibliography, csl: buildSettings.csl };
    trace(`${p.slug}: parse`);
    const essay = await parseEssay(file);
    const printed = p.stale.some((product) => product !== 'json');
    // Measured here: 5,000 paragraphs print in about 17 s and 270 MB; 20,000 do not finish printing in 60 s.
    if (essay.paragraphs.length > MAX_PRINTED_PARAGRAPHS && printed) {
      throw new SourceError(
        `${essay.paragraphs.length.toLocaleString('en')} paragraphs: the printed products take at most ${MAX_PRINTED_PARAGRAPHS.toLocaleString('en')}; build it with --formats json, or split it into several essays`,
      );
    }
    const settings = await settingsForEssay(buildSettings, essay.matter, locked);
    // The configuration's language over the one told from the words; the essay's own `lang:` over both.
    if (settings.lang && typeof essay.matter.lang !== 'string') essay.lang = settings.lang;
    if (printed) warnOfMissingGlyphs(essay, settings, file);
    if (printed) await printer.settled(400);
    trace(`${p.slug}: extract`);
    const chronology = await extractChronologyAside(
      essay,
      { referenceDate: settings.referenceDate, spelling: false },
      file,
    );
    trace(`${p.slug}: render and print`);
    // Made synchronously: an asynchronous mkdtemp may create the folder on another thread just after Ctrl-C's sweep
    // has read the output folder, and leave it behind.
    const folder = mkdtempSync(inside(outDir, `.${p.slug}.partial-`));
    staging = folder;
    // The products print side by side, each on its own page of the one browser; the spelling check (a quarter of a
    // second of dictionary work) runs here while Chromium renders.
    const making = Promise.all(
      p.stale.map(async (product) => {
        const started = performance.now();
        const target = inside(outDir, p.slug);
        const context = { essay, chronology, file, settings, renderer, printer, staging: folder, target };
        await productNamed(product).make(context);
        onEvent?.({ type: 'product', slug: p.slug, product, ms: performance.now() - started });
      }),
    );
    making.catch(() => {});
    await new Promise((resolve) => setImmediate(resolve));
    if (isEnglish(essay.lang)) reportSpellings(essay, file); // the dictionary is English
    await making;
    trace(`${p.slug}: made`);
    result.files = await publish(p, folder, outDir, settings);
    result.built = p.stale;
  } catch (error) {
    result.error = reason(error);
    result.errorCode = error instanceof BriefingError ? error.code : 'bug';
    if (process.env.BRIEFING_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => {});
  }
  return result;
}

/** Characters no font of the settings has print as empty boxes: say which, and which font would have them. */
function warnOfMissingGlyphs(essay: Essay, settings: Settings, file: VFile): void {
  const boxes = uncovered(essay.source, [settings.fonts.body, settings.fonts.headings, ...settings.fonts.fallback]);
  if (!boxes.length) return;
  const named = boxes
    .slice(0, 8)
    .map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
    .join(', ');
  const hint = fontFor(boxes);
  file.message(
    `No font for ${named}${boxes.length > 8 ? ` and ${boxes.length - 8} more` : ''}: they print as empty boxes; add a font that has them to fonts.fallback in briefing.config.yaml${hint ? ` (${hint})` : ''}`,
    { ruleId: 'missing-glyphs', source: 'briefing' },
  );
}

/**
 * Move the new files from the staging folder into output/<slug>/, then record what they were made from (the
 * manifest last: if anything before it fails, the products are rebuilt next time). Returns the files' paths.
 */
async function publish(p: Plan, staging: string, outDir: string, settings: Settings): Promise<string[]> {
  const target = inside(outDir, p.slug);
  // A pack's folder that is a link (or a file) is never written through: the products would land where it points.
  const existing = await lstat(target).catch(() => null);
  if (existing && !existing.isDirectory())
    throw new InputError(
      `${target} is ${existing.isSymbolicLink() ? 'a link' : 'not a folder'}: the pack is not written through it; remove it`,
    );
  await mkdir(target, { recursive: true });
  const names = p.stale.flatMap((product) => productNamed(product).files);
  const named = (name: string) => outputName(name, p.slug, settings.outputName);
  for (const name of names) await rename(path.join(staging, name), path.join(target, named(name)));
  const manifest: Manifest = { products: { ...p.manifest.products } };
  for (const product of p.stale) manifest.products[product] = p.keys[product]!;
  await writeFile(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(path.join(staging, MANIFEST), path.join(target, MANIFEST));
  return names.map((name) => path.join(target, named(name)));
}
