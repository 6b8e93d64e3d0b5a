/**
 * Turns a stored node into the GraphQL `Entity` shape: its kind (most specific label), a display
 * label, and its properties both as typed fields and as one JSON map.
 */
import type { PlainNode, PlainRel } from '../db/database.js';
import { kindOf } from './vocabulary.js';
import { currentView } from '../access/current.js';

export interface EntityView {
  id: string;
  kind: string;
  label: string;
  labels: string[];
  properties: Record<string, unknown>;
  sources: string[];
  [field: string]: unknown;
}

export interface LinkView {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  sources: string[];
}

const str = (v: unknown) => (v === null || v === undefined || v === '' ? undefined : String(v));
const join = (...parts: unknown[]) => parts.map(str).filter(Boolean).join(' ');

/** What a chart prints on a node: the thing an analyst recognises it by. */
export function displayLabel(kind: string, p: Record<string, unknown>): string {
  switch (kind) {
    case 'Person':
      return join(p.name, p.surname) || str(p.pseudonym) || 'Unnamed person';
    case 'Officer':
      return join(p.rank, p.name, p.surname) || str(p.badge_no) || 'Officer';
    case 'Phone':
      return str(p.phoneNo) ?? str(p.raw) ?? 'Phone';
    case 'Email':
      return str(p.email_address) ?? 'E-mail';
    case 'Vehicle':
      return str(p.reg) ?? (join(p.make, p.model) || 'Vehicle');
    case 'Location':
      return join(p.address, p.postcode) || 'Location';
    case 'Incident':
    case 'Crime':
      return join(p.type ?? p.kind, p.date) || kind;
    case 'PhoneCall':
      return join('Call', p.call_date, p.call_time);
    case 'Object':
      return str(p.description) ?? 'Object';
    case 'PostCode':
      return str(p.code) ?? 'Postcode';
    case 'Area':
      return str(p.areaCode) ?? 'Area';
    case 'Operator':
      return str(p.tradingName) ?? str(p.name) ?? 'Operator';
    case 'Licence':
      return join(p.kind, 'licence', p.number);
    case 'Notice':
      return join('Notice', p.servedOn);
    case 'Meeting':
      return str(p.title) ?? join(p.kind, 'meeting', p.date);
    case 'Operation':
      return str(p.name) ?? 'Operation';
    case 'Report':
      return str(p.ref) ?? 'Report';
    default:
      return str(p.name) ?? str(p.id) ?? kind;
  }
}

/**
 * Vocabulary properties called `kind` (Location, Incident, Licence, Notice, Meeting) would clash
 * with `Entity.kind`; GraphQL exposes them as locationKind, incidentKind, …
 */
const KIND_FIELD: Record<string, string> = {
  Location: 'locationKind',
  Incident: 'incidentKind',
  Crime: 'incidentKind',
  Licence: 'licenceKind',
  Notice: 'noticeKind',
  Meeting: 'meetingKind',
};

/** Properties kept for indexing only, not shown (datedOn: the as-of rule's date, derived from the record's own date, domain/asOf.ts). */
export const HIDDEN: ReadonlySet<string> = new Set(['point', 'propSources', 'nameKeys', 'nameKeysV', 'savedAsKeys', 'datedOn']);

/**
 * A stored node as answer data, through the view of the request in progress (access/viewer.ts):
 * this is the only way a node becomes part of an answer, so what the user may not see never gets in.
 * Without a view (alert rules, command-line tools) the node is taken as stored.
 */
export function toEntity(node: PlainNode): EntityView {
  const view = currentView();
  return view ? view.entity(node) : storedEntity(node);
}

/** A stored relationship as a Link between entity ids (`source` → `target` in stored direction), through the view. */
export function toLink(rel: PlainRel, source: string, target: string): LinkView {
  const view = currentView();
  return view ? view.link(rel, source, target) : storedLink(rel, source, target);
}

/** Whether the view of the request in progress leaves this link out of answers altogether. */
export function linkHidden(type: string, source: string, target: string): boolean {
  return currentView()?.hidesLink?.(type, source, target) ?? false;
}

/** The node as stored, every property: for the access layer and for work inside the server. */
export function storedEntity(node: PlainNode): EntityView {
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node.props)) if (!HIDDEN.has(k)) properties[k] = v;
  return buildEntity(String(node.props.id), node.labels, properties);
}

/** The Entity shape for given properties (its kind, display label and typed fields). */
export function buildEntity(id: string, labels: string[], properties: Record<string, unknown>): EntityView {
  const kind = kindOf(labels);
  const view: EntityView = {
    ...properties,
    id,
    kind,
    label: displayLabel(kind, properties),
    labels: labels.filter((l) => l !== 'Entity'),
    properties,
    sources: Array.isArray(properties.sources) ? (properties.sources as string[]) : [],
  };
  const kindField = KIND_FIELD[kind];
  if (kindField) view[kindField] = properties.kind ?? null;
  return view;
}

export function storedLink(rel: PlainRel, source: string, target: string): LinkView {
  return {
    id: String(rel.props.id ?? rel.elementId),
    type: rel.type,
    source,
    target,
    properties: Object.fromEntries(Object.entries(rel.props).filter(([k]) => !HIDDEN.has(k))),
    sources: Array.isArray(rel.props.sources) ? (rel.props.sources as string[]) : [],
  };
}

/** GraphQL type of an entity: one type per vocabulary label, OtherEntity for the rest. */
const GRAPHQL_TYPES = new Set([
  'Person', 'Officer', 'Phone', 'Email', 'Vehicle', 'Location', 'Incident', 'Crime', 'PhoneCall',
  'Object', 'PostCode', 'Area', 'Operator', 'Licence', 'Notice', 'Meeting', 'Operation', 'Report',
]);
export const entityTypeName = (e: { kind: string }) => (GRAPHQL_TYPES.has(e.kind) ? e.kind : 'OtherEntity');
