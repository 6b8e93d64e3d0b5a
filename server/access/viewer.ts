/**
 * The view of the graph one user may have (DESIGN.md §6), applied where a stored record becomes
 * part of an answer: `toEntity` and `toLink` (domain/entity.ts) hand every node and relationship
 * to the viewer of the request in progress, so a value the user may not see is never put into the
 * answer — there is nothing to remove afterwards. The guard (guard.ts) makes the viewer before a
 * resolver runs and runs the resolver inside it; subscriptions and exports do the same.
 *
 * - Provenance, per value: an entity or link whose every report is withheld from the user shows as
 *   "1 item held by <owner>, <date>"; a property whose every report is withheld is left out.
 * - Protected subjects (children, victims' phones, protected places for licensing; every child
 *   but those in view for safeguarding) arrive as descriptors under ids that are opaque and stable
 *   per user (a keyed hash, never reversible, never embedded in another id); links touching them
 *   get opaque ids too and carry only allow-listed properties. A protected child's family and
 *   address links are left out altogether, and queries do not walk them (privateLinksOf).
 * - Free text on a record that concerns a protected subject is withheld, unless the owning agency
 *   wrote a released version (`released_<field>`); any free text left is scrubbed (scrub.ts).
 */
import { createHmac } from 'node:crypto';
import type { PlainNode, PlainRel } from '../db/database.js';
import { buildEntity, HIDDEN, storedEntity, type EntityView, type LinkView } from '../domain/entity.js';
import { kindOf } from '../domain/vocabulary.js';
import type { User } from '../modules/auth/users.js';
import { currentView, type View } from './current.js';
import type { ChildRecord, HeldReport, ProtectionIndex } from './protection.js';
import { buildScrubber, type ProtectedIdentity, type Scrubber } from './scrub.js';
import { mayOpen, restrictionFlag, type RestrictionRecord } from '../modules/restrictions/restrictionIndex.js';

/** Properties holding free text: withheld near a protected subject unless released, scrubbed elsewhere. */
// A report's ref, file name and mapping name are written by people too (an import's ref is its file
// name, which may name a child: "handset-per-c03.vcf").
export const FREE_TEXT = new Set(['summary', 'description', 'note', 'notes', 'savedAs', 'conditions', 'title', 'outcome', 'reason', 'comment', 'details', 'text', 'basis', 'charge', 'ref', 'fileName', 'mappingName']);
/** What a link touching a protected subject may carry: its type, dates, grades and counts. */
const LINK_ALLOWED = new Set(['from', 'to', 'date', 'sourceGrade', 'intelGrade', 'grade', 'count', 'confidence']);
/**
 * A child's links that say whose family she is and where she lives: for whoever she is protected
 * from, left out of answers and never walked, since "girl, 14" beside her named parent, or at the
 * address he lives at, says who she is.
 */
export const PRIVATE_CHILD_LINKS = ['FAMILY_REL', 'CURRENT_ADDRESS'];
const PRIVATE_LINKS = new Set(PRIVATE_CHILD_LINKS);
/** Bookkeeping properties never shown as such. */
// Search keys are computed from every name, withheld ones too (domain/names/keys.ts): never shown.
const INTERNAL = new Set(['propSources', 'releasedBy', 'releasedAt', 'protectionBeforeMerge', 'nameKeys', 'nameKeysV', 'savedAsKeys']);
const RELEASED = 'released_';

export interface ViewScope {
  /** Children protected from this user: all but these (null: no child is protected). */
  childrenExcept: Set<string> | null;
  /** Victims' phones and protected places too (licensing). */
  phonesAndPlaces: boolean;
}

/** Role → what it is protected from. Safeguarding sees the children in view (or assigned), no others. */
export function scopeFor(user: User | null, childrenInView: string[] | null): ViewScope {
  if (user?.role === 'licensing') return { childrenExcept: new Set(), phonesAndPlaces: true };
  if (user?.role === 'safeguarding') return { childrenExcept: new Set(childrenInView ?? []), phonesAndPlaces: false };
  return { childrenExcept: null, phonesAndPlaces: false };
}

function describeChild(c: Pick<ChildRecord, 'sex' | 'age' | 'lookedAfter'>): string {
  const sex = c.sex === 'female' || c.sex === 'F' ? 'girl' : c.sex === 'male' || c.sex === 'M' ? 'boy' : 'child';
  return `${c.lookedAfter ? 'looked-after ' : ''}${sex}${typeof c.age === 'number' ? `, ${c.age}` : ''}`;
}

const heldLabel = (reports: HeldReport[]) => {
  // Issue 20 item 4: a restriction's flag says which team holds it, since when, and when it is reviewed.
  const restricted = reports.find((r) => r.restriction)?.restriction;
  if (restricted) return `${reports.length} item${reports.length > 1 ? 's' : ''} ${restrictionFlag(restricted)}`;
  const first = [...reports].sort((a, b) => String(a.receivedOn).localeCompare(String(b.receivedOn)))[0]!;
  const owners = [...new Set(reports.map((r) => r.ownerAgency ?? 'another agency'))].join(', ');
  return `${reports.length} item${reports.length > 1 ? 's' : ''} held by ${owners}${first.receivedOn ? `, ${first.receivedOn}` : ''}`;
};

const NO_SOURCES: Record<string, string[]> = Object.freeze({}) as Record<string, string[]>;

function parseSources(v: unknown): Record<string, string[]> {
  if (typeof v !== 'string') return {};
  try {
    const o = JSON.parse(v) as unknown;
    return o && typeof o === 'object' ? (o as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

interface Derived {
  protectedIds: ReadonlySet<string>;
  /** The protected children (merged-away ids too), a subset of protectedIds. */
  protectedChildren: ReadonlySet<string>;
  scrubber: Scrubber | null;
}
/** What a scope protects, worked out once per index and scope (every licensing user shares one). */
const derivedCache = new WeakMap<ProtectionIndex, Map<string, Derived>>();

function protectionFor(index: ProtectionIndex, scope: ViewScope): Derived {
  const key = `${scope.phonesAndPlaces ? 'L' : 'S'}:${scope.childrenExcept ? [...scope.childrenExcept].sort().join(',') : '-'}`;
  let byScope = derivedCache.get(index);
  if (!byScope) derivedCache.set(index, (byScope = new Map()));
  const hit = byScope.get(key);
  if (hit) return hit;
  const protectedIds = new Set<string>();
  const protectedChildren = new Set<string>();
  const identities: ProtectedIdentity[] = [];
  if (scope.childrenExcept) {
    for (const c of index.children.values()) {
      if (scope.childrenExcept.has(c.id) || c.mergedIds.some((m) => scope.childrenExcept!.has(m))) continue;
      for (const id of [c.id, ...c.mergedIds]) {
        protectedIds.add(id);
        protectedChildren.add(id);
      }
      identities.push({ ids: [c.id, ...c.mergedIds], names: [{ first: c.name, last: c.surname }], tokens: [c.pseudonym, ...c.aliases].filter(Boolean) as string[], dates: c.dob ? [c.dob] : [] });
    }
    for (const [id, ph] of index.victimPhones) {
      const childsPhone = ph.childId !== null && protectedIds.has(ph.childId);
      if (!childsPhone && !scope.phonesAndPlaces) continue;
      protectedIds.add(id);
      identities.push({ ids: [id], phones: [ph.phoneNo, ph.raw].filter(Boolean) as string[] });
    }
  }
  if (scope.phonesAndPlaces) {
    for (const [id, pl] of index.places) {
      protectedIds.add(id);
      identities.push({ ids: [id], addresses: pl.address ? [pl.address] : [], placeNames: pl.name ? [pl.name] : [], postcodes: pl.postcode ? [pl.postcode] : [] });
    }
  }
  const derived = { protectedIds, protectedChildren, scrubber: identities.length ? buildScrubber(identities) : null };
  if (byScope.size > 500) byScope.clear(); // safeguarding scopes vary by child; the index is replaced often anyway
  byScope.set(key, derived);
  return derived;
}

export class Viewer implements View {
  /** Real ids of the entities put into this answer (what the audit records as shown). */
  readonly shown = new Set<string>();
  /** Whether a person was among them (reads of persons are always audited). */
  shownPerson = false;
  /** Public id → stored id, for the audit (which records what was shown by its real id). */
  private readonly storedIds = new Map<string, string>();
  private readonly protectedIds: ReadonlySet<string>;
  private readonly protectedChildren: ReadonlySet<string>;
  private readonly scrubber: Scrubber | null;

  constructor(
    readonly user: User | null,
    private readonly index: ProtectionIndex,
    private readonly key: Uint8Array,
    readonly scope: ViewScope,
  ) {
    const derived = protectionFor(index, scope);
    this.protectedIds = derived.protectedIds;
    this.protectedChildren = derived.protectedChildren;
    this.scrubber = derived.scrubber;
  }

  /** Ids that answers must not reveal or start from: filtered out inside queries, before any limit. */
  hiddenIds(): string[] {
    return [...this.protectedIds];
  }

  /** Reports held under conditions by another agency and not shared with the user's, and reports a restriction keeps from the user. */
  withheldReportIds(): string[] {
    const ids = [...this.index.conditional.values()].filter((r) => this.withheld(r)).map((r) => r.id);
    for (const [id, rs] of this.index.restrictions?.reports ?? []) if (this.closed(rs)) ids.push(id);
    return ids;
  }

  // ---- Issue 20 item 4: restrictions with owners and review dates (modules/restrictions) ----
  /** Restrictions whose flag this answer showed (the owners get a deconfliction notice). */
  readonly reachedRestrictions = new Set<string>();

  /** The first restriction in `list` that keeps its record from this user (null: none does). */
  private closed(list: RestrictionRecord[] | undefined): RestrictionRecord | null {
    if (!list || !this.index.restrictions) return null;
    for (const r of list) if (!mayOpen(this.index.restrictions, r, this.user?.username, this.user?.agency)) return r;
    return null;
  }

  /** A restricted record is a dead end for those it is kept from: its flag shows, a query cannot start from it. */
  mayNotStartFrom(id: string): boolean {
    return this.mayNotUse(id) || this.restrictedEntity(id) !== null;
  }

  /** The restricted entities kept from this user, by id (their flags beside what they are linked to). */
  closedRestrictedEntities(): Map<string, RestrictionRecord> {
    const out = new Map<string, RestrictionRecord>();
    for (const [id, rs] of this.index.restrictions?.entities ?? []) {
      const r = this.closed(rs);
      if (r) out.set(id, r);
    }
    return out;
  }

  /** The restriction keeping an entity (a restricted entity, an operation, an incident PART_OF one) from this user. */
  restrictedEntity(id: string): RestrictionRecord | null {
    return this.closed(this.index.restrictions?.entities.get(id));
  }

  /** A report as held from this user: under conditions by another agency, or by a restriction. */
  private heldReport(id: string): HeldReport | null {
    const c = this.index.conditional.get(id);
    if (c && this.withheld(c)) return c;
    const r = this.closed(this.index.restrictions?.reports.get(id));
    if (!r) return null;
    this.reachedRestrictions.add(r.id);
    return { id, ownerAgency: r.agency, receivedOn: r.since, sharedWith: [], restriction: r };
  }

  private withheld(r: HeldReport): boolean {
    const agency = sameAgency(this.user?.agency);
    return sameAgency(r.ownerAgency) !== agency && !(agency !== null && r.sharedWith.some((a) => sameAgency(a) === agency));
  }

  reportWithheld(id: string): boolean {
    const r = this.index.conditional.get(id);
    return (!!r && this.withheld(r)) || this.closed(this.index.restrictions?.reports.get(id)) !== null;
  }

  /** The withheld reports behind a value when every one of its reports is withheld; null when any is visible. */
  private heldBehind(sources: unknown): HeldReport[] | null {
    if (!Array.isArray(sources) || !sources.length) return null;
    const held: HeldReport[] = [];
    for (const s of sources) {
      const r = this.heldReport(String(s));
      if (!r) return null;
      held.push(r);
    }
    return held;
  }

  isProtected(id: string): boolean {
    return this.protectedIds.has(id);
  }

  /** A protected child's family or address link: left out of the answer altogether (PRIVATE_CHILD_LINKS). */
  hidesLink(type: string, source: string, target: string): boolean {
    return PRIVATE_LINKS.has(type) && (this.protectedChildren.has(source) || this.protectedChildren.has(target));
  }

  /** The children whose PRIVATE_CHILD_LINKS a query must not walk for this user (ids as stored). */
  privateLinksOf(): string[] {
    return [...this.protectedChildren];
  }

  /** True when a stored id names a subject the user may not see or start from (it answers as unknown). */
  mayNotUse(id: string): boolean {
    return this.protectedIds.has(id);
  }

  /** True when the record is withheld from the user, or only withheld reports support it ("held"). */
  isHeld(node: PlainNode): boolean {
    return this.reportWithheld(String(node.props.id)) || this.restrictedEntity(String(node.props.id)) !== null || this.heldBehind(node.props.sources) !== null;
  }

  /**
   * Whether the user can read a record (to refer to it in a write): not a protected subject, not a
   * withheld report, not a record that only withheld reports support.
   */
  canRead(node: PlainNode): boolean {
    const id = String(node.props.id);
    if (this.protectedIds.has(id) || this.reportWithheld(id) || this.restrictedEntity(id) || this.heldBehind(node.props.sources)) return false;
    if (this.scope.childrenExcept && node.props.child === true && !this.scope.childrenExcept.has(id)) return false;
    return true;
  }

  private opaque(prefix: string, id: string): string {
    // Keyed per user: stable across this user's requests (a chart keeps its descriptors), unlinkable across users.
    const h = createHmac('sha256', this.key).update(`${this.user?.username ?? ''}\u0000${id}`).digest('base64url').slice(0, 16);
    return `${prefix}-${h}`;
  }

  /** The id the user sees for a stored id. */
  publicId(id: string): string {
    if (!this.protectedIds.has(id)) return id;
    const prefix = this.index.victimPhones.has(id) ? 'phone' : this.index.places.has(id) ? 'place' : 'child';
    const pub = this.opaque(prefix, id);
    this.storedIds.set(pub, id);
    return pub;
  }

  /** The stored id behind an id this viewer gave out (itself when it was not made opaque). */
  storedId(publicId: string): string {
    return this.storedIds.get(publicId) ?? publicId;
  }

  private concernsProtected(id: string): boolean {
    const subjects = this.index.concerns.get(id);
    if (!subjects) return false;
    for (const s of subjects) if (this.protectedIds.has(s)) return true;
    return false;
  }

  /** Free text as this user may read it: scrubbed of every protected identity. */
  text(s: string): string {
    return this.scrubber ? this.scrubber(s) : s;
  }

  /** Any string leaving in a non-entity part of an answer (details, summaries, messages). */
  outgoing(s: string): string {
    if (this.protectedIds.has(s)) return this.publicId(s);
    return this.text(s);
  }

  /**
   * `concerning`: for a record kept outside the graph (a meeting's record, an action, a delivery:
   * issue 20), the entities it is about. Its free text is then withheld as for a record one link
   * from them: when any is a protected subject or concerns one (the same rule, not a second one).
   */
  entity(node: PlainNode, concerning: readonly string[] = []): EntityView {
    const p = node.props;
    const id = String(p.id);
    const kind = kindOf(node.labels);
    this.shown.add(id);
    if (kind === 'Person' || kind === 'Officer') this.shownPerson = true;
    if (this.protectedIds.has(id) || (this.scope.childrenExcept && p.child === true && !this.scope.childrenExcept.has(id)) || (this.scope.phonesAndPlaces && p.restricted === true && kind === 'Location')) {
      return this.described(storedEntity(node), this.index.children.get(id) ?? null);
    }
    if (kind === 'Report' && this.reportWithheld(id)) {
      const r = this.heldReport(id)!;
      if (r.restriction) return this.flagged(id, r.restriction);
      const properties = { withheld: true, ownerAgency: r.ownerAgency, receivedOn: r.receivedOn, handling: 'C' };
      return { id, kind: 'Report', label: heldLabel([r]), labels: ['Report'], properties, sources: [], ...properties };
    }
    const restriction = this.restrictedEntity(id);
    if (restriction) return this.flagged(id, restriction);
    const held = this.heldBehind(p.sources);
    if (held) {
      const properties = { withheld: true, heldBy: held.map((r) => r.ownerAgency), heldSince: held.map((r) => r.receivedOn).sort()[0] ?? null };
      return { id, kind: 'HeldItem', label: heldLabel(held), labels: ['HeldItem'], properties, sources: [] };
    }
    // One pass over the stored properties (the hot path of every answer: a hub's neighbourhood
    // makes 300 entities), leaving out what is never shown and what this user may not read.
    const propSources = p.propSources === undefined ? NO_SOURCES : parseSources(p.propSources);
    const nearProtected = this.concernsProtected(id) || concerning.some((c) => this.protectedIds.has(c) || this.concernsProtected(c));
    const properties: Record<string, unknown> = {};
    const textWithheld: string[] = [];
    for (const k in p) {
      const v = p[k];
      if (HIDDEN.has(k) || INTERNAL.has(k) || k.startsWith(RELEASED)) continue;
      if (propSources[k] && this.heldBehind(propSources[k])) continue;
      if (k === 'sources') {
        properties[k] = v;
        continue;
      }
      if (FREE_TEXT.has(k) && nearProtected) {
        const released = p[RELEASED + k];
        if (typeof released === 'string') properties[k] = this.text(released);
        else textWithheld.push(k);
        continue;
      }
      properties[k] = this.scrubber && typeof v === 'string' && FREE_TEXT.has(k) ? this.text(v) : v;
    }
    if (textWithheld.length) properties.textWithheld = textWithheld;
    if (Array.isArray(properties.mergedFrom)) properties.mergedFrom = (properties.mergedFrom as string[]).filter((m) => !this.protectedIds.has(m));
    return buildEntity(id, node.labels, properties);
  }

  /** A record a restriction keeps from this user: its existence flag, whom to ask, nothing of its content. */
  private flagged(id: string, r: RestrictionRecord): EntityView {
    this.reachedRestrictions.add(r.id);
    const properties = { withheld: true, restrictionId: r.id, heldBy: [r.team], agency: r.agency, heldSince: r.since, reviewDue: r.reviewDue, contact: `${r.team}${r.agency ? ` (${r.agency})` : ''}` };
    return { id, kind: 'HeldItem', label: heldLabel([{ id, ownerAgency: r.agency, receivedOn: r.since, sharedWith: [], restriction: r }]), labels: ['HeldItem'], properties, sources: [] };
  }

  /** A protected subject as a descriptor: what it is, never who or where. */
  private described(stored: EntityView, child: ChildRecord | null): EntityView {
    const id = this.publicId(stored.id);
    const p = stored.properties;
    if (stored.kind === 'Phone') {
      const label = this.index.victimPhones.get(stored.id)?.childId ? "a child's phone (withheld)" : "a victim's phone (withheld)";
      return { id, kind: 'Phone', label, labels: ['Phone'], properties: { withheld: true, doNotContact: true }, sources: [], doNotContact: true };
    }
    if (stored.kind === 'Location') {
      const kept = Object.fromEntries(['kind'].filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
      return { id, kind: 'Location', label: 'protected address (withheld)', labels: ['Location'], properties: { restricted: true, ...kept }, sources: [], restricted: true, locationKind: p.kind ?? null };
    }
    const c = child ?? { sex: (p.sex as string) ?? null, age: typeof p.age === 'number' ? p.age : null, lookedAfter: p.lookedAfter === true };
    const descriptor = describeChild(c);
    const properties = { descriptor, child: true, ...(typeof c.age === 'number' ? { age: c.age } : {}), ...(c.lookedAfter ? { lookedAfter: true } : {}) };
    return { id, kind: 'Person', label: descriptor, labels: ['Person'], properties, sources: [], child: true, age: c.age ?? null, lookedAfter: c.lookedAfter || null };
  }

  link(rel: PlainRel, source: string, target: string): LinkView {
    const p = rel.props;
    const storedId = String(p.id ?? rel.elementId);
    // A withheld report's MENTIONS are that report's content: held like it.
    // A link to a record a restriction keeps from the user is held with it (its type says what the record is to its neighbour).
    const restrictedEnd = this.restrictedEntity(source) ?? this.restrictedEntity(target);
    if (restrictedEnd) this.reachedRestrictions.add(restrictedEnd.id);
    const restrictedHeld: HeldReport[] | null = restrictedEnd ? [{ id: restrictedEnd.id, ownerAgency: restrictedEnd.agency, receivedOn: restrictedEnd.since, sharedWith: [], restriction: restrictedEnd }] : null;
    const held = restrictedHeld ?? (rel.type === 'MENTIONS' && this.reportWithheld(source) ? [this.heldReport(source)!] : this.heldBehind(p.sources));
    // Link ids are "TYPE:start:end": one that names a protected subject is made opaque with it.
    const touchesProtected = this.protectedIds.has(source) || this.protectedIds.has(target) || (this.protectedIds.size > 0 && storedId.split(':').some((part) => this.protectedIds.has(part)));
    const id = touchesProtected || held ? this.opaque('link', storedId) : storedId;
    const ends = { source: this.publicId(source), target: this.publicId(target) };
    if (held) {
      return { id, type: 'HELD', ...ends, properties: { withheld: true, label: heldLabel(held) }, sources: [] };
    }
    const visibleSources = Array.isArray(p.sources) ? (p.sources as string[]).filter((s) => !this.reportWithheld(s)) : [];
    const propSources = p.propSources === undefined ? NO_SOURCES : parseSources(p.propSources);
    const properties: Record<string, unknown> = {};
    for (const k in p) {
      const v = p[k];
      if (HIDDEN.has(k) || INTERNAL.has(k) || k.startsWith(RELEASED) || k === 'id') continue;
      if (propSources[k] && this.heldBehind(propSources[k])) continue;
      if (k === 'sources') properties[k] = visibleSources;
      else if (touchesProtected) {
        if (LINK_ALLOWED.has(k)) properties[k] = v;
      } else properties[k] = typeof v === 'string' && FREE_TEXT.has(k) ? this.text(v) : v;
    }
    if (!touchesProtected && p.id !== undefined) properties.id = p.id;
    return { id, type: rel.type, ...ends, properties, sources: visibleSources };
  }
}

/** An agency's name as compared: "Police", "police" and " POLICE " are one agency (an admin types it by hand). */
export const sameAgency = (a: string | null | undefined): string | null => (a == null || !a.trim() ? null : a.trim().replace(/\s+/g, ' ').toLowerCase());

/** The view of the request in progress, for queries that filter inside the database (undefined outside a request). */
export function currentViewer(): Viewer | undefined {
  const view = currentView();
  return view instanceof Viewer ? view : undefined;
}
