// A print survives one Chromium crash, wherever it happens: before the page loads, while it loads, while it prints.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Printer } from '../pipeline/browser/printer.ts';
import { temp } from './helpers.ts';

let dir = '';
let html = '';
beforeAll(async () => {
  dir = await temp('printer');
  html = path.join(dir, 'page.html');
  await writeFile(html, `<!doctype html><html lang="en"><body>${'<p>Text to print.</p>'.repeat(600)}</body></html>`);
});

// One printer for the file: each test crashes the browser it is on, and the retry leaves a fresh one for the next.
const printer = new Printer({ allowedRoots: [tmpdir()] });
afterAll(() => printer.close());

describe('the printer', () => {
  it('is settled at once when not started, and after its bound when Chromium hangs at start', async () => {
    await new Printer({ allowedRoots: [tmpdir()] }).settled(60_000); // not started: nothing to wait for
    const fake = path.join(dir, 'hanging-chromium');
    await writeFile(fake, '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
    const saved = process.env.BRIEFING_CHROME;
    process.env.BRIEFING_CHROME = fake;
    const hanging = new Printer({ allowedRoots: [tmpdir()], timeoutMs: 3000 }); // (closing waits for the launch to fail)
    try {
      const starting = hanging.start().catch(() => 'failed');
      await hanging.settled(100); // the test's own timeout says if it waited for the launch instead
      expect(await Promise.race([starting, 'still starting'])).toBe('still starting');
    } finally {
      if (saved === undefined) delete process.env.BRIEFING_CHROME;
      else process.env.BRIEFING_CHROME = saved;
      await hanging.close();
    }
  }, 10_000);

  it.each(['before the page loads', 'while the page loads', 'while it prints'])(
    'retries on a fresh browser after a crash %s',
    async (moment) => {
      const out = path.join(dir, `${moment.replace(/\s+/g, '-')}.pdf`);
      let crashes = 0;
      let killed = 0;
      const crash = async () => {
        if (crashes++ > 0) return;
        const browser = (await printer.start()).process()!;
        killed = browser.pid!;
        browser.kill('SIGKILL');
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
      // The browser killed was Chromium itself (not a wrapper script), and the print ran on a new one.
      expect(() => process.kill(killed, 0)).toThrow();
      expect((await printer.start()).process()!.pid).not.toBe(killed);
    },
    60_000,
  );

  it('retries after a crash while the page is still loading a resource (the load can only end in "frame was detached")', async () => {
    // An image that never arrives (a named pipe nobody writes) holds the load open until the crash.
    execFileSync('mkfifo', [path.join(dir, 'never.png')]);
    const slow = path.join(dir, 'slow.html');
    await writeFile(
      slow,
      '<!doctype html><html lang="en"><body><p>Text.</p><img src="never.png" alt=""></body></html>',
    );
    const out = path.join(dir, 'slow.pdf');
    let attempts = 0;
    await printer.withPage(async (page) => {
      if (attempts++ === 0) {
        const loading = printer.load(page, slow);
        await new Promise((r) => setTimeout(r, 300));
        (await printer.start()).process()?.kill('SIGKILL');
        await loading;
      } else {
        await printer.load(page, html);
      }
      await printer.pdf(page, out);
    });
    expect(attempts).toBe(2);
    expect(existsSync(out)).toBe(true);
  }, 60_000);
});
