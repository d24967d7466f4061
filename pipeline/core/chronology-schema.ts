// The contract of chronology.json (DESIGN.md), as the schema the file is checked against before it is written. Apart
// from the model's other types so that zod (~45 ms to load and to build the schema) is loaded only where a chronology
// is written, off the way to a cold pack's first print.
import { z } from 'zod';
import { eventKinds, precisions } from './model.ts';

const isoDay = z.string().regex(/^-?\d{4,}-\d{2}-\d{2}$/);

const dateFields = {
  value: z.string().min(1),
  start: isoDay,
  end: isoDay,
  precision: z.enum(precisions),
};

export const chronologySchema = z
  .object({
    title: z.string(),
    compiled: isoDay.nullable(),
    events: z.array(
      z
        .object({
          id: z.string().regex(/^e\d+$/),
          date: z.object({ text: z.string(), ...dateFields }),
          text: z.string(),
          summary: z.string(),
          kind: z.enum(eventKinds),
          actors: z.object({
            people: z.array(z.string()),
            organizations: z.array(z.string()),
            places: z.array(z.string()),
          }),
          source: z.object({ paragraph: z.number().int().positive(), sentence: z.number().int().positive() }),
          /**
           * Why the row is what it is: the family of date patterns that read its date ("months", "deictic") and the
           * words that decided its kind ('the verb "sign"'). An addition to the first sketch, for whoever extends the
           * rules; optional, so a chronology written before it still reads.
           */
          why: z.object({ date: z.string(), kind: z.string(), clause: z.string() }).optional(),
        })
        .strict(),
    ),
    mentions: z.array(
      z
        .object({
          text: z.string(),
          ...dateFields,
          paragraph: z.number().int().positive(),
          offset: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
        })
        .strict(),
    ),
    people: z.array(z.string()),
    organizations: z.array(z.string()),
    places: z.array(z.string()),
    acronyms: z.record(z.string(), z.string()),
    /** The role the text first gives each person ("Secretary-General of NATO"): an addition to the first sketch. */
    roles: z.record(z.string(), z.string()),
  })
  .strict();

export type Chronology = z.infer<typeof chronologySchema>;
