/**
 * Every import is one graded report (DESIGN.md §6): the user states the source once for the file,
 * with the same fields and rules as submitReport (its zod pieces are reused), and the file becomes
 * one `Report` whose id is derived from the file's content, the mapping and the owning agency, so
 * importing the same file again adds nothing.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { reportInput } from '../intake/submitReport.js';
import { withDatedOn } from '../../domain/asOf.js';
import type { Run } from '../../domain/names/store.js';
import { cypherFile } from '../../db/database.js';

const piece = reportInput.shape;

export const sourceInput = z
  .object({
    ref: piece.ref,
    receivedOn: piece.receivedOn,
    sourceType: piece.sourceType,
    sourceGrade: piece.sourceGrade,
    intelGrade: piece.intelGrade,
    handling: piece.handling,
    conditions: piece.conditions,
    ownerAgency: piece.ownerAgency,
    sharedWith: piece.sharedWith,
    summary: z.string().trim().max(20_000).optional(),
  })
  .superRefine((r, ctx) => {
    // The same rules as a report's (submitReport.ts).
    if (r.handling === 'C' && !r.conditions?.trim()) ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'handling C needs the conditions of sharing' });
    if (r.receivedOn > new Date().toISOString().slice(0, 10)) ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: 'cannot be in the future' });
  });
export type SourceInput = z.infer<typeof sourceInput>;

/** GraphQL leaves absent fields null; zod's optional wants them absent. */
export function sourceFromArgs(v: unknown): unknown {
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null && x !== undefined));
}

/** The report's id: the file's content, what the mapping does and the owning agency (another agency's import of the same file is its own report). */
export function reportIdFor(fileSha256: string, mappingHash: string, ownerAgency: string): string {
  const h = createHash('sha256').update(`${fileSha256}\u0000${mappingHash}\u0000${ownerAgency.trim().toLowerCase()}`).digest('hex').slice(0, 24);
  return `rep-imp-${h}`;
}

export interface ImportedFile {
  fileName: string;
  sha256: string;
  mappingName: string;
}

/**
 * Writes the report (once: a second import of the same file finds it and leaves it as it was).
 * Returns whether it was already there.
 */
export async function writeReport(run: Run, reportId: string, source: SourceInput, file: ImportedFile, importedBy: string | null, rows: number | null): Promise<{ existed: boolean }> {
  const props = withDatedOn(['Report'], {
    ref: source.ref ?? file.fileName,
    receivedOn: source.receivedOn,
    sourceType: source.sourceType,
    sourceGrade: source.sourceGrade,
    intelGrade: source.intelGrade,
    handling: source.handling,
    ...(source.conditions ? { conditions: source.conditions } : {}),
    ownerAgency: source.ownerAgency,
    ...(source.sharedWith?.length ? { sharedWith: source.sharedWith } : {}),
    summary: source.summary || `${file.fileName}, imported with the mapping "${file.mappingName}"${rows !== null ? ` (${rows} rows)` : ''}.`,
    fileName: file.fileName,
    fileSha256: file.sha256,
    mapping: file.mappingName,
    importedBy: importedBy ?? 'command line',
    importedAt: new Date().toISOString(),
  });
  const [row] = await run(cypherFile(import.meta.url, 'writeReport.cypher'), { id: reportId, props });
  return { existed: row?.existed === true };
}
