// Run in the briefing's page between its two prints: the contents' page numbers, set where the template marks them.

/** Puts each target's page number in the contents' `span.page[data-target]` (empty for a target with none). */
export function setPageNumbers(pages: Record<string, number>): void {
  for (const el of document.querySelectorAll<HTMLElement>('span.page[data-target]'))
    el.textContent = String(pages[el.dataset.target ?? ''] ?? '');
}
