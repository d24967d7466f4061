// Handlebars templates: one layout per product (<product>.hbs), shared partials (partials/*.hbs) and stylesheets
// (css/*.css). A user's folder overrides the defaults file by file. Templates are compiled once per build, in strict
// mode and with known helpers only, so a misspelt field or helper fails the build with its file, line and name.
// Templates are data, not code: helpers only format, read no files, and partials come only from the template folders.
import path from 'node:path';
import Handlebars from 'handlebars';
import { didYouMean } from '../core/did-you-mean.ts';
import { type CompileOptions, precompiled, writePrecompiled } from './precompiled.ts';
import { readTemplate, TemplateDirs, TemplateError } from './template-dirs.ts';

export { TemplateError };

/** A product's layout: <layout>.hbs in the template folders. */
export type Layout = string;

export interface Templates {
  render(layout: Layout, view: object): string;
  /**
   * Check every layout and partial, every branch, against the fields a template may use (`known`) and the helpers:
   * a misspelt field fails the build before anything is made, even in a branch this essay would not take.
   */
  check(known: ReadonlySet<string>): void;
  /** The stylesheets' names, as templates include them ({{{css.briefing}}}). */
  stylesheets: string[];
}

const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];

type Node = { type: string; loc?: { start: { line: number; column: number } }; [key: string]: unknown };

/** Problems in a template's syntax tree: fields no view has, helpers that do not exist. */
function problemsIn(ast: Node, file: string, known: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const at = (node: Node) =>
    `${path.relative(process.cwd(), file) || file}:${node.loc?.start.line ?? 1}:${(node.loc?.start.column ?? 0) + 1}`;
  const helperNames = [...BUILT_IN_HELPERS, ...Object.keys(helpers)];
  const field = (node: Node) => {
    if (node.type !== 'PathExpression' || node.data) return;
    for (const part of node.parts as string[]) {
      if (part === 'this' || part === 'length' || known.has(part)) continue;
      const near = didYouMean(part, [...known]);
      problems.push(`${at(node)}: unknown field "${part}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
  };
  const call = (node: Node) => {
    const pathNode = node.path as Node;
    const params = (node.params as Node[] | undefined) ?? [];
    const hash = node.hash as { pairs: { value: Node }[] } | undefined;
    const isHelper =
      params.length > 0 ||
      !!hash ||
      (pathNode.type === 'PathExpression' &&
        helperNames.includes(pathNode.original as string) &&
        node.type !== 'MustacheStatement');
    if (isHelper && pathNode.type === 'PathExpression') {
      if (!helperNames.includes(pathNode.original as string)) {
        const near = didYouMean(pathNode.original as string, helperNames);
        problems.push(
          `${at(pathNode)}: unknown helper "${pathNode.original}"${near ? ` (did you mean "${near}"?)` : ''}`,
        );
      }
    } else {
      visit(pathNode);
    }
    for (const param of params) visit(param);
    for (const pair of hash?.pairs ?? []) visit(pair.value);
  };
  const visit = (node: Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node.body as Node[]).forEach(visit);
        break;
      case 'MustacheStatement':
      case 'SubExpression':
        call(node);
        break;
      case 'BlockStatement':
        call(node);
        visit(node.program as Node);
        visit(node.inverse as Node);
        break;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        ((node.params as Node[]) ?? []).forEach(visit);
        break;
      case 'PathExpression':
        field(node);
        break;
      default:
        break;
    }
  };
  visit(ast);
  return problems;
}

export const helpers: Record<string, { description: string; fn: (...args: never[]) => unknown }> = {
  plural: {
    description: '{{plural count "event" "events"}}: the word for one or for many',
    fn: (count: number, one: string, many: string) => (count === 1 ? one : many),
  },
  join: {
    description: '{{join list ", "}}: the items of a list with a separator',
    fn: (list: unknown, separator: unknown) =>
      Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
  },
  eq: { description: '{{#if (eq a b)}}: whether two values are equal', fn: (a: unknown, b: unknown) => a === b },
  add: { description: '{{add a b}}: the sum of two numbers', fn: (a: number, b: number) => a + b },
  paragraphLink: {
    description: '{{paragraphLink 3}}: the link to paragraph 3 of the essay ("#p3")',
    fn: (n: number) => `#p${n}`,
  },
};

/** The most blocks the loops of one page may render: 5,000 paragraphs with every part of each, many times over. */
const MAX_BLOCKS = 1_000_000;

/** How every template is compiled: a field no view has, or a helper that does not exist, is an error. */
export const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(helpers).map((h) => [h, true])),
};

/** A template file's text as compiled: a partial's last line break is the file's end, not text ("{{> run}}," must not
 * print "word ,"). */
const compiledText = (file: string, partial: boolean) => {
  const text = readTemplate(file);
  return partial ? text.replace(/\r?\n$/, '') : text;
};

/** Every layout and partial the folders hold, each where it is taken from. */
const templateFilesIn = (dirs: TemplateDirs) => [
  ...dirs.list('', '.hbs').map((name) => ({ file: dirs.find(name)!, partial: false })),
  ...dirs.list('partials', '.hbs').map((name) => ({ file: dirs.find(`partials/${name}`)!, partial: true })),
];

/** The default templates compiled ahead, for the bundle (render/precompiled.ts). */
export function precompileDefaults(): void {
  const texts = templateFilesIn(new TemplateDirs()).map(({ file, partial }) => compiledText(file, partial));
  writePrecompiled(texts, COMPILE_OPTIONS);
}

export function loadTemplates(userDir?: string | null): Templates {
  const dirs = new TemplateDirs(userDir);
  const hb = Handlebars.create();
  for (const [name, { fn }] of Object.entries(helpers)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  // Loops with a bound: {{#each}} nested five deep over the events would run for minutes in code that Ctrl-C cannot
  // stop. Every block a loop renders counts against the render's budget, far beyond any real pack.
  let budget = 0;
  const each = hb.helpers.each as Handlebars.HelperDelegate;
  hb.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options.fn;
    const counted = Object.assign((...args: Parameters<typeof fn>) => {
      if (--budget < 0)
        throw new TemplateError(
          `the templates' loops ran past ${MAX_BLOCKS.toLocaleString('en')} blocks in one page ({{#each}} nested over long lists?)`,
        );
      return fn(...args);
    }, fn);
    return each.call(this, context, { ...options, fn: counted });
  });
  const compile = (file: string, partial = false) => {
    try {
      const text = compiledText(file, partial);
      const ahead = precompiled(text, COMPILE_OPTIONS);
      return annotate(ahead ? hb.template(ahead) : hb.compile(text, { ...COMPILE_OPTIONS }), file);
    } catch (error) {
      throw templateError(error, file);
    }
  };
  for (const name of dirs.list('partials', '.hbs')) {
    hb.registerPartial(name.slice(0, -4), compile(dirs.find(`partials/${name}`)!, true) as Handlebars.Template);
  }
  const css = Object.fromEntries(
    dirs.list('css', '.css').map((name) => [name.slice(0, -4), readTemplate(dirs.find(`css/${name}`)!)]),
  );
  const compiled = new Map<Layout, ReturnType<typeof compile>>();
  return {
    stylesheets: Object.keys(css),
    check(known) {
      const problems = templateFilesIn(dirs).flatMap(({ file }) => {
        try {
          return problemsIn(hb.parse(readTemplate(file)) as unknown as Node, file, known);
        } catch (error) {
          return [templateError(error, file).message];
        }
      });
      if (problems.length) throw new TemplateError(problems.join('\n'));
    },
    render(layout, view) {
      let template = compiled.get(layout);
      if (!template) {
        const file = dirs.find(`${layout}.hbs`);
        if (!file) throw new TemplateError(`no template for ${layout} (${layout}.hbs) in ${dirs.dirs.join(' or ')}`);
        template = compile(file);
        compiled.set(layout, template);
      }
      budget = MAX_BLOCKS;
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

/** Handlebars' token names, as a template writer knows them. */
const TOKENS: Record<string, string> = {
  EOF: 'the end of the file',
  OPEN_ENDBLOCK: '"{{/"',
  INVERSE: '"{{else}}"',
  OPEN_INVERSE_CHAIN: '"{{else if"',
  CLOSE: '"}}"',
  CLOSE_UNESCAPED: '"}}}"',
  ID: 'a name',
  OPEN: '"{{"',
  CONTENT: 'text',
};

/** "templates/partials/cover.hbs:3:12: unknown field "subtitel"" from what Handlebars throws. */
function templateError(error: unknown, file: string): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const { lineNumber, column } = error as { lineNumber?: number; column?: number };
  const at = /- (\d+):(\d+)\s*$/.exec(message) ?? /on line (\d+)/.exec(message);
  const line = lineNumber ?? (at ? Number(at[1]) : null);
  const col = column ?? (at?.[2] !== undefined ? Number(at[2]) : null);
  const place = line ? `:${line}${col !== null ? `:${col + (lineNumber ? 1 : 0)}` : ''}` : '';
  // A syntax error: where, what was expected, and the text it stopped at ("Parse error on line 4: ... Expecting ...").
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(.*)$/s.exec(message);
  if (parse) {
    const expecting = parse[4]!
      .replace(/^Expecting /, 'expected ')
      .replace(/'([A-Z_]+)'/g, (_, token: string) => TOKENS[token] ?? token);
    return new TemplateError(
      `${path.relative(process.cwd(), file) || file}:${parse[1]}: ${expecting}, at "${parse[2]!.trim()}"`,
    );
  }
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(message);
  if (mismatch)
    return new TemplateError(
      `${path.relative(process.cwd(), file) || file}:${mismatch[3]}:${Number(mismatch[4]) + 1}: {{/${mismatch[2]}}} closes {{#${mismatch[1]}}}`,
    );
  const field = /^"([^"]+)" not defined in/.exec(message);
  const helper = /unknown helper (\S+)|Missing helper: "([^"]+)"/.exec(message);
  const partial = /The partial (\S+) could not be found/.exec(message);
  const what = field
    ? `unknown field "${field[1]}"`
    : helper
      ? `unknown helper "${helper[1] ?? helper[2]}" (helpers: ${Object.keys(helpers).join(', ')})`
      : partial
        ? `unknown partial "${partial[1]}"`
        : message.split('\n')[0]!.replace(/\s*- \d+:\d+\s*$/, '');
  return new TemplateError(`${path.relative(process.cwd(), file) || file}${place}: ${what}`);
}
