// What a pack's files are called: as the products name them ("briefing.pdf"), or by the configuration's pattern
// (`outputs.name: "{slug}-{product}"` gives "azerbaijan-nato-briefing.pdf"), so that attachments from several packs
// do not collide in one Downloads folder. The extension stays; {product} is the product's own file stem.

/** A product file's name in the pack, under the pattern (none: its own name). */
export function outputName(file: string, slug: string, pattern: string | null): string {
  if (!pattern) return file;
  const dot = file.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [file.slice(0, dot), file.slice(dot)] : [file, ''];
  return `${pattern.replaceAll('{slug}', slug).replaceAll('{product}', stem)}${extension}`;
}
