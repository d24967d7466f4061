import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/bundle.setup.ts', 'tests/temp-root.setup.ts'],
    setupFiles: ['tests/file.setup.ts'],
    // The files of a worker share one module cache: the pipeline, pdf.js, Puppeteer and the language model load once
    // per worker, not once per file (107 s against 123 s here). State a file leaves is cleaned by tests/file.setup.ts.
    isolate: false,
    // Processes, not threads: command() (tests/helpers.ts) runs the CLI in the worker, in the folder it is given, and
    // a worker thread may not change its folder.
    pool: 'forks',
    // One worker per core. With a worker's Chromium kept warm and most commands run in-process, the tests wait on
    // other processes far less than they did, and a third worker's module loading and Chromium no longer paid for
    // themselves: on 2 cores, 52.7 s against 56.7 s (means of four alternating pairs).
    maxWorkers: availableParallelism(),
    // End-to-end tests start Chromium; give them room on a 2-core CI machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // `npm run coverage`: the pipeline's code, measured on the tests in-process (the CLI's own processes are not), but
    // not the page scripts: they run in Chromium, where Node's coverage cannot see them (the tests that print, fit
    // the fact sheet, preview and press the deck's keys exercise them there).
    coverage: {
      provider: 'v8',
      include: ['pipeline/**'],
      exclude: ['pipeline/browser/page-scripts/**'],
      reporter: ['text-summary'],
      thresholds: { lines: 90, branches: 80 },
    },
  },
});
