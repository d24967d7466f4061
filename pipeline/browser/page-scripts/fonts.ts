// Run in every page the printer loads: its web fonts, awaited and checked.

/** Waits for the page's fonts; says how many of its faces failed to load. */
export async function failedFonts(): Promise<number> {
  await document.fonts.ready;
  let failed = 0;
  for (const face of document.fonts) if (face.status === 'error') failed++;
  return failed;
}
