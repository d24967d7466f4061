// The products of a pack, in the order they are made and listed. Build, fingerprint, preview, configuration and CLI
// read this registry: adding a product is its folder and one line here.
import type { Settings } from '../core/settings.ts';
import { briefing } from './briefing/index.ts';
import { docx } from './docx/index.ts';
import { factsheet } from './factsheet/index.ts';
import { json } from './json/index.ts';
import type { ProductSpec } from './product.ts';
import { slides } from './slides/index.ts';

export type { MakeContext, ProductSpec } from './product.ts';

export const PRODUCTS = new Map<string, ProductSpec>([briefing, slides, factsheet, json, docx].map((p) => [p.name, p]));

/** A product made by a program that uses the API (a product of its own, or one to try). */
export function registerProduct(product: ProductSpec): void {
  PRODUCTS.set(product.name, product);
}

export const productNames = () => [...PRODUCTS.keys()];

/** The products these settings make: those named, or all of them but the optional ones (Word). */
export const formatsOf = (settings: Settings) =>
  settings.formats.length ? settings.formats : productNames().filter((name) => !PRODUCTS.get(name)!.optional);

/** The product of this name; the names come from --formats and the configuration, both checked against the list. */
export function productNamed(name: string): ProductSpec {
  const product = PRODUCTS.get(name);
  if (!product) throw new Error(`no product named ${name}`);
  return product;
}
