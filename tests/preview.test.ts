// The preview server cannot be knocked over or read from elsewhere: bad encodings, folders, paths out of the output
// folder, other hosts and origins, other methods and random junk each get a status, and it serves on afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, symlink, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, temp } from './helpers.ts';

const root = path.join(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'briefing.mjs');
let child: ChildProcess;
let port = 0;
let dir = '';
let log = '';

function text(pathname: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers: { host: `localhost:${port}` } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

function get(pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: pathname, method, headers: { host: `localhost:${port}`, ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await temp('preview');
  // A name the build makes safe ("-storm.txt" builds into storm/): the index must link what the build wrote.
  await copyFile(path.join(root, 'tests', 'fixtures', 'genres', 'news-storm.txt'), path.join(dir, '-storm.txt'));
  child = spawn(
    process.execPath,
    [bin, 'watch', path.join(dir, '-storm.txt'), '--out', path.join(dir, 'out'), '--port', '0', '--formats', 'json'],
    { cwd: dir },
  );
  child.stdout!.on('data', (d) => (log += d));
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const found = /Preview: http:\/\/localhost:(\d+)\//.exec(out)?.[1];
      if (found && /built|made|up to date/.test(out)) resolve(Number(found));
    });
    child.once('exit', () => reject(new Error(`watch exited: ${out}`)));
  });
  await symlink('/etc', path.join(dir, 'out', 'storm', 'leak'));
}, 60_000);

afterAll(() => {
  child?.kill('SIGINT');
});

describe('the preview server', () => {
  it('serves the index and the packs to this machine', async () => {
    expect(await get('/')).toBe(200);
    expect(await get('/out/storm/chronology.json')).toBe(200);
  });

  it('links only the products that were built', async () => {
    const index = await text('/');
    expect(index).toContain('/out/storm/chronology.json');
    expect(index).not.toContain('briefing.html');
  });

  it('reads the configuration again when it is saved, and rebuilds', async () => {
    const before = log.length;
    await writeFile(path.join(dir, 'briefing.config.yaml'), 'reference-date: 2001-01-01\n');
    await expect.poll(() => log.slice(before), { timeout: 20_000, interval: 100 }).toMatch(/built storm: json/);
  });

  it('says in one line when the port it was given is in use', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => busy.once('listening', r));
    const taken = (busy.address() as { port: number }).port;
    const { code, stderr } = await command(
      [
        'watch',
        path.join(dir, '-storm.txt'),
        '--out',
        path.join(dir, 'out2'),
        '--port',
        String(taken),
        '--formats',
        'json',
      ],
      { cwd: dir },
    );
    busy.close();
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`briefing: port ${taken} is in use: choose another with --port (0 picks a free one)`);
  });

  it.each([
    ['a bad encoding', '/%', 400],
    ['a folder', '/out/storm/', 404],
    ['a path out of the output folder', '/out/../../../etc/passwd', 404],
    ['an encoded path out of it', '/out/%2e%2e/%2e%2e/etc/passwd', 404],
    ['a link out of it', '/out/storm/leak/passwd', 404],
    ['a NUL byte', '/out/storm/%00chronology.json', 400],
  ])('answers %s with a status, not a crash', async (_, pathname, status) => {
    expect(await get(pathname as string)).toBe(status);
  });

  it('refuses other hosts and origins (DNS rebinding) and other methods', async () => {
    expect(await get('/out/storm/chronology.json', { host: `attacker.example:${port}` })).toBe(403);
    expect(await get('/out/storm/chronology.json', { origin: 'http://attacker.example' })).toBe(403);
    expect(await get('/', {}, 'POST')).toBe(405);
    expect(await get('/', {}, 'DELETE')).toBe(405);
  });

  it('still serves after a storm of random and hostile requests', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      '%',
      '%%',
      '%zz',
      '..',
      '/',
      '\\',
      '%2f',
      '%00',
      '~',
      'out',
      'storm',
      '\u00e9',
      '%c0%ae',
      '?',
      '#',
      ';',
    ];
    for (let i = 0; i < 200; i++) {
      const junk =
        '/' +
        Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join(
          '',
        );
      const status = await get(
        encodeURI(junk).replace(/%25/g, '%'),
        random() < 0.2 ? { host: 'x' } : {},
        random() < 0.1 ? 'PUT' : 'GET',
      ).catch(() => 0);
      expect([200, 400, 403, 404, 405]).toContain(status);
    }
    expect(await get('/')).toBe(200);
  });
});
