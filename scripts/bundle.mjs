// Bundle the TypeScript CLI into ESM files (fast start-up, no TypeScript at run time). Code split: what a no-change
// build does not need (parsing, rendering, printing) sits in chunks loaded on demand. Dependencies stay external:
// they are installed beside it.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'pipeline/cli.ts' },
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
