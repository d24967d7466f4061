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
    // Most of an end-to-end test is spent waiting on the CLI and Chromium, in other processes: one file more than
    // there are cores keeps them busy (on 2 cores: 220 s with one file at a time, 171 s with three).
    maxWorkers: availableParallelism() + 1,
    // End-to-end tests start Chromium; give them room on a 2-core CI machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
