// Handlebars templates: one layout per product (<product>.hbs), shared partials (partials/*.hbs) and stylesheets
// (css/*.css). A user's folder overrides the defaults file by file. Templates are compiled once per build, in strict
// mode and with known helpers only, so a misspelt field or helper fails the build with its file, line and name.
// Templates are data, not code: helpers only format, read no files, and partials come only from the template folders.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TemplateDirs } from './template-dirs.ts';

export type Layout = 'briefing' | 'slides' | 'factsheet';

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export interface Templates {
  render(layout: Layout, view: object): string;
}

export const helpers: Record<string, { description: string; fn: (...args: never[]) => unknown }> = {
  plural: { description: '{{plural count "event" "events"}}: the word for one or for many', fn: (count: number, one: string, many: string) => (count === 1 ? one : many) },
  join: { description: '{{join list ", "}}: the items of a list with a separator', fn: (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '') },
  eq: { description: '{{#if (eq a b)}}: whether two values are equal', fn: (a: unknown, b: unknown) => a === b },
  add: { description: '{{add a b}}: the sum of two numbers', fn: (a: number, b: number) => a + b },
  paragraphLink: { description: '{{paragraphLink 3}}: the link to paragraph 3 of the essay ("#p3")', fn: (n: number) => `#p${n}` },
};

export function loadTemplates(userDir?: string | null): Templates {
  const dirs = new TemplateDirs(userDir);
  const hb = Handlebars.create();
  const options = { strict: true, knownHelpersOnly: true, knownHelpers: Object.fromEntries(Object.keys(helpers).map((h) => [h, true])) };
  for (const [name, { fn }] of Object.entries(helpers)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  const compile = (file: string, partial = false) => {
    try {
      // A partial's last line break is the file's end, not text: "{{> run}}," must not print "word ,".
      const text = readFileSync(file, 'utf8');
      return annotate(hb.compile(partial ? text.replace(/\r?\n$/, '') : text, options), file);
    } catch (error) {
      throw templateError(error, file);
    }
  };
  for (const name of dirs.list('partials', '.hbs')) {
    hb.registerPartial(name.slice(0, -4), compile(dirs.find(`partials/${name}`)!, true) as Handlebars.Template);
  }
  const css = Object.fromEntries(dirs.list('css', '.css').map((name) => [name.slice(0, -4), readFileSync(dirs.find(`css/${name}`)!, 'utf8')]));
  const compiled = new Map<Layout, ReturnType<typeof compile>>();
  return {
    render(layout, view) {
      let template = compiled.get(layout);
      if (!template) {
        const file = dirs.find(`${layout}.hbs`);
        if (!file) throw new TemplateError(`no template for ${layout} (${layout}.hbs) in ${dirs.dirs.join(' or ')}`);
        template = compile(file);
        compiled.set(layout, template);
      }
      return template({ ...view, css }, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    },
  };
}

/** A compiled template whose errors say which file they come from (the innermost partial's, for nested ones). */
function annotate(template: HandlebarsTemplateDelegate, file: string): HandlebarsTemplateDelegate {
  return (context, runtimeOptions) => {
    try {
      return template(context, runtimeOptions);
    } catch (error) {
      throw error instanceof TemplateError ? error : templateError(error, file);
    }
  };
}

/** "templates/partials/cover.hbs:3:12: unknown field "subtitel"" from what Handlebars throws. */
function templateError(error: unknown, file: string): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const { lineNumber, column } = error as { lineNumber?: number; column?: number };
  const at = /- (\d+):(\d+)\s*$/.exec(message) ?? /on line (\d+)/.exec(message);
  const line = lineNumber ?? (at ? Number(at[1]) : null);
  const col = column ?? (at?.[2] !== undefined ? Number(at[2]) : null);
  const place = line ? `:${line}${col !== null ? `:${col + (lineNumber ? 1 : 0)}` : ''}` : '';
  const field = /^"([^"]+)" not defined in/.exec(message);
  const helper = /unknown helper (\S+)|Missing helper: "([^"]+)"/.exec(message);
  const partial = /The partial (\S+) could not be found/.exec(message);
  const what = field ? `unknown field "${field[1]}"`
    : helper ? `unknown helper "${helper[1] ?? helper[2]}" (helpers: ${Object.keys(helpers).join(', ')})`
    : partial ? `unknown partial "${partial[1]}"`
    : message.split('\n')[0]!.replace(/\s*- \d+:\d+\s*$/, '');
  return new TemplateError(`${path.relative(process.cwd(), file) || file}${place}: ${what}`);
}
