// The slide deck: a self-contained HTML deck, its 16:9 PDF and a PowerPoint. The preview shows the HTML deck as it
// is: one slide at a time, with its own keys.
import type { ProductSpec } from '../product.ts';

export const slides: ProductSpec = {
  name: 'slides',
  files: ['slides.html', 'slides.pdf', 'slides.pptx'],
  layout: 'slides',
  preview: [
    ['slides.html', 'Slides'],
    ['slides.pdf', 'PDF'],
    ['slides.pptx', 'PowerPoint'],
  ],
  paged: false,
  view: async (essay, chronology, settings) => (await import('./view.ts')).slidesView(essay, chronology, settings),
  make: async (ctx) => (await import('./make.ts')).makeSlides(ctx),
};
