// The floor: one bare Chromium launch that prints the given HTML files to PDF and closes, nothing else (at once, on a
// machine with more than one core). It uses the fastest Chromium on the machine: BRIEFING_CHROME, else the headless
// shell, else the full browser.
//   node bench/floor.mjs OUT_DIR FILE.html...
import { accessSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
export const floorChrome = () =>
  [
    process.env.BRIEFING_CHROME,
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium-headless-shell',
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/google-chrome',
  ].find((f) => f && executable(f));

const [out, ...pages] = process.argv.slice(2);
if (out) {
  const executablePath = floorChrome();
  const args = [
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const browser = await puppeteer.launch({
    executablePath,
    headless: /headless[-_]shell/.test(executablePath) ? 'shell' : true,
    args,
  });
  // The physical limit: on a machine with the cores, the pages print at once, each in a tab of its own.
  const print = async (html) => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.resolve(html)).href, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.pdf({
      path: path.join(out, `${path.basename(html, '.html')}.pdf`),
      printBackground: true,
      preferCSSPageSize: true,
    });
  };
  if (os.cpus().length > 1) await Promise.all(pages.map(print));
  else for (const html of pages) await print(html);
  await browser.close();
}
