// The configuration file (briefing.config.yaml, .yml or .json beside source/): found, then read and validated by
// config-schema.ts (loaded only when there is a file), and merged into the settings.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../core/settings.ts';
import type { Config } from './config-schema.ts';

export const CONFIG_FILES = ['briefing.config.yaml', 'briefing.config.yml', 'briefing.config.json'];

export interface LoadedConfig {
  file: string | null;
  config: Config;
}

/**
 * The configuration file for `dir`: in it, or in the nearest folder above it up to the repository's root (the first
 * folder with .git). Outside a repository only `dir` itself counts: a file in some parent folder (up to /) that the
 * user never meant for these essays does not apply silently.
 */
export function findConfig(dir: string): string | null {
  const folders: string[] = [];
  let repository = false;
  for (let at = dir; ; at = path.dirname(at)) {
    folders.push(at);
    if (existsSync(path.join(at, '.git'))) {
      repository = true;
      break;
    }
    if (path.dirname(at) === at) break;
  }
  for (const at of repository ? folders : [dir]) {
    const found = CONFIG_FILES.map((name) => path.join(at, name)).find((f) => existsSync(f));
    if (found) return found;
  }
  return null;
}

/**
 * The configuration file (or the one named), validated; none is fine. It is looked for in `dir`, then in each folder
 * above it up to the repository's root (the first folder with .git) or the file system's.
 */
export async function loadConfig(dir: string, named?: string): Promise<LoadedConfig> {
  const file = named ?? findConfig(path.resolve(dir));
  if (!file) return { file: null, config: {} };
  const { readConfigFile } = await import('./config-schema.ts');
  return { file, config: readConfigFile(file) };
}

/** Settings with a configuration applied. */
export function applyConfig(settings: Settings, config: Config): Settings {
  return {
    ...settings,
    ...(config.organisation !== undefined && { organisation: config.organisation }),
    ...(config.author !== undefined && { author: config.author }),
    ...(config.marking !== undefined && { marking: config.marking }),
    ...(config.paper !== undefined && { paper: config.paper }),
    ...(config.dates !== undefined && { dateStyle: config.dates }),
    ...(config.products !== undefined && { formats: config.products }),
    ...(config.colours !== undefined && { colours: { ...settings.colours, ...config.colours } }),
    ...(config.fonts !== undefined && { fonts: { ...settings.fonts, ...config.fonts } }),
    ...(config.logo !== undefined && { logo: config.logo }),
    ...(config['reference-date'] !== undefined && { referenceDate: config['reference-date'] }),
    ...(config['max-size'] !== undefined && { maxBytes: Math.round(config['max-size'] * 1024 * 1024) }),
    ...(config.lang !== undefined && { lang: config.lang }),
    ...(config.docx?.reference !== undefined && { referenceDocx: config.docx.reference }),
    ...(config.pptx?.reference !== undefined && { referencePptx: config.pptx.reference }),
    ...(config.bibliography !== undefined && { bibliography: config.bibliography }),
    ...(config.csl !== undefined && { csl: config.csl }),
    ...(config.outputs?.name !== undefined && { outputName: config.outputs.name }),
    ...(config.labels !== undefined && {
      labels: { ...settings.labels, ...(config.labels as Record<string, string>) },
    }),
  };
}
