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
