/**
 * Which entity of the graph a row's entity is. Only on a strong key, and each match says why:
 * a phone by its normalised number, a vehicle by its registration, an e-mail address, a place by
 * postcode and first line of address, a person only by an explicit id or NHS number — never by a
 * name, so two persons who share a name stay two, and a nickname never merges anyone.
 * What the importing user may not read (a protected subject, a record only withheld reports
 * support) is never matched: the import makes its own record instead, exactly as submitReport does.
 */
import { createHash } from 'node:crypto';
import { cypherFile, type PlainNode } from '../../db/database.js';
import { kindOf } from '../../domain/vocabulary.js';
import type { Viewer } from '../../access/viewer.js';
import type { RowEntity } from './rows.js';

export type Read = (cypher: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

export interface Resolved {
  id: string;
  kind: string;
  /** The stored node it matched (null: the import creates it). */
  node: PlainNode | null;
  reason: string | null;
  /** Why a row naming it is rejected (an id that names nothing the user can read, or the wrong kind). */
  error?: string;
}

const PREFIX: Record<string, string> = { Person: 'per', Officer: 'off', Phone: 'ph', Email: 'em', Vehicle: 'veh', Location: 'loc', Incident: 'inc', Crime: 'crm', PhoneCall: 'call', Object: 'obj', Operator: 'opr', Licence: 'lic', Notice: 'ntc', Meeting: 'mtg', Operation: 'op' };

/**
 * The id of an entity the import creates: the same on every run of the same file (the report's id
 * is derived from the file and the mapping), so re-importing adds nothing; a key of scope global
 * (a call) gives the same id whichever file names it.
 */
export function newEntityId(kind: string, key: string, scope: 'file' | 'global', reportId: string): string {
  const h = createHash('sha256').update(`${scope === 'global' ? 'global' : reportId}\u0000${key}`).digest('hex').slice(0, 24);
  return `${PREFIX[kind] ?? kind.toLowerCase()}-imp-${h}`;
}

/** The identifying columns of a key-column key (`PhoneCall:global:caller,called,start=…`), in words. */
const keyColumns = (key: string) => key.slice(key.indexOf(':', key.indexOf(':') + 1) + 1, key.indexOf('=')).split(',').join(', ');

/** Kinds a reference by id may name: a Person may be an Officer, an Incident a Crime. */
const fits = (wanted: string, held: string) => wanted === held || (wanted === 'Person' && held === 'Officer') || (wanted === 'Incident' && held === 'Crime');

const QUERY: Record<string, string> = {
  phoneNo: 'matchPhones.cypher',
  reg: 'matchVehicles.cypher',
  email_address: 'matchEmails.cypher',
  nhs_no: 'matchNhsNumbers.cypher',
  'postcode+address': 'matchLocations.cypher',
  id: 'matchIds.cypher',
};

const REASON: Record<string, (v: string) => string> = {
  phoneNo: (v) => `same phone number ${v}`,
  reg: (v) => `same registration ${v}`,
  email_address: (v) => `same e-mail address ${v}`,
  nhs_no: (v) => `same NHS number ${v}`,
  'postcode+address': (v) => `same postcode and first line of address (${v.replace('|', ', ')})`,
  id: (v) => `named by its id ${v}`,
};

/**
 * Resolves entities to graph ids, remembering strong keys across the batches of one import (a busy
 * phone is looked up once). Entities without a strong key are not looked up: their id is derived.
 */
export class Matcher {
  private readonly known = new Map<string, Resolved>();

  constructor(
    private readonly read: Read,
    private readonly viewer: Viewer | null,
    readonly reportId: string,
  ) {}

  get(key: string): Resolved | undefined {
    return this.known.get(key);
  }

  /** Fixes what a key resolves to (the handset and its owner, resolved before the rows). */
  set(key: string, r: Resolved): void {
    this.known.set(key, r);
  }

  /** Looks up, in one read per kind of key, every strong key and id of these entities not yet known. */
  async resolve(entities: RowEntity[]): Promise<void> {
    const wanted = new Map<string, Map<string, RowEntity>>();
    const global = new Map<string, RowEntity>();
    for (const e of entities) {
      if (this.known.has(e.key)) continue;
      if (e.scope === 'global' && e.idRef === null && !e.strong) global.set(newEntityId(e.kind, e.key, 'global', this.reportId), e);
      const by = e.idRef !== null ? 'id' : e.strong?.by;
      if (!by) continue;
      const value = e.idRef ?? e.strong!.value;
      let m = wanted.get(by);
      if (!m) wanted.set(by, (m = new Map()));
      if (!m.has(value)) m.set(value, e);
    }
    // A key that holds in every import (a call) names the same record in any file, unless the user
    // may not read the record already there (another agency's withheld call): then, as for a strong
    // key, it is not there for them, and this import makes its own.
    if (global.size) {
      const rows = await this.read(cypherFile(import.meta.url, 'matchIds.cypher'), { values: [...global.keys()] });
      const found = new Map(rows.map((r) => [String(r.v), (r.nodes as PlainNode[])[0]!]));
      for (const [id, e] of global) {
        const node = found.get(id);
        if (!node) continue;
        if (this.viewer && !this.viewer.canRead(node)) this.known.set(e.key, { id: newEntityId(e.kind, e.key, 'file', this.reportId), kind: e.kind, node: null, reason: null });
        else this.known.set(e.key, { id, kind: kindOf(node.labels), node, reason: `the same ${e.kind === 'PhoneCall' ? 'call' : 'record'} as in an earlier import (same ${keyColumns(e.key)})` });
      }
    }
    await Promise.all(
      [...wanted].map(async ([by, values]) => {
        const params = by === 'postcode+address' ? [...values.keys()].map((v) => ({ v, postcode: v.split('|')[0], line: v.split('|').slice(1).join('|') })) : [...values.keys()];
        const rows = await this.read(cypherFile(import.meta.url, QUERY[by]!), { values: params });
        const found = new Map(rows.map((r) => [String(r.v), r.nodes as PlainNode[]]));
        for (const [value, e] of values) {
          // What the user may not read is, to them, not there.
          const node = (found.get(value) ?? []).find((n) => !this.viewer || this.viewer.canRead(n)) ?? null;
          if (by === 'id') {
            if (!node) this.known.set(e.key, { id: value, kind: e.kind, node: null, reason: null, error: `no entity "${value}" in the graph` });
            else if (!fits(e.kind, kindOf(node.labels))) this.known.set(e.key, { id: value, kind: e.kind, node: null, reason: null, error: `"${value}" is a ${kindOf(node.labels)}, not a ${e.kind}` });
            else this.known.set(e.key, { id: value, kind: kindOf(node.labels), node, reason: REASON.id!(value) });
            continue;
          }
          if (node) this.known.set(e.key, { id: String(node.props.id), kind: kindOf(node.labels), node, reason: REASON[by]!(value) });
          else this.known.set(e.key, { id: newEntityId(e.kind, e.key, 'file', this.reportId), kind: e.kind, node: null, reason: null });
        }
      }),
    );
  }

  /** The graph id of an entity (after `resolve`). */
  idOf(e: RowEntity): Resolved {
    return this.known.get(e.key) ?? { id: newEntityId(e.kind, e.key, e.scope, this.reportId), kind: e.kind, node: null, reason: null };
  }

  /** After a write: a matched node now holds what the import added (and its sources), for the next batch's comparison. */
  update(key: string, node: PlainNode): void {
    const r = this.known.get(key);
    if (r) this.known.set(key, { ...r, node });
  }

  /** Created by this import: later rows naming the same strong key find it here, not as a match. */
  created(key: string, id: string, kind: string): void {
    const r = this.known.get(key);
    if (r && !r.node) this.known.set(key, { ...r, id, kind });
  }
}
