// Build orchestration: every essay through parse -> extract -> render -> print, with one Chromium for the whole
// build, a bounded number of essays at a time. Products whose inputs did not change are skipped without starting a
// browser. Each essay's new files are made in a staging folder and moved into output/<slug>/ only when all are good,
// so a failed build never leaves a half-written file where a good one was.

import { createHash } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pMap from 'p-map';
import { findChrome } from '../../browser/find-chrome.ts';
import { Printer } from '../../browser/printer.ts';
import { InputError } from '../../core/errors.ts';
import { trimHeap } from '../../core/heap.ts';
import { outputName } from '../../core/output-names.ts';
import type { Product } from '../../core/settings.ts';
import { slugOf } from '../../core/slug.ts';
import { trace } from '../../core/trace.ts';
import { readUserFile } from '../../core/user-files.ts';
import { ESSAY_EXTENSIONS } from '../../parse/read-source.ts';
import { formatsOf, productNamed } from '../../products/index.ts';
import { essayInputs, Fingerprints, readManifest } from './fingerprint.ts';
import { lockOutput } from './output-lock.ts';
import { type BuildRequest, type EssayResult, nothingMade, type Plan } from './request.ts';

// Where a CLI or API caller expects them (the errors live in core/errors.ts, the types in request.ts).
export { InputError, reason } from '../../core/errors.ts';
export type { BuildEvent, BuildRequest, EssayResult, Plan } from './request.ts';

/** Essay files named by the inputs: files as given, folders by their .txt/.md files, in name order. */
export async function findEssays(inputs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new InputError(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(input))
        .filter((n) => ESSAY_EXTENSIONS.includes(path.extname(n).toLowerCase()) && !n.startsWith('.'))
        .filter((n) => !/^readme\./i.test(n)) // a folder's README says what the folder is: named, it builds
        .sort();
      if (names.length === 0) throw new InputError(`${input}: no essays (.txt, .md) in this folder`);
      found.push(...names.map((n) => path.join(input, n)));
    } else {
      found.push(input);
    }
  }
  const slugs = new Map<string, string>();
  for (const file of found) {
    const slug = slugOf(file);
    const other = slugs.get(slug);
    if (other && path.resolve(other) !== path.resolve(file))
      throw new InputError(`${file}: same name as ${other}; both would build into ${slug}/`);
    slugs.set(slug, file);
  }
  // Shown relative to the current folder when inside it (source/essay.txt), else as given in full.
  return [...new Set(found.map((f) => path.resolve(f)))].map((f) =>
    f.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), f) : f,
  );
}

/**
 * An essay's share of the work: the slugs in the order of their hashes, dealt out in turn. Every shard gets an essay
 * when there are as many essays as shards (a CI matrix of four with four essays builds four), the deal depends on the
 * names alone (the same on every machine), and a new essay moves only the essays dealt after it.
 */
export function shareOf<T>(items: T[], slug: (item: T) => string, shard: { index: number; count: number }): T[] {
  const hash = (item: T) => createHash('sha256').update(slug(item)).digest('hex');
  const ranked = items.map((item) => ({ item, key: hash(item) })).sort((a, b) => (a.key < b.key ? -1 : 1));
  return ranked.filter((_, rank) => rank % shard.count === shard.index - 1).map(({ item }) => item);
}

/** Which products of which essays are out of date. Reads the essays and manifests; writes nothing. */
export async function plan(request: BuildRequest): Promise<Plan[]> {
  let essays = await findEssays(request.inputs);
  if (request.shard) essays = shareOf(essays, slugOf, request.shard);
  const fingerprints = new Fingerprints(request.settings, request.templatesDir);
  const outDir = path.resolve(request.outDir);
  return Promise.all(
    essays.map(async (source) => {
      const slug = slugOf(source);
      // Read as the build reads it (a regular file, capped): a FIFO or /dev/zero named as an essay hangs nothing.
      let bytes: Buffer | null = null;
      try {
        bytes = readUserFile(source, { maxBytes: request.settings.maxBytes });
      } catch {}
      const inputs = bytes && (await essayInputs(source, bytes));
      const manifest = await readManifest(path.join(outDir, slug));
      const keys: Partial<Record<Product, string>> = {};
      const stale: Product[] = [],
        fresh: Product[] = [];
      for (const product of formatsOf(request.settings)) {
        keys[product] = inputs ? fingerprints.of(product, inputs) : '';
        const present = await Promise.all(
          productNamed(product).files.map((f) =>
            stat(path.join(outDir, slug, outputName(f, slug, request.settings.outputName))).then(
              () => true,
              () => false,
            ),
          ),
        );
        const upToDate =
          !request.force && bytes && manifest.products[product] === keys[product] && present.every(Boolean);
        (upToDate ? fresh : stale).push(product);
      }
      return { source, slug, bytes, manifest, keys, stale, fresh };
    }),
  );
}

/** Where the @fontsource packages are: the only folder besides the output that pages may read from. */
export const fontsRoot = path.dirname(
  path.dirname(createRequire(import.meta.url).resolve('@fontsource/source-serif-4/package.json')),
);

export async function build(
  request: BuildRequest,
  onResult: (result: EssayResult) => void | Promise<void> = () => {},
): Promise<EssayResult[]> {
  const outDir = path.resolve(request.outDir);
  trace('plan');
  const plans = await plan(request);
  const needsBrowser = plans.some((p) => p.stale.some((product) => productNamed(product).layout));
  // No Chromium is one error for the build, said once, not once per essay (and before anything is written).
  if (needsBrowser && !request.printer) findChrome();
  await mkdir(outDir, { recursive: true });
  const unlock = lockOutput(outDir);
  const jobs = Math.max(1, request.jobs ?? Math.min(4, availableParallelism()));
  // A page per essay at a time; an essay alone prints its products side by side, a page each (the pages share one
  // renderer process, so a page costs little memory).
  const printed = (p: Plan) => p.stale.filter((product) => productNamed(product).layout).length;
  const pages = plans.length === 1 ? Math.max(jobs, printed(plans[0]!)) : jobs;
  const printer =
    request.printer ??
    new Printer({ allowedRoots: [outDir, fontsRoot], onRequest: request.onRequest, maxPages: pages });
  // Chromium starts while the first essays parse; with templates of the user's own, after they pass their check (a
  // mistyped field is said at once, with no browser started for nothing).
  const startBrowser = () => (needsBrowser ? printer.start().catch(() => {}) : undefined);
  if (!request.templatesDir) startBrowser();
  request.onEvent?.({ type: 'plan', essays: plans.length, stale: plans.filter((p) => p.stale.length).length });
  try {
    // Parsing, extraction and rendering are loaded only when there is something to make: a no-change build stays fast.
    const work = plans.some((p) => p.stale.length) ? await import('./make-essay.ts') : null;
    const renderer = work ? await work.loadRenderer(request.templatesDir, request.settings) : null;
    trace('pipeline loaded');
    startBrowser();
    return await pMap(
      plans,
      async (p) => {
        if (p.stale.length) request.onEvent?.({ type: 'essay', slug: p.slug, products: p.stale });
        const result =
          p.stale.length === 0
            ? nothingMade(p)
            : await work!.makeEssay(
                p,
                outDir,
                request.settings,
                renderer!,
                printer,
                request.locked ?? new Set(),
                request.onEvent,
              );
        await onResult(result);
        if (request.trimHeap && p.stale.length && plans.length > 1) trimHeap();
        return result;
      },
      { concurrency: jobs },
    );
  } finally {
    if (!request.printer) await printer.close().catch(() => {});
    unlock();
    trace('build over');
  }
}
