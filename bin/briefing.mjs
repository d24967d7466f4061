#!/usr/bin/env node
// The `briefing` command: runs the bundled CLI (shipped in the npm package; made in a clone by `make` or `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'briefing: dist/cli.mjs is missing: in a clone of the repository, run `make` (or `node scripts/bundle.mjs`); the npm package ships it\n',
  );
  process.exit(1);
}
const { main } = await import(bundle);
const code = await main(process.argv.slice(2));
process.exitCode = code;
// The work is done: if a stray handle (a browser that would not close) keeps the process alive, leave anyway.
setTimeout(() => process.exit(code), 10_000).unref();
