/**
 * Deconfliction and reviews (issue 20 item 4), raised as alerts through the one `raiseAlerts`:
 * - two teams holding restrictions that touch the same person each learn of the other (the team,
 *   its agency and the restriction's dates; never what it holds);
 * - when a user outside the holding team reaches a restricted record (its flag was in their answer),
 *   the holder is told who reached it (user, team, agency), once per restriction and team;
 * - a restriction whose review date has passed is reported to its holder (a timer, and at start).
 * An alert names the restricted record by id: a user it is not for, who cannot see that record,
 * sees only that an alert about held records exists and whom to ask (alerts/resolvers.ts).
 */
import { cypherFile, type Database } from '../../db/database.js';
import { raiseAlerts, type Finding } from '../alerts/rules.js';
import { log } from '../../log.js';
import type { Viewer } from '../../access/viewer.js';
import { readRestrictionIndex, restrictionFlag, type RestrictionRecord } from './restrictionIndex.js';

const q = (name: string) => cypherFile(import.meta.url, name);
const today = () => new Date().toISOString().slice(0, 10);
const holder = (r: Pick<RestrictionRecord, 'team' | 'agency'>) => `${r.team}${r.agency ? ` (${r.agency})` : ''}`;
/** Who a restriction's alerts are for: the role its holder works in (kept on the restriction). */
const audienceOf = (ownerRole: unknown) => [typeof ownerRole === 'string' && ownerRole ? ownerRole : 'analyst'];

/** Both sides of every pair of restrictions held by different teams that touch the same person. */
export async function overlapFindings(db: Database): Promise<Finding[]> {
  const index = await readRestrictionIndex(db);
  const records = [...index.byId.values()];
  if (records.length < 2) return [];
  const covers = records.map((r) => ({
    id: r.id,
    entities: [...index.entities].filter(([, rs]) => rs.includes(r)).map(([id]) => id),
    reports: [...index.reports].filter(([, rs]) => rs.includes(r)).map(([id]) => id),
  }));
  const rows = await db.read(q('touchedPersons.cypher'), { covers }, { what: 'Persons under restrictions' });
  const roles = new Map((await db.read('MATCH (x:Restriction) RETURN x.id AS id, x.ownerRole AS role')).map((r) => [String(r.id), r.role]));
  const persons = new Map(rows.map((r) => [String(r.restriction), new Set(r.persons as string[])]));
  const findings: Finding[] = [];
  for (const a of records) {
    for (const b of records) {
      if (a.id === b.id || (a.team.trim().toLowerCase() === b.team.trim().toLowerCase() && (a.agency ?? '').toLowerCase() === (b.agency ?? '').toLowerCase())) continue;
      const shared = [...(persons.get(a.id) ?? [])].filter((p) => persons.get(b.id)?.has(p)).sort();
      if (!shared.length) continue;
      findings.push({
        key: `deconfliction:${a.id}:${b.id}`,
        rule: 'deconfliction',
        audience: audienceOf(roles.get(a.id)),
        summary: `Deconfliction for ${holder(a)}: ${holder(b)} also holds a restriction (since ${b.since}, review due ${b.reviewDue}) touching ${shared.length === 1 ? 'a person' : `${shared.length} persons`} your restriction ${a.id} touches (${shared.slice(0, 5).join(', ')}). Contact ${b.team} before acting.`,
        entityIds: [a.targetId, ...shared.slice(0, 5)],
      });
    }
  }
  return findings;
}

export async function raiseOverlaps(db: Database): Promise<void> {
  await raiseAlerts(db, await overlapFindings(db));
}

/**
 * The holders of the restrictions whose flags an answer showed learn who reached them (the guard
 * calls this after an answer; it does not hold the answer back).
 */
export function noteReached(db: Database, viewer: Viewer, restrictionIds: Iterable<string> = viewer.reachedRestrictions): void {
  const user = viewer.user;
  const ids = [...restrictionIds];
  if (!user || !ids.length) return;
  void (async () => {
    const index = await readRestrictionIndex(db);
    const [me] = await db.read(q('userTeam.cypher'), { username: user.username });
    const team = (me?.team as string | null) ?? null;
    const roles = new Map((await db.read('MATCH (x:Restriction) WHERE x.id IN $ids RETURN x.id AS id, x.ownerRole AS role', { ids })).map((r) => [String(r.id), r.role]));
    const findings: Finding[] = [];
    for (const id of ids) {
      const r = index.byId.get(id);
      if (!r) continue;
      const who = team ? `${team}${user.agency ? ` (${user.agency})` : ''}` : (user.agency ?? 'no agency');
      findings.push({
        key: `deconfliction_reached:${id}:${(team ? `${team}|${user.agency ?? ''}` : user.username).toLowerCase()}`,
        rule: 'deconfliction',
        audience: audienceOf(roles.get(id)),
        summary: `Deconfliction for ${holder(r)}: ${user.username} of ${who} reached a record your restriction ${id} covers and was shown only its flag ("${restrictionFlag(r)}"). They may be working on the same person: contact them.`,
        entityIds: [r.targetId],
      });
    }
    await raiseAlerts(db, findings);
  })().catch((e: unknown) => log.warn({ err: e }, 'deconfliction notice not raised'));
}

/** Restrictions in force whose review date has passed, as alerts to their holders (once per review date). */
export async function raiseOverdueReviews(db: Database, asOf = today()): Promise<number> {
  const rows = await db.read(q('overdueReviews.cypher'), { today: asOf });
  const findings: Finding[] = rows.map((row) => {
    const x = row.x as Record<string, string>;
    return {
      key: `restriction_review:${x.id}:${x.reviewDue}`,
      rule: 'restriction_review',
      audience: audienceOf(x.ownerRole),
      summary: `Review overdue: restriction ${x.id} held by ${holder({ team: x.team!, agency: x.agency ?? null })} since ${x.since} was due for review on ${x.reviewDue}. Review it (keep, with a new date) or lift it.`,
      entityIds: [x.targetId!],
    };
  });
  return (await raiseAlerts(db, findings)).length;
}

/** How often reviews are checked (RESTRICTION_REVIEW_CHECK_MS, default hourly). */
const CHECK_MS = Math.max(1_000, Number(process.env.RESTRICTION_REVIEW_CHECK_MS ?? 3_600_000) || 3_600_000);

/** Checks reviews now and then every CHECK_MS; the returned function stops it (on shutdown). */
export function startReviewTimer(db: Database): () => void {
  const run = () => raiseOverdueReviews(db).catch((e: unknown) => log.warn({ err: e }, 'restriction reviews not checked'));
  void run();
  const timer = setInterval(run, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A user joined or left a team that holds restrictions (an admin's setUserTeam): the holding team
 * is told who, by whom and when, since joining opens the team's restricted records to that user.
 */
export async function raiseTeamChange(
  db: Database,
  admin: string,
  change: Record<string, unknown>,
): Promise<void> {
  const team = typeof change.team === 'string' ? change.team : null;
  const before = typeof change.before === 'string' ? change.before : null;
  if ((team ?? '').toLowerCase() === (before ?? '').toLowerCase()) return;
  const held = (change.held as { id: string; targetId: string; team: string; ownerRole: unknown }[]).filter((x) => x?.id);
  const at = new Date().toISOString();
  const findings: Finding[] = [];
  for (const [name, verb] of [
    [team, 'joined'],
    [before, 'left'],
  ] as const) {
    if (!name) continue;
    const mine = held.filter((x) => x.team.toLowerCase() === name.toLowerCase());
    if (!mine.length) continue;
    const agency = typeof change.agency === 'string' ? ` (${change.agency})` : '';
    findings.push({
      key: `team_change:${name.toLowerCase()}:${String(change.username)}:${at}`,
      rule: 'team_change',
      audience: [...new Set(mine.flatMap((x) => audienceOf(x.ownerRole)))],
      summary:
        verb === 'joined'
          ? `${String(change.username)} joined ${name}${agency} (set by ${admin}, ${at.slice(0, 10)}) and can now see what the team holds under ${mine.length === 1 ? 'its restriction' : `its ${mine.length} restrictions`}. If that is not right, ask an administrator to undo it.`
          : `${String(change.username)} left ${name}${agency} (set by ${admin}, ${at.slice(0, 10)}) and no longer sees what the team holds under restriction.`,
      entityIds: mine.map((x) => x.targetId),
    });
  }
  await raiseAlerts(db, findings);
}
