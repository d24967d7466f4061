// What a build is asked (a BuildRequest) and what it tells (events as it goes, a result per essay, the plan): the
// types shared by the build, the making of one essay and the progress printer, which must not import each other.
import type { VFile } from 'vfile';
import type { Printer } from '../../browser/printer.ts';
import type { ErrorCode } from '../../core/errors.ts';
import type { Product, Settings } from '../../core/settings.ts';
import type { Manifest } from './fingerprint.ts';

export interface BuildRequest {
  inputs: string[];
  outDir: string;
  settings: Settings;
  templatesDir?: string;
  /** Rebuild every product, up to date or not. */
  force?: boolean;
  /** How many essays are built at once (default: the machine's cores, at most 4). */
  jobs?: number;
  /** Build only this stable share of the essays: { index: 1..count, count }. */
  shard?: { index: number; count: number };
  /** Told of every request the browser makes while printing (tests check nothing leaves the pack). */
  onRequest?: (url: string, allowed: boolean) => void;
  /** Settings the command line fixed: an essay's front matter does not change them. */
  locked?: ReadonlySet<string>;
  /** Collect Node's garbage between the essays of a batch (core/heap.ts): for a process of the build's own. */
  trimHeap?: boolean;
  /** A browser kept by the caller across builds (watch mode); otherwise the build starts and closes its own. */
  printer?: Printer;
  /** Progress: each essay as it starts, each product as it is made. */
  onEvent?: (event: BuildEvent) => void;
}

export type BuildEvent =
  | { type: 'plan'; essays: number; stale: number }
  | { type: 'essay'; slug: string; products: Product[] }
  | { type: 'product'; slug: string; product: Product; ms: number };

export interface EssayResult {
  source: string;
  slug: string;
  /** Products made in this build, and products skipped because they were up to date. */
  built: Product[];
  skipped: Product[];
  files: string[];
  file: VFile | null;
  error: string | null;
  /** What kind of failure `error` is, to branch on: a BriefingError's code ("source", "image", ...), "bug" otherwise. */
  errorCode: ErrorCode | 'bug' | null;
}

export interface Plan {
  source: string;
  slug: string;
  bytes: Buffer | null;
  manifest: Manifest;
  /** Product -> the hash it will carry. */
  keys: Partial<Record<Product, string>>;
  stale: Product[];
  fresh: Product[];
}

/** An essay's result before anything is made: all of its products up to date, or still to make. */
export const nothingMade = (p: Pick<Plan, 'source' | 'slug' | 'fresh'>): EssayResult => ({
  source: p.source,
  slug: p.slug,
  built: [],
  skipped: p.fresh,
  files: [],
  file: null,
  error: null,
  errorCode: null,
});
