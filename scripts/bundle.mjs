// Bundle the TypeScript CLI into one ESM file (fast start-up, no TypeScript at run time). Dependencies stay external:
// they are installed beside it, and Chromium drivers and fonts are found through them at run time.
import { build } from 'esbuild';

await build({
  entryPoints: ['pipeline/cli.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
