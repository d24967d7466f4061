// The briefing: cover, key points, contents, the essay, timeline, chronology, who's who; A4 or Letter, tagged PDF.
import type { ProductSpec } from '../product.ts';

export const briefing: ProductSpec = {
  name: 'briefing',
  files: ['briefing.html', 'briefing.pdf'],
  layout: 'briefing',
  preview: [
    ['briefing.html', 'Briefing'],
    ['briefing.pdf', 'PDF'],
  ],
  paged: true,
  view: async (essay, chronology, settings) => (await import('./view.ts')).briefingPage(essay, chronology, settings),
  make: async (ctx) => (await import('./make.ts')).makeBriefing(ctx),
};
