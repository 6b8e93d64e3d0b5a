/**
 * Contested links (issue 20 item 6): the assessments behind a link, side by side, and whether they
 * disagree. A link's `sources` have already been through the viewer (reports withheld from the
 * caller, or kept from them by a restriction, are not among them), so only assessments the caller
 * may see are compared. The reports of every link in one answer are read in one query.
 */
import { cypherFile, type Database } from '../../db/database.js';

export interface Assessment {
  reportId: string;
  agency: string | null;
  sourceType: string | null;
  sourceGrade: string | null;
  intelGrade: string | null;
  receivedOn: string | null;
}

/** At most this many reports of one link are compared (a call-records link may have thousands). */
const PER_LINK = 200;

const loaders = new WeakMap<object, (id: string) => Promise<Assessment | null>>();

/** One loader per request: the ids asked for in one tick are read together. */
function loaderFor(ctx: object, db: Database): (id: string) => Promise<Assessment | null> {
  let load = loaders.get(ctx);
  if (load) return load;
  const cache = new Map<string, Promise<Assessment | null>>();
  let pending: { id: string; resolve: (a: Assessment | null) => void; reject: (e: unknown) => void }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const rows = await db.read(cypherFile(import.meta.url, 'assessments.cypher'), { ids: [...new Set(batch.map((b) => b.id))] });
      const byId = new Map(
        rows.map((r) => [
          String(r.reportId),
          { reportId: String(r.reportId), agency: str(r.agency), sourceType: str(r.sourceType), sourceGrade: str(r.sourceGrade), intelGrade: str(r.intelGrade), receivedOn: str(r.receivedOn) },
        ]),
      );
      for (const b of batch) b.resolve(byId.get(b.id) ?? null);
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  };
  load = (id: string) => {
    let p = cache.get(id);
    if (!p) {
      p = new Promise((resolve, reject) => {
        if (!pending.length) setImmediate(() => void flush());
        pending.push({ id, resolve, reject });
      });
      cache.set(id, p);
    }
    return p;
  };
  loaders.set(ctx, load);
  return load;
}

const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

export async function assessmentsOf(ctx: object, db: Database, sources: string[]): Promise<Assessment[]> {
  const load = loaderFor(ctx, db);
  const found = await Promise.all(sources.slice(0, PER_LINK).map(load));
  return found.filter((a): a is Assessment => a !== null).sort((a, b) => String(a.receivedOn).localeCompare(String(b.receivedOn)));
}

/** True, known or corroborated (A-C) against suspected false or malicious (E): the two stand side by side. */
export function isContested(assessments: Assessment[]): boolean {
  const grades = new Set(assessments.map((a) => a.intelGrade?.toUpperCase()));
  return grades.has('E') && (grades.has('A') || grades.has('B') || grades.has('C'));
}
