/**
 * The as-of rule asked two ways (server/domain/asOf.ts): "what had happened by then" (HAPPENED, the
 * default: records placed by when they happened) and "what we knew then" (KNOWN: only what reports
 * received — and, for the asking agency, shared with it — by that date support). Both go through the
 * one rule and its fragments: KNOWN switches on the opt-in `known` slot of inView/dated
 * (fragments/known.cypher) and passes `$known`, the ids of the reports the agency knew by the date.
 */
import { cypherFile, type Database } from './database.js';
import type { RenderOptions } from './cypher.js';

export type AsOfBasis = 'HAPPENED' | 'KNOWN';

/** Ids of the reports `agency` knew by `asOf` (null agency: every report received by then). */
export async function knownReportIds(db: Database, asOf: string, agency: string | null | undefined): Promise<string[]> {
  const a = agency == null || !agency.trim() ? null : agency.trim().replace(/\s+/g, ' ').toLowerCase();
  const [row] = await db.read(cypherFile(import.meta.url, 'knownReports.cypher'), { asOf, agency: a }, { what: 'What was known then' });
  return (row?.known as string[] | undefined) ?? [];
}

export interface AsOfQuestion {
  /** The date asked about (KNOWN without a date asks about today). */
  asOf: string | null;
  /** Render options to merge into the query's (KNOWN: `on: ['known']`). */
  on: string[];
  /** The `$known` parameter (null when not asked). */
  known: string[] | null;
}

/** The as-of question as the query needs it: the date, the slots to switch on, `$known`. */
export async function asOfQuestion(db: Database, asOf: string | null, basis: AsOfBasis | null | undefined, agency: string | null | undefined): Promise<AsOfQuestion> {
  if (basis !== 'KNOWN') return { asOf, on: [], known: null };
  const date = asOf ?? new Date().toISOString().slice(0, 10);
  return { asOf: date, on: ['known'], known: await knownReportIds(db, date, agency) };
}

/** `opts` with the question's slots switched on. */
export const withQuestion = (opts: RenderOptions | undefined, q: AsOfQuestion): RenderOptions | undefined =>
  q.on.length ? { ...(opts ?? {}), on: [...(opts?.on ?? []), ...q.on] } : opts;
