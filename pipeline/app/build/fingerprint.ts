// What decides whether a product is up to date: a hash of everything it is made from (the essay's bytes, the
// settings it reads, the templates its layout uses, the fonts, the tool itself). Each essay's folder keeps the hashes
// of its products in .build.json; a product whose hash matches and whose files exist is skipped.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isImageName, MAX_IMAGE_BYTES, MAX_LOGO_BYTES } from '../../core/images.ts';
import { defaultTemplatesDir, packageRoot } from '../../core/paths.ts';
import type { Product, Settings } from '../../core/settings.ts';
import { readUserFile } from '../../core/user-files.ts';
import { productNamed } from '../../products/index.ts';
import { readTemplate, TemplateDirs } from '../../render/template-dirs.ts';

export const MANIFEST = '.build.json';

export interface Manifest {
  products: Partial<Record<Product, string>>;
}

const sha = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
};

/**
 * The tool's version, the code that is running and the scripts it puts in pages (templates/scripts), so a new release
 * (or a local edit) rebuilds everything.
 */
const toolVersion = (() => {
  let cached: string | null = null;
  const scripts = path.join(defaultTemplatesDir, 'scripts');
  return () =>
    (cached ??= sha(
      JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version,
      readFileSync(fileURLToPath(import.meta.url)),
      ...readdirSync(scripts)
        .sort()
        .map((name) => readFileSync(path.join(scripts, name))),
    ));
})();

const require = createRequire(import.meta.url);
const fontVersions = (settings: Settings) =>
  [settings.fonts.body, settings.fonts.headings, ...settings.fonts.fallback]
    .map(
      (pkg) =>
        `${pkg}@${(JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version}`,
    )
    .join(',');

/** Every template file a layout uses: the layout, the partials it names (and theirs), the stylesheets it includes. */
export function templateFiles(dirs: TemplateDirs, layout: string): string[] {
  const files = new Set<string>();
  const visit = (file: string | null) => {
    if (!file || files.has(file)) return;
    files.add(file);
    const text = readTemplate(file);
    for (const [, name] of text.matchAll(/\{\{>\s*([\w-]+)/g)) visit(dirs.find(`partials/${name}.hbs`));
    for (const [, name] of text.matchAll(/\bcss\.([\w-]+)/g)) {
      const css = dirs.find(`css/${name}.css`);
      if (css) files.add(css);
    }
  };
  visit(dirs.find(`${layout}.hbs`));
  return [...files].sort();
}

export class Fingerprints {
  private readonly templateHashes = new Map<string, string>();
  private fonts: string | null = null;
  private logo: string | null = null;
  private reference: string | null = null;
  private deckReference: string | null = null;
  private citations: string | null = null;

  private readonly dirs: TemplateDirs;

  constructor(
    private readonly settings: Settings,
    templatesDir?: string | null,
  ) {
    this.dirs = new TemplateDirs(templatesDir);
  }

  private templatesOf(layout: string): string {
    let hash = this.templateHashes.get(layout);
    if (!hash) {
      // Paths count relative to their folder, so a checkout elsewhere (another CI runner) hashes the same.
      const relative = (f: string) =>
        this.dirs.dirs.map((d) => path.relative(d, f)).find((r) => !r.startsWith('..')) ?? f;
      hash = sha(...templateFiles(this.dirs, layout).flatMap((f) => [relative(f), readTemplate(f)]));
      this.templateHashes.set(layout, hash);
    }
    return hash;
  }

  /** The hash a product of an essay with these bytes must carry to be up to date. */
  of(product: Product, essay: Buffer): string {
    const { formats: _formats, maxBytes: _maxBytes, logo, ...reads } = this.settings;
    const layout = productNamed(product).layout;
    this.fonts ??= fontVersions(this.settings);
    this.logo ??= logo ? sha(readUserFile(logo, { maxBytes: MAX_LOGO_BYTES })) : '';
    // The Word briefing takes a reference document's styles: a saved change to it makes the document again.
    this.reference ??= reads.referenceDocx ? referenceHash(reads.referenceDocx) : '';
    // The PowerPoint takes a reference deck's theme; every product, the bibliography and style the configuration names.
    this.deckReference ??= reads.referencePptx ? referenceHash(reads.referencePptx) : '';
    this.citations ??= [reads.bibliography, reads.csl].map((file) => (file ? referenceHash(file) : '')).join(',');
    return layout
      ? sha(
          toolVersion(),
          product,
          essay,
          JSON.stringify(reads),
          this.templatesOf(layout),
          this.fonts,
          this.logo,
          product === 'docx' ? this.reference : '',
          product === 'slides' ? this.deckReference : '',
          this.citations,
          process.env.SOURCE_DATE_EPOCH ?? '',
        )
      : sha(toolVersion(), product, essay, JSON.stringify({ referenceDate: reads.referenceDate }));
  }
}

/**
 * What a Markdown essay prints besides its own bytes: the local images it embeds (a changed map rebuilds the pack).
 * Addresses are found as Markdown writes them (`![alt](file)` and `[id]: file`); the parser decides what is printed.
 */
export async function essayInputs(source: string, bytes: Buffer): Promise<Buffer> {
  if (!/\.(?:md|markdown)$/i.test(source)) return bytes;
  const text = bytes.toString('utf8');
  const addresses = new Set(
    [
      ...text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g),
      ...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm),
    ].map((m) => m[1]!),
  );
  const folder = path.dirname(path.resolve(source));
  // Only images are printed, so only images are read: a link's target of another kind (or a device, a FIFO, a file
  // outside the essay's folder) is not opened at all.
  const images = [...addresses]
    .filter((a) => !/^[a-z][a-z\d+.-]*:/i.test(a))
    .sort()
    .map((address) => {
      let file: string;
      try {
        file = path.resolve(folder, decodeURI(address.split(/[?#]/)[0]!));
      } catch {
        return null;
      }
      if (!isImageName(file) || path.relative(folder, file).startsWith('..')) return null;
      try {
        return sha(address, readUserFile(file, { maxBytes: MAX_IMAGE_BYTES, root: folder }));
      } catch {
        return null;
      }
    });
  // The bibliography and citation style the front matter names change the words printed.
  const matter = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*$/m.exec(text.slice(0, 64 * 1024))?.[1] ?? '';
  const cited = [...matter.matchAll(/^(?:bibliography|csl):\s*["']?([^"'\n]+?)["']?\s*$/gm)].map((m) => {
    try {
      return sha(m[1]!, readUserFile(path.resolve(folder, m[1]!), { maxBytes: 5 * 1024 * 1024, root: folder }));
    } catch {
      return null;
    }
  });
  const found = [...images, ...cited].filter((i): i is string => i !== null);
  return found.length ? Buffer.concat([bytes, Buffer.from(`\0${found.join(',')}`)]) : bytes;
}

export async function readManifest(dir: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    // Anything else than an object of hashes (null, a list) is a manifest to ignore: the essay is rebuilt.
    const products = manifest?.products;
    return products && typeof products === 'object' && !Array.isArray(products) ? manifest : { products: {} };
  } catch {
    return { products: {} };
  }
}

/** A reference document's bytes, hashed; '' when it cannot be read (the Word briefing then says why). */
function referenceHash(file: string): string {
  try {
    return sha(readUserFile(file, { maxBytes: 20 * 1024 * 1024 }));
  } catch {
    return '';
  }
}
