// A print survives one Chromium crash, wherever it happens: before the page loads, while it loads, while it prints.
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Printer } from '../pipeline/browser/printer.ts';

let dir = '';
let html = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'briefing-printer-'));
  html = path.join(dir, 'page.html');
  await writeFile(html, `<!doctype html><html lang="en"><body>${'<p>Text to print.</p>'.repeat(2000)}</body></html>`);
});

const printers: Printer[] = [];
afterAll(async () => { await Promise.all(printers.map((p) => p.close())); });

describe('the printer', () => {
  it.each(['before the page loads', 'while the page loads', 'while it prints'])('retries on a fresh browser after a crash %s', async (moment) => {
    const printer = new Printer({ allowedRoots: [dir] });
    printers.push(printer);
    const out = path.join(dir, `${moment.replace(/\s+/g, '-')}.pdf`);
    let crashes = 0;
    const crash = async () => {
      if (crashes++ > 0) return;
      (await printer.start()).process()?.kill('SIGKILL');
    };
    await printer.withPage(async (page) => {
      if (moment === 'before the page loads') await crash();
      const loading = printer.load(page, html);
      if (moment === 'while the page loads') await new Promise((r) => setTimeout(r, 40)).then(crash);
      await loading;
      const printing = printer.pdf(page, out);
      if (moment === 'while it prints') await crash();
      await printing;
    });
    expect(crashes).toBeGreaterThan(0);
    expect(existsSync(out)).toBe(true);
  }, 60_000);
});
