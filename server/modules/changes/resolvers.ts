/**
 * Nothing removed silently (issue 20, item 5). One mechanism for every change that takes something
 * down: a :Change record (kind, field, from, to, reason code, note, reviewer, by, at, outcome)
 * linked to its subject by `subjectId`, kept outside the case graph like an Alert, written in the
 * same transaction as the change it records, audited by the guard, and shown in the subject's
 * history. Refused attempts are kept as changes with outcome `refused`.
 *
 * "Monitoring" uses the graph's own words: a child is on monitoring (the safeguarding caseload of
 * strategy meetings) when she has been discussed at a strategy meeting (DISCUSSED_AT a Meeting of
 * kind strategy), unless her latest monitoring change removed her; a restore puts her back. It is
 * derived from the graph and the changes, never stored on the child. Monitoring is not access:
 * which children a safeguarding user may open stays with `assignChildren`.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GraphQLError } from 'graphql';
import { badInput, parseArgs } from '../../http/errors.js';
import { idArg } from '../../http/args.js';
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import { kindOf } from '../../domain/vocabulary.js';
import { toEntity } from '../../domain/entity.js';
import { sameAgency, type Viewer } from '../../access/viewer.js';
import type { RequestContext } from '../../http/context.js';
import type { Resolvers } from '../../generated/graphql.js';
import { CHANGE_KINDS, reasonCode, reasonsFor, REASON_CODES, REFUSED_REASONS, refusedReason, type ChangeKind } from './reasonCodes.js';

const q = (name: string) => cypherFile(import.meta.url, name);

/** A change as stored. */
export interface ChangeRecord {
  id: string;
  kind: ChangeKind;
  subjectId: string;
  subjectKind: string;
  field: string;
  from: string | null;
  to: string | null;
  reasonCode: string;
  note: string | null;
  reviewer: string;
  by: string;
  byRole: string;
  byAgency: string | null;
  at: string;
  outcome: 'made' | 'refused';
  refusal: string | null;
  contextId: string | null;
}

const INTEL_GRADES = ['A', 'B', 'C', 'D', 'E'];
const SOURCE_GRADES = ['1', '2', '3'];
const RISK_LEVELS = ['low', 'medium', 'high'];

// Words a free-text "other" reason for removal may not rest on either (the codes are refused).
const REFUSED_IN_WORDS = /pregnan|looked[\s-]*after|in care\b|\bLAC\b|care order|placed in care/i;

/** Who may make which kind (on top of POLICY and of reading the subject). */
const KIND_ROLES: Record<ChangeKind, readonly string[]> = {
  monitoring_removed: ['safeguarding', 'analyst'],
  monitoring_restored: ['safeguarding', 'analyst'],
  risk_downgraded: ['safeguarding', 'analyst'],
  risk_raised: ['safeguarding', 'analyst'],
  case_closed: ['analyst', 'safeguarding', 'licensing'],
  grade_downgraded: ['analyst', 'safeguarding', 'licensing'],
  report_discounted: ['analyst', 'safeguarding', 'licensing'],
  allegation_excluded: ['analyst', 'safeguarding', 'licensing'],
};

const inputSchema = z.object({
  kind: z.enum(CHANGE_KINDS, { error: () => `kind must be one of ${CHANGE_KINDS.join(', ')}` }),
  subjectId: idArg,
  to: z.string().trim().max(20).nullish().transform((v) => v || null),
  reasonCode: z.string().trim().min(1, 'choose a reason').max(60),
  reviewer: z.string().trim().min(1, 'name the colleague who reviewed the change').max(64),
  note: z.string().trim().max(2000).nullish().transform((v) => v || null),
  contextId: idArg.nullish().transform((v) => v ?? null),
});
type ChangeInput = z.infer<typeof inputSchema>;

/** What a change of `kind` does to a subject as it stands: the field, from, to, values to set, or why it cannot. */
export function plan(kind: ChangeKind, subject: PlainNode, monitored: boolean | null, to: string | null, today: string) {
  const p = subject.props;
  const subjectKind = kindOf(subject.labels);
  const isChild = subjectKind === 'Person' && p.child === true;
  const needs = (what: string) => badInput(`A ${kind.replace(/_/g, ' ')} is about ${what}; ${String(p.id)} is a ${subjectKind.toLowerCase()}.`);
  switch (kind) {
    case 'monitoring_removed':
      if (!isChild) throw needs('a child');
      if (!monitored) throw badInput('This child is not on monitoring, so there is nothing to remove.');
      return { field: 'monitoring', from: 'monitored', to: 'not monitored', set: {}, historyEntry: null };
    case 'monitoring_restored':
      if (!isChild) throw needs('a child');
      if (monitored) throw badInput('This child is already on monitoring.');
      return { field: 'monitoring', from: 'not monitored', to: 'monitored', set: {}, historyEntry: null };
    case 'risk_downgraded':
    case 'risk_raised': {
      if (!isChild) throw needs('a child');
      const level = (to ?? '').toLowerCase();
      if (!RISK_LEVELS.includes(level)) throw badInput('Give the new risk level: low, medium or high.');
      const from = typeof p.riskLevel === 'string' ? p.riskLevel : null;
      const up = from === null || RISK_LEVELS.indexOf(level) > RISK_LEVELS.indexOf(from);
      if (kind === 'risk_downgraded' && (from === null || up || level === from))
        throw badInput(from === null ? 'No risk level is recorded for this child, so it cannot be downgraded.' : `The risk is ${from}: ${level} is not lower.`);
      if (kind === 'risk_raised' && !up) throw badInput(`The risk is ${from}: ${level} is not higher.`);
      return { field: 'riskLevel', from, to: level, set: { riskLevel: level }, historyEntry: null };
    }
    case 'case_closed': {
      if (subjectKind !== 'Incident' && subjectKind !== 'Crime') throw needs('a case (an incident)');
      const from = typeof p.status === 'string' ? p.status : 'open';
      if (from === 'closed') throw badInput('This case is already closed.');
      return { field: 'status', from, to: 'closed', set: { status: 'closed' }, historyEntry: `${today}:closed` };
    }
    case 'grade_downgraded': {
      if (subjectKind !== 'Report') throw needs('a report');
      const g = (to ?? '').toUpperCase();
      const field = INTEL_GRADES.includes(g) ? 'intelGrade' : SOURCE_GRADES.includes(g) ? 'sourceGrade' : null;
      if (!field) throw badInput('Give the new grade: an intelligence grade A–E or a source grade 1–3.');
      const scale = field === 'intelGrade' ? INTEL_GRADES : SOURCE_GRADES;
      const from = p[field] === undefined || p[field] === null ? null : String(p[field]);
      if (from === null) throw badInput(`This report has no ${field === 'intelGrade' ? 'intelligence' : 'source'} grade to downgrade.`);
      if (scale.indexOf(g) <= scale.indexOf(from)) throw badInput(`The report is graded ${from}: ${g} is not a downgrade.`);
      return { field, from, to: g, set: { [field]: field === 'sourceGrade' ? Number(g) : g }, historyEntry: null };
    }
    case 'report_discounted':
      if (subjectKind !== 'Report') throw needs('a report');
      if (p.discounted === true) throw badInput('This report is already discounted.');
      return { field: 'discounted', from: 'counted', to: 'discounted', set: { discounted: true }, historyEntry: null };
    case 'allegation_excluded':
      if (subjectKind !== 'Incident' && subjectKind !== 'Crime' && subjectKind !== 'Report') throw needs('an allegation (an incident or a report)');
      return { field: 'inPack', from: 'included', to: 'excluded', set: {}, historyEntry: null };
  }
}

/** The subject and, for a child, whether she is monitored; null when there is no such record. */
export async function readSubject(db: Database, subjectId: string): Promise<{ subject: PlainNode; monitored: boolean | null } | null> {
  const [row] = await db.read(q('subject.cypher'), { subjectId });
  return row ? { subject: row.s as PlainNode, monitored: (row.monitored as boolean | null) ?? null } : null;
}

export async function store(db: Database, change: ChangeRecord, set: Record<string, unknown>, historyEntry: string | null): Promise<ChangeRecord> {
  const [row] = await db.write(q('record.cypher'), { change, set, historyEntry });
  return row.change as ChangeRecord;
}

const unknownSubject = () => badInput('No record with that id that you can change.');

/**
 * Makes (or refuses and records) one reasoned change. Exported so that any module taking such a
 * decision records it the same way.
 */
export async function recordChange(ctx: RequestContext, viewer: Viewer, input: ChangeInput): Promise<ChangeRecord> {
  const user = ctx.user!;
  if (!KIND_ROLES[input.kind].includes(user.role)) throw new GraphQLError('Your role does not allow this.', { extensions: { code: 'FORBIDDEN' } });
  const found = await readSubject(ctx.db, input.subjectId);
  // A record the writer cannot read answers exactly as one that does not exist (DESIGN.md §6).
  if (!found || !viewer.canRead(found.subject)) throw unknownSubject();
  const { subject, monitored } = found;
  const subjectKind = kindOf(subject.labels);
  // A report's grade and standing are its owning agency's to change.
  if (subjectKind === 'Report' && input.kind !== 'allegation_excluded' && sameAgency(String(subject.props.ownerAgency ?? '')) !== sameAgency(user.agency))
    throw badInput(`Only ${String(subject.props.ownerAgency ?? 'the agency that owns it')} can downgrade or discount this report.`);

  const code = reasonCode(input.reasonCode);
  if (!code) throw badInput(`"${input.reasonCode}" is not a reason code. Choose one of the list (reasonCodes).`);
  const today = new Date().toISOString().slice(0, 10);
  const base = {
    id: `chg-${randomUUID()}`,
    kind: input.kind,
    subjectId: input.subjectId,
    subjectKind,
    reasonCode: code.code,
    note: input.note,
    reviewer: input.reviewer,
    by: user.username,
    byRole: user.role,
    byAgency: user.agency,
    at: new Date().toISOString(),
    contextId: input.contextId,
  };

  // Pregnancy or being looked after is never a reason to stop monitoring a child: refused, and the
  // attempt kept in her history.
  const refused = input.kind === 'monitoring_removed' ? (refusedReason(code.code) ?? (input.note && REFUSED_IN_WORDS.test(input.note) ? REFUSED_REASONS[0] : undefined)) : undefined;
  if (refused) {
    const refusal =
      refused.code === code.code ? refused.refusal : 'Pregnancy or being looked after is not a reason to stop monitoring a child, whatever the reason code. The attempt has been recorded in the history.';
    await store(ctx.db, { ...base, field: 'monitoring', from: 'monitored', to: 'not monitored', outcome: 'refused', refusal }, {}, null);
    throw badInput(refusal);
  }
  if (!code.kinds.includes(input.kind)) throw badInput(`"${code.label}" is not a reason for a ${input.kind.replace(/_/g, ' ')}. Choose one that is.`);
  if (code.needsNote && (!input.note || input.note.length < 10)) throw badInput(`"${code.label}" needs a note that says it (10 characters or more).`);

  // The reviewer: another active user with a case role.
  if (input.reviewer.toLowerCase() === user.username.toLowerCase()) throw badInput('The reviewer must be someone else: you cannot review your own change.');
  const [reviewer] = await ctx.db.read(
    "MATCH (u:User {username: $reviewer}) WHERE coalesce(u.disabled, false) = false AND u.role IN $roles RETURN u.username AS username",
    // A change about a child is reviewed by someone who may know who she is: never licensing.
    { reviewer: input.reviewer.toLowerCase(), roles: subject.props.child === true ? ['analyst', 'safeguarding'] : ['analyst', 'safeguarding', 'licensing'] },
  );
  if (!reviewer) throw badInput(`"${input.reviewer}" is not an active user who can review a change. Name a colleague by their username.`);

  if (input.kind === 'allegation_excluded') {
    if (!input.contextId) throw badInput('Say which person the pack is for (contextId).');
    const ctxSubject = await readSubject(ctx.db, input.contextId);
    if (!ctxSubject || !viewer.canRead(ctxSubject.subject) || kindOf(ctxSubject.subject.labels) !== 'Person') throw badInput('No person with that id for the pack.');
  }

  const p = plan(input.kind, subject, monitored, input.to, today);
  return store(ctx.db, { ...base, reviewer: reviewer.username as string, field: p.field, from: p.from, to: p.to, outcome: 'made', refusal: null }, p.set, p.historyEntry);
}

/** A change as the caller may see it: its note withheld where it concerns a subject they may not see. */
export function viewChange(c: ChangeRecord, viewer: Viewer, subject: PlainNode | null = null) {
  // A note about a child the caller sees in full (hers, in her history) is hers to read; any other
  // subject's note is withheld as text one link from it would be.
  const childInView = !!subject && subject.props.child === true && viewer.canRead(subject);
  const concerning = [...(childInView ? [] : [c.subjectId]), ...(c.contextId ? [c.contextId] : [])];
  const seen = viewer.entity({ labels: ['Change'], props: { id: c.id, note: c.note } }, concerning);
  const noteWithheld = !!c.note && seen.properties.note === undefined;
  return {
    ...c,
    subjectId: viewer.publicId(c.subjectId),
    contextId: c.contextId ? viewer.publicId(c.contextId) : null,
    reason: reasonCode(c.reasonCode)?.label ?? c.reasonCode,
    note: noteWithheld ? null : ((seen.properties.note as string | undefined) ?? null),
    noteWithheld,
    field: c.field,
  };
}

export const changesResolvers: Resolvers = {
  Query: {
    reasonCodes: (_, args) => {
      const { kind } = parseArgs(z.object({ kind: z.enum(CHANGE_KINDS).nullish() }), args);
      const refusedCodes = new Set(REFUSED_REASONS.map((r) => r.code));
      const list = kind ? reasonsFor(kind) : [...REASON_CODES, ...REFUSED_REASONS];
      return list.map((r) => ({ code: r.code, label: r.label, kinds: [...r.kinds], needsNote: !!r.needsNote, refused: refusedCodes.has(r.code) }));
    },
    reviewers: async (_, __, ctx) => {
      const rows = await ctx.db.read(q('reviewers.cypher'), { caller: ctx.user!.username });
      return rows.map((r) => r.username as string);
    },
    changeHistory: async (_, args, ctx) => {
      const { subjectId } = parseArgs(z.object({ subjectId: idArg }), args);
      const viewer = ctx.viewer!;
      const found = await readSubject(ctx.db, subjectId);
      if (!found || !viewer.canRead(found.subject)) return null;
      const rows = await ctx.db.read(q('history.cypher'), { subjectId });
      return {
        subject: toEntity(found.subject),
        monitored: found.monitored,
        changes: rows.map((r) => viewChange(r.change as ChangeRecord, viewer, found.subject)),
      };
    },
  },
  Mutation: {
    recordChange: async (_, args, ctx) => {
      const { input } = parseArgs(z.object({ input: inputSchema }), args);
      const change = await recordChange(ctx, ctx.viewer!, input);
      return viewChange(change, ctx.viewer!, (await readSubject(ctx.db, change.subjectId))?.subject ?? null);
    },
  },
};
