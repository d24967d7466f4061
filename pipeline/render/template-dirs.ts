// Where templates come from: the user's folder first (file by file), then the defaults that ship with the tool.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defaultTemplatesDir } from '../paths.ts';

/** The template folders, the user's first: a file is taken from the first folder that has it. */
export class TemplateDirs {
  readonly dirs: string[];

  constructor(userDir?: string | null) {
    this.dirs = [...(userDir ? [path.resolve(userDir)] : []), defaultTemplatesDir];
  }

  /** Where a template file (relative, e.g. "partials/cover.hbs") is taken from, or null. */
  find(relative: string): string | null {
    for (const dir of this.dirs) {
      const file = path.join(dir, relative);
      if (existsSync(file)) return file;
    }
    return null;
  }

  /** Names of the files in a sub-folder across all the folders ("partials" -> ["cover.hbs", ...]). */
  list(folder: string, extension: string): string[] {
    const names = new Set<string>();
    for (const dir of this.dirs) {
      const full = path.join(dir, folder);
      if (existsSync(full)) for (const name of readdirSync(full)) if (name.endsWith(extension)) names.add(name);
    }
    return [...names].sort();
  }
}

