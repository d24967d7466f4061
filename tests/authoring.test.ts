// The authoring loop: watch with a live preview, progress output for terminals, CI logs and machines, and a command
// line that helps (per-command help, "did you mean", `new`).
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { command, temp } from './helpers.ts';

const root = path.join(import.meta.dirname, '..');
const seed = path.join(root, 'source', 'azerbaijan-nato.txt');
const bin = path.join(root, 'bin', 'briefing.mjs');
const run = (args: string[], cwd = root) => command(args, { cwd });

const fetchText = (url: string) =>
  new Promise<string>((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });

/** `briefing watch` started in a folder, and the preview's address once it says it. */
function startWatch(args: string[], cwd: string): ChildProcess & { base: Promise<string> } {
  const child = spawn(process.execPath, args, { cwd });
  const base = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const url = /Preview: (http:\/\/localhost:\d+\/)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', () => reject(new Error(`watch exited: ${out}`)));
  });
  return Object.assign(child, { base });
}

/** The preview's event stream, as a queue of events one can wait for. */
function events(url: string) {
  const seen: { event: string; data: { version?: number; errors?: string[] } }[] = [];
  const waiting: (() => void)[] = [];
  let buffer = '';
  const request = get(url, (res) =>
    res.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        seen.push({ event: /event: (\w+)/.exec(block)![1]!, data: JSON.parse(/data: (.*)/.exec(block)![1]!) });
        for (const w of waiting.splice(0)) w();
      }
    }),
  );
  return {
    async next(name: string, timeoutMs = 30_000) {
      const started = Date.now();
      for (;;) {
        const index = seen.findIndex((e) => e.event === name);
        if (index >= 0) return seen.splice(0, index + 1).at(-1)!;
        if (Date.now() - started > timeoutMs) throw new Error(`no "${name}" event; saw ${JSON.stringify(seen)}`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => request.destroy(),
  };
}

describe('briefing watch', () => {
  it('rebuilds on a template change and reloads the preview; shows an error, then recovers', async () => {
    const dir = await temp('watch');
    const essay = path.join(dir, 'essay.txt');
    // A short essay: the loop is what is tested, and each of its three builds prints the whole briefing.
    await writeFile(
      essay,
      'Talks in Brussels\n\nIn May 1994 the minister signed the framework document in Brussels.\n\nIn June 1995 the council agreed a plan.\n',
    );
    await mkdir(path.join(dir, 'templates', 'partials'), { recursive: true });
    const cover = path.join(dir, 'templates', 'partials', 'cover.hbs');
    await copyFile(path.join(root, 'templates', 'partials', 'cover.hbs'), cover);
    const child = startWatch(
      [
        bin,
        'watch',
        essay,
        '--out',
        path.join(dir, 'out'),
        '--port',
        '0',
        '--formats',
        'briefing',
        '--templates',
        path.join(dir, 'templates'),
      ],
      dir,
    );
    try {
      const base = await child.base;
      const stream = events(`${base}events`);
      await stream.next('hello');
      if (!(await readFile(path.join(dir, 'out', 'essay', 'briefing.html'), 'utf8').catch(() => '')))
        await stream.next('reload');
      expect(await fetchText(base)).toContain('/out/essay/briefing.html');

      // A template changes: the page is rebuilt and the preview told to reload.
      await writeFile(cover, (await readFile(cover, 'utf8')).replace('{{title}}</h1>', '{{title}} (draft 2)</h1>'));
      await stream.next('reload');
      const page = await fetchText(`${base}out/essay/briefing.html`);
      expect(page).toContain('(draft 2)');
      expect(page).toMatch(/new EventSource\(`\/events\?page=|new EventSource\(["']\/events\?page=/); // it reloads itself

      // The essay breaks: the error reaches the preview; the next good save recovers.
      const good = await readFile(essay, 'utf8');
      await writeFile(essay, '');
      const failed = await stream.next('failed');
      expect(failed.data.errors!.join()).toMatch(/essay\.txt: empty file/);
      expect(await fetchText(base)).toMatch(/empty file/);
      await writeFile(essay, good);
      await stream.next('reload');
      stream.close();
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});

describe('briefing watch, what it watches', () => {
  it('watches a templates folder and a logo named in the configuration after it started, and a replaced logo', async () => {
    const dir = await temp('watch-inputs');
    const essay = path.join(dir, 'essay.txt');
    await writeFile(essay, 'Talks in Brussels\n\nIn May 1994 the minister signed the framework document.\n');
    const logo = path.join(dir, 'logo.png');
    const child = startWatch(
      [bin, 'watch', essay, '--out', path.join(dir, 'out'), '--port', '0', '--formats', 'briefing'],
      dir,
    );
    try {
      const base = await child.base;
      const stream = events(`${base}events`);
      await stream.next('hello');
      if (!(await readFile(path.join(dir, 'out', 'essay', 'briefing.html'), 'utf8').catch(() => '')))
        await stream.next('reload');

      // A theme folder is made and the configuration names it: built with it, and its later edits are seen.
      await mkdir(path.join(dir, 'theme', 'partials'), { recursive: true });
      const cover = path.join(dir, 'theme', 'partials', 'cover.hbs');
      const original = await readFile(path.join(root, 'templates', 'partials', 'cover.hbs'), 'utf8');
      await writeFile(cover, original.replace('{{title}}</h1>', '{{title}} (theme 1)</h1>'));
      await copyFile(path.join(root, 'tests', 'fixtures', 'theme', 'logo.png'), logo);
      await writeFile(path.join(dir, 'briefing.config.yaml'), 'templates: theme\nlogo: logo.png\n');
      await stream.next('reload');
      expect(await fetchText(`${base}out/essay/briefing.html`)).toContain('(theme 1)');
      await writeFile(cover, original.replace('{{title}}</h1>', '{{title}} (theme 2)</h1>'));
      await stream.next('reload');
      expect(await fetchText(`${base}out/essay/briefing.html`)).toContain('(theme 2)');

      // The logo is replaced by another picture: rebuilt with it.
      const before = await fetchText(`${base}out/essay/briefing.html`);
      await copyFile(path.join(root, 'tests', 'fixtures', 'markdown', 'map.png'), `${logo}.new`);
      const { rename } = await import('node:fs/promises');
      await rename(`${logo}.new`, logo);
      await stream.next('reload');
      expect(await fetchText(`${base}out/essay/briefing.html`)).not.toBe(before);
      stream.close();
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 60_000);
});

describe('briefing watch, preview first', () => {
  it('rebuilds the product an open page shows and reloads that page before it makes the rest of the pack', async () => {
    const dir = await temp('watch-first');
    const essay = path.join(dir, 'essay.txt');
    await writeFile(essay, 'Talks in Brussels\n\nIn May 1994 the minister signed the framework document.\n');
    const child = startWatch(
      [bin, 'watch', essay, '--out', path.join(dir, 'out'), '--port', '0', '--formats', 'briefing,slides,factsheet'],
      dir,
    );
    try {
      const base = await child.base;
      const index = events(`${base}events`);
      await index.next('hello');
      if (!(await readFile(path.join(dir, 'out', 'essay', 'slides.html'), 'utf8').catch(() => '')))
        await index.next('reload');
      const page = events(`${base}events?page=${encodeURIComponent('/out/essay/briefing.html')}`);
      await page.next('hello');
      const order: string[] = [];
      const pageReloaded = page.next('reload').then(() => order.push('briefing page'));
      const indexReloaded = index.next('reload').then(() => order.push('index'));
      await writeFile(essay, 'Talks in Brussels\n\nIn May 1994 the minister signed the framework document again.\n');
      await Promise.all([pageReloaded, indexReloaded]);
      // The page shown first, once; the index (and any other page) when the whole pack is made.
      expect(order).toEqual(['briefing page', 'index']);
      const words = (html: string) => html.replace(/\u00ad/g, '');
      expect(words(await fetchText(`${base}out/essay/briefing.html`))).toContain('document again');
      expect(words(await readFile(path.join(dir, 'out', 'essay', 'slides.html'), 'utf8'))).toContain('document again');
      page.close();
      index.close();
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }, 60_000);
});

describe('progress and summary', () => {
  it('prints stable plain lines when the output is not a terminal', async () => {
    const out = await temp('plain');
    const result = await run(['build', seed, '--out', out, '--formats', 'json']);
    expect(result.stdout).toMatch(
      /^built azerbaijan-nato: json\n1 of 1 essays built into .*: 1 products made, 0 up to date, 2 warnings, 3 notes \(--verbose\), in \d+\.\d s\n$/,
    );
    expect(result.stderr).toMatch(/29:198-29:202 +warning/);
    // Notes ("events out of order") only with --verbose: by default they are counted in the summary line.
    expect(result.stderr).not.toMatch(/\binfo\b/);
    expect((await run(['build', seed, '--out', out, '--formats', 'json', '--force', '--verbose'])).stderr).toMatch(
      /info +Events out of order/,
    );
  });

  it('prints one JSON object a line with --json, warnings with their place', async () => {
    const out = await temp('json');
    const result = await run(['build', seed, '--out', out, '--formats', 'json', '--json']);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const kinds = lines.map((l) => l.event);
    expect(kinds.slice(0, 3)).toEqual(['plan', 'start', 'product']);
    expect(kinds.slice(-2)).toEqual(['done', 'summary']);
    expect(kinds.filter((k) => k === 'warning')).toHaveLength(2); // the doubtful spellings
    expect(
      lines
        .filter((l) => l.event === 'info')
        .map((l) => l.rule)
        .sort(),
    ).toEqual(['duplicate-event', 'out-of-order', 'out-of-order']);
    expect(lines.find((l) => l.event === 'warning')).toMatchObject({ line: 29, column: 198, rule: 'spelling' });
    expect(lines.at(-1)).toMatchObject({ event: 'summary', essays: 1, failed: 0, made: 1, warnings: 2 });
    expect(result.stderr).toBe('');
  });

  it('prints nothing but errors with --quiet', async () => {
    const out = await temp('quiet');
    const result = await run(['build', seed, '--out', out, '--formats', 'json', '--quiet']);
    expect(result.stdout + result.stderr).toBe('');
  });
});

describe('a command line that helps', () => {
  it('has help for every command, with examples', async () => {
    for (const command of ['build', 'lint', 'watch', 'new', 'templates']) {
      const help = await run([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: briefing ${command}`));
      expect(help.stdout).toMatch(/Examples?:/);
    }
  });

  it('suggests the fix for a mistyped option or command', async () => {
    const option = await run(['build', '--ot', 'x']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe('briefing: unknown option --ot (did you mean --out?); see briefing --help\n');
    expect((await run(['biuld'])).stderr).toMatch(/unknown command "biuld" \(did you mean "build"\?\)/);
  });
});
