// What the tests share: the project's paths, running the CLI as a user would, building in-process with a warm
// Chromium, and temporary folders that are removed when the test file is done.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { BuildRequest } from '../pipeline/app/build/build.ts';
import type { Printer } from '../pipeline/browser/printer.ts';

export const root = path.join(import.meta.dirname, '..');
export const bin = path.join(root, 'bin', 'briefing.mjs');
export const seed = path.join(root, 'source', 'azerbaijan-nato.txt');
/** The team's samples beside the clone: a fork's checkout has none, and the tests that read them skip, saying so. */
export const sharedEssays = path.join(root, '..', 'shared', 'essays');
export const hasSharedEssays = existsSync(sharedEssays);
export const NO_SHARED = 'skipped: ../shared/essays is not beside this checkout';

export interface CliResult {
  /** The exit status; null when a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Told of the child as soon as it runs (to signal it, or write to its standard input). */
  onStart?: (child: ChildProcess) => void;
}

/** `briefing ARGS...` in a process of its own: its exit status and what it printed. */
export function cli(args: string[], { cwd = root, env = {}, onStart }: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    onStart?.(child);
  });
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * `briefing ARGS...` run by this process as bin/briefing.mjs runs it: main() with the working folder and the
 * environment set for the call, standard output and error captured and no terminal. The same code as cli() without a
 * Node start, a module load and the language model per run (~0.7 CPU-s each); cli() is for what only a process of its
 * own shows: signals, standard input, another process's lock, the bin script. Calls run one at a time.
 */
export function command(
  args: string[],
  { cwd = root, env = {} }: Omit<CliOptions, 'onStart'> = {},
): Promise<CliResult> {
  const run = queue.then(async () => {
    const { main } = await import('../pipeline/app/cli/cli.ts');
    const saved = { cwd: process.cwd(), env: { ...process.env } };
    const streams = [process.stdout, process.stderr] as const;
    const writes = streams.map((s) => ({ write: s.write, isTTY: s.isTTY }));
    const captured = ['', ''];
    streams.forEach((stream, i) => {
      stream.isTTY = false;
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        captured[i] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
        done?.();
        return true;
      }) as typeof stream.write;
    });
    try {
      process.chdir(cwd);
      Object.assign(process.env, env);
      const code = await main(args);
      return { code, stdout: captured[0]!, stderr: captured[1]! };
    } finally {
      streams.forEach((stream, i) => {
        stream.write = writes[i]!.write;
        stream.isTTY = writes[i]!.isTTY;
      });
      process.chdir(saved.cwd);
      for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key];
      Object.assign(process.env, saved.env);
    }
  });
  queue = run.catch(() => {});
  return run;
}

let printer: Promise<Printer> | null = null;

/**
 * One Chromium for the test worker (launched when first used), as a Printer: the builds of every file the worker runs
 * print with it, so each costs no launch of its own. It may read any temporary folder. It is not closed between files:
 * it ends with the worker (its pipe closes), and its profile goes with the run's temporary folder
 * (tests/temp-root.setup.ts). Loaded on demand: files that only run the CLI do not import the pipeline.
 */
export function warmPrinter(): Promise<Printer> {
  printer ??= Promise.all([import('../pipeline/browser/printer.ts'), import('../pipeline/app/build/build.ts')]).then(
    ([{ Printer }, { fontsRoot }]) => new Printer({ allowedRoots: [path.resolve(tmpdir()), fontsRoot], maxPages: 2 }),
  );
  return printer;
}

/** The worker's warm Chromium itself, for tests that drive a page (and close the pages they open). */
export const warmBrowser = async (): Promise<Browser> => (await warmPrinter()).start();

/** Build in this process as `briefing build` does, printing with the worker's warm Chromium. */
export async function pack(request: Omit<BuildRequest, 'printer'>) {
  const { build } = await import('../pipeline/app/build/build.ts');
  return build({ ...request, printer: await warmPrinter() });
}

/** Remove the file's temporary folders (tests/file.setup.ts calls it after every file). */
export async function cleanUp(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

const made: string[] = [];

/** A new empty folder under the system's temporary folder, removed after the test file. */
export async function temp(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `briefing-${name}-`));
  made.push(dir);
  return dir;
}
