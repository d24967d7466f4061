// The briefing as a Word document, to edit and restyle in the office's own template (`--formats docx`, or
// `products: [docx, ...]`): made on request only, so a pack is what it was unless Word is asked for.
import type { ProductSpec } from '../product.ts';

export const docx: ProductSpec = {
  name: 'docx',
  files: ['briefing.docx'],
  layout: 'briefing',
  preview: [['briefing.docx', 'Word']],
  paged: false,
  optional: true,
  make: async (ctx) => (await import('./make.ts')).makeDocx(ctx),
};
