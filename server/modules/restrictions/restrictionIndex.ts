/**
 * What the access layer needs to know about restrictions (issue 20 item 4), read with the rest of
 * the protection index (access/protection.ts) and applied by the same Viewer (access/viewer.ts):
 * which reports and entities each restriction covers, who holds it (a team within an agency), who
 * was granted access, and each user's team. A user outside the holding team, not granted, sees a
 * covered record only as its existence flag: "1 item held by <team> (<agency>), since <date>,
 * review due <date>".
 */
import { cypherFile, type Database } from '../../db/database.js';

export interface RestrictionRecord {
  id: string;
  scope: 'Report' | 'Entity' | 'Operation';
  targetId: string;
  team: string;
  agency: string | null;
  since: string;
  reviewDue: string;
}

export interface RestrictionIndex {
  byId: Map<string, RestrictionRecord>;
  /** Report id → the restrictions covering it. */
  reports: Map<string, RestrictionRecord[]>;
  /** Entity id → the restrictions covering it (a restricted entity, an operation and its incidents). */
  entities: Map<string, RestrictionRecord[]>;
  /** Restriction id → usernames granted access on request. */
  grants: Map<string, Set<string>>;
  /** Username → team. */
  teams: Map<string, string>;
}

export const EMPTY_RESTRICTIONS: RestrictionIndex = { byId: new Map(), reports: new Map(), entities: new Map(), grants: new Map(), teams: new Map() };

/** An agency or team name as compared: case and spacing do not make another one (an admin types them). */
export const sameName = (a: string | null | undefined): string | null => (a == null || !a.trim() ? null : a.trim().replace(/\s+/g, ' ').toLowerCase());

/** Whether a user (by username and agency) may see what a restriction covers: its team, or granted. */
export function mayOpen(index: RestrictionIndex, r: RestrictionRecord, username: string | null | undefined, agency: string | null | undefined): boolean {
  if (!username) return false;
  if (index.grants.get(r.id)?.has(username)) return true;
  const team = index.teams.get(username);
  return sameName(team) !== null && sameName(team) === sameName(r.team) && sameName(agency) === sameName(r.agency);
}

/** The existence flag others see. */
export function restrictionFlag(r: Pick<RestrictionRecord, 'team' | 'agency' | 'since' | 'reviewDue'>): string {
  return `held by ${r.team}${r.agency ? ` (${r.agency})` : ''}, since ${r.since}, review due ${r.reviewDue}`;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export async function readRestrictionIndex(db: Database): Promise<RestrictionIndex> {
  const [row] = await db.read(cypherFile(import.meta.url, 'readIndex.cypher'), {}, { what: 'Reading restrictions' });
  const index: RestrictionIndex = { byId: new Map(), reports: new Map(), entities: new Map(), grants: new Map(), teams: new Map() };
  const add = (m: Map<string, RestrictionRecord[]>, id: string, r: RestrictionRecord) => {
    const list = m.get(id);
    if (list) list.push(r);
    else m.set(id, [r]);
  };
  for (const x of (row?.restrictions as Record<string, unknown>[] | undefined) ?? []) {
    const r: RestrictionRecord = { id: str(x.id), scope: x.scope as RestrictionRecord['scope'], targetId: str(x.targetId), team: str(x.team), agency: x.agency == null ? null : str(x.agency), since: str(x.since), reviewDue: str(x.reviewDue) };
    index.byId.set(r.id, r);
    for (const id of (x.reports as string[]) ?? []) add(index.reports, id, r);
    for (const id of (x.entities as string[]) ?? []) add(index.entities, id, r);
  }
  for (const g of (row?.grants as { restrictionId: string; username: string }[] | undefined) ?? []) {
    const set = index.grants.get(g.restrictionId) ?? index.grants.set(g.restrictionId, new Set()).get(g.restrictionId)!;
    set.add(g.username);
  }
  for (const t of (row?.teams as { username: string; team: string }[] | undefined) ?? []) index.teams.set(t.username, t.team);
  return index;
}
