// Run in the paged preview before Paged.js (app/preview/paged-preview.ts): where Paged.js lays out differently from
// Chromium's print, make it do as Chromium does. Widows and orphans are kept as the stylesheet asks (Paged.js moves
// whole paragraphs when they are set, so they are set to 1 for its layout and applied here instead), and a table that
// runs over pages repeats its header.

/** The part of Paged.js's browser build this script uses. */
declare const Paged: {
  Handler: new () => object;
  registerHandlers(...handlers: (new () => object)[]): void;
  Previewer: new () => { preview(): Promise<unknown> };
};

/** A line of a block: the text node and offset where it starts, and the box of its first character. */
type Line = [Text, number, DOMRect];

/**
 * Sets Paged.js's configuration: widows and orphans read, the two handlers registered, then the layout. It calls the
 * other functions of this file: hand them all to the page (pageScriptUsing(PAGED_HELPERS, pagedCorrections)).
 */
export function pagedCorrections(): void {
  (window as { PagedConfig?: unknown }).PagedConfig = {
    auto: false,
    before: async () => {
      pagedLineSettings();
      Paged.registerHandlers(pagedLinesHandler(), pagedTablesHandler());
      await new Paged.Previewer().preview();
      document.documentElement.dataset.paged = 'done';
      window.dispatchEvent(new Event('briefing:paged'));
    },
  };
}

/**
 * The stylesheet's widows and orphans, read before they are switched off for Paged.js's own layout. Inside the
 * essay's own columns (who's who) they stay as they are: there the browser breaks, not Paged.js.
 */
export function pagedLineSettings(): void {
  for (const el of document.body.querySelectorAll<HTMLElement>(
    'p, li, dd, dt, blockquote, figcaption, pre, td, th, div, dl, ul, ol, section',
  )) {
    const style = getComputedStyle(el);
    el.dataset.orphans = style.orphans;
    el.dataset.widows = style.widows;
    if (style.columnCount === 'auto' && style.columnWidth === 'auto') continue;
    for (const inner of [el, ...el.querySelectorAll<HTMLElement>('*')]) {
      const own = getComputedStyle(inner);
      inner.dataset.keepLines = '';
      inner.style.orphans = own.orphans;
      inner.style.widows = own.widows;
    }
  }
  (document.getElementById('briefing-paged-lines') as HTMLStyleElement).media = 'all';
}

/**
 * Where each line of a block starts, in reading order (a line that went on to the next column of Paged.js's layout
 * is a line of the next page).
 */
export function pagedLinesOf(block: Element): Line[] {
  const lines: Line[] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let last: DOMRect | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect?.height) continue;
      if (!last || Math.abs(rect.top - last.top) > rect.height / 2 || rect.left < last.left - 1)
        lines.push([node, i, rect]);
      last = rect;
    }
  }
  return lines;
}

/** The block of text (one whose widows were read) a node lies in, below `root`. */
export function pagedBlockOf(node: Node, root: Element): HTMLElement | null {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (el.dataset.widows) return el;
  return null;
}

/** The box a break before this one really goes before: past headings that must stay with what follows. */
export function pagedKeptWith(start: HTMLElement, root: Element): HTMLElement {
  let el = start;
  for (;;) {
    const previous = el.previousElementSibling as HTMLElement | null;
    if (previous && (el.dataset.previousBreakAfter === 'avoid' || el.dataset.breakBefore === 'avoid')) el = previous;
    else if (!previous && el.parentElement && el.parentElement !== root) el = el.parentElement;
    else return el;
  }
}

/** Breaks inside paragraphs as Chromium makes them, keeping the widows and orphans the stylesheet asks for. */
export function pagedLinesHandler(): new () => object {
  return class Lines extends Paged.Handler {
    onOverflow(overflow: Range | null, rendered: Element, bounds: DOMRect): Range | undefined {
      if (!overflow) return;
      let block: HTMLElement | null;
      let lines: Line[];
      let before: number;
      if (overflow.startContainer.nodeType === Node.TEXT_NODE) {
        // Paged.js breaks inside a paragraph: count its lines on this page.
        block = pagedBlockOf(overflow.startContainer, rendered);
        if (!block) return;
        lines = pagedLinesOf(block);
        before = lines.filter(([node, offset]) => overflow.comparePoint(node, offset) < 0).length;
      } else {
        // Paged.js moves a whole paragraph that began on this page (to keep it with what follows, say): Chromium
        // breaks inside it, after as many lines as fit.
        const moving = overflow.startContainer.childNodes[overflow.startOffset];
        if (!(moving instanceof HTMLElement) || !moving.dataset.widows) return;
        block = moving;
        lines = pagedLinesOf(block);
        before = lines.filter(([, , rect]) => rect.bottom <= bounds.bottom + 0.5 && rect.left < bounds.right).length;
        if (before === 0) return;
      }
      const orphans = Number(block.dataset.orphans) || 2;
      const widows = Number(block.dataset.widows) || 2;
      const keep = before < orphans ? 0 : Math.min(before, lines.length - widows);
      const moved = document.createRange();
      if (keep >= orphans) moved.setStart(lines[keep]![0], lines[keep]![1]);
      else if (overflow.startContainer.nodeType !== Node.TEXT_NODE)
        return; // it moves whole, as Paged.js has it
      else {
        const first = pagedKeptWith(block, rendered);
        if (!first.previousElementSibling && first.parentElement === rendered) return; // nothing would be left
        moved.setStartBefore(first);
      }
      moved.setEnd(overflow.endContainer, overflow.endOffset);
      return moved;
    }
  };
}

/** A table that runs on over pages repeats its header, with the columns of its first page. */
export function pagedTablesHandler(): new () => object {
  return class Tables extends Paged.Handler {
    widths = new Map<string, number[]>();
    afterPageLayout(page: Element): void {
      for (const table of page.querySelectorAll<HTMLTableElement>('table:not([data-split-from])')) {
        const row = table.tHead?.rows[0] ?? table.rows[0];
        if (row)
          this.widths.set(
            table.dataset.ref ?? '',
            [...row.cells].map((cell) => cell.getBoundingClientRect().width),
          );
      }
    }
    renderNode(clone: Element, node: Element): void {
      if (clone.nodeName !== 'TR') return;
      const table = clone.closest('table');
      const head = node.closest('table')?.tHead;
      if (!table?.dataset.splitFrom || !head || table.tHead) return;
      const copy = head.cloneNode(true) as HTMLTableSectionElement;
      const widths = this.widths.get(table.dataset.splitFrom);
      if (widths) {
        table.style.tableLayout = 'fixed';
        [...(copy.rows[0]?.cells ?? [])].forEach((cell, i) => {
          if (widths[i]) cell.style.width = `${widths[i]}px`;
        });
      }
      table.insertBefore(copy, table.firstChild);
    }
  };
}

/** The functions pagedCorrections calls, declared before it in the page. */
export const PAGED_HELPERS = [
  pagedLineSettings,
  pagedLinesOf,
  pagedBlockOf,
  pagedKeptWith,
  pagedLinesHandler,
  pagedTablesHandler,
];
