// One Chromium for a whole build: pages are opened once and reused for every print. Offline by construction: the
// page runs no JavaScript and may load only file:// URLs inside the folders it is given (the pack's own and the
// fonts'). A print that hangs or a browser that dies gets one retry on a fresh browser, then a clean failure.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page, PDFOptions } from 'puppeteer-core';
import { BriefingError } from '../core/errors.ts';
import { onInterrupt } from '../core/interrupt.ts';
import { trace } from '../core/trace.ts';
import { findChrome } from './find-chrome.ts';
import { writeFontconfig } from './fontconfig.ts';
import { failedFonts } from './page-scripts/fonts.ts';
import { pageScript } from './page-scripts/index.ts';
import { dropUnusedSoftHyphens, pageAreaWidth } from './page-scripts/soft-hyphens.ts';

// Offline and quiet (no network, no updates), and lean: one renderer process hosts every page (on a 2-core machine
// that is as fast as one each, and 100 MB or so lighter).
const FLAGS = [
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--font-render-hinting=none',
  '--renderer-process-limit=1',
  // Smaller caches in the renderer: over a batch it levels off at ~120 MB instead of ~220 MB, with byte-identical
  // PDFs (the seed and the samples). It costs a batch 10-20 % of its time: the price of staying under 500 MB.
  '--enable-low-end-device-mode',
  // The GPU and network services as threads of the browser process, not processes of their own: 18 MB less.
  '--in-process-gpu',
  '--enable-features=NetworkServiceInProcess2',
];

export class BrowserError extends BriefingError {
  constructor(message: string) {
    super('browser', message);
  }
}

export interface PrinterOptions {
  /** Folders the page may read from; every other request is refused. */
  allowedRoots: string[];
  /** Longest a launch or a print may take (BRIEFING_TIMEOUT seconds, default 60). */
  timeoutMs?: number;
  /** Told of every request a page makes, and whether it was let through. */
  onRequest?: (url: string, allowed: boolean) => void;
  /** Pages in use at once (each is a Chromium renderer of 100 MB or so): the build's --jobs. */
  maxPages?: number;
}

export const defaultTimeoutMs = () => 1000 * (Number(process.env.BRIEFING_TIMEOUT) || 60);

export class Printer {
  private browser: Promise<Browser> | null = null;
  private closed = false;
  private idle: Page[] = [];
  /** Pages opened as soon as the browser is up, while the essay is still being read: each costs Chromium a renderer's
   * set-up that would otherwise wait for the first print. */
  private opening: Promise<Page | null>[] = [];
  /** The folder of the document each page has loaded: the only part of its root the page may read. */
  private readonly folders = new WeakMap<Page, string>();
  private free: number;
  private readonly waiting: (() => void)[] = [];
  private readonly timeoutMs: number;

  constructor(private readonly options: PrinterOptions) {
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs();
    this.free = Math.max(1, options.maxPages ?? 2);
  }

  private async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }

  /**
   * Resolves once the browser is up and its first pages are open, or after `maxMs`. Their set-up is a dozen round
   * trips of messages that Node answers only between its own tasks: reading an essay holds the thread for a few tenths
   * of a second, and the pages would wait for all of it. Waiting here first costs little (the launch has overlapped
   * loading the pipeline) and a slow browser holds the essay back at most `maxMs`.
   */
  async settled(maxMs: number): Promise<void> {
    if (!this.browser) return;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxMs);
    });
    await Promise.race([Promise.allSettled([this.browser, ...this.opening]), late]);
    clearTimeout(timer);
  }

  /** Launch Chromium (once); safe to call early, so the launch overlaps parsing. */
  start(): Promise<Browser> {
    if (this.closed) return Promise.reject(new BrowserError('the build is over: the browser is closed'));
    if (!this.browser) {
      const browser = this.launch();
      this.browser = browser;
      this.opening = Array.from({ length: this.free }, () => browser.then((b) => this.openPage(b)).catch(() => null));
    }
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    const args = [...FLAGS, ...(process.env.BRIEFING_CHROME_ARGS ?? '').split(' ').filter(Boolean)];
    // Chromium refuses to run as root with its sandbox; without one, it needs no zygote either (a process, ~26 MB).
    if (process.getuid?.() === 0) args.push('--no-sandbox', '--no-zygote');
    trace('chromium launch');
    const { executablePath, headless } = findChrome();
    const loaded = await import('puppeteer-core'); // loaded only when something is printed
    const puppeteer = loaded.default;
    // TargetCloseError is exported, though its types do not say so.
    puppeteerFailures = ['TimeoutError', 'ProtocolError', 'TargetCloseError', 'ConnectionClosedError']
      .map((name) => (loaded as unknown as Record<string, unknown>)[name])
      .filter((failure): failure is new (...args: never[]) => Error => typeof failure === 'function');
    // The profile is a folder of ours, made before the launch: Ctrl-C at any moment, mid-launch too, removes it.
    const profile = await mkdtemp(path.join(tmpdir(), 'briefing-chromium-'));
    args.push(`--user-data-dir=${profile}`);
    // Its fonts are ours, never the machine's (fontconfig.ts).
    const env = { ...process.env, FONTCONFIG_FILE: writeFontconfig(profile) };
    trace('chromium spawn');
    let browser: Browser | undefined;
    const forget = onInterrupt(() => {
      if (browser) killGroup(browser);
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    });
    // A launch that times out is killed at once: left to itself, the hung process held the build open for seconds.
    const abort = new AbortController();
    try {
      browser = await withTimeout(
        // Over a pipe, not a WebSocket: Chromium lives no longer than we do. When we die, however we die (SIGKILL
        // too), the pipe closes and Chromium exits; it would otherwise run on in a process group of its own.
        puppeteer.launch({
          executablePath,
          headless,
          args,
          env,
          pipe: true,
          timeout: this.timeoutMs,
          signal: abort.signal,
        }),
        this.timeoutMs,
        `Chromium (${executablePath}) did not start`,
      ).catch((error) => {
        abort.abort();
        throw error;
      });
      trace('chromium up');
      browser.once('disconnected', forget);
      return browser;
    } catch (error) {
      this.browser = null;
      forget();
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
      throw new BrowserError(firstLine(error));
    }
  }

  /** A page from the pool, opened on first use; offline and confined to the allowed folders. */
  private async page(): Promise<Page> {
    const browser = await this.start();
    const reused = this.idle.pop() ?? (await this.opening.shift());
    if (reused && !reused.isClosed()) return reused;
    return this.openPage(browser);
  }

  private async openPage(browser: Browser): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(this.timeoutMs);
    page.on('request', (request) => {
      const url = request.url();
      const allowed =
        url.startsWith('data:') ||
        (url.startsWith('file:') && this.allowed(fileURLToPath(url), this.folders.get(page)));
      this.options.onRequest?.(url, allowed);
      if (allowed) void request.continue();
      else void request.abort('blockedbyclient');
    });
    // Laid out for print from the first load: what the fact sheet measures is what prints, and no print lays the
    // page out again for another medium.
    await Promise.all([
      page.setJavaScriptEnabled(false),
      page.setRequestInterception(true),
      page.emulateMediaType('print'),
    ]);
    trace('page open');
    return page;
  }

  /**
   * A page reads inside the allowed roots only, and of the root that holds the document it has loaded, only the
   * document's own folder: a pack's template cannot load another pack, or a file left in the output folder.
   */
  private allowed(file: string, folder: string | undefined): boolean {
    const within = (dir: string, f: string) => f === dir || f.startsWith(dir + path.sep);
    const resolved = path.resolve(file);
    return this.options.allowedRoots.some(
      (root) => within(root, resolved) && (!folder || !within(root, folder) || within(folder, resolved)),
    );
  }

  /**
   * Borrow a page for `fn` (which must be safe to run twice; it waits while all pages are in use), then hand it
   * back. If the browser hangs or dies, start a fresh one and try once more.
   */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      for (let attempt = 1; ; attempt++) {
        // The browser this attempt runs on (launched now if none is): the one to replace if it fails.
        const browser = this.start();
        try {
          const page = await this.page();
          const result = await withTimeout(fn(page), this.timeoutMs, 'Chromium did not finish printing');
          this.idle.push(page);
          return result;
        } catch (error) {
          // A browser that is gone failed whatever the error says ("Navigating frame was detached" while loading).
          const gone = (await browser.catch(() => null))?.connected === false;
          if ((!gone && !isBrowserFailure(error)) || this.closed) throw error;
          if (attempt > 1)
            throw error instanceof BrowserError
              ? error
              : new BrowserError(`Chromium failed twice: ${firstLine(error)}`);
          // Only the first job to see this browser fail replaces it; the others retry on the replacement.
          if (this.browser === browser) await this.restart();
        }
      }
    } finally {
      this.releaseSlot();
    }
  }

  /** Load an HTML file and wait until its fonts are ready to print. */
  async load(page: Page, html: string): Promise<void> {
    this.folders.set(page, path.dirname(path.resolve(html)));
    const url = pathToFileURL(path.resolve(html)).href;
    trace(`load ${path.basename(html)}`);
    await page.goto(url, { waitUntil: 'load' });
    // Chromium now and then fails to load a page's web fonts, inlined as they are, and lays the page out in whatever
    // stands in (seen: 1 load in 8 with no system fonts, every face "error"; a second load had them all). A face that
    // fails twice is the page's own doing (a template's blocked font) and is left as it was.
    if (((await page.evaluate(pageScript(failedFonts))) as number) > 0) {
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(pageScript(failedFonts));
    }
  }

  /** Print the loaded page; only the soft hyphens that end a line are left in its text (browser/page-scripts/soft-hyphens.ts). */
  async pdf(page: Page, out: string, options: PDFOptions = {}): Promise<void> {
    const width = (await page.evaluate(pageScript(pageAreaWidth))) as string | null;
    if (width) await page.evaluate(pageScript(dropUnusedSoftHyphens, width));
    trace(`print ${path.basename(out)}`);
    await page.pdf({ path: out, printBackground: true, preferCSSPageSize: true, timeout: this.timeoutMs, ...options });
    trace(`printed ${path.basename(out)}`);
  }

  private async restart(): Promise<void> {
    const old = this.browser;
    this.browser = null;
    this.idle = [];
    this.opening = [];
    const browser = await old?.catch(() => null);
    if (browser) await stop(browser);
  }

  async close(): Promise<void> {
    this.closed = true;
    const old = this.browser;
    this.browser = null;
    this.idle = [];
    this.opening = [];
    const browser = await old?.catch(() => null);
    if (browser) await stop(browser);
  }
}

/**
 * End a browser whose work is done, or that failed. Its profile is a temporary folder thrown away with it, so nothing
 * needs a graceful shutdown (~100 ms on every build): its process group is killed, and the profile removed.
 */
async function stop(browser: Browser): Promise<void> {
  const child = browser.process();
  if (!child?.pid || process.platform === 'win32') {
    await browser.close().catch(() => child?.kill('SIGKILL'));
    return;
  }
  const exited =
    child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null;
  killGroup(browser); // also a crashed browser's renderer, which outlives it for a moment
  await exited;
  await browser.disconnect().catch(() => {});
  const profile = profileOf(browser);
  if (profile) await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
}

/** Kill the browser's whole process group: Puppeteer starts it as the leader of a group of its own. */
function killGroup(browser: Browser): void {
  const pid = browser.process()?.pid;
  if (!pid || process.platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    browser.process()?.kill('SIGKILL'); // no such group (gone, or not a leader): the process itself, if it lives
  }
}

/** The browser's profile folder (its --user-data-dir), removed when it stops. */
const profileOf = (browser: Browser) =>
  browser
    .process()
    ?.spawnargs.find((arg) => arg.startsWith('--user-data-dir='))
    ?.slice('--user-data-dir='.length);

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BrowserError(`${what} within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Puppeteer's own errors of a browser gone wrong, known once puppeteer is loaded (it is loaded to print). */
let puppeteerFailures: (new (...args: never[]) => Error)[] = [];

/**
 * Whether an error is the browser's (hung, crashed, disconnected) rather than the job's own (a missing file): by its
 * class; puppeteer throws two of them as plain errors, told by their words.
 */
function isBrowserFailure(error: unknown): boolean {
  if (error instanceof BrowserError || puppeteerFailures.some((failure) => error instanceof failure)) return true;
  return /frame was detached|detached Frame|Execution context was destroyed/i.test((error as Error)?.message ?? '');
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
