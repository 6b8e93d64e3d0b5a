/**
 * Redaction for the licensing role (DESIGN.md §6): licensing never receives a child's identity (name,
 * pseudonym, id), a victim's phone, or a protected address. Children arrive as descriptors
 * ("looked-after girl, 15"), under ids that mean nothing outside the one response; children's phones
 * and restricted addresses arrive without their numbers and addresses; and every string in the
 * response is scrubbed of any child's name, pseudonym or id (a meeting titled "Strategy meeting —
 * YP04" becomes "Strategy meeting — [child]").
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';

export interface Protected {
  childIds: Set<string>;
  childPhoneIds: Set<string>;
  restrictedPlaceIds: Set<string>;
  /** Strings that identify a child: ids, pseudonyms, full names; longest first. */
  identifiers: string[];
}

/** Identifiers of every child (but `except`, the child a strategy meeting is about). */
export async function protectedIdentifiers(db: Database, except: string | null = null): Promise<Protected> {
  const children = await db.read(
    `MATCH (c:Person) WHERE c.child = true AND ($except IS NULL OR c.id <> $except)
     OPTIONAL MATCH (c)-[:HAS_PHONE]->(ph:Phone)
     RETURN c.id AS id, c.pseudonym AS pseudonym, c.name AS name, c.surname AS surname, collect(ph.id) AS phones`,
    { except },
  );
  const identifiers = new Set<string>();
  const childIds = new Set<string>();
  const childPhoneIds = new Set<string>();
  for (const c of children) {
    childIds.add(c.id as string);
    identifiers.add(c.id as string);
    if (c.pseudonym) identifiers.add(String(c.pseudonym));
    const full = [c.name, c.surname].filter(Boolean).join(' ');
    if (full.includes(' ')) identifiers.add(full);
    for (const p of c.phones as string[]) childPhoneIds.add(p);
  }
  const restricted = await db.read('MATCH (l:Location) WHERE l.restricted = true RETURN l.id AS id');
  return {
    childIds,
    childPhoneIds,
    restrictedPlaceIds: new Set(restricted.map((r) => r.id as string)),
    identifiers: [...identifiers].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length),
  };
}

const isProtected = (p: Protected, id: string) => p.childIds.has(id) || p.childPhoneIds.has(id) || p.restrictedPlaceIds.has(id);

/**
 * Licensing cannot start from a protected entity: asking for one by id gets what an unknown id
 * gets (null, or nothing to expand), so the answer does not even confirm that it exists.
 */
export function licensingArgs(operation: string, args: Record<string, unknown>, prot: Protected): { args: Record<string, unknown>; answer?: unknown } {
  if (operation === 'Query.entity' && typeof args.id === 'string' && isProtected(prot, args.id)) return { args, answer: null };
  if (operation === 'Query.paths' && [args.from, args.to].some((id) => typeof id === 'string' && isProtected(prot, id))) return { args, answer: [] };
  if ((operation === 'Query.neighbourhood' || operation === 'Query.connectingNetwork') && Array.isArray(args.ids)) {
    const ids = (args.ids as string[]).filter((id) => !isProtected(prot, id));
    if (!ids.length) return { args, answer: { nodes: [], links: [], truncated: false } };
    return { args: { ...args, ids } };
  }
  return { args };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function describeChild(p: Record<string, unknown>): string {
  const sex = p.sex === 'female' || p.sex === 'F' ? 'girl' : p.sex === 'male' || p.sex === 'M' ? 'boy' : 'child';
  const age = typeof p.age === 'number' ? `, ${p.age}` : '';
  return `${p.lookedAfter === true ? 'looked-after ' : ''}${sex}${age}`;
}

type Json = unknown;

/** Returns a copy of `result` without the identities in `prot` (licensing; safeguarding's other children). */
export function redactChildren(operation: string, result: Json, prot: Protected): Json {
  // A search hit on a child, even as a descriptor, would confirm that a child of that name exists.
  if (operation === 'Query.search' && Array.isArray(result)) {
    result = (result as { entity: { id: string } }[]).filter((hit) => !isProtected(prot, hit.entity.id));
  }
  // Ids given to protected entities in this response only: consistent within it, unlinkable across.
  const salt = randomBytes(16);
  const opaque = (id: string, prefix: string) => `${prefix}-${createHmac('sha256', salt).update(id).digest('hex').slice(0, 12)}`;
  const idMap = new Map<string, string>();
  const mapId = (id: string) => idMap.get(id) ?? id;
  const pattern = prot.identifiers.length ? new RegExp(prot.identifiers.map(escapeRegExp).join('|'), 'g') : null;
  const scrub = (s: string) => (pattern ? s.replace(pattern, '[child]') : s);

  // First pass: decide the replacement ids, so links can follow their ends.
  const visit = (v: Json, fn: (o: Record<string, unknown>) => void, seen = new Set<unknown>()) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) v.forEach((x) => visit(x, fn, seen));
    else {
      fn(v as Record<string, unknown>);
      Object.values(v as Record<string, unknown>).forEach((x) => visit(x, fn, seen));
    }
  };
  visit(result, (o) => {
    if (typeof o.id !== 'string' || typeof o.kind !== 'string') return;
    if (prot.childIds.has(o.id)) idMap.set(o.id, opaque(o.id, 'child'));
    else if (prot.childPhoneIds.has(o.id)) idMap.set(o.id, opaque(o.id, 'phone'));
    else if (prot.restrictedPlaceIds.has(o.id)) idMap.set(o.id, opaque(o.id, 'place'));
  });

  const rewrite = (v: Json, key?: string): Json => {
    if (typeof v === 'string') {
      if (key !== 'id' && key !== 'source' && key !== 'target') return scrub(v);
      if (idMap.has(v)) return idMap.get(v)!;
      // A link id built from a child's id ("HAS_CONTACT:per-c01:…") gets an opaque one, not a
      // scrubbed one: scrubbing would give two children's links the same id.
      return pattern && v.search(pattern) >= 0 ? opaque(v, 'link') : v;
    }
    if (!v || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => rewrite(x));
    const o = v as Record<string, unknown>;
    if (typeof o.id === 'string' && typeof o.kind === 'string' && idMap.has(o.id)) return protectedEntity(o, idMap.get(o.id)!);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, rewrite(x, k)]));
  };

  const protectedEntity = (o: Record<string, unknown>, id: string): Record<string, unknown> => {
    const p = (o.properties ?? {}) as Record<string, unknown>;
    if (o.kind === 'Person') {
      const descriptor = describeChild(p);
      const properties = { descriptor, child: true, ...(typeof p.age === 'number' ? { age: p.age } : {}), ...(p.lookedAfter === true ? { lookedAfter: true } : {}) };
      return { id, kind: 'Person', label: descriptor, labels: ['Person'], properties, sources: [], child: true, age: properties.age ?? null, lookedAfter: p.lookedAfter ?? null };
    }
    if (o.kind === 'Phone') {
      return { id, kind: 'Phone', label: "a child's phone (withheld)", labels: ['Phone'], properties: { withheld: true, doNotContact: true }, sources: [], doNotContact: true };
    }
    // What kind of place and when, never where: a chronology still shows "placement from 2010-02-15".
    const kept = Object.fromEntries(['kind', 'placementFrom', 'placementRole', 'chronologyDate'].filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
    return { id, kind: 'Location', label: 'protected address (withheld)', labels: ['Location'], properties: { restricted: true, ...kept }, sources: [], restricted: true };
  };

  return rewrite(result);
}

/**
 * A report handled under conditions (handling C) belongs to its owner agency: users of other
 * agencies it was not shared with see only that it exists — "1 item held by Police, 2009-06-18" —
 * without its content, grading or source. Applies to every role.
 */
export function withholdReports(result: Json, agency: string | null): Json {
  const withheld = (p: Record<string, unknown>) =>
    p.handling === 'C' && p.ownerAgency !== agency && !(Array.isArray(p.sharedWith) && agency !== null && p.sharedWith.includes(agency));
  // Copy on write: an answer with nothing to withhold (most) comes back as the same objects.
  const rewrite = (v: Json): Json => {
    if (!v || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      let out: Json[] | null = null;
      v.forEach((x, i) => {
        const y = rewrite(x);
        if (y !== x) (out ??= [...v])[i] = y;
      });
      return out ?? v;
    }
    const o = v as Record<string, unknown>;
    const p = o.properties as Record<string, unknown> | undefined;
    if (o.kind === 'Report' && typeof o.id === 'string' && p && withheld(p)) {
      const label = `1 item held by ${String(p.ownerAgency ?? 'another agency')}${p.receivedOn ? `, ${String(p.receivedOn)}` : ''}`;
      const properties = { withheld: true, ownerAgency: p.ownerAgency ?? null, receivedOn: p.receivedOn ?? null, handling: 'C' };
      return { id: o.id, kind: 'Report', label, labels: ['Report'], properties, sources: [], ...properties };
    }
    const entity = typeof o.kind === 'string' && typeof o.id === 'string';
    let out: Record<string, unknown> | null = null;
    for (const k in o) {
      if (entity && k === 'properties') continue; // an entity's own properties hold no records
      const x = o[k] as Json;
      const y = rewrite(x);
      if (y !== x) (out ??= { ...o })[k] = y;
    }
    return (out ?? o) as Json;
  };
  return rewrite(result);
}
