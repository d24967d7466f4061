// The command line: `briefing build [FILES_OR_DIRS...] [--out DIR] [--formats LIST] [--reference-date YYYY-MM-DD]`.
// Exit 0 when every essay built, 1 when one failed (a line on stderr says which and why), 2 on a usage error.
import { parseArgs } from 'node:util';
import { reporter } from 'vfile-reporter';
import { build, findEssays, InputError, reason } from './build.ts';
import { extractChronology } from './extract/index.ts';
import { parseEssay } from './parse/index.ts';
import { readSource } from './parse/read-source.ts';
import { ChromeNotFound } from './browser/find-chrome.ts';
import { cleanUpOnSignals, LockedError } from './output-lock.ts';
import { defaultSettings, type Product, products, type Settings } from './settings.ts';

const HELP = `Usage: briefing build [FILES_OR_DIRS...] [options]
       briefing lint [FILES_OR_DIRS...] [--strict]

Builds a briefing pack for each essay (.txt or .md): briefing.pdf, slides.pdf, factsheet.pdf, chronology.json and the
HTML each PDF was printed from, in OUT/<essay name>/.

\`lint\` prints what the build would warn about (doubtful spellings, no dated events) without building anything.

Options:
  --strict                     lint: exit 1 when there are warnings
  --out DIR                    where packs go (default: output)
  --formats LIST               comma-separated: ${products.join(',')} (default: all)
  --reference-date YYYY-MM-DD  what "today" means for an essay that gives no date of its own
  --paper A4|Letter            paper size of the briefing and fact sheet (default: A4)
  --max-size MB                refuse essays larger than this (default: 10)
  -h, --help                   show this help

Examples:
  briefing build                                 every essay in source/ into output/
  briefing build source/azerbaijan-nato.txt --formats briefing,json --out /tmp/pack
  briefing lint source/azerbaijan-nato.txt --strict

Environment:
  BRIEFING_CHROME              the Chromium or Chrome to print with (default: chromium on the PATH)
  BRIEFING_TIMEOUT             seconds a browser launch or a print may take (default: 60)
  SOURCE_DATE_EPOCH            the date written into the PDFs (default: the essay's own date)
`;

class UsageError extends Error {}

interface Options {
  command: 'build' | 'lint';
  inputs: string[];
  out: string;
  strict: boolean;
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
  if (command !== 'build' && command !== 'lint') throw new UsageError(`unknown command "${command}" (try: briefing build, briefing lint)`);
  const settings: Settings = { ...defaultSettings };
  if (values.formats !== undefined) {
    const list = values.formats.split(',').map((f) => f.trim()).filter(Boolean);
    const unknown = list.filter((f) => !(products as readonly string[]).includes(f));
    if (unknown.length || list.length === 0) throw new UsageError(`--formats: unknown format "${unknown[0] ?? ''}" (choose from ${products.join(', ')})`);
    settings.formats = list as Product[];
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
  }
  if (values['max-size'] !== undefined) {
    const mb = Number(values['max-size']);
    if (!(mb > 0)) throw new UsageError(`--max-size: "${values['max-size']}" is not a size in MB`);
    settings.maxBytes = Math.round(mb * 1024 * 1024);
  }
  return { command, inputs: inputs.length ? inputs : ['source'], out: values.out ?? 'output', strict: !!values.strict, settings };
}

export async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parse(argv);
  } catch (error) {
    process.stderr.write(`briefing: ${(error as Error).message}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (options.command === 'lint') return lint(options);
  cleanUpOnSignals();
  const started = performance.now();
  let failed = 0;
  try {
    const results = await build({ inputs: options.inputs, outDir: options.out, settings: options.settings }, (result) => {
      if (result.file && result.file.messages.length) process.stderr.write(reporter([result.file], { quiet: true }) + '\n');
      if (result.error) {
        failed++;
        process.stderr.write(`briefing: ${result.source}: ${result.error}\n`);
      } else {
        process.stdout.write(`built ${result.slug}: ${result.files.length} files in ${options.out}/${result.slug}/\n`);
      }
    });
    process.stdout.write(`${results.length - failed} of ${results.length} essays built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    const known = error instanceof InputError || error instanceof ChromeNotFound || error instanceof LockedError;
    process.stderr.write(`briefing: ${known ? (error as Error).message : reason(error)}\n`);
    return 1;
  }
  return failed ? 1 : 0;
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
