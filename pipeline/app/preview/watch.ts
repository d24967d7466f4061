// `briefing watch`: build, then rebuild what changed on every save (essays, templates, stylesheets, configuration),
// with one browser kept warm, and serve a live preview (preview-server.ts) that reloads itself after each rebuild.
// A failed rebuild shows its error in the preview and the terminal; the next good save recovers.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type FSWatcher, watch as watchPaths } from 'chokidar';
import { Printer } from '../../browser/printer.ts';
import { knownError, reason } from '../../core/errors.ts';
import { slugOf } from '../../core/slug.ts';
import { formatsOf } from '../../products/index.ts';
import { TemplateDirs } from '../../render/template-dirs.ts';
import { type BuildRequest, build, findEssays, fontsRoot } from '../build/build.ts';
import { Progress } from '../build/progress.ts';
import type { Options } from '../cli/options.ts';
import { CONFIG_FILES, findConfig } from '../config/config.ts';
import { PreviewServer } from './preview-server.ts';

export async function watch(
  options: Options,
  first: BuildRequest,
  reload: () => Promise<BuildRequest> = async () => first,
): Promise<number> {
  let request = first;
  const printer = new Printer({ allowedRoots: [path.resolve(request.outDir), fontsRoot], maxPages: 2 });
  const preview = new PreviewServer(path.resolve(request.outDir), options);

  // The settings and templates are read again for every build: a saved configuration counts at once, and what the
  // pack depends on is watched again (a templates folder or a logo named since).
  let inputs: InputWatcher | null = null;
  const rebuild = serially(async () => {
    const started = performance.now();
    const progress = new Progress(options.mode === 'json' ? 'json' : 'plain', options.verbose);
    const errors: string[] = [];
    // The pages reloaded already, by a first build of what they show.
    let shown = new Set<string>();
    try {
      request = await reload();
      inputs?.update(request);
      // The folders the build writes: the same slugs ("-draft.md" builds into draft/).
      const essays = await findEssays(request.inputs);
      preview.state.slugs = essays.map(slugOf);
      preview.state.outputName = request.settings.outputName;
      shown = await previewFirst(request, essays);
      const results = await build({ ...request, printer, onEvent: (e) => progress.event(e) }, (r) =>
        progress.result(r),
      );
      for (const r of results) if (r.error) errors.push(`${r.source}: ${r.error}`);
      progress.summary((performance.now() - started) / 1000, options.out);
    } catch (error) {
      errors.push(knownError(error) ? (error as Error).message : reason(error));
      process.stderr.write(`briefing: ${errors.at(-1)}\n`);
    }
    preview.built(errors, (page) => !shown.has(page));
  });

  /**
   * Preview first: the products the open pages show are built, and their pages reloaded, before the rest of the pack
   * is made (the reader sees the page they look at change, not the time the other products take). Quietly: the
   * whole build that follows reports.
   */
  const previewFirst = async (request: BuildRequest, essays: string[]): Promise<Set<string>> => {
    const made = new Set(formatsOf(request.settings));
    const viewed = preview.viewing().filter((v) => made.has(v.product));
    const sources = essays.filter((essay) => viewed.some((v) => v.slug === slugOf(essay)));
    if (!viewed.length || !sources.length) return new Set();
    const results = await build({
      ...request,
      inputs: sources,
      settings: { ...request.settings, formats: [...new Set(viewed.map((v) => v.product))] },
      printer,
    });
    if (results.some((r) => r.error)) return new Set();
    const pages = new Set(viewed.map((v) => v.page));
    preview.built([], (page) => pages.has(page));
    return pages;
  };

  const port = await preview.start();
  process.stdout.write(`Preview: http://localhost:${port}/  (watching; Ctrl-C stops)\n`);
  if (options.open) openBrowser(`http://localhost:${port}/`);
  inputs = new InputWatcher(() => void rebuild());
  await rebuild();
  await new Promise(() => {}); // until Ctrl-C (the signal handler exits)
  return 0;
}

/**
 * One run at a time: a call while one runs asks for one more run after it (however many calls came), and waits for
 * it. Saves that come during a build make one more build, not one each.
 */
function serially(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await run();
      } while (again);
    })();
    await running;
    running = null;
  };
}

/** What a saved file may be, in an essay's folder: an essay, an image it shows, a bibliography or citation style. */
const ESSAY_FOLDER_FILE = /\.(?:md|markdown|txt|png|jpe?g|gif|webp|svg|bib|json|csl)$/i;

/**
 * Every file a pack depends on, watched with chokidar: the essays and what their folders hold for them, every
 * template folder (one made after the start too), the configuration, and the files the settings name (logo,
 * reference document, bibliography, style), even those named or made later. A burst of saves (an editor writes a
 * file in several steps) makes one call.
 */
class InputWatcher {
  private readonly watcher: FSWatcher;
  private watched = new Set<string>();
  private essayFolders = new Set<string>();
  private templateFolders: string[] = [];
  private files = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly changed: () => void) {
    this.watcher = watchPaths([], {
      ignoreInitial: true,
      depth: 4,
      ignored: (file) => /(?:^|[\\/])(?:node_modules|\.git)(?:[\\/]|$)/.test(file) || this.isOutput(file),
    });
    this.watcher.on('all', (_event, file) => {
      if (!this.concerns(path.resolve(file))) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(this.changed, 60);
    });
  }

  private outDir = '';
  private isOutput = (file: string) => !!this.outDir && path.resolve(file).startsWith(this.outDir + path.sep);

  /** Watch what this request's pack depends on, and no longer what it does not. */
  update(request: BuildRequest): void {
    this.outDir = path.resolve(request.outDir);
    this.essayFolders = new Set(
      request.inputs.map((input) => {
        const resolved = path.resolve(input);
        return existsSync(resolved) && statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
      }),
    );
    this.templateFolders = new TemplateDirs(request.templatesDir).dirs.map((dir) => path.resolve(dir));
    const configFile = findConfig(process.cwd());
    const configFolder = configFile ? path.dirname(configFile) : process.cwd();
    const { logo, referenceDocx, bibliography, csl } = request.settings;
    this.files = new Set(
      [
        ...CONFIG_FILES.map((name) => path.join(configFolder, name)),
        ...request.inputs.map((input) => path.resolve(input)),
        logo,
        referenceDocx,
        bibliography,
        csl && /[./\\]/.test(csl) ? csl : null,
      ]
        .filter((file): file is string => !!file)
        .map((file) => path.resolve(file)),
    );
    // Folders, not files: a file replaced by an editor (written anew, renamed over) is seen in its folder.
    const wanted = new Set([
      ...this.essayFolders,
      ...this.templateFolders,
      ...[...this.files].map((file) => path.dirname(file)),
    ]);
    const added = [...wanted].filter((dir) => !this.watched.has(dir));
    const gone = [...this.watched].filter((dir) => !wanted.has(dir));
    if (added.length) this.watcher.add(added);
    if (gone.length) this.watcher.unwatch(gone);
    this.watched = wanted;
  }

  /** Whether a changed file is one the pack depends on. */
  private concerns(file: string): boolean {
    if (this.files.has(file)) return true;
    if (this.templateFolders.some((dir) => file === dir || file.startsWith(dir + path.sep))) return true;
    const folder = [...this.essayFolders].find((dir) => file.startsWith(dir + path.sep));
    return !!folder && ESSAY_FOLDER_FILE.test(file) && !CONFIG_FILES.includes(path.basename(file));
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
