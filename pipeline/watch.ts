// `briefing watch`: build, then rebuild what changed on every save (essays, templates, stylesheets, configuration),
// with one browser kept warm, and serve a live preview that reloads itself after each rebuild (server-sent events).
// A failed rebuild shows its error in the preview and the terminal; the next good save recovers.

import { spawn } from 'node:child_process';
import { existsSync, type FSWatcher, watch as watchPath } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { Printer } from './browser/printer.ts';
import { type BuildRequest, build, findEssays, fontsRoot, reason } from './build.ts';
import type { Options } from './cli.ts';
import { knownError } from './cli.ts';
import { CONFIG_FILES, findConfig } from './config.ts';
import { BriefingError } from './core/errors.ts';
import { escapeHtml } from './core/text.ts';
import { PAGED_SCRIPT, PAGED_URL, paged } from './paged-preview.ts';
import { PRODUCTS } from './products/index.ts';
import { Progress } from './progress.ts';
import { TemplateDirs } from './render/template-dirs.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/**
 * Injected into every HTML page the preview serves (never into the files on disk): reload after each rebuild, where
 * the reader was, and show a failed build's errors over the last good page.
 */
const LIVE = `<script>(() => {
  const key = 'briefing-scroll:' + location.pathname;
  const restore = () => { const y = Number(sessionStorage.getItem(key)); if (y) scrollTo(0, y); };
  if (window.PagedConfig) window.addEventListener('briefing:paged', restore); else addEventListener('load', restore);
  const events = new EventSource('/events');
  events.addEventListener('reload', () => { sessionStorage.setItem(key, String(scrollY)); location.reload(); });
  events.addEventListener('failed', (e) => {
    let box = document.getElementById('briefing-error');
    if (!box) { box = document.createElement('pre'); box.id = 'briefing-error'; document.body.prepend(box); }
    box.style.cssText = 'position:fixed;z-index:99;left:0;right:0;top:0;margin:0;padding:16px;background:#8a1c2b;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap';
    box.textContent = 'Build failed (the page shows the last good build):\\n' + JSON.parse(e.data).errors.join('\\n');
  });
})();</script>`;

const PAGED_FILES = new Set(
  [...PRODUCTS.values()].filter((p) => p.paged).flatMap((p) => p.files.filter((f) => f.endsWith('.html'))),
);

interface State {
  version: number;
  errors: string[];
  slugs: string[];
}

export async function watch(
  options: Options,
  first: BuildRequest,
  reload: () => Promise<BuildRequest> = async () => first,
): Promise<number> {
  let request = first;
  const outDir = path.resolve(request.outDir);
  const printer = new Printer({ allowedRoots: [outDir, fontsRoot], maxPages: 2 });
  const clients = new Set<ServerResponse>();
  const state: State = { version: 0, errors: [], slugs: [] };
  const send = (event: string, data: object) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  let running: Promise<void> | null = null;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const started = performance.now();
        const progress = new Progress(options.mode === 'json' ? 'json' : 'plain', options.verbose);
        const errors: string[] = [];
        try {
          request = await reload();
          state.slugs = (await findEssays(request.inputs)).map((f) => path.basename(f, path.extname(f)));
          const results = await build({ ...request, printer, onEvent: (e) => progress.event(e) }, (r) =>
            progress.result(r),
          );
          for (const r of results) if (r.error) errors.push(`${r.source}: ${r.error}`);
          progress.summary((performance.now() - started) / 1000, options.out);
        } catch (error) {
          errors.push(knownError(error) ? (error as Error).message : reason(error));
          process.stderr.write(`briefing: ${errors.at(-1)}\n`);
        }
        state.errors = errors;
        state.version++;
        if (errors.length) send('failed', { version: state.version, errors });
        else send('reload', { version: state.version });
      } while (again);
    })();
    await running;
    running = null;
  };

  let port = 0;
  const server = createServer((req, res) => {
    // One request can never stop the preview: whatever it throws becomes a status line.
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('error');
    });
  });
  const refuse = (res: ServerResponse, status: number, text: string) =>
    res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    // Only this machine's own pages may read the packs: a page of another origin reaching us through a DNS name it
    // controls (DNS rebinding) carries its own Host or Origin.
    if (
      !isLocalHost(req.headers.host, port, options.host) ||
      (req.headers.origin !== undefined && !isLocalOrigin(req.headers.origin, port, options.host))
    ) {
      return refuse(res, 403, 'forbidden');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    let url: URL, pathname: string;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return refuse(res, 400, 'bad request');
    }
    if (pathname.includes('\0')) return refuse(res, 400, 'bad request');
    if (url.pathname === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`event: hello\ndata: ${JSON.stringify({ version: state.version, errors: state.errors })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === PAGED_URL) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' });
      res.end(req.method === 'HEAD' ? undefined : await readFile(PAGED_SCRIPT));
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(await indexPage(state, outDir));
      return;
    }
    // /out/<slug>/<file>: regular files of the output folder, and nothing else (no folder, no link out of it).
    const root = await realpath(outDir).catch(() => outDir);
    const file = path.resolve(root, pathname.replace(/^\/out\//, ''));
    const inside = (candidate: string) => candidate.startsWith(root + path.sep);
    const real = pathname.startsWith('/out/') && inside(file) ? await realpath(file).catch(() => null) : null;
    const stats = real && inside(real) ? await stat(real).catch(() => null) : null;
    if (!real || !stats?.isFile()) return refuse(res, 404, 'not found');
    const type = TYPES[path.extname(real)] ?? 'application/octet-stream';
    let body: Buffer | string = await readFile(real);
    if (type.startsWith('text/html')) {
      body = body.toString('utf8').replace(/<\/body>/i, () => `${LIVE}</body>`);
      // ?view=flow shows the page as a browser lays it out, without pages (to inspect it as it is).
      if (PAGED_FILES.has(path.basename(real)) && url.searchParams.get('view') !== 'flow') body = paged(body);
    }
    res
      .writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
      .end(req.method === 'HEAD' ? undefined : body);
  };
  port = await listen(server, options);
  process.stdout.write(`Preview: http://localhost:${port}/  (watching; Ctrl-C stops)\n`);
  if (options.open) openBrowser(`http://localhost:${port}/`);

  await rebuild();
  // Watch the essays' folders, every template folder and the configuration; a burst of saves makes one rebuild.
  const folders = new Set<string>();
  for (const input of request.inputs)
    folders.add(
      existsSync(input) && !input.match(/\.(md|markdown|txt)$/i)
        ? path.resolve(input)
        : path.dirname(path.resolve(input)),
    );
  for (const dir of new TemplateDirs(request.templatesDir).dirs)
    for (const sub of ['', 'partials', 'css']) folders.add(path.join(dir, sub));
  const configFile = findConfig(process.cwd());
  folders.add(configFile ? path.dirname(configFile) : process.cwd()); // briefing.config.yaml, wherever it was found
  let timer: NodeJS.Timeout | null = null;
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    watchers.push(
      watchPath(folder, (_, name) => {
        if (name && !/\.(md|markdown|txt|hbs|css|ya?ml|json|png|jpe?g|svg)$/i.test(name)) return;
        if (
          folder === path.dirname(configFile ?? path.join(process.cwd(), 'x')) &&
          name &&
          !CONFIG_FILES.includes(String(name)) &&
          !request.inputs.some((i) => path.resolve(i) === path.resolve(folder, String(name)))
        )
          return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void rebuild(), 60);
      }),
    );
  }
  await new Promise(() => {}); // until Ctrl-C (the signal handler exits)
  return 0;
}

/**
 * Listen on the port asked for. The default port, if busy, gives way to the next free one (said so); a port the user
 * named that is busy is a clear error, not a stack trace.
 */
async function listen(server: Server, options: Options): Promise<number> {
  const attempt = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const failed = (error: NodeJS.ErrnoException) => {
        server.off('listening', done);
        reject(error);
      };
      const done = () => {
        server.off('error', failed);
        resolve((server.address() as { port: number }).port);
      };
      server.once('error', failed).once('listening', done).listen(port, options.host);
    });
  for (let port = options.port; ; port++) {
    try {
      const bound = await attempt(port);
      if (port !== options.port) process.stdout.write(`Port ${options.port} is in use; the preview takes ${bound}.\n`);
      return bound;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || options.portGiven || options.port === 0 || port - options.port >= 20) {
        throw new BriefingError(
          'usage',
          code === 'EADDRINUSE'
            ? `port ${port} is in use: choose another with --port (0 picks a free one)`
            : `cannot listen on ${options.host}:${port}: ${(error as Error).message}`,
        );
      }
    }
  }
}

/** The system's own way to open a page (never fatal: the address is printed anyway). */
function openBrowser(url: string): void {
  const [command, ...args] =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '', url]
        : ['xdg-open', url];
  try {
    spawn(command!, args, { stdio: 'ignore', detached: true })
      .on('error', () => {})
      .unref();
  } catch {
    // no opener here
  }
}

async function indexPage(state: State, outDir: string): Promise<string> {
  const products = [...PRODUCTS.values()].flatMap((p) => p.preview);
  // Only what was built is linked: a product left out of --formats (or not built yet) is no dead link.
  const built = async (slug: string) =>
    (
      await Promise.all(
        products.map(async ([file, label]) =>
          (await stat(path.join(outDir, slug, file!)).catch(() => null))?.isFile()
            ? `<a href="/out/${encodeURIComponent(slug)}/${file}">${label}</a>`
            : null,
        ),
      )
    ).filter(Boolean);
  const rows = (
    await Promise.all(
      state.slugs.map(async (slug) => {
        const links = await built(slug);
        return `<li><b>${escapeHtml(slug)}</b> ${links.length ? links.join(' · ') : '<i>not built yet</i>'}</li>`;
      }),
    )
  ).join('');
  const errors = state.errors.length ? `<pre class="error">${escapeHtml(state.errors.join('\n'))}</pre>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Briefing preview</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:40px;color:#1b1f24}a{color:#1f4e79}li{margin:6px 0}.error{background:#8a1c2b;color:#fff;padding:12px;white-space:pre-wrap}</style>
</head><body><h1>Briefing preview</h1><p>Build ${state.version}. Pages reload themselves after each rebuild.</p>${errors}<ul>${rows}</ul>${LIVE}</body></html>`;
}

/** The preview listens on the loopback (or the --host given); a request must name it so ("localhost:4780"). */
function isLocalHost(host: string | undefined, port: number, listen: string): boolean {
  return (
    !!host &&
    [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `${listen}:${port}`].includes(host.toLowerCase())
  );
}

function isLocalOrigin(origin: string, port: number, listen: string): boolean {
  return [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
    `http://[::1]:${port}`,
    `http://${listen}:${port}`,
  ].includes(origin.toLowerCase());
}
