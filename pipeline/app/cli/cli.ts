// The command line. `briefing build` makes the packs; `lint`, `watch`, `new` and `templates eject` help write them.
// Exit 0 on success, 1 when an essay failed (a line on stderr says which and why), 2 on a usage or configuration error.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exitStatus, knownError } from '../../core/errors.ts';
import { readsAsMarkdown } from '../../core/essay-format.ts';
import { whileCleaningUpOnSignals } from '../../core/interrupt.ts';
import { outputName } from '../../core/output-names.ts';
import { type BuildRequest, build, findEssays, InputError, plan, reason } from '../build/build.ts';
import { Progress, useColour } from '../build/progress.ts';
import { parse } from './arguments.ts';
import { type Options, UsageError } from './options.ts';

export { parse } from './arguments.ts';
export { COMMAND_OPTIONS, type Options } from './options.ts';

/** Run a command. An error that reaches here is one line on stderr, and its code decides the exit status. */
export async function main(argv: string[]): Promise<number> {
  try {
    const options = await parse(argv);
    if ('help' in options) {
      process.stdout.write(options.help);
      return 0;
    }
    switch (options.command) {
      case 'lint':
        return await lint(options);
      case 'templates':
        return await templatesCommand(options);
      case 'new':
        return await newEssay(options);
      case 'watch': {
        const { watch } = await import('../preview/watch.ts');
        // The configuration is read again before every rebuild: a saved marking shows in the next preview.
        return await whileCleaningUpOnSignals(() =>
          watch(options, buildRequest(options), async () => {
            const again = await parse(argv);
            return 'help' in again ? buildRequest(options) : buildRequest(again);
          }),
        );
      }
      default:
        return await whileCleaningUpOnSignals(() => buildCommand(options));
    }
  } catch (error) {
    process.stderr.write(`briefing: ${knownError(error) ? (error as Error).message : reason(error)}\n`);
    // A bug's stack, for a report: BRIEFING_DEBUG=1.
    if (process.env.BRIEFING_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return exitStatus(error);
  }
}

export function buildRequest(options: Options): BuildRequest {
  return {
    inputs: options.inputs,
    outDir: options.out,
    settings: options.settings,
    force: options.force,
    jobs: options.jobs,
    shard: options.shard,
    templatesDir: options.templates,
    locked: options.locked,
    trimHeap: true, // the command owns its process; a program using the API keeps its own collector's schedule
  };
}

async function buildCommand(options: Options): Promise<number> {
  const started = performance.now();
  {
    // `--out -` writes the chronology to standard output: a pipe takes data, not PDFs.
    const toStdout = options.out === '-';
    if (toStdout && (options.settings.formats.length !== 1 || options.settings.formats[0] !== 'json')) {
      throw new InputError('--out - writes the chronology to standard output: use it with --formats json');
    }
    const staging =
      toStdout || options.inputs.includes('-') ? await mkdtemp(path.join(tmpdir(), 'briefing-stdio-')) : null;
    try {
      const inputs = await Promise.all(
        options.inputs.map((input) => (input === '-' ? fromStdin(staging!, options.settings.maxBytes) : input)),
      );
      const request = { ...buildRequest(options), inputs, ...(toStdout ? { outDir: path.join(staging!, 'out') } : {}) };
      if (options.check) return await check(request);
      const progress = new Progress(toStdout ? 'quiet' : options.mode, options.verbose);
      const results = await build({ ...request, onEvent: (e) => progress.event(e) }, (r) => progress.result(r));
      if (toStdout) {
        for (const r of results)
          if (!r.error) {
            const json = outputName('chronology.json', r.slug, request.settings.outputName);
            process.stdout.write(await readFile(path.join(request.outDir, r.slug, json)));
          }
      } else {
        progress.summary((performance.now() - started) / 1000, options.out);
      }
      return results.some((r) => r.error) ? 1 : 0;
    } finally {
      // Standard input's copy and the pack written to standard output live only as long as the command.
      if (staging) await rm(staging, { recursive: true, force: true });
    }
  }
}

/** --check: list what is out of date and exit 1 if anything is; build nothing. */
async function check(request: BuildRequest): Promise<number> {
  const stale = (await plan(request)).filter((p) => p.stale.length);
  for (const p of stale) process.stdout.write(`stale ${p.slug}: ${p.stale.join(', ')}\n`);
  if (stale.length === 0) process.stdout.write('up to date\n');
  return stale.length ? 1 : 0;
}

/** `-` as an essay: standard input, saved as essay.md when it reads as Markdown (front matter or a "# " heading). */
async function fromStdin(dir: string, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    // Refused as soon as it is too long: never held whole, never written whole.
    if (size > maxBytes)
      throw new InputError(`standard input is over the ${Math.round(maxBytes / 1048576)} MB limit (--max-size)`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks);
  const markdown = readsAsMarkdown(text.subarray(0, 4096).toString('utf8'));
  const file = path.join(dir, markdown ? 'essay.md' : 'essay.txt');
  await writeFile(file, text);
  return file;
}

/** Parse and extract only, and print every warning in the reporter's format. */
async function lint(options: Options): Promise<number> {
  const staging = options.inputs.includes('-') ? await mkdtemp(path.join(tmpdir(), 'briefing-stdio-')) : null;
  try {
    return await lintFiles(options, staging);
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

async function lintFiles(options: Options, staging: string | null): Promise<number> {
  // A missing input is the command's error, in its table; an essay that cannot be read is reported with the others.
  const files = await findEssays(
    await Promise.all(
      options.inputs.map((input) => (input === '-' ? fromStdin(staging!, options.settings.maxBytes) : input)),
    ),
  );
  const [{ extractChronology }, { parseEssay }, { readSource }, { reporter }, { settingsForEssay }] = await Promise.all(
    [
      import('../../extract/index.ts'),
      import('../../parse/index.ts'),
      import('../../parse/read-source.ts'),
      import('vfile-reporter'),
      import('../config/essay-settings.ts'),
    ],
  );
  let failed = 0,
    warnings = 0;
  for (const source of files) {
    try {
      const file = await readSource(source, options.settings.maxBytes);
      const essay = await parseEssay(file);
      // Front matter that the build would refuse is an error here too, in the same words.
      await settingsForEssay(options.settings, essay.matter, options.locked);
      extractChronology(essay, { referenceDate: options.settings.referenceDate }, file);
      warnings += file.messages.length;
      // --json: one object a line on stdout, as `build --json` prints its warnings.
      if (options.mode === 'json') {
        for (const m of file.messages)
          process.stdout.write(
            `${JSON.stringify({ event: m.fatal === false ? 'warning' : 'info', file: source, line: m.line ?? null, column: m.column ?? null, rule: m.ruleId ?? null, message: m.reason })}\n`,
          );
      } else {
        process.stderr.write(`${reporter([file], { color: useColour(process.stderr) })}\n`);
      }
    } catch (error) {
      failed++;
      if (options.mode === 'json')
        process.stdout.write(`${JSON.stringify({ event: 'error', file: source, message: reason(error) })}\n`);
      else process.stderr.write(`briefing: ${source}: ${reason(error)}\n`);
    }
  }
  return failed || (options.strict && warnings) ? 1 : 0;
}

/** `briefing templates eject [NAME...] [--to DIR]`: copy default templates into a folder of one's own to edit. */
async function templatesCommand(options: Options): Promise<number> {
  const [action, ...names] = options.names;
  if (action !== 'eject') throw new UsageError('usage: briefing templates eject [NAME...] [--to DIR]');
  const { eject } = await import('../../render/eject.ts');
  const to = options.to ?? options.templates ?? 'briefing-templates';
  const copied = await eject(names, to, options.force);
  for (const file of copied) process.stdout.write(`copied ${file}\n`);
  process.stdout.write(
    `${copied.length} template file${copied.length === 1 ? '' : 's'} in ${to}/; build with --templates ${to} (or templates: ${to} in briefing.config.yaml)\n`,
  );
  return 0;
}

/** `briefing new NAME`: a new essay in source/ from a skeleton, never over an existing one. */
async function newEssay(options: Options): Promise<number> {
  const [name] = options.names;
  if (!name?.trim() || options.names.length > 1)
    throw new UsageError(
      'usage: briefing new NAME, for example briefing new "Georgia and NATO" (quote a title with spaces)',
    );
  const { newEssayFile } = await import('./new-essay.ts');
  const file = await newEssayFile(name.replace(/\.(md|txt)$/, ''), { author: options.author });
  process.stdout.write(`created ${file}: write the essay, then run make briefing (or briefing watch ${file})\n`);
  return 0;
}
