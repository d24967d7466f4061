// What a build may be told: products, paper, date style, organisation and marking. Defaults here; the CLI (and later
// a configuration file) override them.
import type { DateStyle } from './views/format.ts';

export const products = ['briefing', 'slides', 'factsheet', 'json'] as const;
export type Product = (typeof products)[number];

export interface Settings {
  formats: Product[];
  paper: 'A4' | 'Letter';
  dateStyle: DateStyle;
  organisation: string | null;
  marking: string | null;
  /** What "today" means for an essay that carries no date of its own (YYYY-MM-DD). */
  referenceDate: string | null;
  /** Essays larger than this are refused rather than worked on for an hour. */
  maxBytes: number;
}

export const defaultSettings: Settings = {
  formats: [...products],
  paper: 'A4',
  dateStyle: 'day-month',
  organisation: null,
  marking: null,
  referenceDate: null,
  maxBytes: 10 * 1024 * 1024,
};
