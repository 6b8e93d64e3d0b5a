/**
 * One graded report and what it asserts. Known entities are matched, not duplicated (a phone
 * number in any format, a registration with or without spaces, an address by postcode and first
 * line, a person by NHS number or by date of birth with name); each asserted link gains the report
 * in its `sources`. Nothing is overwritten: a matched entity only gains properties it lacked, and a
 * value that differs is reported back as a conflict, for a later report to correct.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isoDate } from '../../http/args.js';
import { cypherFile, type Database, type PlainNode, type PlainRel } from '../../db/database.js';

const q = (name: string) => cypherFile(import.meta.url, name);
import { isLabel, isLinkType, kindOf } from '../../domain/vocabulary.js';
import { toEntity, toLink, type EntityView, type LinkView } from '../../domain/entity.js';
import type { Viewer } from '../../access/viewer.js';
import { normalisePhone, readPostcode, readRegistration } from '../search/identifiers.js';
import { contactKeyProps, KEY_PROPERTIES, nameKeyProps } from '../../domain/names/store.js';
import { namesIn } from '../../domain/names/keys.js';

const scalar = z.union([z.string().max(2000), z.number(), z.boolean()]);
const propertyValue = z.union([scalar, z.array(z.string()), z.array(z.number()), z.array(z.boolean())]);
// The name keys too (domain/names/store.ts): computed from the names, never given.
const RESERVED = new Set(['id', 'sources', 'point', ...KEY_PROPERTIES]);
const properties = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'property names are letters, digits and _'), propertyValue)
  .superRefine((p, ctx) => {
    const set = Object.keys(p).filter((k) => RESERVED.has(k));
    if (set.length) ctx.addIssue({ code: 'custom', message: `${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set by the service, not by a report` });
  });

export const reportInput = z
  .object({
    ref: z.string().max(100).optional(),
    receivedOn: isoDate,
    sourceType: z.enum(['victim', 'youth_worker', 'parent', 'school', 'police', 'licensing', 'partner', 'public']),
    sourceGrade: z.number().int().min(1, 'sourceGrade is 1, 2 or 3').max(3, 'sourceGrade is 1, 2 or 3'),
    intelGrade: z.enum(['A', 'B', 'C', 'D', 'E']),
    handling: z.enum(['P', 'C']),
    conditions: z.string().max(2000).optional(),
    ownerAgency: z.string().trim().min(1).max(100),
    sharedWith: z.array(z.string().max(100)).max(50).optional(),
    summary: z.string().trim().min(1, 'say what the report says').max(20_000),
    entities: z
      .array(
        z.object({
          ref: z.string().trim().min(1).max(200),
          kind: z.string().refine(isLabel, { error: (i) => `unknown kind "${String(i.input)}"` }),
          properties: properties.default({}),
        }),
      )
      .max(500),
    links: z
      .array(
        z.object({
          type: z.string().refine(isLinkType, { error: (i) => `unknown link type "${String(i.input)}"` }),
          from: z.string().min(1),
          to: z.string().min(1),
          properties: properties.default({}),
        }),
      )
      .max(1000),
  })
  .superRefine((r, ctx) => {
    if (r.handling === 'C' && !r.conditions?.trim()) ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'handling C needs the conditions of sharing' });
    if (r.receivedOn > new Date().toISOString().slice(0, 10)) ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: 'cannot be in the future' });
    const refs = new Set<string>();
    for (const e of r.entities) {
      if (refs.has(e.ref)) ctx.addIssue({ code: 'custom', path: ['entities'], message: `ref "${e.ref}" is used twice` });
      refs.add(e.ref);
    }
  });
export type ReportInput = z.infer<typeof reportInput>;

export interface ResolvedEntity {
  ref: string;
  entity: EntityView;
  /** How a known entity was recognised; null when the report created it. */
  matchedBy: string | null;
  /** Values the report gives that differ from what is held (kept as held). */
  conflicts: string[];
}

export interface SubmittedReport {
  report: EntityView;
  entities: ResolvedEntity[];
  links: LinkView[];
}

type Run = (cypher: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** Case and spacing do not make a conflict ("Silver" is "silver"). */
const sameValue = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? lower(a) === lower(b) : JSON.stringify(a) === JSON.stringify(b);
const lower = (v: unknown) => String(v ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
const firstLine = (address: unknown) => lower(String(address ?? '').split(',')[0]);

const isPerson = (kind: string) => kind === 'Person' || kind === 'Officer';

/** Normalises identifiers the way they are stored (DESIGN.md §4). */
function normalise(kind: string, props: Record<string, unknown>): Record<string, unknown> {
  const p = { ...props };
  if (kind === 'Phone' && typeof p.phoneNo === 'string') {
    p.raw ??= p.phoneNo;
    p.phoneNo = normalisePhone(p.phoneNo);
  }
  if (kind === 'Vehicle' && typeof p.reg === 'string') p.reg = readRegistration(p.reg) ?? p.reg.replace(/\s+/g, '').toUpperCase();
  if (kind === 'Location' && typeof p.postcode === 'string') p.postcode = readPostcode(p.postcode) ?? p.postcode.trim().toUpperCase();
  return p;
}

/** Finds the known entity a report's entity is: strong identifiers only, never a nickname. */
async function findKnown(
  run: Run,
  viewer: Viewer | null,
  ref: string,
  kind: string,
  p: Record<string, unknown>,
  byIds: Map<string, PlainNode>,
): Promise<{ node: PlainNode; by: string } | null> {
  const one = async (by: string, cypher: string, params: Record<string, unknown>) => {
    const rows = await run(cypher, params);
    // What the writer may not read is never matched: the report creates its own record instead,
    // exactly as for an id that does not exist.
    const usable = rows.filter((r) => !viewer || viewer.canRead(r.n as PlainNode));
    return usable.length ? { node: usable[0].n as PlainNode, by } : null;
  };
  // By id: read for every ref of the report at once (`byIds`), by the same rule as the others.
  const held = byIds.get(ref);
  const byId = held && (!viewer || viewer.canRead(held)) ? { node: held, by: 'id' } : null;
  if (byId) {
    // A reference by id must name a record of the kind the report says.
    const heldKind = kindOf(byId.node.labels);
    if (heldKind !== kind && !(kind === 'Person' && heldKind === 'Officer') && !(kind === 'Incident' && heldKind === 'Crime')) {
      throw new ReportRefError(`entity "${ref}" is a ${heldKind}, not a ${kind}`);
    }
    return byId;
  }
  if (kind === 'Phone' && p.phoneNo) return one('phone number', q('knownPhone.cypher'), { v: p.phoneNo });
  if (kind === 'Vehicle' && p.reg) return one('registration', q('knownVehicle.cypher'), { v: p.reg });
  if (kind === 'Email' && p.email_address) return one('e-mail address', q('knownEmail.cypher'), { v: lower(p.email_address) });
  if (kind === 'Location' && p.postcode && p.address) {
    return one(
      'postcode and first line of address',
      q('knownLocation.cypher'),
      { pc: p.postcode, line: firstLine(p.address) },
    );
  }
  if (kind === 'Person' || kind === 'Officer') {
    if (p.nhs_no) {
      const m = await one('NHS number', q('knownNhsNumber.cypher'), { v: p.nhs_no });
      if (m) return m;
    }
    if (p.dob && p.name && p.surname) {
      return one(
        'date of birth and name',
        q('knownPerson.cypher'),
        { dob: p.dob, name: lower(p.name), surname: lower(p.surname) },
      );
    }
  }
  return null;
}

const PREFIX: Record<string, string> = { Person: 'per', Phone: 'ph', Vehicle: 'veh', Location: 'loc', Incident: 'inc', Operator: 'opr', Licence: 'lic', Notice: 'ntc', Meeting: 'mtg', Operation: 'op', Report: 'rep' };
const newId = (kind: string) => `${PREFIX[kind] ?? kind.toLowerCase()}-${randomUUID()}`;

/** A report's own handling and sharing: changed only by a user of the agency that owns it. */
const REPORT_CONTROLS = new Set(['handling', 'conditions', 'sharedWith', 'sharedOn', 'ownerAgency']);

/** Which properties came from which reports, kept beside the values (access/viewer.ts reads it). */
export function withSources(previous: unknown, keys: string[], reportId: string): string {
  let map: Record<string, string[]>;
  try {
    map = typeof previous === 'string' ? (JSON.parse(previous) as Record<string, string[]>) : {};
  } catch {
    map = {};
  }
  for (const k of keys) if (!(map[k] ?? []).includes(reportId)) map[k] = [...(map[k] ?? []), reportId];
  return JSON.stringify(map);
}

/**
 * `viewer`: the writer's view. A write refers only to what its writer can read, and what it answers
 * (conflicts included) quotes nothing the writer could not read.
 */
export async function submitReport(db: Database, input: ReportInput, viewer: Viewer | null = null): Promise<SubmittedReport> {
  const known = new Set(input.entities.map((e) => e.ref));
  return db.writeTransaction(async (run) => {
    const reportId = newId('Report');
    const { entities: _e, links: _l, ...reportProps } = input;
    const [{ r }] = await run(q('createReport.cypher'), {
      id: reportId,
      props: { ...reportProps, ref: input.ref ?? reportId },
    });

    const resolved: ResolvedEntity[] = [];
    const idOf = new Map<string, string>();
    // Which refs name a record by its id: one read for all of them, not one per entity.
    const byIds = new Map<string, PlainNode>();
    if (input.entities.length) {
      for (const row of await run(q('entitiesByRef.cypher'), { refs: input.entities.map((e) => e.ref) })) {
        const n = row.n as PlainNode;
        byIds.set(String(n.props.id), n);
      }
    }
    // Each entity is recorded as mentioned by the report in the statement that writes it
    // (updateEntity.cypher, createEntity.cypher).
    for (const e of input.entities) {
      const props = normalise(e.kind, e.properties);
      const match = await findKnown(run, viewer, e.ref, e.kind, props, byIds);
      // A report is recorded by submitReport itself: another report may refer to one it can read,
      // never create one (nor, by naming an id it cannot read, reach a withheld one).
      if (!match && e.kind === 'Report') throw new ReportRefError(`no report "${e.ref}" to refer to`);
      let node: PlainNode;
      const conflicts: string[] = [];
      if (match) {
        const held = match.node.props;
        if (kindOf(match.node.labels) === 'Report' && Object.keys(props).length && held.ownerAgency !== (viewer?.user?.agency ?? held.ownerAgency)) {
          throw new ReportRefError(`report "${e.ref}" belongs to ${String(held.ownerAgency ?? 'another agency')}: only that agency changes it`);
        }
        if (kindOf(match.node.labels) === 'Report' && Object.keys(props).some((k) => REPORT_CONTROLS.has(k)) && viewer?.user?.agency !== held.ownerAgency) {
          throw new ReportRefError(`report "${e.ref}": only its owning agency changes its handling, conditions or sharing`);
        }
        // What the writer may see of the record: a conflict quotes the held value only from that.
        const seen = viewer ? viewer.entity(match.node).properties : held;
        const added: Record<string, unknown> = {};
        const same: string[] = [];
        for (const [k, v] of Object.entries(props)) {
          if (held[k] === undefined || held[k] === null) added[k] = v;
          else if (sameValue(held[k], v)) same.push(k);
          else if (k !== 'raw') conflicts.push(seen[k] !== undefined && sameValue(seen[k], held[k]) ? `${k}: held "${String(held[k])}", report says "${String(v)}"` : `${k}: the report's value differs from the one held`);
        }
        // An age the record gains was recorded when the report was received, unless it says when.
        if (isPerson(e.kind) && added.age !== undefined && props.ageOn === undefined && (held.ageOn === undefined || held.ageOn === null)) added.ageOn = input.receivedOn;
        // A person gaining a name, surname or aliases gets the keys of its names as they now are.
        const keys = match.node.labels.includes('Person') && namesIn(added) ? nameKeyProps({ ...held, ...added }) : {};
        const id = String(match.node.props.id);
        [{ n: node }] = (await run(
          q('updateEntity.cypher'),
          { id, added, keys, rid: reportId, mid: `MENTIONS:${reportId}:${id}`, propSources: withSources(held.propSources, [...Object.keys(added), ...same], reportId) },
        )) as { n: PlainNode }[];
      } else {
        if (isPerson(e.kind) && props.age !== undefined && props.ageOn === undefined) props.ageOn = input.receivedOn;
        const keys = e.kind === 'Person' ? nameKeyProps(props) : {};
        const id = newId(e.kind);
        [{ n: node }] = (await run(
          cypherFile(import.meta.url, 'createEntity.cypher', { names: { kind: e.kind } }),
          { id, props, keys, rid: reportId, mid: `MENTIONS:${reportId}:${id}`, propSources: withSources(null, Object.keys(props), reportId) },
        )) as { n: PlainNode }[];
      }
      const entity = toEntity(node);
      idOf.set(e.ref, entity.id);
      resolved.push({ ref: e.ref, entity, matchedBy: match?.by ?? null, conflicts });
    }

    const links: LinkView[] = [];
    for (const l of input.links) {
      const ends = [l.from, l.to].map((ref) => idOf.get(ref) ?? ref);
      const [from, to] = ends as [string, string];
      // An id the writer may not read is, to them, an id that does not exist.
      const named = ends.filter((id, i) => id === [l.from, l.to][i]);
      if (viewer && named.length) {
        const found = await run(q('entitiesById.cypher'), { ids: named });
        const unreadable = found.map((r) => r.n as PlainNode).filter((n) => !viewer.canRead(n)).map((n) => String(n.props.id));
        if (unreadable.length) throw new ReportRefError(`link ${l.type} from "${l.from}" to "${l.to}": no entity "${unreadable.join('", "')}" in the report or the graph`);
      }
      // A link that exists keeps its properties attributed to the reports that gave them, so that a
      // value only withheld reports support stays hidden when this report makes the link visible.
      const [held] = await run(
        cypherFile(import.meta.url, 'unattributedLink.cypher', { names: { type: l.type } }),
        { from, to },
      );
      if (held && (held.keys as string[]).length && (held.before as string[]).length) {
        const attributed = Object.fromEntries((held.keys as string[]).map((k) => [k, held.before as string[]]));
        await run(q('attributeLink.cypher'), { eid: held.eid, json: JSON.stringify(attributed) });
      }
      const rows = await run(
        cypherFile(import.meta.url, 'writeLink.cypher', { names: { type: l.type } }),
        {
          from, to, id: `${l.type}:${from}:${to}`, props: l.properties, rid: reportId, propSources: withSources(null, Object.keys(l.properties), reportId),
          // A nickname saved in a handset is found by its keys (whoIs), as a person's names are.
          keys: l.type === 'HAS_CONTACT' && l.properties.savedAs != null ? contactKeyProps(l.properties.savedAs) : {},
        },
      );
      if (!rows.length) {
        const missing = ends.filter((id, i) => !known.has([l.from, l.to][i]!) && id === [l.from, l.to][i]);
        throw new ReportRefError(`link ${l.type} from "${l.from}" to "${l.to}": ${missing.length ? `no entity "${missing.join('", "')}" in the report or the graph` : 'an end was not found'}`);
      }
      links.push(toLink(rows[0].r as PlainRel, rows[0].source as string, rows[0].target as string));
    }
    return { report: toEntity(r as PlainNode), entities: resolved, links };
  }, { what: 'Saving this report' });
}

/** A link names an entity that neither the report nor the graph holds: the whole report is refused. */
export class ReportRefError extends Error {
  readonly extensions = { code: 'BAD_USER_INPUT' };
}
