// What a product is: the files it writes, the layout it renders, how the preview shows it, and how it is made.
// Each product is a folder (products/<name>/): index.ts says this much and loads the rest (its view model, view.ts,
// and its making, make.ts) only when it is needed, so a build with nothing to make loads none of it.
import type { VFile } from 'vfile';
import type { Printer } from '../browser/printer.ts';
import type { Chronology, Essay } from '../core/model.ts';
import type { Settings } from '../core/settings.ts';
import type { Renderer } from '../render/index.ts';

export interface ProductSpec {
  /** What --formats and the configuration's `products` call it. */
  name: string;
  /** The files it writes, in the essay's output folder. */
  files: string[];
  /** The layout it renders (<layout>.hbs; its templates are part of what decides whether it is up to date). */
  layout: string | null;
  /** The files the preview links, with their labels there. */
  preview: [file: string, label: string][];
  /** Printed on paper: the preview shows its HTML as the pages it prints on. */
  paged: boolean;
  /** Made only when named (--formats, `products:`), not among "every product". */
  optional?: boolean;
  /** What its layout is given for an essay: used to check a user's templates against every field there is. */
  view?(essay: Essay, chronology: Chronology, settings: Settings): Promise<object>;
  make(ctx: MakeContext): Promise<void>;
}

/** What a product's `make` is given: one essay, read and extracted, and the tools to render and print it. */
export interface MakeContext {
  essay: Essay;
  chronology: Chronology;
  file: VFile;
  settings: Settings;
  renderer: Renderer;
  printer: Printer;
  /** Where its files are written; they are moved into `target` when every product of the essay is made. */
  staging: string;
  /** The essay's folder in the output, where the previous build's files are (if any). */
  target: string;
}
