/**
 * What tells one search hit from another of the same name (DESIGN.md §5 `SearchHit.context`):
 * date of birth or age and aliases from the hit itself, current address, phones and vehicles from
 * the records around it, the persons behind a phone, a vehicle or an address.
 *
 * Access: nothing here is read from raw stored values. The hit is the entity the viewer already
 * projected (withheld properties gone); each neighbour is a stored record handed to the viewer
 * (toEntity / toLink) and used only when the viewer hands it back as itself — a protected subject
 * (child, victim's phone, protected address) or a record or link only withheld reports support is
 * left out, not shown as a descriptor. The Cypher filters the same subjects first (context.cypher).
 */
import { cypherFile, type Database, type PlainNode, type PlainRel } from '../../db/database.js';
import { linkHidden, toEntity, toLink, type EntityView } from '../../domain/entity.js';
import { currentViewer } from '../../access/viewer.js';
import { fromProjected } from '../../access/current.js';
import type { Hidden } from './resolvers.js';

export interface SearchContext {
  /** Date of birth (ISO), when recorded and visible. */
  born: string | null;
  /** Age as recorded (when there is no date of birth). */
  age: number | null;
  aliases: string[];
  /** Current address first (a person's, an operator's base). */
  addresses: string[];
  phones: string[];
  /** Registrations, with make and model when known. */
  vehicles: string[];
  /** The persons (or operators) who use a phone or vehicle, or live at an address. */
  people: string[];
  /** The hit's own descriptive fields: a vehicle's colour, make and model; a place's kind and area. */
  details: string[];
}

const MAX_EACH = 3;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const words = (s: string) => s.replace(/_/g, ' ');

interface Around {
  r: PlainRel;
  node: PlainNode;
  source: string;
  target: string;
}

/** True when the viewer handed the record back as a descriptor or a held item rather than as itself. */
function describedOnly(e: EntityView): boolean {
  const p = e.properties;
  return e.kind === 'HeldItem' || p.withheld === true || typeof p.descriptor === 'string' || (e.kind === 'Location' && p.restricted === true && p.address === undefined);
}

function vehicleText(e: EntityView): string {
  const p = e.properties;
  const what = [p.colour, p.make, p.model].map(str).filter(Boolean).join(' ');
  return what ? `${e.label} (${what})` : e.label;
}

const push = (list: string[], s: string | null) => {
  if (s && !list.includes(s) && list.length < MAX_EACH) list.push(s);
};

/** "Name (keeper, usual driver)": one entry per person, whatever roles they hold. */
function addRole(list: string[], label: string, role: string | null) {
  const at = list.findIndex((x) => x === label || x.startsWith(`${label} (`));
  if (at < 0) return push(list, role ? `${label} (${words(role)})` : label);
  if (!role) return;
  const prev = list[at]!;
  list[at] = prev === label ? `${label} (${words(role)})` : `${prev.slice(0, -1)}, ${words(role)})`;
}

/** The hit's own fields that tell it apart (already projected by the viewer). */
function ownContext(e: EntityView): SearchContext {
  const p = e.properties;
  const c: SearchContext = { born: str(p.dob), age: typeof p.age === 'number' ? p.age : null, aliases: [], addresses: [], phones: [], vehicles: [], people: [], details: [] };
  if (Array.isArray(p.aliases)) for (const a of p.aliases) push(c.aliases, str(a));
  if (e.kind === 'Vehicle') push(c.details, [p.colour, p.make, p.model, p.year].map(str).filter(Boolean).join(' ') || null);
  if (e.kind === 'Location') {
    push(c.details, str(p.kind) ? words(String(p.kind)) : null);
    push(c.details, str(p.area));
  }
  if (e.kind === 'Phone' && p.doNotContact === true) push(c.details, 'do not contact');
  return c;
}

/** Context for each hit, by the hit's stored id; hits must already be the viewer's projections. */
export async function searchContexts(db: Database, hits: EntityView[], hide: Hidden): Promise<Map<string, SearchContext>> {
  const out = new Map<string, SearchContext>(hits.map((h) => [h.id, ownContext(h)]));
  if (!hits.length) return out;
  const viewer = currentViewer();
  const storedIds = hits.map((h) => viewer?.storedId(h.id) ?? h.id);
  const rows = await db.read(cypherFile(import.meta.url, 'context.cypher'), { ids: storedIds, ...hide }, { what: 'This search' });
  for (const row of rows) {
    const hitStored = String(row.hitId);
    const publicId = viewer?.publicId(hitStored) ?? hitStored;
    const c = out.get(publicId);
    if (!c) continue;
    for (const a of row.around as Around[]) {
      if (viewer && !viewer.canRead(a.node)) continue;
      if (linkHidden(a.r.type, a.source, a.target)) continue;
      const link = toLink(a.r, a.source, a.target);
      if (link.type === 'HELD') continue;
      const e = toEntity(a.node);
      if (describedOnly(e)) continue;
      const until = link.properties.to;
      const current = until === undefined || until === null;
      switch (link.type) {
        case 'CURRENT_ADDRESS':
        case 'BASED_AT':
          if (e.kind === 'Location') push(c.addresses, current ? e.label : `${e.label} (until ${String(until)})`);
          else push(c.people, e.label);
          break;
        case 'HAS_PHONE':
          if (e.kind === 'Phone') push(c.phones, e.label);
          else push(c.people, e.label);
          break;
        case 'USES_VEHICLE':
          if (e.kind === 'Vehicle') push(c.vehicles, vehicleText(e));
          else addRole(c.people, e.label, str(link.properties.role));
          break;
      }
    }
  }
  // Built only from the viewer's projections above: not free text for the second line to scrub.
  for (const c of out.values()) fromProjected(c);
  return out;
}
