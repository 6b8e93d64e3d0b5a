/**
 * Argument schemas shared by the resolvers of several modules, so that the same argument is
 * checked, and explained when wrong, the same way everywhere.
 */
import { z } from 'zod';
import { isLabel, isLinkType } from '../domain/vocabulary.js';

/** A real calendar date as YYYY-MM-DD (2010-02-31 is refused, as the import refuses it in a cell). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real date');
/** "As of" a date: records dated after it are out of view. Null: no date limit. */
export const asOfArg = isoDate.nullish().transform((v) => v ?? null);
export const idArg = z.string().min(1, 'must not be empty').max(200);
export const topArg = z.number().int().min(1, 'top is at least 1').max(500, 'top is at most 500').default(20);

export const kindsArg = z
  .array(z.string().refine(isLabel, { error: (issue) => `unknown kind "${String(issue.input)}"` }))
  .nullish()
  .transform((v) => (v && v.length ? v : null));
export const linkTypesArg = z
  .array(z.string().refine(isLinkType, { error: (issue) => `unknown link type "${String(issue.input)}"` }))
  .nullish()
  .transform((v) => (v && v.length ? v : null));
