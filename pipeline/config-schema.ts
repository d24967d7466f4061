// The configuration file's schema and reading: the file parsed, validated (unknown keys and wrong types are errors
// that name the key and the file) and its paths resolved; an essay's front-matter settings checked by the same
// schema. Loaded only when there is a file to read or an essay to make: zod and yaml cost a tenth of a second.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { didYouMean } from './core/did-you-mean.ts';
import { BriefingError } from './core/errors.ts';
import { colourNames } from './core/settings.ts';
import { yamlWarnings } from './core/yaml-warnings.ts';
import { productNames } from './products/index.ts';

export class ConfigError extends BriefingError {
  constructor(message: string) {
    super('config', message);
  }
}

const require = createRequire(import.meta.url);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2006-05-25');
// A colour a stylesheet can take and nothing else (no "; }" to escape into other rules).
const colour = z
  .string()
  .regex(/^(?:#[0-9a-fA-F]{3,8}|(?:rgb|rgba|hsl|hsla)\([\d\s.,%]+\)|[a-zA-Z]{3,20})$/, 'a CSS colour such as #1f4e79');
const fontPackage = z
  .string()
  .regex(/^@fontsource\/[a-z0-9-]+$/, 'an @fontsource package such as @fontsource/inter')
  .refine((name) => {
    try {
      require.resolve(`${name}/metadata.json`);
      return true;
    } catch {
      return false;
    }
  }, 'an installed package (npm install it first)');

/** A word of a fixed vocabulary, in any case ("letter" is Letter, as on the command line). */
const oneOf = <T extends string>(words: readonly [T, ...T[]]) =>
  z.preprocess(
    (value) =>
      typeof value === 'string' ? (words.find((w) => w.toLowerCase() === value.toLowerCase()) ?? value) : value,
    z.enum(words),
  );

/** Everything a configuration file may say. */
export const configSchema = z
  .object({
    /** The JSON Schema an editor checks the file against (schema/briefing.config.schema.json); read by editors only. */
    $schema: z.string(),
    organisation: z.string().min(1),
    author: z.string().min(1),
    marking: z.string().min(1).max(80),
    paper: oneOf(['A4', 'Letter']),
    dates: oneOf(['day-month', 'month-day']),
    products: z.array(z.enum(productNames() as [string, ...string[]])).min(1),
    colours: z.object(Object.fromEntries(colourNames.map((name) => [name, colour.optional()]))).strict(),
    fonts: z
      .object({
        body: fontPackage.optional(),
        headings: fontPackage.optional(),
        fallback: z.array(fontPackage).optional(),
      })
      .strict(),
    logo: z.string().min(1),
    templates: z.string().min(1),
    'reference-date': isoDay,
    'max-size': z.number().positive(),
  })
  .partial()
  .strict();

export type Config = z.infer<typeof configSchema>;

/** The schema as JSON Schema, for editors: what a file may hold as it is written (before "letter" becomes Letter). */
export function configJsonSchema(): object {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://briefing-pack.invalid/schema/briefing.config.schema.json',
    title: 'briefing.config.yaml',
    description: 'The configuration of the briefing pack generator: see README, Customising.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** A configuration file, read and validated, its paths made absolute. */
export function readConfigFile(file: string): Config {
  if (!existsSync(file)) throw new ConfigError(`${file}: no such configuration file`);
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { schema: 'core', logLevel: 'error' });
    if (!file.endsWith('.json')) {
      for (const w of yamlWarnings(text))
        process.stderr.write(`${file}:${w.line}:${w.column}: warning: ${w.message}\n`);
    }
  } catch (error) {
    throw new ConfigError(
      `${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const config = validateConfig(data ?? {}, file);
  // Paths in the file are relative to the file.
  const base = path.dirname(path.resolve(file));
  if (config.logo) config.logo = path.resolve(base, config.logo);
  if (config.templates) config.templates = path.resolve(base, config.templates);
  if (config.logo && !existsSync(config.logo)) throw new ConfigError(`${file}: logo: ${config.logo} does not exist`);
  if (config.logo && !lstatSync(config.logo).isFile())
    throw new ConfigError(`${file}: logo: ${config.logo} is not a file (a folder or a link)`);
  return config;
}

/** The file's settings, or one error that lists every problem in it, each with its key. */
export function validateConfig(data: unknown, file: string): Config {
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => {
    const key = issue.path.join('.');
    if (issue.code !== 'unrecognized_keys')
      return [`${key || 'the file'}: ${issue.message.replace(/^Invalid input: /, '')}`];
    const known =
      key === 'colours'
        ? colourNames
        : key === 'fonts'
          ? ['body', 'headings', 'fallback']
          : Object.keys(configSchema.shape);
    return issue.keys.map((unknown) => {
      const near = didYouMean(unknown, known);
      return `unknown key "${key ? `${key}.` : ''}${unknown}"${near ? ` (did you mean "${key ? `${key}.` : ''}${near}"?)` : ''}`;
    });
  });
  throw new ConfigError(`${file}: ${problems.join('; ')}`);
}
