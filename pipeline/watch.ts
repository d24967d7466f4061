// `briefing watch`: build, then rebuild what changed on every save (essays, templates, stylesheets, configuration),
// with one browser kept warm, and serve a live preview that reloads itself after each rebuild (server-sent events).
// A failed rebuild shows its error in the preview and the terminal; the next good save recovers.
import { existsSync, watch as watchPath, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { build, type BuildRequest, fontsRoot, findEssays, reason } from './build.ts';
import { Printer } from './browser/printer.ts';
import { CONFIG_FILES } from './config.ts';
import type { Options } from './cli.ts';
import { knownError } from './cli.ts';
import { Progress } from './progress.ts';
import { TemplateDirs } from './render/template-dirs.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf', '.json': 'application/json', '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation' };

/** Injected into every HTML page the preview serves (never into the files on disk). */
const LIVE = `<script>(() => {
  const events = new EventSource('/events');
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('failed', (e) => {
    let box = document.getElementById('briefing-error');
    if (!box) { box = document.createElement('pre'); box.id = 'briefing-error'; document.body.prepend(box); }
    box.style.cssText = 'position:fixed;z-index:99;left:0;right:0;top:0;margin:0;padding:16px;background:#8a1c2b;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap';
    box.textContent = 'Build failed (the page shows the last good build):\\n' + JSON.parse(e.data).errors.join('\\n');
  });
})();</script>`;

interface State {
  version: number;
  errors: string[];
  slugs: string[];
}

export async function watch(options: Options, request: BuildRequest): Promise<number> {
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
          state.slugs = (await findEssays(request.inputs)).map((f) => path.basename(f, path.extname(f)));
          const results = await build({ ...request, printer, onEvent: (e) => progress.event(e) }, (r) => progress.result(r));
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

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`event: hello\ndata: ${JSON.stringify({ version: state.version, errors: state.errors })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(indexPage(state));
      return;
    }
    // /out/<slug>/<file>: the packs, read from the output folder and nowhere else.
    const file = path.resolve(outDir, decodeURIComponent(url.pathname.replace(/^\/out\//, '')));
    if (!url.pathname.startsWith('/out/') || !file.startsWith(outDir + path.sep) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    let body: Buffer | string = await readFile(file);
    if (type.startsWith('text/html')) body = body.toString('utf8').replace(/<\/body>/i, `${LIVE}</body>`);
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  process.stdout.write(`Preview: http://localhost:${port}/  (watching; Ctrl-C stops)\n`);

  await rebuild();
  // Watch the essays' folders, every template folder and the configuration; a burst of saves makes one rebuild.
  const folders = new Set<string>();
  for (const input of request.inputs) folders.add(existsSync(input) && !input.match(/\.(md|markdown|txt)$/i) ? path.resolve(input) : path.dirname(path.resolve(input)));
  for (const dir of new TemplateDirs(request.templatesDir).dirs) for (const sub of ['', 'partials', 'css']) folders.add(path.join(dir, sub));
  folders.add(process.cwd()); // briefing.config.yaml
  let timer: NodeJS.Timeout | null = null;
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    watchers.push(watchPath(folder, (_, name) => {
      if (name && !/\.(md|markdown|txt|hbs|css|ya?ml|json|png|jpe?g|svg)$/i.test(name)) return;
      if (folder === process.cwd() && name && !CONFIG_FILES.includes(String(name)) && !request.inputs.some((i) => path.resolve(i) === path.resolve(String(name)))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void rebuild(), 60);
    }));
  }
  await new Promise(() => {}); // until Ctrl-C (the signal handler exits)
  return 0;
}

function indexPage(state: State): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const products = [['briefing.html', 'Briefing'], ['briefing.pdf', 'PDF'], ['slides.html', 'Slides'], ['slides.pdf', 'PDF'], ['factsheet.html', 'Fact sheet'], ['factsheet.pdf', 'PDF'], ['chronology.json', 'Chronology']];
  const rows = state.slugs.map((slug) => `<li><b>${escape(slug)}</b> ${products.map(([file, label]) => `<a href="/out/${encodeURIComponent(slug)}/${file}">${label}</a>`).join(' · ')}</li>`).join('');
  const errors = state.errors.length ? `<pre class="error">${escape(state.errors.join('\n'))}</pre>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Briefing preview</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:40px;color:#1b1f24}a{color:#1f4e79}li{margin:6px 0}.error{background:#8a1c2b;color:#fff;padding:12px;white-space:pre-wrap}</style>
</head><body><h1>Briefing preview</h1><p>Build ${state.version}. Pages reload themselves after each rebuild.</p>${errors}<ul>${rows}</ul>${LIVE}</body></html>`;
}
