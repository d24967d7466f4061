// Colours for the office formats (PowerPoint, Word): any colour CSS names, read by colord, as six hex digits.
import { colord, extend, type Plugin } from 'colord';
import namesModule from 'colord/plugins/names';

// The plugin is CommonJS: its default export arrives wrapped or not, by loader.
extend([((namesModule as unknown as { default?: Plugin }).default ?? namesModule) as unknown as Plugin]);

/** The stylesheet's own colours (templates/css/base.css), for those the configuration leaves alone. */
export const DEFAULTS = { accent: '1F4E79', 'accent-soft': 'E8EEF5', ink: '1B1F24', muted: '5B636D', rule: 'C9CED4' };

/**
 * A CSS colour as PowerPoint's six hex digits: any colour CSS names (#rgb, #rrggbb, rgb(), hsl(), "navy"), read by
 * colord; one it cannot read keeps the default (the configuration's schema has refused what is no colour at all).
 */
export function pptxColour(css: string | undefined, fallback: string): string {
  if (!css) return fallback;
  const colour = colord(css.trim());
  return colour.isValid() ? colour.alpha(1).toHex().slice(1, 7).toUpperCase() : fallback;
}
