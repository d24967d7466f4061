// The programmatic API: what the CLI does, for a script or a server. `import { build, extract, lint } from
// 'briefing-pack'`. Settings come as the configuration file would give them (and a configuration file is read the
// same way when `config` names one or one is found from `cwd`).
import path from 'node:path';
import { VFile } from 'vfile';
import { build as buildPacks, type EssayResult } from './app/build/build.ts';
import { applyConfig, loadConfig } from './app/config/config.ts';
import { type Config, validateConfig } from './app/config/config-schema.ts';
import { readsAsMarkdown } from './core/essay-format.ts';
import type { Chronology } from './core/model.ts';
import { defaultSettings, type Product } from './core/settings.ts';

export type { EssayResult } from './app/build/build.ts';
export type { Config } from './app/config/config-schema.ts';
export type { Chronology, ChronologyEvent } from './core/model.ts';
export type { Product } from './core/settings.ts';
export type { MakeContext, ProductSpec } from './products/index.ts';
/** Add a product of your own: a name, the files it writes and how it makes them (see ARCHITECTURE.md). */
export { registerProduct } from './products/index.ts';

export interface BuildOptions {
  /** Essay files and folders (default: source/). */
  inputs?: string[];
  /** Where the packs go (default: output/). */
  out?: string;
  /** Which products (default: all). */
  formats?: Product[];
  /** Settings as briefing.config.yaml holds them; over the configuration file's. */
  config?: Config;
  /** A configuration file to read (default: the one found from `cwd` up to the repository root, if any). */
  configFile?: string;
  /** Where relative paths start and the configuration is looked for (default: the process's current folder). */
  cwd?: string;
  force?: boolean;
  jobs?: number;
}

/** Build the packs, as `briefing build` does; each essay's result says what was made, skipped or why it failed. */
export async function build(options: BuildOptions = {}): Promise<EssayResult[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const { config: fromFile } = await loadConfig(cwd, options.configFile && path.resolve(cwd, options.configFile));
  // The settings given here are checked as a configuration file's are, with the same words for the same mistake.
  const given = options.config ? validateConfig(options.config, 'build() config') : {};
  for (const key of ['logo', 'templates'] as const) if (given[key]) given[key] = path.resolve(cwd, given[key]);
  let settings = applyConfig(applyConfig({ ...defaultSettings }, fromFile), given);
  if (options.formats) settings = { ...settings, formats: options.formats };
  return buildPacks({
    inputs: (options.inputs ?? ['source']).map((input) => path.resolve(cwd, input)),
    outDir: path.resolve(cwd, options.out ?? 'output'),
    settings,
    templatesDir: given.templates ?? fromFile.templates,
    force: options.force,
    jobs: options.jobs,
  });
}

export interface TextOptions {
  /** How the text is written (default: from `name`'s extension, else Markdown when it reads as Markdown). */
  format?: 'txt' | 'md';
  /** What "today" is for a text that gives no date of its own (YYYY-MM-DD). */
  referenceDate?: string;
  /** A name for messages (default: essay.txt or essay.md). */
  name?: string;
}

export interface Message {
  line: number | null;
  column: number | null;
  rule: string | null;
  severity: 'warning' | 'info';
  message: string;
}

async function read(text: string, options: TextOptions) {
  const [{ parseEssay }, { extractChronology }, { chronologySchema }] = await Promise.all([
    import('./parse/index.ts'),
    import('./extract/index.ts'),
    import('./core/chronology-schema.ts'),
  ]);
  const format =
    options.format ??
    (options.name && /\.(?:md|markdown|txt)$/i.test(options.name) ? null : readsAsMarkdown(text) ? 'md' : 'txt');
  // The parser goes by the file's extension: a name without the right one gets it added.
  const name = options.name ?? 'essay';
  const file = new VFile({ path: format && !name.endsWith(`.${format}`) ? `${name}.${format}` : name, value: text });
  const chronology = chronologySchema.parse(
    extractChronology(await parseEssay(file), { referenceDate: options.referenceDate ?? null }, file),
  );
  const messages: Message[] = file.messages.map((m) => ({
    line: m.line ?? null,
    column: m.column ?? null,
    rule: m.ruleId ?? null,
    severity: m.fatal === false ? 'warning' : 'info',
    message: m.reason,
  }));
  return { chronology, messages };
}

/** The chronology of an essay's text (the contract of chronology.json), with what the build would warn about. */
export function extract(
  text: string,
  options: TextOptions = {},
): Promise<{ chronology: Chronology; messages: Message[] }> {
  return read(text, options);
}

/** What `briefing lint` says about an essay's text. */
export async function lint(text: string, options: TextOptions = {}): Promise<Message[]> {
  return (await read(text, options)).messages;
}
