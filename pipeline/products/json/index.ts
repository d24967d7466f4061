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
  make: async ({ chronology, staging }) =>
    writeFile(path.join(staging, 'chronology.json'), `${JSON.stringify(chronology, null, 2)}\n`),
};
