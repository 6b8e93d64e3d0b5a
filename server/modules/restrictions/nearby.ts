/**
 * Deconfliction at the search (issue 20 item 4): a search hit one link from a restricted record the
 * caller may not see carries that record's flag (who holds it, whom to contact). The hits of one
 * answer are looked up together; the holders are told who reached their flags.
 */
import { cypherFile, type Database } from '../../db/database.js';
import type { Viewer } from '../../access/viewer.js';
import { restrictionFlag, type RestrictionRecord } from './restrictionIndex.js';
import { noteReached } from './deconfliction.js';

export interface RestrictionFlagView {
  restrictionId: string;
  flag: string;
  contact: string;
}

const loaders = new WeakMap<object, (id: string) => Promise<RestrictionFlagView[]>>();

export function restrictedNearby(ctx: object, db: Database, viewer: Viewer | undefined, hitId: string): Promise<RestrictionFlagView[]> {
  if (!viewer) return Promise.resolve([]);
  let load = loaders.get(ctx);
  if (!load) {
    const closed = viewer.closedRestrictedEntities();
    let pending: { id: string; resolve: (v: RestrictionFlagView[]) => void; reject: (e: unknown) => void }[] = [];
    const flush = async () => {
      const batch = pending;
      pending = [];
      try {
        const rows = closed.size ? await db.read(cypherFile(import.meta.url, 'nearby.cypher'), { ids: batch.map((b) => viewer.storedId(b.id)), restricted: [...closed.keys()] }) : [];
        const near = new Map(rows.map((r) => [String(r.hit), (r.near as string[]).map((id) => closed.get(id)!).filter(Boolean)]));
        const reached = new Set<string>();
        for (const b of batch) {
          const byRestriction = new Map<string, RestrictionRecord>();
          for (const r of near.get(viewer.storedId(b.id)) ?? []) byRestriction.set(r.id, r);
          for (const id of byRestriction.keys()) reached.add(id);
          b.resolve([...byRestriction.values()].map((r) => ({ restrictionId: r.id, flag: `1 item ${restrictionFlag(r)}`, contact: `${r.team}${r.agency ? ` (${r.agency})` : ''}` })));
        }
        noteReached(db, viewer, reached);
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    };
    load = (id: string) =>
      new Promise((resolve, reject) => {
        if (!pending.length) setImmediate(() => void flush());
        pending.push({ id, resolve, reject });
      });
    loaders.set(ctx, load);
  }
  return load(hitId);
}
