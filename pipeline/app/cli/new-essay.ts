// `briefing new NAME`: a Markdown skeleton with front matter, so a new essay starts in the shape the tool reads best.
// Its guidance is in HTML comments, which the build reads as nothing: the untouched skeleton makes a pack with no
// false events, and what the writer adds is all the pack holds.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../core/errors.ts';
import { slugOf } from '../../core/slug.ts';

export interface NewEssayOptions {
  /** Written into the front matter only when given: an empty author would hide the configuration's. */
  author?: string;
  dir?: string;
  today?: Date;
}

/** The title as the writer typed it ("Georgia and NATO"); a bare file name ("georgia-nato") as words. */
export function titleOf(name: string): string {
  return /\s|\p{Lu}/u.test(name)
    ? name.trim()
    : name.replace(/[-_]+/g, ' ').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

const yamlString = (text: string) => JSON.stringify(text);

export async function newEssayFile(name: string, options: NewEssayOptions = {}): Promise<string> {
  const dir = options.dir ?? 'source';
  const slug = slugOf(`${name.trim().toLowerCase().replace(/\s+/g, '-')}.md`);
  const file = path.join(dir, `${slug}.md`);
  const date = (options.today ?? new Date()).toISOString().slice(0, 10);
  await mkdir(dir, { recursive: true });
  await writeFile(
    file,
    `---
title: ${yamlString(titleOf(name))}
date: ${date}
${options.author ? `author: ${yamlString(options.author)}\n` : ''}---

## Background

<!-- Open with where things stood, with dates a reader can place: "In March 1992, ...", "On 4 May 1994, ...". -->

## Developments

<!-- One paragraph per development. Name people with their roles the first time ("Javier Solana, Secretary-General
of NATO, visited Baku in February 1997"), and spell out acronyms once: Partnership for Peace (PFP). -->

## Outlook

<!-- What to watch next. -->
`,
    { flag: 'wx' },
  ).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw new InputError(`${file} exists; choose another name`);
    throw error;
  });
  return file;
}
