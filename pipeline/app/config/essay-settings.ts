// An essay's own settings: what its front matter says for its pack, over the build's settings, checked by the same
// schema as the configuration file (loaded only for an essay that sets any: zod and the schema cost a cold pack ~45 ms).

import { matterSettingKeys as matterKeys, type Settings } from '../../core/settings.ts';
import { applyConfig } from './config.ts';

/**
 * An essay's own settings: its front matter over the build's, except where the command line has spoken (`locked`).
 * Front matter may set organisation, author, marking, paper, dates and colours; other keys are the essay's own.
 */
export async function settingsForEssay(
  settings: Settings,
  matter: Record<string, unknown>,
  locked: ReadonlySet<string>,
): Promise<Settings> {
  // Keys left empty in a skeleton (author: "") say nothing.
  const own = Object.fromEntries(
    matterKeys
      .filter((k) => matter[k] !== undefined && matter[k] !== '' && matter[k] !== null && !locked.has(k))
      .map((k) => [k, matter[k]]),
  );
  if (Object.keys(own).length === 0) return settings;
  const { validateConfig } = await import('./config-schema.ts');
  return applyConfig(settings, validateConfig(own, 'front matter'));
}
