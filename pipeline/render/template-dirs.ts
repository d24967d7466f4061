// Where templates come from: the user's folder first (file by file), then the defaults that ship with the tool.
// A user's folder may be shared (a theme in another repository), so a file is only ever read from inside its folder:
// a link that leads out of it ("partials/leak.hbs -> /etc/passwd") is refused, and so is anything but a regular file.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { BriefingError } from '../core/errors.ts';
import { defaultTemplatesDir } from '../core/paths.ts';
import { readUserFile, UserFileError } from '../core/user-files.ts';

export class TemplateError extends BriefingError {
  constructor(message: string) {
    super('template', message);
  }
}

export class TemplateDirs {
  readonly dirs: string[];

  constructor(userDir?: string | null) {
    if (userDir && !statSync(userDir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new TemplateError(`templates: ${userDir} is not a folder`);
    }
    this.dirs = [...(userDir ? [realpathSync(path.resolve(userDir))] : []), defaultTemplatesDir];
  }

  /** Where a template file (relative, e.g. "partials/cover.hbs") is taken from, or null. */
  find(relative: string): string | null {
    for (const dir of this.dirs) {
      const file = path.join(dir, relative);
      if (existsSync(file)) return checked(dir, file);
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

/** The file, when it really is a regular file inside its folder; an error naming it otherwise. */
function checked(dir: string, file: string): string {
  const real = realpathSync(file);
  if (!real.startsWith(realpathSync(dir) + path.sep))
    throw new TemplateError(`${file}: a link out of the template folder ${dir}; refused`);
  if (!statSync(real).isFile()) throw new TemplateError(`${file}: not a regular file`);
  return real;
}

/** The largest template or stylesheet read: far beyond any real one, short of a file that is no template. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** A template file's text, read as every file a user gives is read (a regular file, capped). */
export function readTemplate(file: string): string {
  try {
    return readUserFile(file, { maxBytes: MAX_TEMPLATE_BYTES }).toString('utf8');
  } catch (error) {
    if (error instanceof UserFileError) throw new UserFileError(`${file} ${error.message}`);
    throw error;
  }
}
