import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { build, findEssays } from '../pipeline/app/build/build.ts';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { readSource } from '../pipeline/parse/read-source.ts';
import { cli, command, temp } from './helpers.ts';
import { readPdf } from './pdf.ts';

const root = path.join(import.meta.dirname, '..');
const seed = path.join(root, 'source', 'azerbaijan-nato.txt');

const run = (args: string[], env: Record<string, string> = {}) => command(args, { env });

/** A short essay of a little over a kilobyte: what these tests build is beside the point, and the seed costs more. */
const SHORT = `Talks in Brussels\n\n${Array.from(
  { length: 12 },
  (_, i) => `In May ${1994 + i} the ministers met in Brussels and agreed the next steps of the partnership plan.`,
).join('\n\n')}\n`;

/**
 * An output folder holding a good pack (json only: fast, and built in this process: what is tested is the failing
 * build after it), built from a short essay named `slug`.
 */
async function goodPack(slug = 'essay') {
  const src = await temp('src');
  const out = await temp('out');
  const essay = path.join(src, `${slug}.txt`);
  await writeFile(essay, SHORT);
  const [made] = await build({ inputs: [essay], outDir: out, settings: { ...defaultSettings, formats: ['json'] } });
  expect(made!.error).toBeNull();
  const good = await readFile(path.join(out, slug, 'chronology.json'), 'utf8');
  const unchanged = async () => {
    expect(await readFile(path.join(out, slug, 'chronology.json'), 'utf8')).toBe(good);
    expect((await readdir(out)).filter((n) => n.startsWith('.'))).toEqual([]); // no staging, no lock
  };
  return { src, out, essay, unchanged };
}

describe('bad input: one line naming the file, exit 1, the good pack kept', () => {
  it.each([
    ['an empty file', '', /essay\.txt: empty file$/],
    ['whitespace only', ' \n\u00a0\n\t\n', /essay\.txt: file holds only whitespace$/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), /essay\.txt: binary file/],
  ])('%s', async (_, content, message) => {
    const { out, essay, unchanged } = await goodPack();
    await writeFile(essay, content);
    const result = await run(['build', essay, '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    await unchanged();
  });

  it('an essay over the size limit', async () => {
    const { out, essay, unchanged } = await goodPack();
    await writeFile(essay, `${await readFile(essay, 'utf8')}\nOne more paragraph.\n`);
    const result = await run(['build', essay, '--out', out, '--formats', 'json', '--max-size', '0.001']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/essay\.txt: file is 0\.0 MB, over the 0 MB limit|over the .* limit/);
    await unchanged();
  });

  it("a folder's README is no essay, unless it is named", async () => {
    const dir = await temp('readme');
    for (const name of ['README.md', 'Readme.txt', 'talks.md']) await writeFile(path.join(dir, name), SHORT);
    expect((await findEssays([dir])).map((f) => path.basename(f))).toEqual(['talks.md']);
    expect((await findEssays([path.join(dir, 'README.md')])).map((f) => path.basename(f))).toEqual(['README.md']);
  });

  it('a missing file, and a folder with no essays', async () => {
    expect((await run(['build', 'nowhere/essay.txt'])).stderr).toMatch(
      /^briefing: nowhere\/essay\.txt: no such file or folder\n$/,
    );
    const empty = await temp('empty');
    const result = await run(['build', empty, '--out', await temp('out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no essays \(\.txt, \.md\) in this folder/);
  });

  it('an output folder that cannot be written', async () => {
    const file = path.join(await temp('file'), 'a-file');
    await writeFile(file, 'x');
    const result = await run(['build', seed, '--out', path.join(file, 'out'), '--formats', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^briefing: cannot create the output folder: part of the path is a file/);
  });
});

describe('odd but readable input', () => {
  it('decodes invalid UTF-8 with replacement characters and a warning', async () => {
    const { src, out } = await goodPack();
    const essay = path.join(src, 'latin1.txt');
    await writeFile(
      essay,
      Buffer.concat([Buffer.from('Title\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' opened in March 1992.\n')]),
    );
    const result = await run(['build', essay, '--out', out, '--formats', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning +Invalid UTF-8/);
    const chronology = JSON.parse(await readFile(path.join(out, 'latin1', 'chronology.json'), 'utf8'));
    expect(chronology.events[0].date.value).toBe('1992-03');
  });

  it('reads UTF-16 with a byte-order mark, CRLF and lone CR line ends', async () => {
    const dir = await temp('enc');
    const text = 'Title \u0259\u011f\u015f\n\nFirst in March 1992.\n\nSecond in May 1994.\n';
    await writeFile(path.join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    await writeFile(
      path.join(dir, 'be.txt'),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    );
    await writeFile(path.join(dir, 'crlf.txt'), text.replace(/\n/g, '\r\n'));
    await writeFile(path.join(dir, 'cr.txt'), text.replace(/\n/g, '\r'));
    for (const name of ['le.txt', 'be.txt', 'crlf.txt', 'cr.txt']) {
      const essay = await parseEssay(await readSource(path.join(dir, name)));
      expect(essay.title, name).toBe('Title \u0259\u011f\u015f');
      expect(
        essay.paragraphs.map((p) => p.text),
        name,
      ).toEqual(['First in March 1992.', 'Second in May 1994.']);
    }
  });

  it('keeps web-page leftovers out of the title and the text', async () => {
    const file = new VFile({
      path: 'web.txt',
      value:
        'Accessibility links\nSkip to content\n\nBreaking News\n\nXS\nSM\n\nThe real title\n\nIn March 1992 it began.\n\nShare\n',
    });
    const essay = await parseEssay(file);
    expect(essay.title).toBe('The real title');
    expect(essay.paragraphs.map((p) => p.text)).toEqual(['In March 1992 it began.']);
    expect(file.messages[0]?.reason).toMatch(/Dropped 6 lines of web-page leftovers/);
  });
});

describe('hostile text stays text, and printing stays offline', () => {
  it("prints markup, template syntax and links as the characters written, loading only the pack's own files", async () => {
    const dir = await temp('hostile');
    const out = await temp('hostile-out');
    const essay = path.join(dir, 'hostile.md');
    await writeFile(
      essay,
      [
        '---',
        'title: "<script>alert(1)</script> {{title}}"',
        '---',
        '',
        'In March 1992 <script>document.title="owned"</script> and <img src=x onerror="alert(1)"> appeared.',
        '',
        'The {{constructor.constructor}} and {{{raw}}} stay, as does <style>body{display:none}</style> here.',
        '',
        'A [link](javascript:alert(1)) and <iframe src="http://example.com/"></iframe> and ![img](http://example.com/a.png).',
        '',
      ].join('\n'),
    );
    const requests: { url: string; allowed: boolean }[] = [];
    const [result] = await build({
      inputs: [essay],
      outDir: out,
      settings: { ...defaultSettings, formats: ['briefing'] },
      onRequest: (url, allowed) => requests.push({ url, allowed }),
    });
    expect(result!.error).toBeNull();
    const pdf = await readPdf(path.join(out, 'hostile', 'briefing.pdf'));
    const text = pdf.pages
      .map((p) => p.text)
      .join('')
      .replace(/\s+/g, '');
    for (const literal of [
      '<script>document.title="owned"</script>',
      '<imgsrc=xonerror="alert(1)">',
      '{{constructor.constructor}}',
      '{{{raw}}}',
      '<style>body{display:none}</style>',
    ]) {
      expect(text).toContain(literal);
    }
    expect(pdf.info.Title).toContain('<script>alert(1)</script> {{title}}');
    const html = await readFile(path.join(out, 'hostile', 'briefing.html'), 'utf8');
    expect(html).not.toMatch(/<script|<img|<iframe|javascript:/i);
    // Every request was for the pack's own files or its inlined fonts, and none was refused: nothing tried to leave.
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.allowed, r.url).toBe(true);
      expect(
        r.url.startsWith(pathToFileURL(out).href) || r.url.startsWith('data:font/woff2;base64,'),
        r.url.slice(0, 80),
      ).toBe(true);
    }
  });
});

describe('faults', () => {
  it('says how to install Chromium when there is none', async () => {
    const result = await run(['build', seed, '--out', await temp('out'), '--formats', 'briefing'], {
      BRIEFING_CHROME: '/nonexistent/chromium',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /BRIEFING_CHROME=\/nonexistent\/chromium is not an executable file; install Chromium/,
    );
  });

  it('gives up cleanly on a Chromium that hangs, after one retry, keeping the good pack', async () => {
    const { out, essay, unchanged } = await goodPack();
    const fake = path.join(await temp('fake'), 'chromium');
    await writeFile(fake, '#!/bin/sh\nsleep 30\n');
    await chmod(fake, 0o755);
    const started = Date.now();
    const result = await run(['build', essay, '--out', out], { BRIEFING_CHROME: fake, BRIEFING_TIMEOUT: '1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/essay\.txt: .*did not start within 1 s/);
    expect(Date.now() - started).toBeLessThan(20_000);
    await unchanged();
  });

  it('refuses a second build on the same output folder while one runs', async () => {
    const { out, essay, unchanged } = await goodPack();
    await writeFile(path.join(out, '.briefing.lock'), `${process.pid}\n`); // a live process holds it
    // In a process of its own: this one's pid holds the lock.
    const result = await cli(['build', essay, '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is being built by another process \(pid \d+\)/);
    await writeFile(path.join(out, '.briefing.lock'), '999999\n'); // a dead one: stale, taken over
    expect((await run(['build', essay, '--out', out, '--formats', 'json'])).code).toBe(0);
    await unchanged();
  });

  it('leaves only complete files when interrupted with Ctrl-C', async () => {
    const { out, essay, unchanged } = await goodPack();
    await mkdir(path.join(out, 'essay'), { recursive: true });
    // Ctrl-C once the build has begun (its first --json event), not at a fixed time: on a busy machine a fixed 700 ms
    // could come before the command had even loaded, and killed it as any Node program.
    const args = ['build', essay, '--out', out, '--formats', 'json,briefing', '--json'];
    const result = await cli(args, {
      onStart: (child) => child.stdout!.once('data', () => setTimeout(() => child.kill('SIGINT'), 300)),
    });
    expect([130, 0], result.stderr).toContain(result.code); // 0 only if the build beat the signal
    await unchanged();
  });
});
