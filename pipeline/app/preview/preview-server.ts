// The preview server of `briefing watch`: the index of the packs, their files (HTML with live reload, and the paged
// view of what prints on paper), and the server-sent events that tell open pages to reload. Only this machine's
// pages may read it; no request can stop it.
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pageScript } from '../../browser/page-scripts/index.ts';
import { liveReload } from '../../browser/page-scripts/live-reload.ts';
import { BriefingError } from '../../core/errors.ts';
import { outputName } from '../../core/output-names.ts';
import { escapeHtml } from '../../core/text.ts';
import { PRODUCTS } from '../../products/index.ts';
import type { Options } from '../cli/options.ts';
import { PAGED_SCRIPT, PAGED_URL, paged } from './paged-preview.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** Injected into every HTML page the preview serves (browser/page-scripts/live-reload.ts). */
const LIVE = `<script>${pageScript(liveReload)}</script>`;

const PAGED_FILES = [...PRODUCTS.values()]
  .filter((p) => p.paged)
  .flatMap((p) => p.files.filter((f) => f.endsWith('.html')));

/** Whether a file of an essay's pack is the HTML of a product printed on paper, under the pack's naming pattern. */
const isPaged = (file: string, pattern: string | null) =>
  PAGED_FILES.some((own) => outputName(own, path.basename(path.dirname(file)), pattern) === path.basename(file));

/** What the index and a newly opened page are told: the build's number, its errors, the essays there are. */
export interface State {
  version: number;
  errors: string[];
  slugs: string[];
  /** The configuration's pattern for the pack's file names (outputs.name), if any. */
  outputName?: string | null;
}

export class PreviewServer {
  readonly state: State = { version: 0, errors: [], slugs: [] };
  /** Open pages' event streams, with the page each shows ("/out/<slug>/briefing.html", "/" for the index). */
  private readonly clients = new Map<ServerResponse, string>();
  private readonly server: Server;
  private port = 0;

  constructor(
    private readonly outDir: string,
    private readonly options: Options,
  ) {
    this.server = createServer((req, res) => {
      // One request can never stop the preview: whatever it throws becomes a status line.
      this.serve(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('error');
      });
    });
  }

  /** Listen (the port asked for, or the next free one: see listen); the port it listens on. */
  async start(): Promise<number> {
    this.port = await listen(this.server, this.options);
    return this.port;
  }

  /** Stop serving: open pages' event streams end, and the port is free again. */
  close(): Promise<void> {
    for (const client of this.clients.keys()) client.end();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /**
   * A build finished: open pages reload, or show its errors over the last good pages. `pages` says which pages it
   * concerns (all by default): a build of the products being looked at tells their pages alone.
   */
  built(errors: string[], pages: (page: string) => boolean = () => true): void {
    this.state.errors = errors;
    this.state.version++;
    const [event, data] = errors.length
      ? ['failed', { version: this.state.version, errors }]
      : ['reload', { version: this.state.version }];
    for (const [client, page] of this.clients)
      if (errors.length || pages(page)) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** The pages open now that show a product of an essay's pack: the page, the essay's folder and the product. */
  viewing(): { page: string; slug: string; product: string }[] {
    const shown: { page: string; slug: string; product: string }[] = [];
    for (const page of new Set(this.clients.values())) {
      const m = /^\/out\/([^/]+)\/([^/]+)$/.exec(page);
      if (!m) continue;
      const [, slug, file] = m;
      const product = [...PRODUCTS.values()].find((p) =>
        p.files.some((own) => outputName(own, slug!, this.state.outputName ?? null) === file),
      );
      if (product) shown.push({ page, slug: slug!, product: product.name });
    }
    return shown;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { options, port, outDir, state, clients } = this;
    const refuse = (res: ServerResponse, status: number, text: string): void => {
      res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
    };
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
      clients.set(res, url.searchParams.get('page') ?? '');
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
      if (isPaged(real, state.outputName ?? null) && url.searchParams.get('view') !== 'flow') body = paged(body);
    }
    res
      .writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
      .end(req.method === 'HEAD' ? undefined : body);
  }
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

async function indexPage(state: State, outDir: string): Promise<string> {
  const products = [...PRODUCTS.values()].flatMap((p) => p.preview);
  // Only what was built is linked: a product left out of --formats (or not built yet) is no dead link.
  const built = async (slug: string) =>
    (
      await Promise.all(
        products.map(async ([own, label]) => {
          const file = outputName(own!, slug, state.outputName ?? null);
          return (await stat(path.join(outDir, slug, file)).catch(() => null))?.isFile()
            ? `<a href="/out/${encodeURIComponent(slug)}/${encodeURIComponent(file)}">${label}</a>`
            : null;
        }),
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
