// The conventions users expect of a CLI: --version, options that belong to their command, NO_COLOR, JSON from lint,
// a configuration found upward and checked whole, a JSON Schema for editors, a skeleton that builds clean, and one
// error (not one per essay) when there is no Chromium.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useColour } from '../pipeline/app/build/progress.ts';
import { titleOf } from '../pipeline/app/cli/new-essay.ts';
import { findConfig } from '../pipeline/app/config/config.ts';
import { configJsonSchema } from '../pipeline/app/config/config-schema.ts';
import { command, temp } from './helpers.ts';

const root = path.join(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'briefing.mjs');
const run = (args: string[], cwd: string, env: Record<string, string> = {}) => command(args, { cwd, env });
const essay = 'Title\n\nIn May 1994 NATO met in Brussels. In June 1995 it met again.\n';

describe('the command line', () => {
  it('says its version with --version and -v', async () => {
    const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) expect((await run([flag], root)).stdout.trim()).toBe(`briefing ${version}`);
  });

  it('prints a tab-completion script that completes commands, their own options and fixed values', async () => {
    const { stdout } = await run(['completion'], root);
    const complete = (...words: string[]) =>
      execFileSync('bash', [
        '-c',
        `${stdout}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _briefing; echo "\${COMPREPLY[@]}"`,
      ])
        .toString()
        .trim();
    expect(complete('briefing', 'li')).toBe('lint');
    expect(complete('briefing', 'lint', '--s')).toBe('--strict');
    expect(complete('briefing', 'build', '--s')).toBe('--shard');
    expect(complete('briefing', 'build', '--formats', 'sl')).toBe('slides');
    expect(complete('briefing', 'watch', '--op')).toBe('--open');
  });

  it('refuses an option its command does not take, naming the ones it does', async () => {
    const lint = await run(['lint', '--port', '3'], root);
    expect(lint.code).toBe(2);
    expect(lint.stderr.trim()).toMatch(
      /^briefing: lint takes no --port \(its options: --reference-date, .*--json\); see briefing lint --help$/,
    );
    expect((await run(['build', '--strict'], root)).code).toBe(2);
    expect((await run(['new', 'x', '--out', 'y'], root)).stderr).toMatch(/new takes no --out/);
  });

  it('prints lint warnings as JSON lines with --json', async () => {
    const dir = await temp('lint-json');
    await writeFile(path.join(dir, 'e.txt'), 'Title\n\nThe Allaince met the Alliance in May 1994.\n');
    const { code, stdout } = await run(['lint', 'e.txt', '--json'], dir);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; rule: string; line: number });
    expect(lines).toEqual(
      expect.arrayContaining([expect.objectContaining({ event: 'warning', rule: 'spelling', line: 3 })]),
    );
  });

  it('colours a terminal unless NO_COLOR says not to; FORCE_COLOR colours anything', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream,
      pipe = { isTTY: false } as NodeJS.WriteStream;
    expect(useColour(tty, {})).toBe(true);
    expect(useColour(tty, { NO_COLOR: '1' })).toBe(false);
    expect(useColour(pipe, {})).toBe(false);
    expect(useColour(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColour(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColour(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('reads an essay from standard input (-) and writes its chronology to standard output (--out -)', async () => {
    const input = 'Title\n\nIn May 1994 NATO met in Brussels. In June 1995 it met again.\n';
    // Its own temporary folder: what the command keeps there while it runs is gone when it ends.
    const scratch = await temp('stdio');
    const env = { ...process.env, TMPDIR: scratch };
    const stdout = execFileSync(process.execPath, [bin, 'build', '-', '--formats', 'json', '--out', '-'], {
      input,
      cwd: tmpdir(),
      env,
    }).toString();
    const chronology = JSON.parse(stdout) as { title: string; events: unknown[] };
    expect(chronology.title).toBe('Title');
    expect(chronology.events).toHaveLength(2);
    // Markdown is told by its front matter or a heading.
    const lint = execFileSync(process.execPath, [bin, 'lint', '-', '--json'], {
      input: '---\ntitle: T\nmarknig: x\n---\n\nIn May 1994 NATO met.\n',
      cwd: tmpdir(),
      env,
    }).toString();
    expect(lint).toMatch(/unknown key \\"marknig\\"/);
    expect(await readdir(scratch)).toEqual([]);
  });

  it('refuses --out - for anything but the chronology', async () => {
    const { code, stderr } = await run(['build', 'source', '--out', '-'], root);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'briefing: --out - writes the chronology to standard output: use it with --formats json',
    );
  });

  it('says once, not once per essay, that there is no Chromium', async () => {
    const dir = await temp('nochrome');
    await writeFile(path.join(dir, 'a.txt'), essay);
    await writeFile(path.join(dir, 'b.txt'), essay);
    const { code, stderr } = await run(['build', 'a.txt', 'b.txt', '--out', 'out', '--formats', 'briefing'], dir, {
      BRIEFING_CHROME: '/nonexistent/chromium',
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/BRIEFING_CHROME=\/nonexistent\/chromium is not an executable file/);
  });
});

describe('errors', () => {
  it('are BriefingErrors with a code, and one table maps codes to exit statuses', async () => {
    const { BriefingError, exitStatus } = await import('../pipeline/core/errors.ts');
    const { ChromeNotFound } = await import('../pipeline/browser/find-chrome.ts');
    const { BrowserError } = await import('../pipeline/browser/printer.ts');
    const { InputError } = await import('../pipeline/app/build/build.ts');
    const { ConfigError } = await import('../pipeline/app/config/config-schema.ts');
    const { ImageError } = await import('../pipeline/core/images.ts');
    const { LockedError } = await import('../pipeline/app/build/output-lock.ts');
    const { SourceError } = await import('../pipeline/parse/read-source.ts');
    const { TemplateError } = await import('../pipeline/render/template-dirs.ts');
    const errors = [
      new ChromeNotFound('x'),
      new BrowserError('x'),
      new InputError('x'),
      new ConfigError('x'),
      new ImageError('x'),
      new LockedError('x'),
      new SourceError('x'),
      new TemplateError('x'),
    ];
    for (const error of errors) expect(error).toBeInstanceOf(BriefingError);
    expect(errors.map((e) => [e.name, e.code, exitStatus(e)])).toEqual([
      ['ChromeNotFound', 'no-chromium', 1],
      ['BrowserError', 'browser', 1],
      ['InputError', 'input', 1],
      ['ConfigError', 'config', 2],
      ['ImageError', 'image', 1],
      ['LockedError', 'locked', 1],
      ['SourceError', 'source', 1],
      ['TemplateError', 'template', 1],
    ]);
    expect(exitStatus(new Error('a bug'))).toBe(1);
  });
});

describe('the configuration', () => {
  it('is found in the current folder or the nearest one above it, up to the repository root', async () => {
    const repo = await temp('up');
    await mkdir(path.join(repo, '.git'));
    await mkdir(path.join(repo, 'docs', 'essays'), { recursive: true });
    expect(findConfig(path.join(repo, 'docs', 'essays'))).toBeNull();
    await writeFile(path.join(repo, 'briefing.config.yaml'), 'marking: SECRET\n');
    expect(findConfig(path.join(repo, 'docs', 'essays'))).toBe(path.join(repo, 'briefing.config.yaml'));
    await writeFile(path.join(repo, 'docs', 'briefing.config.yaml'), 'marking: OFFICIAL\n');
    expect(findConfig(path.join(repo, 'docs', 'essays'))).toBe(path.join(repo, 'docs', 'briefing.config.yaml'));
    // Outside a repository, only the folder itself: a file in some parent folder does not apply silently.
    const loose = await temp('loose');
    await mkdir(path.join(loose, 'essays'));
    await writeFile(path.join(loose, 'briefing.config.yaml'), 'marking: SECRET\n');
    expect(findConfig(path.join(loose, 'essays'))).toBeNull();
    expect(findConfig(loose)).toBe(path.join(loose, 'briefing.config.yaml'));
  });

  it('reports every problem at once, reads "letter" as Letter, and allows $schema', async () => {
    const dir = await temp('conf');
    await writeFile(path.join(dir, 'e.txt'), essay);
    await writeFile(path.join(dir, 'briefing.config.yaml'), 'colors:\n  accent: red\npaper: A5\nmarking: ""\n');
    const bad = await run(['build', 'e.txt', '--formats', 'json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    for (const problem of [
      /unknown key "colors" \(did you mean "colours"\?\)/,
      /paper: "A5" is not A4 or Letter/,
      /marking: is empty \(write it, or leave the key out\)/,
    ])
      expect(bad.stderr).toMatch(problem);
    await writeFile(
      path.join(dir, 'briefing.config.yaml'),
      '$schema: ./schema/briefing.config.schema.json\npaper: letter\n',
    );
    expect((await run(['build', 'e.txt', '--formats', 'json', '--out', 'out'], dir)).code).toBe(0);
  });

  it('ships a JSON Schema made from the schema the build validates with (npm run schema writes it)', async () => {
    const shipped = JSON.parse(await readFile(path.join(root, 'schema', 'briefing.config.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
    expect(Object.keys(shipped.properties)).toEqual(
      expect.arrayContaining(['$schema', 'marking', 'paper', 'colours', 'fonts']),
    );
    expect(shipped.additionalProperties).toBe(false);
  });
});

describe('briefing new', () => {
  it('keeps the title as typed, leaves the author out unless given, and writes a skeleton that makes no false events', async () => {
    expect(titleOf('Georgia and NATO')).toBe('Georgia and NATO');
    expect(titleOf('georgia-nato')).toBe('Georgia nato');
    const dir = await temp('new');
    expect((await run(['new', 'Georgia and NATO'], dir)).code).toBe(0);
    const text = await readFile(path.join(dir, 'source', 'georgia-and-nato.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Georgia and NATO"\ndate: \d{4}-\d{2}-\d{2}\n---\n/);
    expect(text).not.toMatch(/author/);
    expect((await run(['new', 'Georgia and NATO'], dir)).stderr).toMatch(/exists/); // never over an existing one
    expect((await run(['new', 'Other', '--author', 'Policy Unit'], dir)).code).toBe(0);
    expect(await readFile(path.join(dir, 'source', 'other.md'), 'utf8')).toMatch(/\nauthor: "Policy Unit"\n/);
    expect((await run(['build', 'source/georgia-and-nato.md', '--formats', 'json', '--out', 'out'], dir)).code).toBe(0);
    const chronology = JSON.parse(await readFile(path.join(dir, 'out', 'georgia-and-nato', 'chronology.json'), 'utf8'));
    expect(chronology.events).toEqual([]);
    expect(chronology.title).toBe('Georgia and NATO');
  });
});

describe('the README', () => {
  it('synopsis lists every command with every option it takes', async () => {
    const { COMMAND_OPTIONS } = await import('../pipeline/app/cli/cli.ts');
    const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const synopsis = /## The command line\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = synopsis.split(/\n(?=npx briefing )/);
    for (const [command, names] of Object.entries(COMMAND_OPTIONS)) {
      const line = lines.find((l) => l.startsWith(`npx briefing ${command} `)) ?? '';
      expect(line, command).not.toBe('');
      expect(
        names.filter((name) => !line.includes(`--${name}`)),
        command,
      ).toEqual([]);
    }
  });
});
