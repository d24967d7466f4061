// The module graph: no cycle of static imports among the pipeline's modules (a module loaded on demand, with
// import(), is not part of it: that is how the no-change build stays small), and the parse stage never reaches up
// into rendering or printing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..', 'pipeline');
const files = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => path.join(root, f));

/** Each module's static value imports of other pipeline modules (`import type` and `import()` left out). */
const graph = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+\.ts)';/gm)]
      .filter(([statement]) => !/^import\s+\{\s*(?:type\s+[\w$]+\s*,?\s*)+\}\s+from/.test(statement!))
      .map(([, target]) => path.resolve(path.dirname(file), target!));
    return [file, targets];
  }),
);

it('has no cycle of static imports', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(root, f)).join(' -> '));
      return;
    }
    state.set(file, 'visiting');
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  expect(cycles).toEqual([]);
});

it('keeps parsing and extraction below rendering and printing', () => {
  const lower = files.filter((f) => /[/\\](parse|extract)[/\\]/.test(f));
  const reaches = (file: string, seen = new Set<string>()): string[] => {
    for (const next of graph.get(file) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        reaches(next, seen);
      }
    return [...seen];
  };
  for (const file of lower) {
    const upward = reaches(file).filter((f) =>
      /[/\\](render|browser|products|views)[/\\]|[/\\](build|cli|watch|make-essay)\.ts$/.test(f),
    );
    expect(
      upward.map((f) => path.relative(root, f)),
      path.relative(root, file),
    ).toEqual([]);
  }
});
