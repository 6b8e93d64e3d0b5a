/**
 * The mapping form's model and its YAML (docs/import.md; server/modules/imports/mapping.ts reads
 * it): which columns make which entities (kind, identifying columns, properties from columns with
 * formats) and which links between them. The YAML text is what the server reads; the form edits the
 * parts it knows and keeps everything else in the text as it is (a fixed value, a date part, the
 * scope, comments at the top). Pure.
 */
import { isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { LINK_TYPES } from '../vocabulary';

export interface FormProperty {
  /** The vocabulary property, e.g. phoneNo. */
  name: string;
  /** The file's column ('' when the property is a fixed value: see `extra.value`). */
  column: string;
  /** '' (as written), phone, reg, a date pattern such as DD/MM/YYYY… */
  format: string;
  /** The rest of the property as written (value, part, region, required): kept. */
  extra: Record<string, unknown>;
}

export interface FormEntity {
  /** Its name within the mapping (links use it). */
  key: string;
  kind: string;
  /** Identifying columns: rows with the same values are one entity (empty: the kind's strong key or each row its own). */
  keyColumns: string[];
  /** Rows without its values skip it (and its links) instead of being rejected. */
  optional: boolean;
  properties: FormProperty[];
  /** The rest of the entity as written (idColumn, scope): kept. */
  extra: Record<string, unknown>;
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
  /** Handset downloads: the handset's own number and (optionally) its owner's id; null for other files. */
  handset: { number: string; owner: string } | null;
}

/** The kinds a mapping usually makes, with the properties offered for each. */
export const KINDS: Readonly<Record<string, readonly string[]>> = {
  Phone: ['phoneNo', 'raw'],
  Person: ['name', 'surname', 'dob', 'age', 'sex', 'aliases', 'nhs_no'],
  Vehicle: ['reg', 'make', 'model', 'colour', 'year'],
  Location: ['address', 'postcode', 'area', 'latitude', 'longitude'],
  Email: ['email_address'],
  Incident: ['kind', 'date', 'time', 'type', 'summary', 'outcome', 'reportedBy'],
  PhoneCall: ['call_date', 'call_time', 'call_duration', 'call_type', 'cell_site'],
  Operator: ['name', 'tradingName'],
};

/** The format a property of that name usually has. */
const USUAL_FORMAT: Readonly<Record<string, string>> = { phoneNo: 'phone', reg: 'reg', postcode: 'postcode', email_address: 'email', dob: 'DD/MM/YYYY', date: 'DD/MM/YYYY', call_duration: 'duration' };
export const usualFormat = (property: string): string => USUAL_FORMAT[property] ?? '';

export const FORMATS: readonly { value: string; label: string }[] = [
  { value: '', label: 'as written' },
  { value: 'phone', label: 'phone number' },
  { value: 'reg', label: 'registration' },
  { value: 'postcode', label: 'postcode' },
  { value: 'email', label: 'email address' },
  { value: 'DD/MM/YYYY', label: 'date DD/MM/YYYY' },
  { value: 'DD/MM/YYYY HH:mm:ss', label: 'date, time DD/MM/YYYY HH:mm:ss' },
  { value: 'YYYY-MM-DD', label: 'date YYYY-MM-DD' },
  { value: 'YYYY-MM-DD HH:mm:ss', label: 'date, time YYYY-MM-DD HH:mm:ss' },
  { value: 'duration', label: 'duration (s, mm:ss)' },
  { value: 'int', label: 'whole number' },
  { value: 'number', label: 'number' },
  { value: 'bool', label: 'yes / no' },
  { value: 'upper', label: 'UPPER CASE' },
  { value: 'lower', label: 'lower case' },
  { value: 'list', label: 'list' },
  { value: 'text', label: 'text' },
];

/** Link types offered: the vocabulary's (CONTACTED is kept by the import itself from calls). */
export const MAPPING_LINK_TYPES: readonly string[] = LINK_TYPES.filter((t) => t !== 'MENTIONS');

/** What the import matches existing entities of a kind on, given its properties (never a name): as the server's strongProperty. */
export function matchedOn(kind: string, props: readonly string[]): string | null {
  const has = (p: string) => props.includes(p);
  if (kind === 'Phone' && has('phoneNo')) return 'the phone number';
  if (kind === 'Vehicle' && has('reg')) return 'the registration';
  if (kind === 'Email' && has('email_address')) return 'the email address';
  if ((kind === 'Person' || kind === 'Officer') && has('nhs_no')) return 'the NHS number';
  if (kind === 'Location' && has('postcode') && has('address')) return 'the postcode and address';
  return null;
}

/** Column names compare as the server compares them: without case and surrounding spaces. */
export const sameColumn = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const without = (o: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

function readProperty(name: string, v: unknown): FormProperty | null {
  if (typeof v === 'string') return { name, column: v, format: '', extra: {} };
  if (!isObject(v)) return null;
  return { name, column: str(v.column), format: str(v.format), extra: without(v, ['column', 'format']) };
}

function readProperties(v: unknown): FormProperty[] | null {
  if (v === undefined || v === null) return [];
  if (!isObject(v)) return null;
  const out: FormProperty[] = [];
  for (const [k, p] of Object.entries(v)) {
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
  if (!text.trim()) return { model: { entities: [], links: [], handset: null } };
  const doc = parseDocument(text);
  if (doc.errors.length) return { unsupported: 'The YAML has errors: correct them in the text.' };
  const root = doc.toJS() as unknown;
  if (!isObject(root)) return { unsupported: 'The mapping is not a set of keys.' };
  const entities: FormEntity[] = [];
  const ents = root.entities ?? {};
  if (!isObject(ents)) return { unsupported: '“entities” is not written as a key per entity.' };
  for (const [key, v] of Object.entries(ents)) {
    if (!isObject(v)) return { unsupported: `Entity “${key}” is not a set of keys.` };
    const properties = readProperties(v.properties);
    if (!properties) return { unsupported: `The properties of “${key}” are written in a way the form cannot show.` };
    const keyColumns = Array.isArray(v.key) ? v.key.map(str) : [];
    entities.push({ key, kind: str(v.kind), keyColumns, optional: v.optional === true, properties, extra: without(v, ['kind', 'key', 'optional', 'properties']) });
  }
  const links: FormLink[] = [];
  const ls = root.links ?? [];
  if (!Array.isArray(ls)) return { unsupported: '“links” is not a list.' };
  for (const [i, v] of ls.entries()) {
    if (!isObject(v)) return { unsupported: `Link ${i + 1} is not a set of keys.` };
    const properties = readProperties(v.properties);
    if (!properties) return { unsupported: `The properties of link ${i + 1} are written in a way the form cannot show.` };
    links.push({ type: str(v.type), from: str(v.from), to: str(v.to), properties });
  }
  const h = root.handset;
  const handset = isObject(h) ? { number: str(h.number), owner: str(h.owner) } : null;
  return { model: { entities, links, handset } };
}

function propertiesJs(props: readonly FormProperty[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of props) {
    if (!p.name) continue;
    const rest = 'value' in p.extra ? without(p.extra, ['column']) : p.extra;
    if ('value' in rest) out[p.name] = { ...rest, ...(p.format ? { format: p.format } : {}) };
    else if (!p.column) continue; // a row not filled in yet
    else if (!p.format && Object.keys(rest).length === 0) out[p.name] = p.column;
    else out[p.name] = { column: p.column, ...(p.format ? { format: p.format } : {}), ...rest };
  }
  return out;
}

/** Written as the built-in mappings are: each property's spec and the key columns on one line. */
function flowLeaves(owner: Node): void {
  const specs = (n: unknown) => (isMap(n) ? n.items.map((p) => p.value) : isSeq(n) ? n.items : []);
  for (const item of specs(owner)) {
    if (!isMap(item)) continue;
    const key = item.get('key', true);
    if (isSeq(key)) key.flow = true;
    const props = item.get('properties', true);
    if (isMap(props)) for (const p of props.items) if (isMap(p.value)) p.value.flow = true;
  }
}

/** The model as YAML, keeping the other keys of `previous` (name, sheet, phoneRegion, comments at the top). */
export function yamlFromModel(model: MappingModel, previous = ''): string {
  const base = previous.trim() ? parseDocument(previous) : null;
  const doc: Document = base && !base.errors.length && isMap(base.contents) ? base : parseDocument('{}');
  if (model.handset) doc.set('handset', doc.createNode({ number: model.handset.number, ...(model.handset.owner.trim() ? { owner: model.handset.owner.trim() } : {}) }));
  else doc.delete('handset');
  const entities = doc.createNode(
    Object.fromEntries(
      model.entities.map((e) => [
        e.key,
        {
          kind: e.kind,
          ...(e.keyColumns.length ? { key: e.keyColumns } : {}),
          ...(e.optional ? { optional: true } : {}),
          ...e.extra,
          properties: propertiesJs(e.properties),
        },
      ]),
    ),
  );
  const links = doc.createNode(
    model.links.map((l) => {
      const props = propertiesJs(l.properties);
      return { type: l.type, from: l.from, to: l.to, ...(Object.keys(props).length ? { properties: props } : {}) };
    }),
  );
  flowLeaves(entities);
  flowLeaves(links);
  doc.set('entities', entities);
  doc.set('links', links);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** The path of a model element, as the server's errors name it: entities.caller.kind, links.0.from. */
export const entityPath = (key: string, field?: string) => (field ? `entities.${key}.${field}` : `entities.${key}`);
export const linkPath = (i: number, field?: string) => (field ? `links.${i}.${field}` : `links.${i}`);

/** An entity name not yet used: phone, phone2, … (letters, digits and _ as the server wants). */
export function freshKey(model: Pick<MappingModel, 'entities'>, base: string): string {
  let clean = base.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'entity';
  if (/^\d/.test(clean)) clean = `e_${clean}`;
  const used = new Set(model.entities.map((e) => e.key));
  if (!used.has(clean)) return clean;
  for (let i = 2; ; i++) if (!used.has(`${clean}${i}`)) return `${clean}${i}`;
}

/** What a column's name suggests it holds. */
export function guessColumn(column: string): { kind: string; property: string; format: string } | null {
  const c = column.toLowerCase();
  if (/(phone|mobile|msisdn|number|caller|called|\bcli\b|\ba[-_ ]?party|\bb[-_ ]?party|^to$|^from$)/.test(c) && !/(count|duration|cell|licen[cs]e|nhs)/.test(c)) return { kind: 'Phone', property: 'phoneNo', format: 'phone' };
  if (/(registration|\breg\b|vrm|plate)/.test(c)) return { kind: 'Vehicle', property: 'reg', format: 'reg' };
  if (/(e-?mail)/.test(c)) return { kind: 'Email', property: 'email_address', format: 'email' };
  if (/(address|premises|street)/.test(c)) return { kind: 'Location', property: 'address', format: '' };
  if (/postcode/.test(c)) return { kind: 'Location', property: 'postcode', format: 'postcode' };
  if (/^(full )?name$|subject|person/.test(c)) return { kind: 'Person', property: 'name', format: '' };
  return null;
}

/**
 * A first mapping from the columns' names, for the analyst to correct: an entity per column that
 * names a phone, a vehicle, an email address or a person, one place for an address and postcode
 * together; nothing is linked (the analyst says how).
 */
export function suggestModel(columns: readonly string[]): MappingModel {
  const model: MappingModel = { entities: [], links: [], handset: null };
  for (const column of columns) {
    const g = guessColumn(column);
    if (!g) continue;
    const place = g.kind === 'Location' ? model.entities.find((e) => e.kind === 'Location' && !e.properties.some((p) => p.name === g.property)) : undefined;
    const prop: FormProperty = { name: g.property, column, format: g.format, extra: {} };
    if (place) place.properties.push(prop);
    else model.entities.push({ key: freshKey(model, column), kind: g.kind, keyColumns: [], optional: false, properties: [prop], extra: {} });
  }
  return model;
}

/** What in the model is incomplete, per path, in words (checked before anything is sent). */
export function checkModel(model: MappingModel, columns: readonly string[]): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const keys = new Set<string>();
  const inFile = (c: string) => columns.length === 0 || columns.some((x) => sameColumn(x, c));
  for (const e of model.entities) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(e.key)) out.push({ path: entityPath(e.key), message: `“${e.key}” cannot be an entity’s name: use letters, digits and _.` });
    if (keys.has(e.key)) out.push({ path: entityPath(e.key), message: `Two entities are called “${e.key}”.` });
    keys.add(e.key);
    if (!e.kind) out.push({ path: entityPath(e.key, 'kind'), message: 'Choose a kind.' });
    if (!e.properties.some((p) => p.column || 'value' in p.extra) && !e.keyColumns.length && !e.extra.idColumn) out.push({ path: entityPath(e.key, 'properties'), message: 'Take at least one property from a column.' });
    for (const p of e.properties) if (p.column && !inFile(p.column)) out.push({ path: entityPath(e.key, 'properties'), message: `The file has no column “${p.column}”.` });
    for (const c of e.keyColumns) if (!inFile(c)) out.push({ path: entityPath(e.key, 'key'), message: `The file has no column “${c}”.` });
  }
  const ends = new Set([...keys, ...(model.handset ? ['$owner', '$handset'] : [])]);
  model.links.forEach((l, i) => {
    if (!l.type) out.push({ path: linkPath(i, 'type'), message: 'Choose a link type.' });
    if (!ends.has(l.from)) out.push({ path: linkPath(i, 'from'), message: 'Choose the entity the link starts from.' });
    if (!ends.has(l.to)) out.push({ path: linkPath(i, 'to'), message: 'Choose the entity the link goes to.' });
    if (l.from && l.from === l.to) out.push({ path: linkPath(i, 'to'), message: 'A link joins two different entities.' });
  });
  if (model.handset && !model.handset.number.trim()) out.push({ path: 'handset.number', message: 'Give the handset’s own number.' });
  return out;
}
