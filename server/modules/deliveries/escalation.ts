/**
 * Deliveries nobody acknowledged (issue 20, item 2): a periodic check raises, once per delivery,
 * an alert to the sender's role and the receiving role, naming the receiving agency's managers
 * (users an admin marked with `setManager`). DELIVERY_ESCALATE_HOURS (default 72) is how long a
 * delivery may wait; DELIVERY_CHECK_MINUTES (default 15) how often the check runs.
 */
import { cypherFile, type Database } from '../../db/database.js';
import { raiseAlerts, type Alert, type Finding } from '../alerts/rules.js';
import { log } from '../../log.js';

const q = (name: string) => cypherFile(import.meta.url, name);

const positive = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};
export const ESCALATE_AFTER_HOURS = positive(process.env.DELIVERY_ESCALATE_HOURS, 72);
const CHECK_EVERY_MS = positive(process.env.DELIVERY_CHECK_MINUTES, 15) * 60_000;

export const DELIVERY_KINDS = ['concerns_grid', 'notice_notification', 'evidence_pack', 'other'] as const;
const KIND_WORDS: Record<string, string> = { concerns_grid: 'a concerns grid', notice_notification: 'a notice notification', evidence_pack: 'an evidence pack', other: 'a delivery' };

/** Raises the alerts of deliveries unacknowledged for longer than `afterHours` at `now`; returns the alerts raised. */
export async function escalateDeliveries(db: Database, now = new Date(), afterHours = ESCALATE_AFTER_HOURS): Promise<Alert[]> {
  const before = new Date(now.getTime() - afterHours * 3_600_000).toISOString();
  const due = await db.read(q('dueForEscalation.cypher'), { before });
  if (!due.length) return [];
  const findings: Finding[] = due.map((d) => {
    const managers = (d.managers as string[]).sort();
    const who = managers.length ? `managers of ${d.toAgency}: ${managers.join(', ')}` : `no manager is named for ${d.toAgency} (an admin marks one with setManager)`;
    return {
      key: `delivery_unacknowledged:${d.id}`,
      rule: 'delivery_unacknowledged',
      audience: [...new Set([String(d.fromRole), String(d.toRole)])],
      // No title or note: they are free text, and an alert reaches every user of both roles.
      summary: `${KIND_WORDS[String(d.kind)] ?? 'a delivery'} (${d.id}) sent by ${d.fromAgency} (${d.fromRole}) to ${d.toAgency} (${d.toRole}) on ${String(d.sentAt).slice(0, 10)} has not been acknowledged after ${afterHours} hours; ${who}.`,
      entityIds: [],
    };
  });
  const raised = await raiseAlerts(db, findings);
  const stamp = now.toISOString();
  for (const d of due) await db.write(q('markEscalated.cypher'), { id: d.id, now: stamp, managers: d.managers });
  return raised;
}

/** Starts the periodic check; the returned function stops it (called on shutdown). */
export function startDeliveryEscalation(db: Database, everyMs = CHECK_EVERY_MS): () => void {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = escalateDeliveries(db)
      .then((raised) => raised.length && log.info({ raised: raised.length }, 'unacknowledged deliveries escalated'))
      .catch((err) => log.warn({ err }, 'delivery escalation check failed; trying again at the next tick'))
      .finally(() => (running = null));
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
