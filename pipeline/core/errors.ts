// The errors the tool expects, each with a code that says what went wrong and, in one table, the exit status the
// command line gives for it: 2 for a command line or configuration to correct, 1 for anything else. Anything that is
// not a BriefingError is a bug, reported with its place (build.ts, reason).
export type ErrorCode =
  | 'usage'
  | 'config'
  | 'template'
  | 'input'
  | 'source'
  | 'image'
  | 'locked'
  | 'no-chromium'
  | 'browser';

const EXIT_STATUS: Record<ErrorCode, number> = {
  usage: 2,
  config: 2,
  template: 1,
  input: 1,
  source: 1,
  image: 1,
  locked: 1,
  'no-chromium': 1,
  browser: 1,
};

export class BriefingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The exit status for an error: from its code, or 1. */
export const exitStatus = (error: unknown): number => (error instanceof BriefingError ? EXIT_STATUS[error.code] : 1);

/** An input that cannot be built: no such file or folder, names that collide, a folder with no essays. */
export class InputError extends BriefingError {
  constructor(message: string) {
    super('input', message);
  }
}

/** One line, no stack: what went wrong, as a user can act on it. */
export function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const { code, path: where } = error as NodeJS.ErrnoException;
  const at = where ? ` (${where})` : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot write there: permission denied${at}`;
    case 'EROFS':
      return `cannot write there: the file system is read-only${at}`;
    case 'ENOSPC':
      return `the disk is full${at}`;
    case 'EDQUOT':
      return `the disk quota is exceeded${at}`;
    case 'ENOTDIR':
      return `cannot create the output folder: part of the path is a file${at}`;
    case 'EEXIST':
      return `cannot create the output folder: a file of that name is in the way${at}`;
    default:
      return message.split('\n')[0]!.trim();
  }
}

/** An error the tool expected (its message is for the user); anything else is a bug, shown with its place. */
export const knownError = (error: unknown) => error instanceof BriefingError;
