// Colours for the office formats (PowerPoint, Word): any colour CSS names, read by colord, as six hex digits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { colord, extend, type Plugin } from 'colord';
import namesModule from 'colord/plugins/names';
import { defaultTemplatesDir } from '../core/paths.ts';

// The plugin is CommonJS: its default export arrives wrapped or not, by loader.
extend([((namesModule as unknown as { default?: Plugin }).default ?? namesModule) as unknown as Plugin]);

type ColourName = 'accent' | 'accent-soft' | 'ink' | 'muted' | 'rule';
const NAMES: ColourName[] = ['accent', 'accent-soft', 'ink', 'muted', 'rule'];

/**
 * The stylesheet's own colours, read from the custom properties of templates/css/base.css (the one place they are
 * written), for those the configuration leaves alone.
 */
export const DEFAULTS = stylesheetColours(readFileSync(path.join(defaultTemplatesDir, 'css', 'base.css'), 'utf8'));

function stylesheetColours(css: string): Record<ColourName, string> {
  const colours = {} as Record<ColourName, string>;
  for (const name of NAMES) {
    const value = new RegExp(`--${name}:\\s*([^;]+);`).exec(css)?.[1];
    if (!value) throw new Error(`templates/css/base.css has no --${name}`);
    colours[name] = pptxColour(value, '000000');
  }
  return colours;
}

/** The configuration's colours over the stylesheet's, each as six hex digits. */
export function officeColours(given: Partial<Record<ColourName, string>>): Record<ColourName, string> {
  return Object.fromEntries(NAMES.map((name) => [name, pptxColour(given[name], DEFAULTS[name])])) as Record<
    ColourName,
    string
  >;
}

/**
 * A CSS colour as PowerPoint's six hex digits: any colour CSS names (#rgb, #rrggbb, rgb(), hsl(), "navy"), read by
 * colord; one it cannot read keeps the default (the configuration's schema has refused what is no colour at all).
 */
export function pptxColour(css: string | undefined, fallback: string): string {
  if (!css) return fallback;
  const colour = colord(css.trim());
  return colour.isValid() ? colour.alpha(1).toHex().slice(1, 7).toUpperCase() : fallback;
}
