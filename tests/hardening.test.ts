// Nothing written or read outside its folders, and no Chromium outliving the build.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Product } from '../pipeline/core/settings.ts';
import { inside, slugOf } from '../pipeline/core/slug.ts';
import { cli, command, pack, temp } from './helpers.ts';

const root = path.join(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'briefing.mjs');
const essay = 'Talks\n\nIn May 1994 NATO met in Brussels.\n';

const run = (args: string[], cwd: string, env: Record<string, string> = {}) => command(args, { cwd, env });

/** Build `file` in `dir` into dir/out, in this process: the messages it gave. */
async function build(dir: string, file: string, formats: Product[]): Promise<string[]> {
  const settings = { ...defaultSettings, formats };
  const [result] = await pack({ inputs: [path.join(dir, file)], outDir: path.join(dir, 'out'), settings });
  expect(result!.error).toBeNull();
  return result!.file!.messages.map((m) => m.reason);
}

describe('output names', () => {
  it.each([
    ['...txt', 'essay'],
    ['..txt', 'essay'],
    ['a/../b.txt', 'b'],
    ['-l.txt', 'l'],
    ['.hidden.md', 'hidden'],
    ['x\u0000y.txt', 'x-y'],
    [`${'n'.repeat(300)}.txt`, 'n'.repeat(100)],
    ['Azerbaijan - NATO.txt', 'Azerbaijan - NATO'],
  ])('%s builds into %s/', (file, slug) => {
    expect(slugOf(file)).toBe(slug);
  });

  it('refuses any path that leaves the output folder', () => {
    expect(() => inside('/tmp/out', '..')).toThrow(/outside/);
    expect(() => inside('/tmp/out', '../x')).toThrow(/outside/);
    expect(inside('/tmp/out', 'essay')).toBe(path.resolve('/tmp/out/essay'));
  });

  it('says how to give a file whose name starts with a dash, and builds it after --', async () => {
    const dir = await temp('dash');
    await writeFile(path.join(dir, '-l.txt'), essay);
    const asOption = await run(['build', '-l.txt', '--out', 'out', '--formats', 'json'], dir);
    expect(asOption.code).toBe(2);
    expect(asOption.stderr).toMatch(/-l\.txt is read as an option; give it as \.\/-l\.txt, or after --/);
    expect((await run(['build', '--out', 'out', '--formats', 'json', '--', '-l.txt'], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'out', 'l', 'chronology.json'))).toBe(true);
  });

  it('builds "...txt" inside --out, never beside it', async () => {
    const dir = await temp('names');
    await writeFile(path.join(dir, '...txt'), essay);
    await mkdir(path.join(dir, 'parent'));
    const { code } = await run(['build', '...txt', '--out', 'parent/out', '--formats', 'json'], dir);
    expect(code).toBe(0);
    expect(readdirSync(path.join(dir, 'parent'))).toEqual(['out']);
    expect(existsSync(path.join(dir, 'parent', 'out', 'essay', 'chronology.json'))).toBe(true);
  });
});

describe('user folders', () => {
  it('refuses a template that is a link out of its folder, with one line naming it', async () => {
    const dir = await temp('links');
    await mkdir(path.join(dir, 'theme', 'partials'), { recursive: true });
    await writeFile(path.join(dir, 'secret.txt'), 'TOP SECRET');
    await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'theme', 'partials', 'cover.hbs'));
    await writeFile(path.join(dir, 'e.txt'), essay);
    const { code, stderr } = await run(
      ['build', 'e.txt', '--out', 'out', '--formats', 'briefing', '--templates', 'theme'],
      dir,
    );
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/cover\.hbs: a link out of the template folder/);
  });

  it('refuses a templates folder that does not exist, and a logo that is no image', async () => {
    const dir = await temp('folders');
    await writeFile(path.join(dir, 'e.txt'), essay);
    expect((await run(['build', 'e.txt', '--out', 'out', '--templates', 'nowhere'], dir)).stderr).toMatch(
      /templates: nowhere is not a folder/,
    );
    await mkdir(path.join(dir, 'logo.png'));
    await writeFile(path.join(dir, 'briefing.config.yaml'), 'logo: logo.png\n');
    expect((await run(['build', 'e.txt', '--out', 'out'], dir)).stderr).toMatch(/logo: .*logo\.png is not a file/);
  });
});

describe('Chromium', () => {
  it('dies with the build, even when the build is killed with SIGKILL mid-print', async () => {
    const dir = await temp('kill');
    const paragraphs = Array.from(
      { length: 300 },
      (_, i) => `In March ${1900 + (i % 100)} the council met in Brussels and agreed plan ${i}.`,
    );
    await writeFile(path.join(dir, 'big.txt'), `Big essay\n\n${paragraphs.join('\n\n')}\n`);
    const mark = `briefing-kill-${process.pid}-${Date.now()}`;
    const child = spawn(process.execPath, [bin, 'build', 'big.txt', '--out', 'out'], {
      cwd: dir,
      // Its temporary folder is the test's: the profile a killed Chromium leaves goes with the test's folders.
      env: { ...process.env, BRIEFING_TEST_MARK: mark, TMPDIR: dir },
    });
    const marked = () =>
      readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return (
              readFileSync(`/proc/${p}/environ`, 'latin1').includes(mark) &&
              !readFileSync(`/proc/${p}/cmdline`, 'latin1').includes('briefing.mjs')
            );
          } catch {
            return false;
          }
        });
    // Chromium is up and printing: a renderer is among the build's descendants (read from /proc's lists of children:
    // cheap enough to look every 20 ms, so a busy machine's short print is not missed).
    const descendants = (pid: number): number[] => {
      let tasks: string[] = [];
      try {
        tasks = readdirSync(`/proc/${pid}/task`);
      } catch {
        return [];
      }
      const children = tasks.flatMap((task) => {
        try {
          return readFileSync(`/proc/${pid}/task/${task}/children`, 'latin1').split(' ').filter(Boolean).map(Number);
        } catch {
          return [];
        }
      });
      return children.flatMap((c) => [c, ...descendants(c)]);
    };
    const printing = () =>
      descendants(child.pid!).some((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'latin1').includes('--type=renderer');
        } catch {
          return false;
        }
      });
    let exited = false;
    child.on('exit', () => (exited = true));
    for (let i = 0; i < 1500 && !exited && !printing(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(exited, 'the build ended before it printed').toBe(false);
    expect(printing()).toBe(true);
    child.kill('SIGKILL');
    for (let i = 0; i < 60 && marked().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(marked()).toEqual([]);
  }, 60_000);
});

describe('big essays and stale locks', () => {
  it('refuses a paragraph of a megabyte up front, with the line and what to do', async () => {
    const dir = await temp('big');
    await writeFile(
      path.join(dir, 'line.txt'),
      `Line\n\n${'the council met in Brussels in 1994 and agreed a plan '.repeat(20_000)}.\n`,
    );
    const started = performance.now();
    const { code, stderr } = await run(['build', 'line.txt', '--out', 'out', '--formats', 'json'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/line 3: a paragraph of 1,0\d\d,\d\d\d characters, over the 50,000 .* split it/);
    expect(performance.now() - started).toBeLessThan(10_000); // refused, not ground through
  });

  it('refuses to print more than 5,000 paragraphs up front, and says how to build them', async () => {
    const dir = await temp('many');
    const paragraphs = Array.from({ length: 5_001 }, (_, i) => `Paragraph ${i} says the council met.`);
    await writeFile(path.join(dir, 'many.txt'), `Many\n\n${paragraphs.join('\n\n')}\n`);
    const { code, stderr } = await run(['build', 'many.txt', '--out', 'out', '--formats', 'briefing'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/5,001 paragraphs: the printed products take at most 5,000; build it with --formats json/);
  }, 60_000);

  it('takes over a lock whose pid now belongs to another process', async () => {
    const dir = await temp('lock');
    await writeFile(path.join(dir, 'e.txt'), essay);
    await mkdir(path.join(dir, 'out'));
    await writeFile(path.join(dir, 'out', '.briefing.lock'), '1 12345\n'); // pid 1 is alive, but started long before
    expect((await run(['build', 'e.txt', '--out', 'out', '--formats', 'json'], dir)).code).toBe(0);
  });
});

describe('lint', () => {
  it('flags bidirectional control characters with their place', async () => {
    const dir = await temp('bidi');
    await writeFile(path.join(dir, 'b.txt'), 'T\n\nIn May 1994 NATO \u202emet\u202c in Brussels.\n');
    const { code, stdout, stderr } = await run(['lint', 'b.txt', '--strict'], dir);
    expect(code).toBe(1);
    expect(stdout + stderr).toMatch(/3:18-3:19 +warning +Bidirectional control character U\+202E/);
  });
});

describe('long titles', () => {
  it('keep a 2,000-character title whole, on a one-page fact sheet and a title slide that still fit', async () => {
    const { readPdf } = await import('./pdf.ts');
    const dir = await temp('title');
    const title = Array.from({ length: 40 }, (_, i) => `relations between many states part ${i}`)
      .join(' ')
      .slice(0, 2000)
      .trim();
    await writeFile(
      path.join(dir, 'long.txt'),
      `${title}\n\nIn May 1994 NATO met in Brussels. In June 1995 the council agreed a plan.\n\nIn 1997 Azerbaijan joined the Planning and Review Process.\n`,
    );
    await build(dir, 'long.txt', ['factsheet', 'slides']);
    const sheet = await readPdf(path.join(dir, 'out', 'long', 'factsheet.pdf'));
    expect(sheet.pages).toHaveLength(1);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    const lastWords = title.split(' ').slice(-4).join(' ');
    expect(flat(sheet.pages[0]!.text)).toContain(lastWords);
    expect(flat(sheet.pages[0]!.text)).toMatch(/Milestones/i);
    const deck = await readPdf(path.join(dir, 'out', 'long', 'slides.pdf'));
    expect(flat(deck.pages[0]!.text)).toContain(lastWords);
    expect(flat(deck.pages[1]!.text)).not.toContain('part 3'); // the footer repeats no title that long
  }, 60_000);
});

describe('clear messages', () => {
  it('prints emoji with the fallback font, and names the characters no font can print with the package to install', async () => {
    const dir = await temp('glyphs');
    await writeFile(
      path.join(dir, 'g.txt'),
      'T\n\nIn May 1994 NATO met \u{1F600} in \uC11C\uC6B8 and Bak\u0131, Moscow (\u041C\u043E\u0441\u043A\u0432\u0430).\n',
    );
    const out = (await build(dir, 'g.txt', ['factsheet'])).join('\n');
    expect(out).toMatch(
      /No font for \uC11C \(U\+C11C\), \uC6B8 \(U\+C6B8\): they print as empty boxes; add a font that has them to fonts.fallback .*npm install @fontsource\/noto-sans-kr/u,
    );
    expect(out).not.toMatch(/\u041C \(U\+|U\+1F600/);
    // The emoji's font is embedded: only the face that has it (of eleven), regular and bold.
    const html = await readFile(path.join(dir, 'out', 'g', 'factsheet.html'), 'utf8');
    expect(html.match(/font-family: 'Noto Emoji'/g)).toHaveLength(2);
    expect(await readFile(path.join(dir, 'out', 'g', 'factsheet.pdf'), 'latin1')).toMatch(/NotoEmoji/);
  }, 60_000);

  it('says so in one line when --out is a file, and when front matter has an unknown YAML tag', async () => {
    const dir = await temp('messages');
    await writeFile(path.join(dir, 'e.txt'), essay);
    await writeFile(path.join(dir, 'afile'), '');
    const asFile = await run(['build', 'e.txt', '--out', 'afile', '--formats', 'json'], dir);
    expect(asFile.code).toBe(1);
    expect(asFile.stderr.trim()).toMatch(
      /^briefing: cannot create the output folder: a file of that name is in the way \(.*afile\)$/,
    );
    await writeFile(path.join(dir, 'y.md'), '---\ntitle: !!js/function x\n---\n\n# T\n\nIn May 1994 NATO met.\n');
    // In a process of its own: what must not show is Node's own warning, which only the process's stderr gets.
    const tagged = await cli(['build', 'y.md', '--out', 'out', '--formats', 'json'], { cwd: dir });
    expect(tagged.stderr).not.toMatch(/YAMLWarning|\^\^\^/);
  });
});

describe('portable HTML', () => {
  it('names no path of the build machine: fonts are inlined, only the subsets the essay needs', async () => {
    const dir = await temp('html');
    await writeFile(path.join(dir, 'e.txt'), 'Talks\n\nIn May 1994 NATO met in Bak\u0131.\n');
    await build(dir, 'e.txt', ['briefing', 'factsheet']);
    for (const name of ['briefing.html', 'factsheet.html']) {
      const html = readFileSync(path.join(dir, 'out', 'e', name), 'utf8');
      expect(html).not.toMatch(/file:\/\//);
      expect(html).toContain('unicode-range: U+0100-02BA'); // latin-ext: "ı" needs it
      expect(html).not.toContain('U+0400-045F'); // cyrillic: nothing needs it
    }
  }, 60_000);
});
