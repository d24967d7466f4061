// The command line: `briefing build [FILES_OR_DIRS...] [--out DIR] [--formats LIST] [--reference-date YYYY-MM-DD]`.
// Exit 0 when every essay built, 1 when one failed (a line on stderr says which and why), 2 on a usage error.
import { parseArgs } from 'node:util';
import { reporter } from 'vfile-reporter';
import { build, type BuildRequest, findEssays, InputError, plan, reason } from './build.ts';
import { ChromeNotFound } from './browser/find-chrome.ts';
import { applyConfig, loadConfig } from './config.ts';
import { exitCleanlyOnSignals } from './interrupt.ts';
import { LockedError } from './output-lock.ts';
import { defaultSettings, type Product, products, type Settings } from './settings.ts';

const HELP = `Usage: briefing build [FILES_OR_DIRS...] [options]
       briefing lint [FILES_OR_DIRS...] [--strict]

Builds a briefing pack for each essay (.txt or .md): briefing.pdf, slides.pdf, factsheet.pdf, chronology.json and the
HTML each PDF was printed from, in OUT/<essay name>/.

\`lint\` prints what the build would warn about (doubtful spellings, no dated events) without building anything.

Products whose inputs (essay, settings, templates, fonts, tool version) did not change are skipped.

Options:
  --check                      list what is out of date and exit 1 if anything is; build nothing
  --force                      rebuild everything, up to date or not
  --jobs N                     essays built at once (default: cores, at most 4)
  --shard I/N                  build only the I-th of N stable shares of the essays (for CI matrices)
  --strict                     lint: exit 1 when there are warnings
  --out DIR                    where packs go (default: output)
  --formats LIST               comma-separated: ${products.join(',')} (default: all)
  --reference-date YYYY-MM-DD  what "today" means for an essay that gives no date of its own
  --paper A4|Letter            paper size of the briefing and fact sheet (default: A4)
  --max-size MB                refuse essays larger than this (default: 10)
  --templates DIR              a folder of templates that replace the defaults file by file
  -h, --help                   show this help

Examples:
  briefing build                                 every essay in source/ into output/
  briefing build source/azerbaijan-nato.txt --formats briefing,json --out /tmp/pack
  briefing lint source/azerbaijan-nato.txt --strict

Environment:
  BRIEFING_CHROME              the Chromium or Chrome to print with (default: chromium on the PATH)
  BRIEFING_TIMEOUT             seconds a browser launch or a print may take (default: 60)
  BRIEFING_CHROME_ARGS         extra Chromium flags, separated by spaces
  SOURCE_DATE_EPOCH            the date written into the PDFs (default: the essay's own date)
`;

class UsageError extends Error {}

interface Options {
  command: 'build' | 'lint' | 'templates';
  locked: Set<string>;
  configFile: string | null;
  /** For `templates eject`: the words after the command, and where to. */
  names: string[];
  to?: string;
  inputs: string[];
  out: string;
  strict: boolean;
  check: boolean;
  force: boolean;
  templates?: string;
  jobs?: number;
  shard?: { index: number; count: number };
  settings: Settings;
}

function parse(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [command, ...inputs] = positionals;
  if (command === undefined) return 'help';
  if (command !== 'build' && command !== 'lint' && command !== 'templates') {
    throw new UsageError(`unknown command "${command}" (try: briefing build, briefing lint, briefing templates eject)`);
  }
  // Settings: defaults, then the configuration file, then (per essay, in the build) front matter, then these flags.
  const { file: configFile, config } = loadConfig(process.cwd(), values.config);
  const settings: Settings = applyConfig({ ...defaultSettings }, config);
  const locked = new Set<string>();
  if (values.formats !== undefined) {
    const list = values.formats.split(',').map((f) => f.trim()).filter(Boolean);
    const unknown = list.filter((f) => !(products as readonly string[]).includes(f));
    if (unknown.length || list.length === 0) throw new UsageError(`--formats: unknown format "${unknown[0] ?? ''}" (choose from ${products.join(', ')})`);
    settings.formats = list as Product[];
    locked.add('products');
  }
  const reference = values['reference-date'];
  if (reference !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(reference) || Number.isNaN(Date.parse(reference))) throw new UsageError(`--reference-date: "${reference}" is not a date like 2006-05-25`);
    settings.referenceDate = reference;
  }
  if (values.paper !== undefined) {
    const paper = values.paper.toLowerCase() === 'letter' ? 'Letter' : values.paper.toUpperCase() === 'A4' ? 'A4' : null;
    if (!paper) throw new UsageError(`--paper: "${values.paper}" is not A4 or Letter`);
    settings.paper = paper;
    locked.add('paper');
  }
  if (values['max-size'] !== undefined) {
    const mb = Number(values['max-size']);
    if (!(mb > 0)) throw new UsageError(`--max-size: "${values['max-size']}" is not a size in MB`);
    settings.maxBytes = Math.round(mb * 1024 * 1024);
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs: "${values.jobs}" is not a whole number of at least 1`);
  }
  let shard: Options['shard'];
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    shard = m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
    if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) throw new UsageError(`--shard: "${values.shard}" is not I/N with 1 <= I <= N (for example 2/4)`);
  }
  return {
    command, inputs: inputs.length ? inputs : ['source'], out: values.out ?? 'output', strict: !!values.strict,
    check: !!values.check, force: !!values.force, jobs, shard, settings, templates: values.templates ?? config.templates,
    locked, configFile, names: inputs, to: values.to,
  };
}

export async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parse(argv);
  } catch (error) {
    process.stderr.write(`briefing: ${(error as Error).message}\n`);
    return 2; // a usage error, or a configuration file that is not valid
  }
  if (options === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (options.command === 'lint') return lint(options);
  if (options.command === 'templates') return templatesCommand(options);
  exitCleanlyOnSignals();
  const request = {
    inputs: options.inputs, outDir: options.out, settings: options.settings, force: options.force, jobs: options.jobs, shard: options.shard,
    templatesDir: options.templates,
    locked: options.locked,
  };
  const started = performance.now();
  try {
    if (options.check) return await check(request);
    let failed = 0, built = 0, skipped = 0;
    const results = await build(request, (result) => {
      if (result.file && result.file.messages.length) process.stderr.write(reporter([result.file], { quiet: true }) + '\n');
      built += result.built.length;
      skipped += result.skipped.length;
      if (result.error) {
        failed++;
        process.stderr.write(`briefing: ${result.source}: ${result.error}\n`);
      } else if (result.built.length) {
        process.stdout.write(`built ${result.slug}: ${result.built.join(', ')}${result.skipped.length ? ` (up to date: ${result.skipped.join(', ')})` : ''}\n`);
      } else {
        process.stdout.write(`up to date ${result.slug}\n`);
      }
    });
    process.stdout.write(`${results.length - failed} of ${results.length} essays built into ${options.out}/: ${built} products made, ${skipped} up to date, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return failed ? 1 : 0;
  } catch (error) {
    const known = error instanceof InputError || error instanceof ChromeNotFound || error instanceof LockedError || (error as Error).name === 'TemplateError';
    process.stderr.write(`briefing: ${known ? (error as Error).message : reason(error)}\n`);
    return 1;
  }
}

/** --check: list what is out of date and exit 1 if anything is; build nothing. */
async function check(request: BuildRequest): Promise<number> {
  const stale = (await plan(request)).filter((p) => p.stale.length);
  for (const p of stale) process.stdout.write(`stale ${p.slug}: ${p.stale.join(', ')}\n`);
  if (stale.length === 0) process.stdout.write('up to date\n');
  return stale.length ? 1 : 0;
}

/** Parse and extract only, and print every warning in the reporter's format. */
async function lint(options: Options): Promise<number> {
  let files;
  try {
    files = await findEssays(options.inputs);
  } catch (error) {
    process.stderr.write(`briefing: ${(error as Error).message}\n`);
    return 1;
  }
  const [{ extractChronology }, { parseEssay }, { readSource }] = await Promise.all([
    import('./extract/index.ts'), import('./parse/index.ts'), import('./parse/read-source.ts'),
  ]);
  let failed = 0, warnings = 0;
  for (const path of files) {
    try {
      const file = await readSource(path, options.settings.maxBytes);
      extractChronology(await parseEssay(file), { referenceDate: options.settings.referenceDate }, file);
      warnings += file.messages.length;
      process.stderr.write(reporter([file]) + '\n');
    } catch (error) {
      failed++;
      process.stderr.write(`briefing: ${path}: ${reason(error)}\n`);
    }
  }
  return failed || (options.strict && warnings) ? 1 : 0;
}

/** `briefing templates eject [NAME...] [--to DIR]`: copy default templates into a folder of one's own to edit. */
async function templatesCommand(options: Options): Promise<number> {
  const [action, ...names] = options.names;
  if (action !== 'eject') {
    process.stderr.write('briefing: usage: briefing templates eject [NAME...] [--to DIR]\n');
    return 2;
  }
  const { eject } = await import('./render/eject.ts');
  const to = options.to ?? options.templates ?? 'briefing-templates';
  try {
    const copied = await eject(names, to, options.force);
    for (const file of copied) process.stdout.write(`copied ${file}\n`);
    process.stdout.write(`${copied.length} template file${copied.length === 1 ? '' : 's'} in ${to}/; build with --templates ${to} (or templates: ${to} in briefing.config.yaml)\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`briefing: ${(error as Error).message}\n`);
    return 1;
  }
}
