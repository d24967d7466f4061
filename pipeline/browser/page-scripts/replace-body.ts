// Run in a page to show another render of the same document without a second load: when only the body changed (the
// fact sheet rendered again with fewer items), the fonts and styles already in the page stay, and no navigation,
// font decoding or style parsing is paid again.

/**
 * Replaces the body with the one in `html` (the document from its <body> on: its head, with the inlined fonts, is
 * the page's already, and parsed again it only holds the renderer's memory), then waits for its pictures and fonts.
 */
export async function replaceBody(html: string): Promise<void> {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceWith(document.adoptNode(parsed.body));
  await Promise.all(Array.from(document.images, (image) => image.decode().catch(() => undefined)));
  await document.fonts.ready;
}
