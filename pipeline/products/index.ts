// The products of a pack: the files each writes and the layout it renders, which build, fingerprint and watch read
// without loading any product's code.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Product } from '../core/settings.ts';
import type { MakeContext } from './context.ts';

export type { MakeContext } from './context.ts';

interface ProductSpec {
  /** The files it writes, in the essay's output folder. */
  files: string[];
  /** The layout it renders (its templates are part of what decides whether it is up to date). */
  layout: 'briefing' | 'slides' | 'factsheet' | null;
  /** The files the preview links, with their labels there. */
  preview: [file: string, label: string][];
  /** Printed on paper: the preview shows its HTML as the pages it prints on. */
  paged: boolean;
  make(ctx: MakeContext): Promise<void>;
}

export const PRODUCTS: Record<Product, ProductSpec> = {
  // Each product's code (and the views and PDF helpers it needs) is loaded only when it is made.
  briefing: {
    files: ['briefing.html', 'briefing.pdf'],
    layout: 'briefing',
    preview: [
      ['briefing.html', 'Briefing'],
      ['briefing.pdf', 'PDF'],
    ],
    paged: true,
    make: async (ctx) => (await import('./briefing.ts')).makeBriefing(ctx),
  },
  // The HTML deck is shown as it is: one slide at a time, with its own keys.
  slides: {
    files: ['slides.html', 'slides.pdf', 'slides.pptx'],
    layout: 'slides',
    preview: [
      ['slides.html', 'Slides'],
      ['slides.pdf', 'PDF'],
      ['slides.pptx', 'PowerPoint'],
    ],
    paged: false,
    make: async (ctx) => (await import('./slides.ts')).makeSlides(ctx),
  },
  factsheet: {
    files: ['factsheet.html', 'factsheet.pdf'],
    layout: 'factsheet',
    preview: [
      ['factsheet.html', 'Fact sheet'],
      ['factsheet.pdf', 'PDF'],
    ],
    paged: true,
    make: async (ctx) => (await import('./factsheet.ts')).makeFactsheet(ctx),
  },
  json: {
    files: ['chronology.json'],
    layout: null,
    preview: [['chronology.json', 'Chronology']],
    paged: false,
    make: async ({ chronology, staging }) =>
      writeFile(path.join(staging, 'chronology.json'), `${JSON.stringify(chronology, null, 2)}\n`),
  },
};
