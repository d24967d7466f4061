// `briefing templates eject`: copy default templates into a folder of one's own, to edit and build with.

import { copyFile, lstat, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.ts';
import { defaultTemplatesDir } from '../core/paths.ts';

/**
 * Every default template file, relative to the templates folder ("partials/cover.hbs", "css/base.css"); not the
 * tool's own page scripts (scripts/), which a templates folder does not replace.
 */
async function defaults(dir = defaultTemplatesDir, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (relative === 'scripts') continue;
    if (entry.isDirectory()) files.push(...(await defaults(dir, relative)));
    else files.push(relative);
  }
  return files.sort();
}

/** Which default file a name means: "cover" -> partials/cover.hbs, "slides.css" -> css/slides.css, "briefing". */
function resolve(name: string, all: string[]): string {
  const candidates = [
    name,
    `${name}.hbs`,
    `partials/${name}`,
    `partials/${name}.hbs`,
    `css/${name}`,
    `css/${name}.css`,
  ];
  const found = candidates.find((c) => all.includes(c));
  if (!found)
    throw new InputError(
      `no default template "${name}" (there are: ${all.map((f) => f.replace(/^(partials|css)\//, '').replace(/\.hbs$/, '')).join(', ')})`,
    );
  return found;
}

/** Copy the named defaults (all of them when none is named) into `to`; never overwrite unless `force`. */
export async function eject(names: string[], to: string, force = false): Promise<string[]> {
  const all = await defaults();
  const chosen = names.length ? names.map((n) => resolve(n, all)) : all;
  for (const file of chosen) {
    const target = path.join(to, file);
    const existing = await lstat(target).catch(() => null);
    // --force replaces a file, never what a link points to.
    if (existing?.isSymbolicLink()) throw new InputError(`${target} is a link; remove it, then eject again`);
    if (!force && existing)
      throw new InputError(`${target} exists; edit it, or eject again with --force to replace it`);
  }
  for (const file of chosen) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await rm(path.join(to, file), { force: true }); // a new file: --force never writes into an old one's inode
    await copyFile(path.join(defaultTemplatesDir, file), path.join(to, file));
  }
  return chosen.map((file) => path.join(to, file));
}
