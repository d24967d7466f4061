// `briefing new NAME`: a Markdown skeleton with front matter, so a new essay starts in the shape the tool reads best.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { slugOf } from './slug.ts';

export async function newEssayFile(name: string, dir = 'source', today = new Date()): Promise<string> {
  const slug = slugOf(`${name}.md`);
  const file = path.join(dir, `${slug}.md`);
  const title = slug.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  const date = today.toISOString().slice(0, 10);
  await mkdir(dir, { recursive: true });
  await writeFile(file, `---
title: ${title}
date: ${date}
author: ""
---

# ${title}

## Background

Open with where things stood, with dates a reader can place: "In March 1992, ...", "On 4 May 1994, ...".

## Developments

One paragraph per development. Name the people with their roles the first time ("Javier Solana,
Secretary-General of NATO, visited Baku in February 1997"), and spell out acronyms once: Partnership for Peace (PFP).

## Outlook

What to watch next.
`, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw new Error(`${file} exists; choose another name`);
    throw error;
  });
  return file;
}
