// Run before every test file (the module cache is shared between the files of a worker: see vitest.config.ts): what
// the file made is removed when it ends (the worker's Chromium lives on: tests/helpers.ts).
import { afterAll } from 'vitest';
import { cleanUp } from './helpers.ts';

afterAll(cleanUp);
