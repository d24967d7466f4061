// Bundle the TypeScript CLI and the programmatic API (dist/cli.mjs, dist/api.mjs) into ESM files (fast start-up, no
// TypeScript at run time), and write the API's type declarations (dist/types/) when TypeScript is installed. Code
// split: what a no-change build does not need (parsing, rendering, printing) sits in chunks loaded on demand.
// Dependencies stay external: they are installed beside it.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'pipeline/cli.ts', api: 'pipeline/api.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The API's types, for `import { build } from 'briefing-pack'` in TypeScript (skipped where dev tools are not installed).
const tsc = path.join('node_modules', 'typescript', 'bin', 'tsc');
if (existsSync(tsc)) execFileSync(process.execPath, [tsc, '-p', 'tsconfig.api.json'], { stdio: 'inherit' });
