// The command line. `briefing build` makes the packs; `lint`, `watch`, `new` and `templates eject` help write them.
// Exit 0 on success, 1 when an essay failed (a line on stderr says which and why), 2 on a usage or configuration error.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BuildRequest, build, findEssays, InputError, plan, reason } from './build.ts';
import { applyConfig, loadConfig } from './config.ts';
import { didYouMean } from './core/did-you-mean.ts';
import { BriefingError, exitStatus, knownError } from './core/errors.ts';
import { readsAsMarkdown } from './core/essay-format.ts';
import { whileCleaningUpOnSignals } from './core/interrupt.ts';
import { outputName } from './core/output-names.ts';
import { packageRoot } from './core/paths.ts';
import { defaultSettings, type Settings } from './core/settings.ts';
import { productNames } from './products/index.ts';
import { type OutputMode, Progress, useColour } from './progress.ts';

/** The preview's port: not 4173, which Vite's preview also takes. */
export const DEFAULT_PORT = 4780;

const COMMON = `Options for build, lint and watch:
  --out DIR                    where packs go (default: output)
  --formats LIST               comma-separated: ${productNames().join(',')} (default: all but docx)
  --reference-date YYYY-MM-DD  what "today" means for an essay that gives no date of its own
  --paper A4|Letter            paper size of the briefing and fact sheet (default: A4)
  --templates DIR              a folder of templates that replace the defaults file by file
  --config FILE                the configuration file (default: briefing.config.yaml here, if any)
  --max-size MB                refuse essays larger than this (default: 10)`;

const HELP: Record<string, string> = {
  main: `Usage: briefing <command> [options]

Commands:
  build [FILES_OR_DIRS...]     make the packs (default: every essay in source/, into output/)
  lint [FILES_OR_DIRS...]      print what the build would warn about, build nothing
  watch [FILES_OR_DIRS...]     rebuild on every save, with a live preview in the browser
  new NAME                     start a new essay: source/NAME.md from a skeleton
  templates eject [NAME...]    copy default templates into a folder of your own
  completion [bash|zsh]        print a tab-completion script: source <(briefing completion)

Run briefing <command> --help for its options and examples; briefing --version for the version.

Environment:
  BRIEFING_CHROME              the Chromium or Chrome to print with (default: chromium on the PATH)
  BRIEFING_TIMEOUT             seconds a browser launch or a print may take (default: 60)
  BRIEFING_CHROME_ARGS         extra Chromium flags, separated by spaces
  SOURCE_DATE_EPOCH            the date written into the PDFs (default: the essay's own date)
  NO_COLOR, FORCE_COLOR        no colour in warnings on a terminal; colour even in a pipe
`,
  build: `Usage: briefing build [FILES_OR_DIRS...] [options]

Makes a pack for each essay (.txt or .md) in OUT/<essay name>/: briefing.pdf, slides.pdf, slides.html, slides.pptx,
factsheet.pdf, chronology.json and the HTML each PDF was printed from. Products whose inputs (essay, settings,
templates, fonts, tool version) did not change are skipped.

  --check                      list what is out of date and exit 1 if anything is; build nothing
  --force                      rebuild everything, up to date or not
  --jobs N                     essays built at once (default: cores, at most 4)
  --shard I/N                  build only the I-th of N stable shares of the essays (for CI matrices)
  --quiet | --verbose | --json print only errors | also each product's time | one JSON object a line

${COMMON}

Examples:
  briefing build
  briefing build source/azerbaijan-nato.txt --formats briefing,json --out /tmp/pack
  briefing build --check                        in CI, when the packs are committed
  briefing build --shard 2/4 --jobs 2 --json    one machine of four, machine-readable
`,
  lint: `Usage: briefing lint [FILES_OR_DIRS...] [--strict]

Prints the warnings a build would give (doubtful spellings, dates it cannot place, no dated events), in the
file:line:column reporter format, without building anything.

  --strict                     exit 1 when there are any warnings

Examples:
  briefing lint
  briefing lint source/azerbaijan-nato.txt --strict
`,
  watch: `Usage: briefing watch [FILES_OR_DIRS...] [--port N] [options]

Builds, then rebuilds what changed whenever an essay, a template, a stylesheet or the configuration is saved, and
serves a live preview at http://localhost:PORT/ (an index of the essays, each product's HTML and PDF) that reloads
itself after each rebuild. A broken essay or template shows its error in the page and here; the next good save
recovers. Ctrl-C stops.

  --port N                     the preview's port (default: ${DEFAULT_PORT}, or the next free one; 0 picks any free one)
  --open                       open the preview in the default browser
  --host ADDRESS               listen on ADDRESS as well as this machine (default: 127.0.0.1 only); requests must
                               then name it, or localhost, as their Host

${COMMON}

Example:
  briefing watch source/azerbaijan-nato.txt --formats briefing,factsheet
`,
  new: `Usage: briefing new NAME [--author NAME]

Starts a new essay in source/ from a short Markdown skeleton with front matter: the title as typed, today's date, the
author when given. Its guidance is in comments, which the build ignores.

  --author NAME                the author to write into the front matter (default: none; the configuration's applies)

Examples:
  briefing new "Georgia and NATO"
  briefing new georgia-nato --author "Policy Unit"
`,
  templates: `Usage: briefing templates eject [NAME...] [--to DIR] [--force]

Copies default templates into DIR (default: the configuration's templates folder, else briefing-templates) to edit.
NAME is a layout (briefing, slides, factsheet), a partial (cover, head, chronology-table, run) or a stylesheet
(base.css, briefing.css, slides.css, factsheet.css); no NAME copies them all. Existing files are kept unless --force.

Examples:
  briefing templates eject cover --to my-templates
  briefing templates eject
`,
};

const OPTIONS = {
  out: { type: 'string' },
  formats: { type: 'string' },
  'reference-date': { type: 'string' },
  paper: { type: 'string' },
  'max-size': { type: 'string' },
  config: { type: 'string' },
  to: { type: 'string' },
  templates: { type: 'string' },
  check: { type: 'boolean' },
  force: { type: 'boolean' },
  jobs: { type: 'string' },
  shard: { type: 'string' },
  strict: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  author: { type: 'string' },
  open: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;
const SETTINGS: OptionName[] = ['out', 'formats', 'reference-date', 'paper', 'templates', 'config', 'max-size'];
/** What each command takes: anything else is a usage error, never silently ignored. */
export const COMMAND_OPTIONS: Record<Options['command'], OptionName[]> = {
  build: [...SETTINGS, 'check', 'force', 'jobs', 'shard', 'quiet', 'verbose', 'json'],
  lint: ['reference-date', 'config', 'max-size', 'strict', 'json'],
  watch: [...SETTINGS, 'port', 'host', 'open', 'quiet', 'verbose', 'json'],
  new: ['author'],
  templates: ['to', 'force', 'templates', 'config'],
};

class UsageError extends BriefingError {
  constructor(message: string) {
    super('usage', message);
  }
}

export interface Options {
  command: 'build' | 'lint' | 'templates' | 'new' | 'watch';
  /** The words after the command: files and folders, or a name. */
  names: string[];
  inputs: string[];
  out: string;
  settings: Settings;
  /** Settings the command line fixed (front matter does not override them). */
  locked: Set<string>;
  templates?: string;
  configFile: string | null;
  strict: boolean;
  check: boolean;
  force: boolean;
  jobs?: number;
  shard?: { index: number; count: number };
  to?: string;
  port: number;
  /** The address the preview listens on: the loopback unless the user opens it to others (--host). */
  host: string;
  mode: OutputMode;
  verbose: boolean;
  /** `new --author`: the author to write into the skeleton's front matter. */
  author?: string;
  /** watch: open the preview in a browser; whether --port was given (a busy default moves on, a given port fails). */
  open?: boolean;
  portGiven?: boolean;
}

/**
 * Tab completion of commands, each command's own options, and the fixed values of some (`--formats`, `--paper`),
 * for bash (`source <(briefing completion)`) or zsh (through bashcompinit).
 */
function completionScript(shell: 'bash' | 'zsh'): string {
  const commands = Object.keys(COMMAND_OPTIONS);
  const cases = Object.entries(COMMAND_OPTIONS)
    .map(([command, names]) => `    ${command}) opts="${names.map((n) => `--${n}`).join(' ')} --help";;`)
    .join('\n');
  return `${shell === 'zsh' ? 'autoload -U +X bashcompinit && bashcompinit\n' : ''}# briefing completion: source <(briefing completion ${shell})
_briefing() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} command=\${COMP_WORDS[1]} opts
  if [ "$COMP_CWORD" -eq 1 ]; then COMPREPLY=($(compgen -W "${commands.join(' ')} completion --version --help" -- "$cur")); return; fi
  case "$prev" in
    --formats) COMPREPLY=($(compgen -W "${productNames().join(' ')}" -- "$cur")); return;;
    --paper) COMPREPLY=($(compgen -W "A4 Letter" -- "$cur")); return;;
    --out|--templates|--to|--config) COMPREPLY=($(compgen -d -- "$cur")); return;;
  esac
  case "$command" in
${cases}
    *) opts="";;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
}
complete -o filenames -F _briefing briefing
`;
}

/** The tool's version, from its package.json. */
function version(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The command line as options: settings from the defaults, then the configuration file found from `cwd`, then the
 * flags. Throws a UsageError (exit 2) on anything it cannot read.
 */
export async function parse(argv: string[], cwd = process.cwd()): Promise<Options | { help: string }> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const unknown = /Unknown option '-{1,2}([^']+)'/.exec((error as Error).message)?.[1];
    // A file whose name starts with a dash ("-notes.txt") reads as an option: say how to give it.
    const file = argv.find((arg) => arg.startsWith('-') && existsSync(arg));
    if (file)
      throw new UsageError(
        `${file} is read as an option; give it as ./${file}, or after -- (briefing build -- ${file})`,
      );
    if (unknown) {
      const guess = didYouMean(unknown, Object.keys(OPTIONS));
      throw new UsageError(
        `unknown option --${unknown}${guess ? ` (did you mean --${guess}?)` : ''}; see briefing --help`,
      );
    }
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/, ''));
  }
  const { values, positionals } = parsed;
  const [command, ...names] = positionals;
  if (values.version) return { help: `briefing ${version()}\n` };
  if (command === undefined || command === 'help') return { help: HELP[names[0] ?? 'main'] ?? HELP.main! };
  if (command === 'completion') {
    if (names[0] !== undefined && names[0] !== 'bash' && names[0] !== 'zsh')
      throw new UsageError(`completion: "${names[0]}" is not bash or zsh`);
    return { help: completionScript(names[0] ?? 'bash') };
  }
  if (!['build', 'lint', 'templates', 'new', 'watch'].includes(command)) {
    const guess = didYouMean(command, ['build', 'lint', 'watch', 'new', 'templates', 'completion']);
    throw new UsageError(
      `unknown command "${command}"${guess ? ` (did you mean "${guess}"?)` : ''}; see briefing --help`,
    );
  }
  if (values.help) return { help: HELP[command]! };
  const allowed = COMMAND_OPTIONS[command as Options['command']];
  const foreign = (Object.keys(values) as OptionName[]).find(
    (name) => name !== 'help' && name !== 'version' && !allowed.includes(name),
  );
  if (foreign)
    throw new UsageError(
      `${command} takes no --${foreign}${allowed.length ? ` (its options: ${allowed.map((o) => `--${o}`).join(', ')})` : ''}; see briefing ${command} --help`,
    );

  // Settings: defaults, then the configuration file, then (per essay, in the build) front matter, then these flags.
  if (values.out !== undefined && values.out.trim() === '')
    throw new UsageError('--out: an empty folder name (give a folder, or - with --formats json)');
  const { file: configFile, config } = await loadConfig(cwd, values.config);
  const settings: Settings = applyConfig({ ...defaultSettings }, config);
  const locked = new Set<string>();
  if (values.formats !== undefined) {
    const list = values.formats
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const unknown = list.filter((f) => !productNames().includes(f));
    if (unknown.length || list.length === 0)
      throw new UsageError(
        `--formats: unknown format "${unknown[0] ?? ''}" (choose from ${productNames().join(', ')})`,
      );
    settings.formats = [...new Set(list)]; // "json,json" is json
    locked.add('products');
  }
  // The flags that are settings are checked by the configuration's schema: one value, the same words at every door.
  const flagged = Object.fromEntries(
    (['paper', 'reference-date', 'max-size'] as const)
      .filter((k) => values[k] !== undefined)
      .map((k) => [k, values[k]]),
  );
  if (Object.keys(flagged).length) {
    const { settingProblems, configSchema } = await import('./config-schema.ts');
    const [problem] = settingProblems(flagged);
    if (problem) throw new UsageError(`--${problem.text}`);
    Object.assign(settings, applyConfig(settings, configSchema.parse(flagged)));
    if (flagged.paper !== undefined) locked.add('paper');
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new UsageError(`--jobs: "${values.jobs}" is not a whole number of at least 1`);
  }
  let shard: Options['shard'];
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    shard = m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
    if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count)
      throw new UsageError(`--shard: "${values.shard}" is not I/N with 1 <= I <= N (for example 2/4)`);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: "${values.port}" is not a port number`);
  if ([values.quiet, values.verbose, values.json].filter(Boolean).length > 1)
    throw new UsageError('choose one of --quiet, --verbose and --json');
  const mode: OutputMode = values.json ? 'json' : values.quiet ? 'quiet' : process.stdout.isTTY ? 'terminal' : 'plain';
  return {
    command: command as Options['command'],
    names,
    inputs: names.length ? names : ['source'],
    out: values.out ?? 'output',
    settings,
    locked,
    templates: values.templates ?? config.templates,
    configFile,
    strict: !!values.strict,
    check: !!values.check,
    force: !!values.force,
    jobs,
    shard,
    to: values.to,
    port,
    host: values.host ?? '127.0.0.1',
    mode,
    verbose: !!values.verbose,
    author: values.author,
    open: !!values.open,
    portGiven: values.port !== undefined,
  };
}

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
        const { watch } = await import('./watch.ts');
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

export { knownError } from './core/errors.ts';

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
      import('./extract/index.ts'),
      import('./parse/index.ts'),
      import('./parse/read-source.ts'),
      import('vfile-reporter'),
      import('./essay-settings.ts'),
    ],
  );
  let failed = 0,
    warnings = 0;
  for (const source of files) {
    try {
      const file = await readSource(source, options.settings.maxBytes);
      const essay = await parseEssay(file);
      // Front matter that the build would refuse is an error here too, in the same words.
      settingsForEssay(options.settings, essay.matter, options.locked);
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
  const { eject } = await import('./render/eject.ts');
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
