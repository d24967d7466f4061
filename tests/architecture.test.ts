// The module graph: no cycle of imports among the pipeline's modules, static or loaded on demand with import() (a
// module loaded on demand keeps the no-change build small, but a cycle through it is still a knot), and the parse
// stage never reaches up into rendering or printing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', 'pipeline');
const files = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(root, f));

/** A module's value imports of other pipeline modules: static ones and import() (`import type` left out). */
function importsOf(file: string, text: string): string[] {
  const statics = [...text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+\.ts)';/gm)].filter(
    ([statement]) => !/^(?:import|export)\s+\{\s*(?:type\s+[\w$]+\s*,?\s*)+\}\s+from/.test(statement!),
  );
  const dynamic = [...text.matchAll(/import\(\s*'(\.{1,2}\/[^']+\.ts)'\s*\)/g)];
  return [...statics, ...dynamic].map(([, target]) => path.resolve(path.dirname(file), target!));
}

const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]));

/** Every cycle of a graph, each as the files around it. */
function cyclesOf(edges: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(root, f)).join(' -> '));
      return;
    }
    state.set(file, 'visiting');
    for (const next of edges.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of edges.keys()) visit(file, []);
  return cycles;
}

it('has no cycle of imports, static or import()', () => {
  expect(cyclesOf(graph)).toEqual([]);
  // A planted cycle through import() is seen.
  const planted = new Map(graph);
  const a = path.join(root, 'app', 'build', 'build.ts'),
    b = path.join(root, 'app', 'build', 'make-essay.ts');
  planted.set(b, [...(planted.get(b) ?? []), ...importsOf(b, "const m = await import('./build.ts');")]);
  expect(graph.get(a)).toContain(b);
  expect(cyclesOf(planted).length).toBeGreaterThan(0);
});

/**
 * The layers, bottom up: a module imports (statically, types included) only from its own layer or those below it.
 * core: the model, settings, errors, text and source-map helpers, the essay's date; dates: the calendar and the
 * date recogniser; parse: text to essay; extract: essay to chronology; views: what each template is given; render and
 * browser: templates, fonts, PDF and PowerPoint helpers, Chromium; products: each product's making; then the app:
 * its configuration, the build, the command line and the preview; the API on top.
 */
const LAYERS = [
  'core',
  'dates',
  'parse',
  'extract',
  'views',
  'render|browser',
  'products',
  'app/config',
  'app/build',
  'app/cli|app/preview',
];
const layerOf = (file: string) => {
  const [folder, sub] = path.relative(root, file).split(path.sep);
  const name = folder === 'app' ? `app/${sub}` : folder!;
  const index = LAYERS.findIndex((names) => names.split('|').includes(name));
  return index >= 0 ? index : LAYERS.length;
};
const allImports = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+\.ts)';/gm)].map(([, target]) =>
      path.resolve(path.dirname(file), target!),
    );
    return [file, targets];
  }),
);

it('imports nothing from a layer above', () => {
  const upward = files.flatMap((file) =>
    (allImports.get(file) ?? [])
      .filter((target) => layerOf(target) > layerOf(file))
      .map((target) => `${path.relative(root, file)} -> ${path.relative(root, target)}`),
  );
  expect(upward).toEqual([]);
});

it('knows every folder of the pipeline as a layer', () => {
  const folders = new Set(
    files
      .map((f) => path.relative(root, f).split(path.sep))
      .filter((p) => p.length > 1)
      .map((p) => (p[0] === 'app' ? path.join(p[0], p[1]!) : p[0]!)),
  );
  expect([...folders].filter((f) => layerOf(path.join(root, f, 'x.ts')) === LAYERS.length)).toEqual([]);
});

/** Functions of more than this many lines, anywhere in the pipeline, as "file:line name (lines)". */
function longFunctions(limit: number, sources: [string, string][]): string[] {
  const long: string[] = [];
  for (const [file, text] of sources) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const name = node.name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : '');
        if (last - first + 1 > limit)
          long.push(`${path.relative(root, file)}:${first + 1} ${name} (${last - first + 1})`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return long;
}

it('has no function over 80 lines: a longer one is split into named steps', () => {
  const sources = files.map((file): [string, string] => [file, readFileSync(file, 'utf8')]);
  expect(longFunctions(80, sources)).toEqual([]);
  // A planted long function is seen.
  const planted = `function long() {\n${'  work();\n'.repeat(80)}}\n`;
  expect(longFunctions(80, [[path.join(root, 'planted.ts'), planted]])).toEqual(['planted.ts:1 long (82)']);
});
