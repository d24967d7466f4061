// Where a cold pack's time goes (npm run profile): the seed built once in this process with a printer that records
// when Chromium starts and each page load and print begins and ends, as a timeline from the start of the build.
// Products print side by side on one browser, so the timeline (not a sum) shows what the build waits for.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { build, fontsRoot } from '../pipeline/app/build/build.ts';
import { Printer } from '../pipeline/browser/printer.ts';
import { defaultSettings } from '../pipeline/core/settings.ts';

const root = path.join(import.meta.dirname, '..');
const essay = process.argv[2] ?? path.join(root, 'source', 'azerbaijan-nato.txt');
const out = await mkdtemp(path.join(tmpdir(), 'briefing-profile-'));
const rows: { what: string; start: number; end: number }[] = [];
let t0 = performance.now();
const timed = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
  const start = performance.now() - t0;
  try {
    return await run();
  } finally {
    rows.push({ what, start, end: performance.now() - t0 });
  }
};

class ProfiledPrinter extends Printer {
  private launching: Promise<unknown> | null = null;
  override start() {
    const browser = super.start();
    if (!this.launching) this.launching = timed('Chromium launch', () => browser);
    return browser;
  }
  override load(page: Page, html: string) {
    return timed(`load  ${path.basename(html)}`, () => super.load(page, html));
  }
  override pdf(page: Page, file: string, options = {}) {
    return timed(`print ${path.basename(file)}`, () => super.pdf(page, file, options));
  }
}

const printer = new ProfiledPrinter({ allowedRoots: [out, fontsRoot], maxPages: 2 });
t0 = performance.now();
const done = new Map<string, number>();
let parsed = 0;
await build({
  inputs: [essay],
  outDir: out,
  settings: defaultSettings,
  printer,
  onEvent: (event) => {
    if (event.type === 'essay') parsed = performance.now() - t0;
    if (event.type === 'product') done.set(event.product, performance.now() - t0);
  },
});
const total = performance.now() - t0;
await printer.close();
await rm(out, { recursive: true, force: true });

console.log(
  `Cold pack of ${path.basename(essay)} in one process (the build module loaded, the rest on demand): ${(total / 1000).toFixed(2)} s`,
);
// Before the essay starts: the plan (hashes, manifests), then loading the parser, extractor, products and templates.
console.log(`  plan and loading the pipeline, until the essay starts: ${parsed.toFixed(0)} ms`);
for (const row of rows.sort((a, b) => a.start - b.start)) {
  console.log(
    `  ${row.what.padEnd(24)} ${row.start.toFixed(0).padStart(6)} -> ${row.end.toFixed(0).padStart(6)} ms  (${(row.end - row.start).toFixed(0)} ms)`,
  );
}
for (const [product, at] of done) console.log(`  ${`${product} done`.padEnd(24)} ${at.toFixed(0).padStart(6)} ms`);
const busy = (prefix: string) =>
  rows.filter((r) => r.what.startsWith(prefix)).reduce((sum, r) => sum + r.end - r.start, 0);
console.log(
  `  summed: ${rows.filter((r) => r.what.startsWith('load')).length} loads ${busy('load').toFixed(0)} ms, ${rows.filter((r) => r.what.startsWith('print')).length} prints ${busy('print').toFixed(0)} ms (on two pages at once)`,
);
