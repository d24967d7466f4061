// The CLI tests run the real command (bin/briefing.mjs), which runs the bundle: make it fresh first, unless it is
// already newer than every source (as `make test` leaves it: bundling again would cost the suite 6 s).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const mtime = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;

export default function setup() {
  const sources = [
    ...readdirSync(path.join(root, 'pipeline'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => path.join(root, 'pipeline', name)),
    path.join(root, 'scripts', 'bundle.mjs'),
    path.join(root, 'package-lock.json'),
  ];
  if (mtime(path.join(root, 'dist', 'cli.mjs')) > Math.max(...sources.map(mtime))) return;
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')], { stdio: 'inherit' });
}
