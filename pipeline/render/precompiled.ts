// Templates compiled ahead of time. Handlebars' compiler takes a cold pack ~90 ms for the default templates; the
// bundle step (scripts/bundle.mjs) compiles them once into dist/templates.json, each under a hash of its text, the
// options and Handlebars' version, and a build takes a template's code from there when the text it reads is the same
// (a user's copy of a default too). Any other text, or a missing file, is compiled as before.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../core/paths.ts';

/** How a template is compiled (Handlebars' own option names). */
export type CompileOptions = NonNullable<Parameters<typeof Handlebars.precompile>[1]>;
type Spec = Parameters<typeof Handlebars.template>[0];

export const PRECOMPILED_FILE = path.join(packageRoot, 'dist', 'templates.json');

const keyOf = (text: string, options: CompileOptions) =>
  createHash('sha256')
    .update(JSON.stringify([Handlebars.VERSION, options, text]))
    .digest('base64url');

const read = new Map<string, Record<string, string>>();

/** The compiled code of a template's text, when the bundle holds it; null otherwise. */
export function precompiled(text: string, options: CompileOptions, file = PRECOMPILED_FILE): Spec | null {
  let specs = read.get(file);
  if (!specs) {
    try {
      specs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch {
      specs = {}; // not bundled (a run from the sources): everything is compiled
    }
    read.set(file, specs);
  }
  const spec = specs[keyOf(text, options)];
  // The code Handlebars.precompile wrote, made a value again (as Handlebars' own compile does with its output).
  return spec ? (new Function(`return ${spec}`)() as Spec) : null;
}

/** Writes the compiled code of these texts to dist/templates.json (by the bundle step). Handlebars writes into the
 * options it is given, so it gets a copy: the key is made from them as given. */
export function writePrecompiled(texts: string[], options: CompileOptions, file = PRECOMPILED_FILE): void {
  const entries = texts.map((text) => [keyOf(text, options), Handlebars.precompile(text, { ...options }) as string]);
  writeFileSync(file, `${JSON.stringify(Object.fromEntries(entries))}\n`);
}
