// One Chromium for a whole build: pages are opened once and reused for every print. Offline by construction: the
// page may load only file:// URLs inside the folders it is given (the pack's own and the fonts').
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page, type PDFOptions } from 'puppeteer-core';
import { findChrome } from './find-chrome.ts';

const FLAGS = ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--disable-extensions', '--disable-default-apps', '--mute-audio',
  '--font-render-hinting=none'];

export class Printer {
  private browser: Browser | null = null;
  private idle: Page[] = [];

  constructor(private readonly allowedRoots: string[], private readonly timeoutMs = 60_000) {}

  async start(): Promise<void> {
    if (this.browser) return;
    const args = [...FLAGS];
    if (process.getuid?.() === 0) args.push('--no-sandbox'); // Chromium refuses to run as root with its sandbox
    this.browser = await puppeteer.launch({ executablePath: findChrome(), headless: true, args, timeout: this.timeoutMs });
  }

  /** A page from the pool, opened on first use; offline and confined to the allowed folders. */
  async page(): Promise<Page> {
    await this.start();
    const reused = this.idle.pop();
    if (reused) return reused;
    const page = await this.browser!.newPage();
    page.setDefaultTimeout(this.timeoutMs);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || (url.startsWith('file:') && this.allowed(fileURLToPath(url)))) request.continue();
      else request.abort('blockedbyclient');
    });
    return page;
  }

  release(page: Page): void {
    this.idle.push(page);
  }

  private allowed(file: string): boolean {
    const resolved = path.resolve(file);
    return this.allowedRoots.some((root) => resolved === root || resolved.startsWith(root + path.sep));
  }

  /** Borrow a page for `fn`, then hand it back to the pool. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.page();
    try {
      return await fn(page);
    } finally {
      this.release(page);
    }
  }

  /** Load an HTML file and wait until its fonts are ready to print. */
  async load(page: Page, html: string): Promise<void> {
    await page.goto(pathToFileURL(path.resolve(html)).href, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
  }

  async pdf(page: Page, out: string, options: PDFOptions = {}): Promise<void> {
    await page.pdf({ path: out, printBackground: true, preferCSSPageSize: true, ...options });
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.idle = [];
    await browser?.close();
  }
}
