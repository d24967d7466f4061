// Soft hyphens (U+00AD) let justified text break inside words, but every one of them is also in the PDF's text: a
// reader's search for "Azerbaijan" misses "Azer\u00adbai\u00adjan", and a copy carries the pieces. Before printing, the
// page is laid out at the print's page width, and only the soft hyphens where a line breaks are kept. Line breaking
// takes, for each line, the last break that fits: taking away breaks that were not taken moves no line.
//
// Chromium's print rounds the page area to its own units (a fraction of a pixel off the stylesheet's width, enough to
// move a break in a full line), so each block that holds soft hyphens keeps, in print, the width it was measured at.

/**
 * Runs in the page: the width of the default page's area, from the @page rules' size and side margins (later rules
 * win, as in the cascade), as a CSS length; null when the text holds no soft hyphen and there is nothing to do.
 */
export function pageAreaWidth(): string | null {
  if (!document.body?.textContent?.includes('\u00ad')) return null;
  // Width and height of the named sizes of CSS Paged Media.
  const PAPER: Record<string, [string, string]> = {
    a3: ['297mm', '420mm'],
    a4: ['210mm', '297mm'],
    a5: ['148mm', '210mm'],
    b4: ['250mm', '353mm'],
    b5: ['176mm', '250mm'],
    letter: ['8.5in', '11in'],
    legal: ['8.5in', '14in'],
    ledger: ['11in', '17in'],
  };
  let width = '8.5in'; // Chromium's own paper
  let left = '0px';
  let right = '0px';
  const pageRules = (rules: CSSRuleList): CSSPageRule[] =>
    Array.from(rules).flatMap((rule) =>
      rule instanceof CSSPageRule
        ? [rule]
        : rule instanceof CSSMediaRule && rule.media.mediaText.includes('print')
          ? pageRules(rule.cssRules)
          : [],
    );
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a sheet of another origin cannot be read
    }
    for (const rule of pageRules(rules)) {
      if (rule.selectorText !== '') continue; // :first is the cover, never justified text
      const size = rule.style.getPropertyValue('size').trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (size.length) {
        const landscape = size.includes('landscape');
        const named = PAPER[size[0]!];
        const [w, h] = named ?? [size[0]!, size[1] ?? size[0]!];
        width = landscape ? h : w;
      }
      if (rule.style.marginLeft) left = rule.style.marginLeft;
      if (rule.style.marginRight) right = rule.style.marginRight;
    }
  }
  return `calc(${width} - ${left} - ${right})`;
}

/**
 * Runs in the page: lays the document out at the print's width (`width`, a CSS length), drops every soft hyphen that
 * does not end a line (unless `drop` is false, to compare), and gives back how many were kept and dropped.
 */
export function dropUnusedSoftHyphens(width: string, drop = true): { kept: number; dropped: number } {
  const SHY = '\u00ad';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if ((node as Text).data.includes(SHY)) nodes.push(node as Text);
  if (nodes.length === 0) return { kept: 0, dropped: 0 };
  const root = document.documentElement;
  const saved = root.getAttribute('style');
  root.style.width = width;
  root.style.margin = '0';
  const blockOf = (node: Node): HTMLElement | null => {
    for (let el = node.parentElement; el; el = el.parentElement)
      if (!getComputedStyle(el).display.startsWith('inline')) return el;
    return null;
  };
  const blocks = new Set(nodes.map(blockOf).filter((el): el is HTMLElement => el !== null));
  for (const [block, used] of [...blocks].map((el) => [el, getComputedStyle(el).width] as const))
    block.style.width = used;

  const lineBreaksAt = (node: Text, at: number): boolean => {
    const range = document.createRange();
    // The letters on either side of the hyphen (a soft hyphen never starts or ends a text node in a word).
    if (at === 0 || at + 1 >= node.data.length) return true;
    // A letter that starts a line may also report an empty box at the end of the line before: its last box counts.
    const box = (start: number) => {
      range.setStart(node, start);
      range.setEnd(node, start + 1);
      const boxes = range.getClientRects();
      return boxes[boxes.length - 1];
    };
    const before = box(at - 1);
    const after = box(at + 1);
    if (!before || !after) return true; // not laid out (hidden): keep it, it prints nothing
    return after.top >= before.bottom - 1 || after.left < before.left;
  };

  let kept = 0;
  let dropped = 0;
  // Measure everything first, then change the text: each change would otherwise lay the page out again.
  const plans = nodes.map((node) => {
    const keep: number[] = [];
    for (let at = node.data.indexOf(SHY); at !== -1; at = node.data.indexOf(SHY, at + 1)) {
      if (lineBreaksAt(node, at)) keep.push(at);
      else dropped++;
    }
    kept += keep.length;
    return { node, keep: new Set(keep) };
  });
  if (drop)
    for (const { node, keep } of plans) {
      let text = '';
      for (let i = 0; i < node.data.length; i++) if (node.data[i] !== SHY || keep.has(i)) text += node.data[i];
      node.data = text;
    }
  if (saved === null) root.removeAttribute('style');
  else root.setAttribute('style', saved);
  return { kept, dropped };
}
