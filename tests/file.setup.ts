// Run before every test file (the module cache is shared between the files of a worker: see vitest.config.ts): what
// the file started or made is closed and removed when it ends.
import { afterAll } from 'vitest';
import { cleanUp } from './helpers.ts';

afterAll(cleanUp);
