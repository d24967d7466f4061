// An essay's result as the build reports it, before anything is made (shared by the build and the making of one
// essay, which must not import each other).
import type { EssayResult, Plan } from './build.ts';

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
