// The configuration file (briefing.config.yaml, .yml or .json beside source/) and an essay's front matter: read,
// validated by one schema, and merged into the settings. Unknown keys and wrong types are errors that name the key
// and the file.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { didYouMean } from './did-you-mean.ts';
import { matterSettingKeys as matterKeys, yamlWarnings } from './parse/front-matter.ts';
import { z } from 'zod';
import { colourNames, products, type Settings } from './settings.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const CONFIG_FILES = ['briefing.config.yaml', 'briefing.config.yml', 'briefing.config.json'];

const require = createRequire(import.meta.url);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2006-05-25');
// A colour a stylesheet can take and nothing else (no "; }" to escape into other rules).
const colour = z.string().regex(/^(?:#[0-9a-fA-F]{3,8}|(?:rgb|rgba|hsl|hsla)\([\d\s.,%]+\)|[a-zA-Z]{3,20})$/, 'a CSS colour such as #1f4e79');
const fontPackage = z.string().regex(/^@fontsource\/[a-z0-9-]+$/, 'an @fontsource package such as @fontsource/inter')
  .refine((name) => { try { require.resolve(`${name}/metadata.json`); return true; } catch { return false; } }, 'an installed package (npm install it first)');

/** Everything a configuration file may say. */
export const configSchema = z.object({
  organisation: z.string().min(1),
  author: z.string().min(1),
  marking: z.string().min(1).max(80),
  paper: z.enum(['A4', 'Letter']),
  dates: z.enum(['day-month', 'month-day']),
  products: z.array(z.enum(products)).min(1),
  colours: z.object(Object.fromEntries(colourNames.map((name) => [name, colour.optional()]))).strict(),
  fonts: z.object({ body: fontPackage.optional(), headings: fontPackage.optional(), fallback: z.array(fontPackage).optional() }).strict(),
  logo: z.string().min(1),
  templates: z.string().min(1),
  'reference-date': isoDay,
  'max-size': z.number().positive(),
}).partial().strict();

export type Config = z.infer<typeof configSchema>;


export interface LoadedConfig {
  file: string | null;
  config: Config;
}

/** The configuration file in `dir` (or the one named), validated; none is fine. */
export function loadConfig(dir: string, named?: string): LoadedConfig {
  const file = named ?? CONFIG_FILES.map((name) => path.join(dir, name)).find((f) => existsSync(f)) ?? null;
  if (!file) return { file: null, config: {} };
  if (!existsSync(file)) throw new ConfigError(`${file}: no such configuration file`);
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { schema: 'core', logLevel: 'error' });
    if (!file.endsWith('.json')) {
      for (const w of yamlWarnings(text)) process.stderr.write(`${file}:${w.line}:${w.column}: warning: ${w.message}\n`);
    }
  } catch (error) {
    throw new ConfigError(`${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  const config = validate(data ?? {}, file);
  // Paths in the file are relative to the file.
  const base = path.dirname(path.resolve(file));
  if (config.logo) config.logo = path.resolve(base, config.logo);
  if (config.templates) config.templates = path.resolve(base, config.templates);
  if (config.logo && !existsSync(config.logo)) throw new ConfigError(`${file}: logo: ${config.logo} does not exist`);
  if (config.logo && !lstatSync(config.logo).isFile()) throw new ConfigError(`${file}: logo: ${config.logo} is not a file (a folder or a link)`);
  return { file, config };
}

function validate(data: unknown, file: string): Config {
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys[0]!;
    const where = key ? `${key}.${unknown}` : unknown;
    const known = key === 'colours' ? colourNames : key === 'fonts' ? ['body', 'headings', 'fallback'] : Object.keys(configSchema.shape);
    const near = didYouMean(unknown, known);
    throw new ConfigError(`${file}: unknown key "${where}"${near ? ` (did you mean "${key ? `${key}.` : ''}${near}"?)` : ''}`);
  }
  throw new ConfigError(`${file}: ${key || 'the file'}: ${issue.message.replace(/^Invalid input: /, '')}`);
}

/** Settings with a configuration applied. */
export function applyConfig(settings: Settings, config: Config): Settings {
  return {
    ...settings,
    ...(config.organisation !== undefined && { organisation: config.organisation }),
    ...(config.author !== undefined && { author: config.author }),
    ...(config.marking !== undefined && { marking: config.marking }),
    ...(config.paper !== undefined && { paper: config.paper }),
    ...(config.dates !== undefined && { dateStyle: config.dates }),
    ...(config.products !== undefined && { formats: config.products }),
    ...(config.colours !== undefined && { colours: { ...settings.colours, ...config.colours } }),
    ...(config.fonts !== undefined && { fonts: { ...settings.fonts, ...config.fonts } }),
    ...(config.logo !== undefined && { logo: config.logo }),
    ...(config['reference-date'] !== undefined && { referenceDate: config['reference-date'] }),
    ...(config['max-size'] !== undefined && { maxBytes: Math.round(config['max-size'] * 1024 * 1024) }),
  };
}

/**
 * An essay's own settings: its front matter over the build's, except where the command line has spoken (`locked`).
 * Front matter may set organisation, author, marking, paper, dates and colours; other keys are the essay's own.
 */
export function settingsForEssay(settings: Settings, matter: Record<string, unknown>, locked: ReadonlySet<string>): Settings {
  // Keys left empty in a skeleton (author: "") say nothing.
  const own = Object.fromEntries(matterKeys.filter((k) => matter[k] !== undefined && matter[k] !== '' && matter[k] !== null && !locked.has(k)).map((k) => [k, matter[k]]));
  if (Object.keys(own).length === 0) return settings;
  return applyConfig(settings, validate(own, 'front matter'));
}
