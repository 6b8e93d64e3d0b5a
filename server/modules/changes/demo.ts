/**
 * The demo's reasoned changes (seeds/demo/reasonedChanges.ts), written once after the demo dataset
 * loads, through the same rules as a change made on screen (plan, then one statement that keeps
 * the change and applies it). A change whose subject is not as the demo expects is skipped and said.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { kindOf } from '../../domain/vocabulary.js';
import { log } from '../../log.js';
import { DEMO_CHANGES } from '../../../seeds/demo/reasonedChanges.js';
import { plan, readSubject, store, type ChangeRecord } from './resolvers.js';
import { refusedReason } from './reasonCodes.js';

export async function recordDemoChanges(db: Database): Promise<number> {
  let n = 0;
  for (const d of DEMO_CHANGES) {
    const found = await readSubject(db, d.subjectId);
    if (!found) {
      log.warn({ subjectId: d.subjectId }, 'demo change skipped: no such record');
      continue;
    }
    const base = {
      id: `chg-demo-${randomUUID()}`,
      kind: d.kind,
      subjectId: d.subjectId,
      subjectKind: kindOf(found.subject.labels),
      reasonCode: d.reasonCode,
      note: d.note,
      reviewer: d.reviewer,
      by: d.by,
      byRole: d.byRole,
      byAgency: d.byAgency,
      at: d.at,
      contextId: null,
    };
    try {
      const p = plan(d.kind, found.subject, found.monitored, d.to ?? null, d.at.slice(0, 10));
      const change: ChangeRecord = d.refused
        ? { ...base, field: p.field, from: p.from, to: p.to, outcome: 'refused', refusal: refusedReason(d.reasonCode)?.refusal ?? 'Refused.' }
        : { ...base, field: p.field, from: p.from, to: p.to, outcome: 'made', refusal: null };
      await store(db, change, d.refused ? {} : p.set, d.refused ? null : p.historyEntry);
      n++;
    } catch (e) {
      log.warn({ subjectId: d.subjectId, err: (e as Error).message }, 'demo change skipped');
    }
  }
  return n;
}
