// How an essay is written when no file name says so (standard input, the API): Markdown when it opens with front
// matter or has a "# " heading, else plain text. The same test at every door.

/** True when the text reads as Markdown (front matter at the top, or an ATX heading in its first 4 KB). */
export function readsAsMarkdown(text: string): boolean {
  return /^---\r?\n/.test(text) || /^#{1,6} \S/m.test(text.slice(0, 4096));
}
