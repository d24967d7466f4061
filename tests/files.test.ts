// Files a user names are opened one way (pipeline/core/user-files.ts): only regular files, inside the folder they
// must be in, read with a cap. Each case here hung, ate memory or wrote through a link before; each is now refused
// with its reason, and the build goes on with what it can make. Run in a process of its own: a regression would hang.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readUserFile } from '../pipeline/core/user-files.ts';
import { cssString } from '../pipeline/views/format.ts';
import { cli, temp } from './helpers.ts';

const essay = 'Talks\n\nIn May 1994 NATO met in Brussels. In June 1995 it met again.\n';
const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

describe('files an essay names', () => {
  it('reads no device, FIFO or outside file, and builds the rest', async () => {
    const dir = await temp('names');
    await symlink('/dev/zero', path.join(dir, 'annex.png'));
    mkfifo(path.join(dir, 'map.png'));
    await mkdir(path.join(dir, 'secrets'));
    await writeFile(path.join(dir, 'secrets', 'secret.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    await mkdir(path.join(dir, 'e'));
    await symlink(path.join(dir, 'secrets'), path.join(dir, 'e', 'pics'));
    await symlink('../annex.png', path.join(dir, 'e', 'annex.png'));
    await writeFile(
      path.join(dir, 'e', 'z.md'),
      '---\ntitle: Z\n---\n\nIn 1994 it met ([annex][a]). In 1995 it met again.\n\n![map](../map.png)\n\n![s](pics/secret.png)\n\n![z](annex.png)\n\n[a]: annex.png\n',
    );
    for (const args of [['--check'], []]) {
      const result = await cli(['build', 'e/z.md', '--out', 'out', '--formats', 'briefing,json', ...args], {
        cwd: dir,
      });
      expect(result.code, result.stderr).not.toBeNull();
    }
    const built = await cli(['build', 'e/z.md', '--out', 'out', '--formats', 'briefing,json', '--force'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/pics\/secret\.png: the file leads out of/);
    expect(built.stderr).toMatch(/annex\.png: the file (?:leads out of|is not a regular file)/);
    expect(existsSync(path.join(dir, 'out', 'z', 'briefing.pdf'))).toBe(true);
  }, 60_000);

  it('refuses a FIFO and a huge sparse file in source/ before reading them, and builds the other essays', async () => {
    const dir = await temp('source');
    await mkdir(path.join(dir, 'source'));
    await writeFile(path.join(dir, 'source', 'good.txt'), essay);
    mkfifo(path.join(dir, 'source', 'pipe.txt'));
    await writeFile(path.join(dir, 'source', 'huge.txt'), '');
    await truncate(path.join(dir, 'source', 'huge.txt'), 1.5 * 1024 ** 3);
    for (const args of [['--check'], ['--formats', 'json']]) {
      const result = await cli(['build', ...args], { cwd: dir });
      expect(result.code).toBe(1);
      if (args[0] === '--formats') {
        expect(result.stderr).toMatch(/pipe\.txt: file is not a regular file/);
        expect(result.stderr).toMatch(/huge\.txt: file is 1536 MB, over the 10 MB limit/);
      }
    }
    expect(existsSync(path.join(dir, 'output', 'good', 'chronology.json'))).toBe(true);
  }, 60_000);

  it('caps standard input: a stream over the limit is refused as it comes, never held whole', async () => {
    const dir = await temp('stdin');
    const result = await cli(['build', '-', '--formats', 'json', '--max-size', '1', '--out', 'out'], {
      cwd: dir,
      onStart: (child) => {
        const chunk = Buffer.alloc(1024 * 1024, 'a ');
        child.stdin!.on('error', () => {});
        child.stdin!.write(chunk);
        child.stdin!.write(chunk);
        child.stdin!.end();
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/standard input is over the 1 MB limit/);
  }, 30_000);

  it('never writes a pack through a link in the output folder', async () => {
    const dir = await temp('outlink');
    await writeFile(path.join(dir, 'short.txt'), essay);
    await mkdir(path.join(dir, 'out'));
    await mkdir(path.join(dir, 'victim'));
    await symlink('../victim', path.join(dir, 'out', 'short'));
    const result = await cli(['build', 'short.txt', '--out', 'out', '--formats', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/short is a link: the pack is not written through it/);
    expect(readdirSync(path.join(dir, 'victim'))).toEqual([]);
  }, 30_000);

  it('reads a regular file up to its limit, and says why it will not read anything else', async () => {
    const dir = await temp('read');
    await writeFile(path.join(dir, 'a.txt'), 'abc');
    expect(readUserFile(path.join(dir, 'a.txt'), { maxBytes: 3 }).toString()).toBe('abc');
    expect(() => readUserFile(path.join(dir, 'a.txt'), { maxBytes: 2 })).toThrow(/is 0\.0 MB, over the/);
    expect(() => readUserFile(dir, { maxBytes: 9 })).toThrow('is a folder, not a file');
    expect(() => readUserFile('/dev/zero', { maxBytes: 9 })).toThrow('is not a regular file');
    expect(() => readUserFile(path.join(dir, 'no.txt'), { maxBytes: 9 })).toThrow('does not exist');
    await symlink(path.join(dir, 'a.txt'), path.join(dir, 'sub-link.txt'));
    await mkdir(path.join(dir, 'sub'));
    await symlink('../a.txt', path.join(dir, 'sub', 'up.txt'));
    expect(() => readUserFile(path.join(dir, 'sub', 'up.txt'), { maxBytes: 9, root: path.join(dir, 'sub') })).toThrow(
      /leads out of/,
    );
  });
});

describe('escaping', () => {
  it('escapes every control character, quotes and "<" in a CSS string', () => {
    const all = `${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}\u007f"'\\<>}`;
    const escaped = cssString(all);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none is left
    expect(escaped).not.toMatch(/[\u0000-\u001f\u007f"'<>]/);
    expect(cssString('\f}} html{display:none} x{')).toBe('\\c }} html{display:none} x{');
  });

  it('writes a well-formed PowerPoint whatever the organisation, the title or the text hold', async () => {
    const dir = await temp('pptx');
    const nasty = 'Business & Trade <x> \u0001\u0007\u0008\u001b\ufffe "q"';
    await writeFile(path.join(dir, 'briefing.config.yaml'), 'organisation: "Business & Trade <Ltd>"\n');
    await writeFile(
      path.join(dir, 'e.txt'),
      `${nasty}\n\nIn May 1994 NATO met in Brussels (${nasty}). In June 1995 it met again.\n`,
    );
    const result = await cli(['build', 'e.txt', '--out', 'out', '--formats', 'slides'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(path.join(dir, 'out', 'e', 'slides.pptx')));
    for (const name of Object.keys(zip.files).filter((f) => /\.(?:xml|rels)$/.test(f))) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    }
    expect(await zip.file('docProps/app.xml')!.async('string')).toMatch(
      /<Company>Business &amp; Trade &lt;Ltd&gt;<\/Company>/,
    );
  }, 60_000);
});

describe('what a page may load', () => {
  it("reads its own folder and the shared roots, never another pack's folder or a file of the output folder", async () => {
    const { Printer } = await import('../pipeline/browser/printer.ts');
    const dir = await temp('page-reads');
    const fonts = await temp('page-fonts');
    await mkdir(path.join(dir, 'pack'));
    await mkdir(path.join(dir, 'other'));
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    for (const file of ['pack/own.png', 'other/theirs.png', 'secret.png']) await writeFile(path.join(dir, file), png);
    await writeFile(path.join(fonts, 'font.png'), png);
    const html = path.join(dir, 'pack', 'page.html');
    await writeFile(
      html,
      `<img src="own.png"><img src="../other/theirs.png"><img src="../secret.png"><iframe src="../secret.png"></iframe><img src="${new URL(`file://${path.join(fonts, 'font.png')}`).href}">`,
    );
    const seen = new Map<string, boolean>();
    const printer = new Printer({
      allowedRoots: [dir, fonts],
      onRequest: (url, allowed) => seen.set(path.basename(new URL(url).pathname), allowed),
    });
    try {
      await printer.withPage((page) => printer.load(page, html));
    } finally {
      await printer.close();
    }
    expect(Object.fromEntries(seen)).toEqual({
      'page.html': true,
      'own.png': true,
      'theirs.png': false,
      'secret.png': false,
      'font.png': true,
    });
  }, 30_000);
});

describe('two builds in one process', () => {
  it('exclude each other on one output folder: one is refused, the other finishes whole', async () => {
    const { defaultSettings } = await import('../pipeline/core/settings.ts');
    const { pack } = await import('./helpers.ts');
    const dir = await temp('two-builds');
    await writeFile(path.join(dir, 'e.txt'), essay);
    const request = {
      inputs: [path.join(dir, 'e.txt')],
      outDir: path.join(dir, 'out'),
      settings: { ...defaultSettings, formats: ['json' as const] },
    };
    // Whichever takes the lock first builds; the other is refused with its reason.
    const settled = await Promise.allSettled([pack(request), pack(request)]);
    expect(settled.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = settled.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String(refused.reason)).toMatch(/another build of this process/);
    expect(existsSync(path.join(dir, 'out', 'e', 'chronology.json'))).toBe(true);
  }, 30_000);
});

describe('smaller things, each with its one line', () => {
  it('reads json,json as json, an empty --out as a mistake, and a manifest of nonsense as none', async () => {
    const dir = await temp('small');
    await writeFile(path.join(dir, 'e.txt'), essay);
    const twice = await cli(['build', 'e.txt', '--formats', 'json,json', '--out', 'out'], { cwd: dir });
    expect(twice.code, twice.stderr).toBe(0);
    expect(await cli(['build', 'e.txt', '--out', ''], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--out: an empty folder name/),
    });
    await writeFile(path.join(dir, 'out', 'e', '.build.json'), '{"products": null}');
    const again = await cli(['build', 'e.txt', '--formats', 'json', '--out', 'out'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/built e: json/);
  }, 30_000);

  it('ignores a SOURCE_DATE_EPOCH no PDF can carry, and ejects no template through a link', async () => {
    const { buildDate } = await import('../pipeline/render/pdf-info.ts');
    expect(buildDate('2006-05-25', { SOURCE_DATE_EPOCH: '99999999999999999' }).toISOString()).toBe(
      '2006-05-25T00:00:00.000Z',
    );
    expect(buildDate(null, { SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    const dir = await temp('eject');
    await mkdir(path.join(dir, 'mine'));
    await writeFile(path.join(dir, 'victim.hbs'), 'keep me');
    await symlink(path.join(dir, 'victim.hbs'), path.join(dir, 'mine', 'briefing.hbs'));
    const result = await cli(['templates', 'eject', 'briefing.hbs', '--to', 'mine', '--force'], { cwd: dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/briefing\.hbs is a link/);
    expect(await readFile(path.join(dir, 'victim.hbs'), 'utf8')).toBe('keep me');
  }, 30_000);
});

describe('templates', () => {
  it('stop a loop that would run for minutes, with one line saying why', async () => {
    const { loadTemplates } = await import('../pipeline/render/templates.ts');
    const dir = await temp('loops');
    await writeFile(
      path.join(dir, 'briefing.hbs'),
      '{{#each events}}{{#each @root.events}}{{#each @root.events}}{{#each @root.events}}{{#each @root.events}}x{{/each}}{{/each}}{{/each}}{{/each}}{{/each}}',
    );
    const templates = loadTemplates(dir);
    const events = Array.from({ length: 40 }, (_, i) => ({ n: i }));
    expect(() => templates.render('briefing', { events })).toThrow(/loops ran past 1,000,000 blocks/);
    // A page of ordinary size renders.
    expect(templates.render('briefing', { events: events.slice(0, 3) })).toBe('x'.repeat(3 ** 5));
  });
});

describe('a list nested a thousand levels deep', () => {
  it('is refused when the file is read, with its line, instead of parsing for minutes', async () => {
    const dir = await temp('nested');
    const list = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    await writeFile(path.join(dir, 'deep.md'), `# Deep\n\nIn 1994 it met.\n\n${list}\n`);
    const result = await cli(['build', 'deep.md', '--formats', 'json', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 70: a list item indented 130 columns, past the 128 a list may nest to/);
  }, 30_000);
});

describe("the pack's file names", () => {
  it('follow outputs.name, so packs sent together do not collide, and a rebuild knows them', async () => {
    const dir = await temp('names-pattern');
    await writeFile(path.join(dir, 'talks.txt'), essay);
    await writeFile(path.join(dir, 'briefing.config.yaml'), 'outputs:\n  name: "{slug}-{product}"\n');
    const first = await cli(['build', 'talks.txt', '--formats', 'json,factsheet', '--out', 'out'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(
      readdirSync(path.join(dir, 'out', 'talks'))
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual(['talks-chronology.json', 'talks-factsheet.html', 'talks-factsheet.pdf']);
    const again = await cli(['build', 'talks.txt', '--formats', 'json,factsheet', '--out', 'out'], { cwd: dir });
    expect(again.stdout).toMatch(/up to date talks/);
    const piped = await cli(['build', 'talks.txt', '--formats', 'json', '--out', '-'], { cwd: dir });
    expect(JSON.parse(piped.stdout).events).toHaveLength(2);
    await writeFile(path.join(dir, 'briefing.config.yaml'), 'outputs:\n  name: "{slug}"\n');
    expect((await cli(['build', 'talks.txt', '--out', 'out'], { cwd: dir })).stderr).toMatch(
      /outputs\.name: "\{slug\}" is not a pattern/,
    );
  }, 60_000);
});
