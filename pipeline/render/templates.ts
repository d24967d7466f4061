// Handlebars templates: one layout per product (templates/<product>.hbs), shared partials (templates/partials/*.hbs)
// and stylesheets (templates/css/*.css). Compiled once per build. Helpers only format; they read no files.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { defaultTemplatesDir } from '../paths.ts';

export type Layout = 'briefing' | 'slides' | 'factsheet';

export interface Templates {
  render(layout: Layout, view: object): string;
}

export function loadTemplates(dir = defaultTemplatesDir): Templates {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const partials = path.join(dir, 'partials');
  if (existsSync(partials)) {
    for (const name of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
      hb.registerPartial(name.slice(0, -4), readFileSync(path.join(partials, name), 'utf8'));
    }
  }
  const cssDir = path.join(dir, 'css');
  const css: Record<string, string> = {};
  if (existsSync(cssDir)) {
    for (const name of readdirSync(cssDir).filter((f) => f.endsWith('.css'))) css[name.slice(0, -4)] = readFileSync(path.join(cssDir, name), 'utf8');
  }
  const compiled = new Map<Layout, HandlebarsTemplateDelegate>();
  const layout = (name: Layout) => {
    let template = compiled.get(name);
    if (!template) {
      const file = path.join(dir, `${name}.hbs`);
      template = hb.compile(readFileSync(file, 'utf8'), { strict: true, noEscape: false });
      compiled.set(name, template);
    }
    return template;
  };
  return {
    render: (name, view) => layout(name)({ ...view, css }, { allowProtoPropertiesByDefault: false }),
  };
}

function registerHelpers(hb: typeof Handlebars) {
  hb.registerHelper('plural', (count: number, one: string, many: string) => (count === 1 ? one : many));
  hb.registerHelper('join', (list: unknown[], separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('add', (a: number, b: number) => a + b);
}
