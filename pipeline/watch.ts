// `briefing watch`: build, then rebuild what changed on every save (essays, templates, stylesheets, configuration),
// with one browser kept warm, and serve a live preview (preview-server.ts) that reloads itself after each rebuild.
// A failed rebuild shows its error in the preview and the terminal; the next good save recovers.
import { spawn } from 'node:child_process';
import { existsSync, type FSWatcher, watch as watchPath } from 'node:fs';
import path from 'node:path';
import { Printer } from './browser/printer.ts';
import { type BuildRequest, build, findEssays, fontsRoot } from './build.ts';
import type { Options } from './cli.ts';
import { CONFIG_FILES, findConfig } from './config.ts';
import { knownError, reason } from './core/errors.ts';
import { slugOf } from './core/slug.ts';
import { PreviewServer } from './preview-server.ts';
import { Progress } from './progress.ts';
import { TemplateDirs } from './render/template-dirs.ts';

export async function watch(
  options: Options,
  first: BuildRequest,
  reload: () => Promise<BuildRequest> = async () => first,
): Promise<number> {
  let request = first;
  const printer = new Printer({ allowedRoots: [path.resolve(request.outDir), fontsRoot], maxPages: 2 });
  const preview = new PreviewServer(path.resolve(request.outDir), options);

  // The settings and templates are read again for every build: a saved configuration counts at once.
  const rebuild = serially(async () => {
    const started = performance.now();
    const progress = new Progress(options.mode === 'json' ? 'json' : 'plain', options.verbose);
    const errors: string[] = [];
    try {
      request = await reload();
      // The folders the build writes: the same slugs ("-draft.md" builds into draft/).
      preview.state.slugs = (await findEssays(request.inputs)).map(slugOf);
      preview.state.outputName = request.settings.outputName;
      const results = await build({ ...request, printer, onEvent: (e) => progress.event(e) }, (r) =>
        progress.result(r),
      );
      for (const r of results) if (r.error) errors.push(`${r.source}: ${r.error}`);
      progress.summary((performance.now() - started) / 1000, options.out);
    } catch (error) {
      errors.push(knownError(error) ? (error as Error).message : reason(error));
      process.stderr.write(`briefing: ${errors.at(-1)}\n`);
    }
    preview.built(errors);
  });

  const port = await preview.start();
  process.stdout.write(`Preview: http://localhost:${port}/  (watching; Ctrl-C stops)\n`);
  if (options.open) openBrowser(`http://localhost:${port}/`);
  await rebuild();
  watchInputs(request, () => void rebuild());
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

/**
 * Watch the essays' folders, every template folder and the configuration's; a burst of saves (an editor writes a
 * file in several steps) makes one call.
 */
function watchInputs(request: BuildRequest, changed: () => void): FSWatcher[] {
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
        timer = setTimeout(changed, 60);
      }),
    );
  }
  return watchers;
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
