// The floor: one bare Chromium launch that prints the given HTML files to PDF and closes, nothing else.
//   node bench/floor.mjs OUT_DIR FILE.html...
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [out, ...pages] = process.argv.slice(2);
const args = ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
if (process.getuid?.() === 0) args.push('--no-sandbox');
const browser = await puppeteer.launch({ executablePath: process.env.BRIEFING_CHROME || '/usr/bin/chromium', headless: true, args });
const page = await browser.newPage();
for (const html of pages) {
  await page.goto(pathToFileURL(path.resolve(html)).href, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.pdf({ path: path.join(out, `${path.basename(html, '.html')}.pdf`), printBackground: true, preferCSSPageSize: true });
}
await browser.close();
