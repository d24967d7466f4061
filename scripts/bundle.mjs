// Bundle the TypeScript CLI and the programmatic API (dist/cli.mjs, dist/api.mjs) into ESM files (fast start-up, no
// TypeScript at run time), and write the API's type declarations (dist/types/) when TypeScript is installed. Code
// split: what a no-change build does not need (parsing, rendering, printing) sits in chunks loaded on demand.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// Dependencies are bundled into the chunks: a cold build reads a few files instead of resolving some 200 modules
// (puppeteer-core alone is 42), about 0.2 s of a 3.3 s cold pack here. Those that read files of their own at run time
// (fonts, hyphenation patterns, the dictionary, the language model) or that only a few essays need (KaTeX, pdf.js, the
// preview's Paged.js) stay installed beside it.
const EXTERNAL = [
  '@fontsource/*',
  'dictionary-en',
  'hyphen',
  'katex',
  'pagedjs',
  'pdfjs-dist',
  'wink-eng-lite-web-model',
  'wink-nlp',
  'typescript',
];
// Puppeteer's browser downloader reaches the network through proxy-agent: 1.8 MB of JavaScript (a JS engine for PAC
// files, an FTP client) parsed at every launch, ~0.1 s, for downloads the build never makes (it finds the Chromium
// installed here). The bundle gets a stand-in that says so if anything ever asks for it.
const noDownloads = {
  name: 'no-downloads',
  setup(build) {
    build.onResolve({ filter: /^proxy-agent$/ }, () => ({ path: 'proxy-agent', namespace: 'no-downloads' }));
    build.onLoad({ filter: /.*/, namespace: 'no-downloads' }, () => ({
      contents:
        "export class ProxyAgent { constructor() { throw new Error('briefing downloads nothing: it prints with the Chromium installed here'); } }",
      loader: 'js',
    }));
  },
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: {
    cli: 'pipeline/app/cli/cli.ts',
    api: 'pipeline/api.ts',
    'precompile-defaults': 'pipeline/render/precompile-defaults.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  plugins: [noDownloads],
  sourcemap: 'linked',
  sourcesContent: false,
  // Bundled CommonJS modules call require(): give the ESM chunks one.
  banner: {
    js: "import { createRequire as __briefingRequire } from 'node:module'; const require = __briefingRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// The default templates compiled ahead (dist/templates.json), by the bundle's own code; the script is then dropped.
execFileSync(process.execPath, ['dist/precompile-defaults.mjs'], { stdio: 'inherit' });
for (const file of ['dist/precompile-defaults.mjs', 'dist/precompile-defaults.mjs.map']) rmSync(file, { force: true });

// The API's types, for `import { build } from 'briefing-pack'` in TypeScript (skipped where dev tools are not installed).
const tsc = path.join('node_modules', 'typescript', 'bin', 'tsc');
if (existsSync(tsc)) execFileSync(process.execPath, [tsc, '-p', 'tsconfig.api.json'], { stdio: 'inherit' });
