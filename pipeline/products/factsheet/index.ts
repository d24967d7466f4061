// The fact sheet: one page, filled with as much as fits.
import type { ProductSpec } from '../product.ts';

export const factsheet: ProductSpec = {
  name: 'factsheet',
  files: ['factsheet.html', 'factsheet.pdf'],
  layout: 'factsheet',
  preview: [
    ['factsheet.html', 'Fact sheet'],
    ['factsheet.pdf', 'PDF'],
  ],
  paged: true,
  view: async (essay, chronology, settings) => (await import('./view.ts')).factsheetView(essay, chronology, settings),
  make: async (ctx) => (await import('./make.ts')).makeFactsheet(ctx),
};
