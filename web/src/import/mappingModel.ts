/**
 * The mapping form's model and its YAML (docs/import.md): which columns make which entities (kind,
 * identifying properties, properties with formats) and which links between them. The YAML text is
 * what the server reads; the form edits the parts it knows and keeps the rest of the text as it is.
 * Pure.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import { LINK_TYPES } from '../vocabulary';

export interface FormProperty {
  /** The vocabulary property, e.g. phoneNo. */
  name: string;
  /** The file's column. */
  column: string;
  /** '' (as written), phone, date, datetime, number, upper… */
  format: string;
}

export interface FormEntity {
  /** Its name within the mapping (links use it). */
  key: string;
  kind: string;
  /** The properties that identify it (matched against existing entities). */
  identify: string[];
  properties: FormProperty[];
}

export interface FormLink {
  type: string;
  from: string;
  to: string;
  properties: FormProperty[];
}

export interface MappingModel {
  entities: FormEntity[];
  links: FormLink[];
}

/** The kinds a mapping usually makes, with the properties offered for each (first: the identifier). */
export const KINDS: Readonly<Record<string, readonly string[]>> = {
  Phone: ['phoneNo', 'raw'],
  Person: ['name', 'surname', 'dob', 'age', 'sex', 'aliases'],
  Vehicle: ['reg', 'make', 'model', 'colour', 'year'],
  Location: ['address', 'postcode', 'area', 'latitude', 'longitude'],
  Email: ['email_address'],
  Incident: ['date', 'type', 'summary', 'kind', 'outcome'],
  PhoneCall: ['call_date', 'call_time', 'call_duration', 'call_type'],
  Operator: ['name', 'tradingName'],
};

/** What identifies an entity of a kind by default (the server matches existing ones on it). */
export const IDENTIFIERS: Readonly<Record<string, readonly string[]>> = {
  Phone: ['phoneNo'],
  Person: ['name', 'dob'],
  Vehicle: ['reg'],
  Location: ['address'],
  Email: ['email_address'],
  Operator: ['name'],
};

export const FORMATS: readonly { value: string; label: string }[] = [
  { value: '', label: 'as written' },
  { value: 'phone', label: 'phone number' },
  { value: 'date', label: 'date' },
  { value: 'datetime', label: 'date and time' },
  { value: 'number', label: 'number' },
  { value: 'upper', label: 'upper case' },
];

/** Link types offered: the vocabulary's and CONTACTED (call records: who called whom, how often). */
export const MAPPING_LINK_TYPES: readonly string[] = [...new Set<string>(['CONTACTED', ...LINK_TYPES])].filter((t) => t !== 'MENTIONS');

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function readProperty(name: string, v: unknown): FormProperty | null {
  if (typeof v === 'string') return { name, column: v, format: '' };
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (o.column === undefined) return null;
    return { name, column: str(o.column), format: str(o.format) };
  }
  return null;
}

function readProperties(v: unknown): FormProperty[] | null {
  if (v === undefined || v === null) return [];
  if (typeof v !== 'object' || Array.isArray(v)) return null;
  const out: FormProperty[] = [];
  for (const [k, p] of Object.entries(v as Record<string, unknown>)) {
    const prop = readProperty(k, p);
    if (!prop) return null;
    out.push(prop);
  }
  return out;
}

/**
 * The form's view of a mapping's text; `unsupported` says why the form cannot show it (it is then
 * edited as text only). A blank text is an empty mapping.
 */
export function modelFromYaml(text: string): { model: MappingModel } | { unsupported: string } {
  if (!text.trim()) return { model: { entities: [], links: [] } };
  const doc = parseDocument(text);
  if (doc.errors.length) return { unsupported: 'The YAML has errors: correct them in the text.' };
  const root = doc.toJS() as unknown;
  if (!root || typeof root !== 'object' || Array.isArray(root)) return { unsupported: 'The mapping is not a set of keys.' };
  const r = root as Record<string, unknown>;
  const entities: FormEntity[] = [];
  const ents = r.entities ?? {};
  if (typeof ents !== 'object' || Array.isArray(ents)) return { unsupported: '“entities” is not written as the form writes it (a key per entity).' };
  for (const [key, v] of Object.entries(ents as Record<string, unknown>)) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { unsupported: `Entity “${key}” is not a set of keys.` };
    const e = v as Record<string, unknown>;
    const properties = readProperties(e.properties);
    if (!properties) return { unsupported: `The properties of “${key}” are written in a way the form cannot show.` };
    const identify = Array.isArray(e.match) ? e.match.map(str) : typeof e.match === 'string' ? [e.match] : [];
    entities.push({ key, kind: str(e.kind), identify, properties });
  }
  const links: FormLink[] = [];
  const ls = r.links ?? [];
  if (!Array.isArray(ls)) return { unsupported: '“links” is not a list.' };
  for (const [i, v] of ls.entries()) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { unsupported: `Link ${i + 1} is not a set of keys.` };
    const l = v as Record<string, unknown>;
    const properties = readProperties(l.properties);
    if (!properties) return { unsupported: `The properties of link ${i + 1} are written in a way the form cannot show.` };
    links.push({ type: str(l.type), from: str(l.from), to: str(l.to), properties });
  }
  return { model: { entities, links } };
}

const propertiesJs = (props: readonly FormProperty[]) =>
  Object.fromEntries(props.filter((p) => p.name && p.column).map((p) => [p.name, p.format ? { column: p.column, format: p.format } : p.column]));

/** The model as YAML, keeping the other keys of `previous` (name, options, comments at the top). */
export function yamlFromModel(model: MappingModel, previous = ''): string {
  const base = previous.trim() ? parseDocument(previous) : null;
  const doc: Document = base && !base.errors.length && isMap(base.contents) ? base : parseDocument('{}');
  doc.set(
    'entities',
    doc.createNode(
      Object.fromEntries(
        model.entities.map((e) => [
          e.key,
          { kind: e.kind, ...(e.identify.length ? { match: e.identify } : {}), properties: propertiesJs(e.properties) },
        ]),
      ),
    ),
  );
  doc.set(
    'links',
    doc.createNode(model.links.map((l) => ({ type: l.type, from: l.from, to: l.to, ...(l.properties.some((p) => p.name && p.column) ? { properties: propertiesJs(l.properties) } : {}) }))),
  );
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The form path of a model element (for placing errors): entities.<key>.kind, links.0.from. */
export const entityPath = (key: string, field?: string) => (field ? `entities.${key}.${field}` : `entities.${key}`);
export const linkPath = (i: number, field?: string) => (field ? `links.${i}.${field}` : `links.${i}`);

/** A key not yet used: phone, phone2, … */
export function freshKey(model: MappingModel, base: string): string {
  const clean = base.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'entity';
  const used = new Set(model.entities.map((e) => e.key));
  if (!used.has(clean)) return clean;
  for (let i = 2; ; i++) if (!used.has(`${clean}${i}`)) return `${clean}${i}`;
}

/** What a column's name suggests it holds. */
export function guessColumn(column: string): { kind: string; property: string; format: string } | null {
  const c = column.toLowerCase();
  if (/(phone|mobile|msisdn|number|caller|called|\bcli\b|\ba[-_ ]?party|\bb[-_ ]?party|\bto\b|\bfrom\b)/.test(c) && !/(count|duration|cell)/.test(c)) return { kind: 'Phone', property: 'phoneNo', format: 'phone' };
  if (/(reg|vrm|plate)/.test(c)) return { kind: 'Vehicle', property: 'reg', format: 'upper' };
  if (/(e-?mail)/.test(c)) return { kind: 'Email', property: 'email_address', format: '' };
  if (/(address|premises|street)/.test(c)) return { kind: 'Location', property: 'address', format: '' };
  if (/postcode/.test(c)) return { kind: 'Location', property: 'postcode', format: '' };
  if (/(name|subject|person)/.test(c)) return { kind: 'Person', property: 'name', format: '' };
  return null;
}

/**
 * A first mapping from the columns' names, for the analyst to correct: an entity per column that
 * names a phone, a vehicle, an email address, an address or a person; nothing is linked (the
 * analyst says how).
 */
export function suggestModel(columns: readonly string[]): MappingModel {
  const model: MappingModel = { entities: [], links: [] };
  for (const column of columns) {
    const g = guessColumn(column);
    if (!g) continue;
    model.entities.push({ key: freshKey(model, column), kind: g.kind, identify: [...(IDENTIFIERS[g.kind] ?? [])].filter((p) => p === g.property), properties: [{ name: g.property, column, format: g.format }] });
  }
  return model;
}

/** What in the model is incomplete, per path, in words (checked before anything is sent). */
export function checkModel(model: MappingModel, columns: readonly string[]): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const keys = new Set<string>();
  for (const e of model.entities) {
    if (!/^[A-Za-z_][\w-]*$/.test(e.key)) out.push({ path: entityPath(e.key), message: `“${e.key}” cannot be an entity’s name: use letters, digits and _.` });
    if (keys.has(e.key)) out.push({ path: entityPath(e.key), message: `Two entities are called “${e.key}”.` });
    keys.add(e.key);
    if (!e.kind) out.push({ path: entityPath(e.key, 'kind'), message: 'Choose a kind.' });
    if (!e.properties.some((p) => p.column)) out.push({ path: entityPath(e.key, 'properties'), message: 'Take at least one property from a column.' });
    for (const p of e.properties) if (p.column && columns.length && !columns.includes(p.column)) out.push({ path: entityPath(e.key, 'properties'), message: `The file has no column “${p.column}”.` });
  }
  model.links.forEach((l, i) => {
    if (!l.type) out.push({ path: linkPath(i, 'type'), message: 'Choose a link type.' });
    if (!keys.has(l.from)) out.push({ path: linkPath(i, 'from'), message: 'Choose the entity the link starts from.' });
    if (!keys.has(l.to)) out.push({ path: linkPath(i, 'to'), message: 'Choose the entity the link goes to.' });
    if (l.from && l.from === l.to) out.push({ path: linkPath(i, 'to'), message: 'A link joins two different entities.' });
  });
  return out;
}
