// What a product's `make` is given: one essay, read and extracted, and the tools to render and print it.
import type { VFile } from 'vfile';
import type { Printer } from '../browser/printer.ts';
import type { Chronology, Essay } from '../core/model.ts';
import type { Settings } from '../core/settings.ts';
import type { Renderer } from '../render/index.ts';

export interface MakeContext {
  essay: Essay;
  chronology: Chronology;
  file: VFile;
  settings: Settings;
  renderer: Renderer;
  printer: Printer;
  staging: string;
  /** The essay's folder in the output, where the previous build's files are (if any). */
  target: string;
}
