// Every temporary folder of the run under one folder of its own, removed when the run ends: the tests' folders, the
// builds' staging folders and the profiles of the workers' Chromiums (which end with their worker, not with a file).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default async function setup() {
  const root = await mkdtemp(path.join(tmpdir(), 'briefing-tests-'));
  process.env.TMPDIR = root;
  return () => rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}
