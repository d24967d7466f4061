// The command line's options: which flags there are, which each command takes, and what a parsed command line holds.
import { BriefingError } from '../../core/errors.ts';
import type { Settings } from '../../core/settings.ts';
import type { OutputMode } from '../build/progress.ts';

/** The preview's port: not 4173, which Vite's preview also takes. */
export const DEFAULT_PORT = 4780;

export const OPTIONS = {
  out: { type: 'string' },
  formats: { type: 'string' },
  'reference-date': { type: 'string' },
  paper: { type: 'string' },
  'max-size': { type: 'string' },
  config: { type: 'string' },
  to: { type: 'string' },
  templates: { type: 'string' },
  check: { type: 'boolean' },
  force: { type: 'boolean' },
  jobs: { type: 'string' },
  shard: { type: 'string' },
  strict: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  author: { type: 'string' },
  open: { type: 'boolean' },
} as const;

export type OptionName = keyof typeof OPTIONS;
const SETTINGS: OptionName[] = ['out', 'formats', 'reference-date', 'paper', 'templates', 'config', 'max-size'];
/** What each command takes: anything else is a usage error, never silently ignored. */
export const COMMAND_OPTIONS: Record<Options['command'], OptionName[]> = {
  build: [...SETTINGS, 'check', 'force', 'jobs', 'shard', 'quiet', 'verbose', 'json'],
  lint: ['reference-date', 'config', 'max-size', 'strict', 'json'],
  watch: [...SETTINGS, 'port', 'host', 'open', 'quiet', 'verbose', 'json'],
  new: ['author'],
  templates: ['to', 'force', 'templates', 'config'],
};

export class UsageError extends BriefingError {
  constructor(message: string) {
    super('usage', message);
  }
}

export interface Options {
  command: 'build' | 'lint' | 'templates' | 'new' | 'watch';
  /** The words after the command: files and folders, or a name. */
  names: string[];
  inputs: string[];
  out: string;
  settings: Settings;
  /** Settings the command line fixed (front matter does not override them). */
  locked: Set<string>;
  templates?: string;
  configFile: string | null;
  strict: boolean;
  check: boolean;
  force: boolean;
  jobs?: number;
  shard?: { index: number; count: number };
  to?: string;
  port: number;
  /** The address the preview listens on: the loopback unless the user opens it to others (--host). */
  host: string;
  mode: OutputMode;
  verbose: boolean;
  /** `new --author`: the author to write into the skeleton's front matter. */
  author?: string;
  /** watch: open the preview in a browser; whether --port was given (a busy default moves on, a given port fails). */
  open?: boolean;
  portGiven?: boolean;
}
