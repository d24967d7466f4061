// The configuration file's schema and reading: the file parsed, validated (unknown keys and wrong types are errors
// that name the key and the file) and its paths resolved; an essay's front-matter settings checked by the same
// schema. Loaded only when there is a file to read or an essay to make: zod and yaml cost a tenth of a second.
import { existsSync, lstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { colord, extend, type Plugin } from 'colord';
import namesModule from 'colord/plugins/names';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { didYouMean } from '../../core/did-you-mean.ts';
import { BriefingError } from '../../core/errors.ts';
import { colourNames } from '../../core/settings.ts';
import { readUserFile, UserFileError } from '../../core/user-files.ts';
import { yamlWarnings } from '../../core/yaml-warnings.ts';
import { productNames } from '../../products/index.ts';
import { en } from '../../views/labels.ts';

export class ConfigError extends BriefingError {
  constructor(message: string) {
    super('config', message);
  }
}

const require = createRequire(import.meta.url);
// The plugin is CommonJS: its default export arrives wrapped or not, by loader.
extend([((namesModule as unknown as { default?: Plugin }).default ?? namesModule) as unknown as Plugin]);
// A day of the calendar: 2024-02-30 is refused, not read as 1 March.
const isoDay = z
  .string({ error: 'a date like 2006-05-25' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2006-05-25')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'a day of the calendar');
// A colour a stylesheet can take and nothing else (no "; }" to escape into other rules).
// Read by colord, as the PowerPoint and the Word document read it: "navy", "hsl(210 50% 40%)", "#abc"; "#12345" is none.
const colour = z
  .string({ error: 'a CSS colour such as #1f4e79' })
  .regex(/^(?:#[0-9a-fA-F]{3,8}|(?:rgb|rgba|hsl|hsla)\([\d\s.,%/]+\)|[a-zA-Z]{3,20})$/, 'a CSS colour such as #1f4e79')
  .refine((value) => colord(value).isValid(), 'a CSS colour such as #1f4e79');
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

const someText = z.string({ error: 'some text' }).min(1, 'some text');

/** A word of a fixed vocabulary, in any case ("letter" is Letter, as on the command line). */
const oneOf = <T extends string>(words: readonly [T, ...T[]]) =>
  z.preprocess(
    (value) =>
      typeof value === 'string' ? (words.find((w) => w.toLowerCase() === value.toLowerCase()) ?? value) : value,
    z.enum(words, { error: words.join(' or ') }),
  );

/** Everything a configuration file may say. */
export const configSchema = z
  .object({
    /** The JSON Schema an editor checks the file against (schema/briefing.config.schema.json); read by editors only. */
    $schema: z.string(),
    organisation: someText,
    author: someText,
    marking: someText.max(80, 'a marking of 80 characters or fewer'),
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
    logo: someText,
    templates: someText,
    /** The bibliography (BibTeX or CSL JSON) for essays whose front matter names none. */
    bibliography: someText,
    /** The citation style (a .csl file, or apa, harvard1, vancouver) for essays whose front matter names none. */
    csl: someText,
    /** The Word briefing: `reference`, a Word document (.docx or .dotx) whose styles it takes. */
    docx: z.object({ reference: someText }).partial().strict(),
    /** The PowerPoint: `reference`, a deck or template (.pptx or .potx) whose theme, fonts and colours, it takes. */
    pptx: z.object({ reference: someText }).partial().strict(),
    /** The pack's files: `name`, a pattern of {slug} and {product} ("{slug}-{product}"). */
    outputs: z
      .object({
        name: z
          .string({ error: 'a pattern such as "{slug}-{product}"' })
          .regex(
            /^(?=.*\{product\})[\w{}.-]+$/,
            'a pattern of letters, digits, - and _ with {product} (and {slug}), such as "{slug}-{product}"',
          ),
      })
      .partial()
      .strict(),
    'reference-date': isoDay,
    // A number, or a string that holds one (as the command line gives it).
    'max-size': z.coerce.number({ error: 'a size in MB' }).positive({ error: 'a size in MB' }),
    lang: z
      .string({ error: 'a language tag such as fr or en-GB' })
      .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'a language tag such as fr or en-GB'),
    labels: z.object(Object.fromEntries(Object.keys(en).map((key) => [key, someText.optional()]))).strict(),
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
  let text: string;
  try {
    text = readUserFile(file, { maxBytes: 1024 * 1024 }).toString('utf8');
  } catch (error) {
    if (error instanceof UserFileError) throw new ConfigError(`${file} ${error.message}`);
    throw error;
  }
  let data: unknown;
  try {
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
  if (config.docx?.reference) config.docx.reference = path.resolve(base, config.docx.reference);
  if (config.pptx?.reference) config.pptx.reference = path.resolve(base, config.pptx.reference);
  if (config.bibliography) config.bibliography = path.resolve(base, config.bibliography);
  // A style's name (apa) stays a name; a file's path is made absolute.
  if (config.csl && /[./\\]/.test(config.csl)) config.csl = path.resolve(base, config.csl);
  if (config.logo && !existsSync(config.logo)) throw new ConfigError(`${file}: logo: ${config.logo} does not exist`);
  if (config.logo && !lstatSync(config.logo).isFile())
    throw new ConfigError(`${file}: logo: ${config.logo} is not a file (a folder or a link)`);
  return config;
}

/** One thing wrong in some settings: its key, and what is wrong ("paper: \"A5\" is not A4 or Letter"). */
export interface SettingProblem {
  key: string;
  text: string;
}

/**
 * What is wrong in some settings, whichever door they came through (configuration file, front matter, command line,
 * API): the same value gets the same words everywhere.
 */
export function settingProblems(data: unknown): SettingProblem[] {
  const result = configSchema.safeParse(data);
  if (result.success) return [];
  const seen = new Set<string>();
  // One problem a key: "May 4" is not a date, and saying also that it is no day of the calendar adds nothing.
  const issues = result.error.issues.filter((issue) => {
    const key = issue.path.join('.');
    return issue.code === 'unrecognized_keys' || (!seen.has(key) && seen.add(key));
  });
  return issues.flatMap((issue) => {
    const key = issue.path.join('.');
    if (issue.code !== 'unrecognized_keys') {
      const value = issue.path.reduce<unknown>((at, step) => (at as Record<PropertyKey, unknown>)?.[step], data);
      const shown = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
      const wanted = issue.message.replace(/^Invalid input: /, '');
      // Zod's own words ("Too small: ...") stand alone; this schema's say what the value should be.
      const own = value !== undefined && !/^(?:Invalid|Too|Expected|Unrecognized)\b/.test(wanted);
      const said =
        value === '' ? 'is empty (write it, or leave the key out)' : own ? `${shown} is not ${wanted}` : wanted;
      return [{ key, text: `${key || 'the settings'}: ${said}` }];
    }
    const known =
      key === 'docx' || key === 'pptx'
        ? ['reference']
        : key === 'outputs'
          ? ['name']
          : key === 'labels'
            ? Object.keys(en)
            : key === 'colours'
              ? colourNames
              : key === 'fonts'
                ? ['body', 'headings', 'fallback']
                : Object.keys(configSchema.shape);
    return issue.keys.map((unknown) => {
      const near = didYouMean(unknown, known);
      const name = `${key ? `${key}.` : ''}${unknown}`;
      return {
        key: name,
        text: `unknown key "${name}"${near ? ` (did you mean "${key ? `${key}.` : ''}${near}"?)` : ''}`,
      };
    });
  });
}

/** The settings, or one error that names where they came from and lists every problem in them, each with its key. */
export function validateConfig(data: unknown, where: string): Config {
  const problems = settingProblems(data);
  if (problems.length) throw new ConfigError(`${where}: ${problems.map((p) => p.text).join('; ')}`);
  return configSchema.parse(data);
}
