// The CLI tests run the real command (bin/briefing.mjs), which runs the bundle: make it fresh first.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup() {
  execFileSync(process.execPath, [path.join(import.meta.dirname, '..', 'scripts', 'bundle.mjs')], { stdio: 'inherit' });
}
