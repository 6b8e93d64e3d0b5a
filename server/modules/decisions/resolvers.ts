/**
 * Licensing decisions on the record (issue 20 item 10): a decision on a licence (grant, renew,
 * refuse, suspend, revoke, conditions) with the officer's recommendation, the representations
 * received, the decision-maker, and an override of the recommendation with its reason. Written
 * once, never changed (no operation edits or removes one; a change of mind is a new decision), and
 * audited by the guard like every change. A grant or renewal before the application's checks have
 * passed is refused, or recorded flagged when the decision-maker overrides with a reason.
 *
 * Licence events recorded as incidents before decisions were kept (kind licence_event) read through
 * as legacy decisions with their incident's history, unless a decision was migrated from them
 * (`migratedFrom`), so old data stays readable.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { badInput, parseArgs } from '../../http/errors.js';
import { idArg, isoDate } from '../../http/args.js';
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { toEntity, type EntityView } from '../../domain/entity.js';
import { currentViewer } from '../../access/viewer.js';
import type { Resolvers } from '../../generated/graphql.js';

const q = (name: string) => cypherFile(import.meta.url, name);

export const DECISIONS = ['grant', 'renew', 'refuse', 'suspend', 'revoke', 'conditions'] as const;
export type DecisionKind = (typeof DECISIONS)[number];
/** The licence status a decision leaves (conditions change none). */
const STATUS_AFTER: Record<DecisionKind, string | null> = { grant: 'active', renew: 'active', refuse: 'refused', suspend: 'suspended', revoke: 'revoked', conditions: null };
const DONE: Record<DecisionKind, string> = { grant: 'granted', renew: 'renewed', refuse: 'refused', suspend: 'suspended', revoke: 'revoked', conditions: 'conditions imposed' };

/**
 * The checks a grant or renewal needs, per kind of licence, recorded per application. Minimal and
 * documented (README, "Licensing decisions"): a driver needs an enhanced DBS check, a medical, the
 * right to work and the knowledge test; an operator (its holder) a basic DBS check and the right to
 * work; a vehicle licence none here (its inspection is outside this record).
 */
export const REQUIRED_CHECKS: Record<string, readonly string[]> = {
  driver: ['dbs', 'medical', 'right_to_work', 'knowledge_test'],
  operator: ['dbs', 'right_to_work'],
  vehicle: [],
};
export const CHECK_KINDS = ['dbs', 'medical', 'right_to_work', 'knowledge_test'] as const;
const CHECK_WORDS: Record<string, string> = { dbs: 'DBS check', medical: 'medical', right_to_work: 'right to work', knowledge_test: 'knowledge test' };
const PARTIES = ['driver', 'operator', 'solicitor', 'police', 'safeguarding', 'public', 'councillor', 'other'] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const decisionInput = z.object({
  licenceId: idArg,
  decision: z.enum(DECISIONS, { error: `decision must be one of ${DECISIONS.join(', ')}` }),
  decidedOn: isoDate,
  decisionMaker: text(200),
  reason: text(4000),
  conditions: optionalText(4000),
  recommendation: z.enum(DECISIONS, { error: `recommendation must be one of ${DECISIONS.join(', ')}` }).nullish().transform((v) => v ?? null),
  recommendedBy: optionalText(200),
  overrideReason: optionalText(4000),
  checksOverrideReason: optionalText(4000),
  representations: z
    .array(z.object({ madeBy: text(200), party: z.enum(PARTIES, { error: `party must be one of ${PARTIES.join(', ')}` }), receivedOn: isoDate, summary: text(4000) }))
    .max(100, 'at most 100 representations')
    .nullish()
    .transform((v) => v ?? []),
});

type Check = { checkKind: string; outcome: string; checkedOn: string; recordedAt?: string };

/** Required checks not passed by `on` (the latest check of each kind counts), in words. */
export function missingChecks(licenceKind: string | undefined, checks: Check[], on: string): string[] {
  const required = REQUIRED_CHECKS[licenceKind ?? 'driver'] ?? [];
  const missing: string[] = [];
  for (const kind of required) {
    const latest = checks.filter((c) => c.checkKind === kind && c.checkedOn <= on).sort((a, b) => (b.checkedOn + (b.recordedAt ?? '')).localeCompare(a.checkedOn + (a.recordedAt ?? '')))[0];
    if (!latest) missing.push(`${CHECK_WORDS[kind]}: not recorded`);
    else if (latest.outcome !== 'passed') missing.push(`${CHECK_WORDS[kind]}: ${latest.outcome} (${latest.checkedOn})`);
  }
  return missing;
}

const plain = (v: unknown) => (v == null ? null : String(v));

/** A decision as the API shows it, with its history in words. */
function decisionView(licence: EntityView, d: PlainNode, reps: PlainNode[]) {
  const p = d.props;
  const decision = String(p.decision) as DecisionKind;
  const representations = reps.map((r) => ({
    id: String(r.props.id),
    madeBy: String(r.props.madeBy ?? ''),
    party: String(r.props.party ?? 'other'),
    receivedOn: String(r.props.receivedOn ?? ''),
    summary: String(r.props.summary ?? ''),
  }));
  const recommendation = plain(p.recommendation);
  const overridden = recommendation != null && recommendation !== decision;
  const checksIncomplete = (p.checksIncomplete as string[] | undefined) ?? [];
  const flags: string[] = [];
  if (overridden) flags.push(`recommendation to ${recommendation} overridden: ${p.overrideReason ?? '(no reason recorded)'}`);
  if (checksIncomplete.length) flags.push(`${DONE[decision] ?? decision} before the checks were complete (${checksIncomplete.join('; ')}): ${p.checksOverrideReason ?? '(no reason recorded)'}`);
  const history: string[] = [];
  if (recommendation) history.push(`${p.decidedOn}: ${p.recommendedBy ?? 'the officer'} recommended ${recommendation}`);
  for (const r of representations) history.push(`${r.receivedOn}: representation from ${r.madeBy} (${r.party})`);
  history.push(`${p.decidedOn}: ${DONE[decision] ?? decision} by ${p.decisionMaker}${overridden ? ` against the recommendation (${p.overrideReason})` : ''}`);
  history.sort((a, b) => a.slice(0, 10).localeCompare(b.slice(0, 10)));
  return {
    id: String(p.id),
    licence,
    decision,
    decidedOn: String(p.decidedOn),
    decisionMaker: String(p.decisionMaker),
    recordedBy: plain(p.recordedBy),
    reason: plain(p.reason),
    conditions: plain(p.conditions),
    recommendation,
    recommendedBy: plain(p.recommendedBy),
    overridden,
    overrideReason: plain(p.overrideReason),
    representations,
    checksIncomplete,
    checksOverrideReason: plain(p.checksOverrideReason),
    flags,
    history,
    legacy: false,
  };
}

/** A licence event kept as an incident (before decisions were kept), read through as a decision. */
function legacyView(licence: EntityView, i: PlainNode) {
  const p = i.props;
  const outcome = String(p.outcome ?? '').toLowerCase();
  const decision = (DECISIONS as readonly string[]).find((k) => outcome.startsWith(k.slice(0, 4)) || DONE[k as DecisionKind] === outcome) ?? (outcome || 'recorded');
  const incident = toEntity(i);
  const held = incident.kind === 'HeldItem';
  return {
    id: String(p.id),
    licence,
    decision,
    decidedOn: String(p.date ?? ''),
    decisionMaker: 'not recorded (licence event kept before decisions were recorded)',
    recordedBy: null,
    reason: held ? null : plain(incident.properties.summary),
    conditions: null,
    recommendation: null,
    recommendedBy: null,
    overridden: false,
    overrideReason: null,
    representations: [],
    checksIncomplete: [],
    checksOverrideReason: null,
    flags: [],
    history: held ? [] : ((incident.properties.history as string[] | undefined) ?? []).map((h) => h.replace(/^(\d{4}-\d{2}-\d{2}):/, '$1: ')),
    legacy: true,
  };
}

const withheldIds = () => currentViewer()?.withheldReportIds() ?? [];

/** Decisions on a licence, or on every licence a person or operator holds (oldest first). */
export async function decisionsFor(db: Database, { licenceId, holderId }: { licenceId: string | null; holderId: string | null }) {
  const rows = await db.read(q('decisionsOn.cypher'), { licenceId, holderId, withheld: withheldIds() }, { what: 'These decisions' });
  const licences = new Map<string, EntityView>();
  return rows.map((r) => {
    const l = r.l as PlainNode;
    const id = String(l.props.id);
    const licence = licences.get(id) ?? toEntity(l);
    licences.set(id, licence);
    return r.d ? decisionView(licence, r.d as PlainNode, r.reps as PlainNode[]) : legacyView(licence, r.incident as PlainNode);
  });
}

async function readChecks(db: Database, licenceId: string) {
  const [row] = await db.read(q('checksOn.cypher'), { licenceId }, { what: 'These checks' });
  if (!row) return null;
  return { licence: row.l as PlainNode, checks: (row.checks as PlainNode[]).map((c) => c.props as unknown as Check & Record<string, unknown>) };
}

/** The licence a write refers to, if the writer can read it (DESIGN.md §6: writes respect reads). */
async function readableLicence(db: Database, licenceId: string) {
  const found = await readChecks(db, licenceId);
  const viewer = currentViewer();
  if (!found || (viewer && !viewer.canRead(found.licence))) throw badInput(`No licence with id ${licenceId} that you can see.`);
  return found;
}

const checkArgs = z.object({
  licenceId: idArg,
  checkKind: z.enum(CHECK_KINDS, { error: `checkKind must be one of ${CHECK_KINDS.join(', ')}` }),
  outcome: z.enum(['passed', 'failed', 'pending'], { error: 'outcome must be passed, failed or pending' }),
  checkedOn: isoDate,
  note: optionalText(2000),
});

const checkView = (c: Record<string, unknown>) => ({
  id: String(c.id),
  checkKind: String(c.checkKind),
  outcome: String(c.outcome),
  checkedOn: String(c.checkedOn),
  recordedBy: String(c.recordedBy ?? ''),
  note: plain(c.note),
});

export const decisionsResolvers: Resolvers = {
  Query: {
    licensingDecisions: async (_, args, ctx) => {
      const a = parseArgs(z.object({ licenceId: idArg.nullish(), personId: idArg.nullish(), operatorId: idArg.nullish() }), args);
      const given = [a.licenceId, a.personId, a.operatorId].filter((v) => v != null);
      if (given.length !== 1) throw badInput('Give one of licenceId, personId or operatorId.');
      return decisionsFor(ctx.db, { licenceId: a.licenceId ?? null, holderId: a.personId ?? a.operatorId ?? null });
    },
    licenceChecks: async (_, args, ctx) => {
      const { licenceId } = parseArgs(z.object({ licenceId: idArg }), args);
      const found = await readChecks(ctx.db, licenceId);
      if (!found) return null;
      const kind = plain(found.licence.props.kind) ?? 'driver';
      const missing = missingChecks(kind, found.checks, '9999-12-31');
      return { licence: toEntity(found.licence), required: [...(REQUIRED_CHECKS[kind] ?? [])], checks: found.checks.map(checkView), missing, complete: missing.length === 0 };
    },
  },
  Mutation: {
    recordLicenceCheck: async (_, args, ctx) => {
      const a = parseArgs(checkArgs, args);
      await readableLicence(ctx.db, a.licenceId);
      const props = { checkKind: a.checkKind, outcome: a.outcome, checkedOn: a.checkedOn, note: a.note, recordedBy: ctx.user!.username };
      const [row] = await ctx.db.write(q('recordCheck.cypher'), { licenceId: a.licenceId, id: `chk-${randomUUID()}`, props, recordedAt: new Date().toISOString() });
      return checkView((row.c as PlainNode).props);
    },
    recordLicensingDecision: async (_, args, ctx) => {
      const a = parseArgs(decisionInput, (args as { input: unknown }).input);
      const found = await readableLicence(ctx.db, a.licenceId);
      const overridden = a.recommendation != null && a.recommendation !== a.decision;
      if (overridden && !a.overrideReason)
        throw badInput(`The officer recommended ${a.recommendation}; to decide ${a.decision} instead, give the reason for overriding the recommendation (overrideReason).`);
      if (a.decision === 'conditions' && !a.conditions) throw badInput('Say which conditions are imposed (conditions).');
      for (const r of a.representations) if (r.receivedOn > a.decidedOn) throw badInput(`A representation received on ${r.receivedOn} cannot be before a decision made on ${a.decidedOn}.`);
      let checksIncomplete: string[] = [];
      if (a.decision === 'grant' || a.decision === 'renew') {
        checksIncomplete = missingChecks(plain(found.licence.props.kind) ?? 'driver', found.checks, a.decidedOn);
        if (checksIncomplete.length && !a.checksOverrideReason)
          throw badInput(
            `The checks for this licence are not complete (${checksIncomplete.join('; ')}), so it cannot be ${a.decision === 'grant' ? 'granted' : 'renewed'}. Record the checks first, or give the decision-maker's reason to decide anyway (checksOverrideReason): the decision is then flagged.`,
          );
      }
      const props = {
        decision: a.decision,
        decidedOn: a.decidedOn,
        decisionMaker: a.decisionMaker,
        recordedBy: ctx.user!.username,
        reason: a.reason,
        conditions: a.conditions,
        recommendation: a.recommendation,
        recommendedBy: a.recommendedBy,
        overrideReason: overridden ? a.overrideReason : null,
        checksIncomplete,
        checksOverrideReason: checksIncomplete.length ? a.checksOverrideReason : null,
      };
      // `rpn-`, not `rep-`: a representation is not a Report.
      const representations = a.representations.map((r) => ({ id: `rpn-${randomUUID()}`, props: r }));
      const [row] = await ctx.db.write(q('recordDecision.cypher'), {
        licenceId: a.licenceId,
        id: `dec-${randomUUID()}`,
        props,
        status: STATUS_AFTER[a.decision],
        recordedAt: new Date().toISOString(),
        representations,
      });
      const reps = (row.reps as PlainNode[]).sort((x, y) => String(x.props.receivedOn).localeCompare(String(y.props.receivedOn)));
      const after = await readChecks(ctx.db, a.licenceId);
      return decisionView(toEntity(after!.licence), row.d as PlainNode, reps);
    },
  },
};
