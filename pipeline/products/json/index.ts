// The chronology as data: chronology.json, validated against the model's schema (see DESIGN.md for the contract).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProductSpec } from '../product.ts';

export const json: ProductSpec = {
  name: 'json',
  files: ['chronology.json'],
  layout: null,
  preview: [['chronology.json', 'Chronology']],
  paged: false,
  make: async ({ chronology, staging }) => {
    const { chronologySchema } = await import('../../core/chronology-schema.ts');
    const checked = chronologySchema.parse(chronology);
    await writeFile(path.join(staging, 'chronology.json'), `${JSON.stringify(checked, null, 2)}\n`);
  },
};
