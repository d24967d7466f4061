// The preview of a product printed on paper (the briefing, the fact sheet) shows the pages the PDF has: Paged.js lays
// the HTML out by the same print stylesheet (page size, margins, running heads, page counters, breaks) Chromium
// prints it with. Where Paged.js lays out differently from Chromium's print, the script below makes it do as Chromium
// does: text measured without screen hinting (line breaks as printed), top margins dropped after a break the text
// flowed into, widows and orphans kept (Paged.js moves whole paragraphs when the stylesheet asks for them, so they
// are set to 1 for its layout and applied here instead), and a table that runs over pages repeats its header.
import { createRequire } from 'node:module';
import path from 'node:path';

/** Paged.js's browser build, served by the preview at PAGED_URL. */
export const PAGED_SCRIPT = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pagedjs')),
  '..',
  'dist',
  'paged.polyfill.js',
);
export const PAGED_URL = '/_preview/paged.js';

const FORCED = ['page', 'always', 'left', 'right'];
const UNFORCED = `:first-child:not(${FORCED.map((v) => `[data-break-before=${v}], [data-previous-break-after=${v}]`).join(', ')})`;
const FIRST = `.pagedjs_page:not(.pagedjs_first_page) .pagedjs_page_content > div > ${UNFORCED}`;

/** Applied as written: Paged.js rewrites a page's stylesheets for its layout, but not those marked data-pagedjs-ignore. */
const STYLE = `<style data-pagedjs-ignore>
@media screen {
  html, body { background: #5f6670; }
  .pagedjs_pages { padding: 24px 0 1px; }
  .pagedjs_page { background: #fff; margin: 0 auto 24px; box-shadow: 0 2px 12px rgb(0 0 0 / 0.4); }
}
body { text-rendering: geometricPrecision; }
${FIRST}, ${FIRST} > :first-child, ${FIRST} > :first-child > :first-child { margin-top: 0 !important; }
</style>
<style data-pagedjs-ignore id="briefing-paged-lines" media="not all">:not([data-keep-lines]) { orphans: 1 !important; widows: 1 !important; }</style>`;

/** Runs in the page: widows and orphans as Chromium prints them, then Paged.js, then says it is done. */
const SCRIPT = `<script>window.PagedConfig = { auto: false, before: async () => {
  // The stylesheet's widows and orphans, read before they are switched off for Paged.js's own layout.
  // Inside the essay's own columns (who's who) they stay as they are: there the browser breaks, not Paged.js.
  for (const el of document.body.querySelectorAll('p, li, dd, dt, blockquote, figcaption, pre, td, th, div, dl, ul, ol, section')) {
    const style = getComputedStyle(el);
    el.dataset.orphans = style.orphans;
    el.dataset.widows = style.widows;
    if (style.columnCount === 'auto' && style.columnWidth === 'auto') continue;
    for (const inner of [el, ...el.querySelectorAll('*')]) {
      const own = getComputedStyle(inner);
      inner.dataset.keepLines = '';
      inner.style.orphans = own.orphans;
      inner.style.widows = own.widows;
    }
  }
  document.getElementById('briefing-paged-lines').media = 'all';

  // Where each line of a block starts: [text node, offset, box of its first character], in reading order (a line
  // that went on to the next column of Paged.js's layout is a line of the next page).
  const linesOf = (block) => {
    const lines = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || !rect.height) continue;
        if (!last || Math.abs(rect.top - last.top) > rect.height / 2 || rect.left < last.left - 1) lines.push([node, i, rect]);
        last = rect;
      }
    }
    return lines;
  };
  const blockOf = (node, root) => {
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (el.dataset.widows) return el;
    return null;
  };
  // The box a break before this one really goes before: past headings that must stay with what follows.
  const keptWith = (el, root) => {
    for (;;) {
      const previous = el.previousElementSibling;
      if (previous && (el.dataset.previousBreakAfter === 'avoid' || el.dataset.breakBefore === 'avoid')) el = previous;
      else if (!previous && el.parentElement && el.parentElement !== root) el = el.parentElement;
      else return el;
    }
  };

  class Lines extends Paged.Handler {
    onOverflow(overflow, rendered, bounds) {
      if (!overflow) return;
      let block, lines, before;
      if (overflow.startContainer.nodeType === Node.TEXT_NODE) {
        // Paged.js breaks inside a paragraph: count its lines on this page.
        block = blockOf(overflow.startContainer, rendered);
        if (!block) return;
        lines = linesOf(block);
        before = lines.filter(([node, offset]) => overflow.comparePoint(node, offset) < 0).length;
      } else {
        // Paged.js moves a whole paragraph that began on this page (to keep it with what follows, say):
        // Chromium breaks inside it, after as many lines as fit.
        block = overflow.startContainer.childNodes[overflow.startOffset];
        if (!(block instanceof HTMLElement) || !block.dataset.widows) return;
        lines = linesOf(block);
        before = lines.filter(([, , rect]) => rect.bottom <= bounds.bottom + 0.5 && rect.left < bounds.right).length;
        if (before === 0) return;
      }
      const orphans = Number(block.dataset.orphans) || 2;
      const widows = Number(block.dataset.widows) || 2;
      const keep = before < orphans ? 0 : Math.min(before, lines.length - widows);
      const moved = document.createRange();
      if (keep >= orphans) moved.setStart(lines[keep][0], lines[keep][1]);
      else if (overflow.startContainer.nodeType !== Node.TEXT_NODE) return; // it moves whole, as Paged.js has it
      else {
        const first = keptWith(block, rendered);
        if (!first.previousElementSibling && first.parentElement === rendered) return; // nothing would be left
        moved.setStartBefore(first);
      }
      moved.setEnd(overflow.endContainer, overflow.endOffset);
      return moved;
    }
  }

  // A table that runs on over pages repeats its header, with the columns of its first page.
  class Tables extends Paged.Handler {
    widths = new Map();
    afterPageLayout(page) {
      for (const table of page.querySelectorAll('table:not([data-split-from])')) {
        const row = table.tHead?.rows[0] ?? table.rows[0];
        if (row) this.widths.set(table.dataset.ref, [...row.cells].map((cell) => cell.getBoundingClientRect().width));
      }
    }
    renderNode(clone, node) {
      if (clone.nodeName !== 'TR') return;
      const table = clone.closest('table');
      const head = node.closest('table')?.tHead;
      if (!table?.dataset.splitFrom || !head || table.tHead) return;
      const copy = head.cloneNode(true);
      const widths = this.widths.get(table.dataset.splitFrom);
      if (widths) {
        table.style.tableLayout = 'fixed';
        [...(copy.rows[0]?.cells ?? [])].forEach((cell, i) => { if (widths[i]) cell.style.width = widths[i] + 'px'; });
      }
      table.insertBefore(copy, table.firstChild);
    }
  }
  Paged.registerHandlers(Lines, Tables);
  await new Paged.Previewer().preview();
  document.documentElement.dataset.paged = 'done';
  window.dispatchEvent(new Event('briefing:paged'));
} };</script>
<script src="${PAGED_URL}"></script>`;

/** The HTML with Paged.js and its corrections added (for the preview only, never in the files on disk). */
export const paged = (html: string) => html.replace(/<\/head>/i, () => `${STYLE}\n${SCRIPT}\n</head>`);
