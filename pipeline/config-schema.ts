// The configuration file's schema and reading: the file parsed, validated (unknown keys and wrong types are errors
// that name the key and the file) and its paths resolved; an essay's front-matter settings checked by the same
// schema. Loaded only when there is a file to read or an essay to make: zod and yaml cost a tenth of a second.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { applyConfig, ConfigError } from './config.ts';
import { didYouMean } from './did-you-mean.ts';
import { colourNames, matterSettingKeys as matterKeys, products, type Settings } from './settings.ts';
import { yamlWarnings } from './yaml-warnings.ts';

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


/** A configuration file, read and validated, its paths made absolute. */
export function readConfigFile(file: string): Config {
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
  return config;
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
