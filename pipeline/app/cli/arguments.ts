// The command line as options: settings from the defaults, then the configuration file found from the working folder,
// then the flags. Anything it cannot read is a UsageError (exit 2) that names the flag and what it takes.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { didYouMean } from '../../core/did-you-mean.ts';
import { defaultSettings, type Settings } from '../../core/settings.ts';
import { productNames } from '../../products/index.ts';
import type { OutputMode } from '../build/progress.ts';
import { applyConfig, loadConfig } from '../config/config.ts';
import { completionScript, HELP, version } from './help.ts';
import { COMMAND_OPTIONS, DEFAULT_PORT, OPTIONS, type OptionName, type Options, UsageError } from './options.ts';

type Values = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>
>['values'];
const COMMANDS = Object.keys(COMMAND_OPTIONS) as Options['command'][];

/** The command line as options, or the text to print for --help, --version and `completion`. */
export async function parse(argv: string[], cwd = process.cwd()): Promise<Options | { help: string }> {
  const { values, positionals } = readArguments(argv);
  const [command, ...names] = positionals;
  const help = helpAsked(values, command, names);
  if (help !== null) return { help };
  checkOptionsOf(command as Options['command'], values);
  const { settings, locked, configFile, templates } = await settingsFrom(values, cwd);
  return {
    command: command as Options['command'],
    names,
    inputs: names.length ? names : ['source'],
    out: values.out ?? 'output',
    settings,
    locked,
    templates,
    configFile,
    strict: !!values.strict,
    check: !!values.check,
    force: !!values.force,
    jobs: values.jobs === undefined ? undefined : VALUES.jobs(values.jobs),
    shard: values.shard === undefined ? undefined : VALUES.shard(values.shard),
    to: values.to,
    port: values.port === undefined ? DEFAULT_PORT : VALUES.port(values.port),
    host: values.host ?? '127.0.0.1',
    mode: outputMode(values),
    verbose: !!values.verbose,
    author: values.author,
    open: !!values.open,
    portGiven: values.port !== undefined,
  };
}

/** The flags and the words between them; an unknown flag is named with a guess at the one meant. */
function readArguments(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
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
}

/** What to print instead of running a command (--version, --help, `help`, `completion`), or null to run it. */
function helpAsked(values: Values, command: string | undefined, names: string[]): string | null {
  if (values.version) return `briefing ${version()}\n`;
  if (command === undefined || command === 'help') return HELP[names[0] ?? 'main'] ?? HELP.main!;
  if (command === 'completion') {
    if (names[0] !== undefined && names[0] !== 'bash' && names[0] !== 'zsh')
      throw new UsageError(`completion: "${names[0]}" is not bash or zsh`);
    return completionScript(names[0] ?? 'bash');
  }
  if (!(COMMANDS as string[]).includes(command)) {
    const guess = didYouMean(command, [...COMMANDS, 'completion']);
    throw new UsageError(
      `unknown command "${command}"${guess ? ` (did you mean "${guess}"?)` : ''}; see briefing --help`,
    );
  }
  return values.help ? HELP[command]! : null;
}

/** A flag the command does not take is a usage error, never silently ignored. */
function checkOptionsOf(command: Options['command'], values: Values): void {
  const allowed = COMMAND_OPTIONS[command];
  const foreign = (Object.keys(values) as OptionName[]).find(
    (name) => name !== 'help' && name !== 'version' && !allowed.includes(name),
  );
  if (foreign)
    throw new UsageError(
      `${command} takes no --${foreign}${allowed.length ? ` (its options: ${allowed.map((o) => `--${o}`).join(', ')})` : ''}; see briefing ${command} --help`,
    );
}

/** The flags read on their own: each turns its text into its value, or says what it takes. */
const VALUES = {
  jobs(text: string): number {
    const jobs = Number(text);
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new UsageError(`--jobs: "${text}" is not a whole number of at least 1`);
    return jobs;
  },
  shard(text: string): Options['shard'] {
    const m = /^(\d+)\/(\d+)$/.exec(text);
    const shard = m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
    if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count)
      throw new UsageError(`--shard: "${text}" is not I/N with 1 <= I <= N (for example 2/4)`);
    return shard;
  },
  port(text: string): number {
    const port = Number(text);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: "${text}" is not a port number`);
    return port;
  },
  formats(text: string): string[] {
    const list = text
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const unknown = list.filter((f) => !productNames().includes(f));
    if (unknown.length || list.length === 0)
      throw new UsageError(
        `--formats: unknown format "${unknown[0] ?? ''}" (choose from ${productNames().join(', ')})`,
      );
    return [...new Set(list)]; // "json,json" is json
  },
};

/** Settings: defaults, then the configuration file, then (per essay, in the build) front matter, then these flags. */
async function settingsFrom(values: Values, cwd: string) {
  if (values.out !== undefined && values.out.trim() === '')
    throw new UsageError('--out: an empty folder name (give a folder, or - with --formats json)');
  const { file: configFile, config } = await loadConfig(cwd, values.config);
  const settings: Settings = applyConfig({ ...defaultSettings }, config);
  const locked = new Set<string>();
  if (values.formats !== undefined) {
    settings.formats = VALUES.formats(values.formats);
    locked.add('products');
  }
  // The flags that are settings are checked by the configuration's schema: one value, the same words at every door.
  const flagged = Object.fromEntries(
    (['paper', 'reference-date', 'max-size'] as const)
      .filter((k) => values[k] !== undefined)
      .map((k) => [k, values[k]]),
  );
  if (Object.keys(flagged).length) {
    const { settingProblems, configSchema } = await import('../config/config-schema.ts');
    const [problem] = settingProblems(flagged);
    if (problem) throw new UsageError(`--${problem.text}`);
    Object.assign(settings, applyConfig(settings, configSchema.parse(flagged)));
    if (flagged.paper !== undefined) locked.add('paper');
  }
  return { settings, locked, configFile, templates: values.templates ?? config.templates };
}

function outputMode(values: Values): OutputMode {
  if ([values.quiet, values.verbose, values.json].filter(Boolean).length > 1)
    throw new UsageError('choose one of --quiet, --verbose and --json');
  return values.json ? 'json' : values.quiet ? 'quiet' : process.stdout.isTTY ? 'terminal' : 'plain';
}
