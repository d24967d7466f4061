// `briefing templates eject`: copy default templates into a folder of one's own, to edit and build with.
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { defaultTemplatesDir } from '../core/paths.ts';

/** Every default template file, relative to the templates folder ("partials/cover.hbs", "css/base.css"). */
async function defaults(dir = defaultTemplatesDir, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
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
    throw new Error(
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
    if (!force && (await stat(target).catch(() => null)))
      throw new Error(`${target} exists; edit it, or eject again with --force to replace it`);
  }
  for (const file of chosen) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await copyFile(path.join(defaultTemplatesDir, file), path.join(to, file));
  }
  return chosen.map((file) => path.join(to, file));
}
