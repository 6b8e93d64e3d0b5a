/**
 * A column mapping (docs/import.md): which columns of a CSV or Excel file (or the fields of a vCard
 * contact list) make which entities and which links between them, with formats. Written in YAML or
 * JSON, validated with zod; every error names the path of the bad field
 * ("entities.caller.properties.phoneNo.format: unknown format \"phnoe\"").
 */
import { createHash } from 'node:crypto';
import YAML from 'yaml';
import { z } from 'zod';
import { LABELS, isLabel, isLinkType } from '../../domain/vocabulary.js';
import { KEY_PROPERTIES } from '../../domain/names/store.js';
import { isFormat } from './formats.js';

/** A mapping that does not parse or validate: the message lists each problem with its path. */
export class MappingError extends Error {
  readonly extensions = { code: 'BAD_USER_INPUT' };
  constructor(readonly problems: string[]) {
    super(`The mapping is not valid — ${problems.join('; ')}`);
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Set by the service, never by a mapping (as for a report: submitReport.ts): ids, provenance, dates
 * the as-of rule keeps, and what the access layer and merges decide (a pseudonym, who holds a
 * record, whether it was merged or released).
 */
const RESERVED = new Set([
  'id', 'sources', 'propSources', 'point', 'datedOn', ...KEY_PROPERTIES,
  'pseudonym', 'mergedInto', 'mergedFrom', 'deleted', 'withheld', 'heldBy', 'heldSince', 'textWithheld', 'handling', 'ownerAgency',
  'sharedWith', 'sharedOn', 'label', 'releasedBy', 'releasedAt', 'protectionBeforeMerge',
]);
/**
 * Protection a file may add but never take away: a column could say "false" of a child the graph
 * knows, and licensing would then see her name. Only the fixed value true is taken.
 */
const PROTECTIVE = new Set(['child', 'restricted', 'lookedAfter', 'doNotContact']);
/** Entity names the import provides itself, for handset downloads. */
export const HANDSET_REFS = ['$handset', '$owner'] as const;

const constant = z.union([z.string().max(2000), z.number(), z.boolean()]);

const propertySpec = z.union([
  z.string().min(1, 'name a column'),
  z
    .object({
      column: z.string().min(1).optional(),
      value: constant.optional(),
      format: z.string().refine(isFormat, { error: (i) => `unknown format "${String(i.input)}" (text, int, number, bool, phone, reg, upper, lower, email, postcode, duration, list, or a date pattern such as DD/MM/YYYY or YYYY-MM-DD HH:mm:ss)` }).optional(),
      part: z.enum(['date', 'time', 'datetime']).optional(),
      region: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as GB').optional(),
      required: z.boolean().optional(),
    })
    .strict()
    .superRefine((p, ctx) => {
      if ((p.column === undefined) === (p.value === undefined)) ctx.addIssue({ code: 'custom', message: 'give either a column or a value' });
      if (p.part && !(p.format && !['text', 'int', 'number', 'bool', 'phone', 'reg', 'upper', 'lower', 'email', 'postcode', 'duration', 'list'].includes(p.format))) {
        ctx.addIssue({ code: 'custom', path: ['part'], message: 'part needs a date format' });
      }
    }),
]);

/** Properties by name: each name checked where it stands, so the error's path ends in the bad name. */
const propertyMap = z.record(z.string(), propertySpec).superRefine((rec, ctx) => {
  for (const k of Object.keys(rec)) {
    if (!NAME.test(k)) ctx.addIssue({ code: 'custom', path: [k], message: 'property names are letters, digits and _' });
    else if (RESERVED.has(k)) ctx.addIssue({ code: 'custom', path: [k], message: `${k} is set by the service, not by a mapping` });
    else if (PROTECTIVE.has(k) && !(typeof rec[k] === 'object' && rec[k].value === true)) {
      ctx.addIssue({ code: 'custom', path: [k], message: `${k} can only be set to the fixed value true by an import (a file never takes protection away)` });
    }
  }
});

// An import is one Report; licensing decisions, representations and checks are recorded only through
// their own operations (immutable, audited, checks enforced), never written by a file.
const NOT_MAPPABLE: readonly string[] = ['Report', 'LicensingDecision', 'Representation', 'LicenceCheck'];
const MAPPABLE_KINDS = LABELS.filter((l) => !NOT_MAPPABLE.includes(l)).join(', ');

const entitySpec = z
  .object({
    // The import makes its own Report: every other label of the vocabulary may be mapped.
    kind: z.string().refine((k) => isLabel(k) && !NOT_MAPPABLE.includes(k), { error: (i) => `unknown kind "${String(i.input)}" (the kinds: ${MAPPABLE_KINDS})` }),
    /** Identifying columns: rows with the same values are one entity within the file (or everywhere, scope global). */
    key: z.array(z.string().min(1)).min(1).optional(),
    /** A column holding the id of an entity already in the graph (e.g. a person's id). */
    idColumn: z.string().min(1).optional(),
    /** Rows without this entity's identifying values skip it (and its links) instead of being rejected. */
    optional: z.boolean().default(false),
    /** Where `key` identifies: this file (default) or every import (default for PhoneCall: a call is the same call in any file). */
    scope: z.enum(['file', 'global']).optional(),
    properties: propertyMap.default({}),
  })
  .strict();

const linkSpec = z
  .object({
    type: z.string().refine(isLinkType, { error: (i) => `unknown link type "${String(i.input)}"` }),
    from: z.string().min(1),
    to: z.string().min(1),
    properties: propertyMap.default({}),
  })
  .strict();

export const mappingSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(4000).optional(),
    /** Excel: the sheet to read (default the first). */
    sheet: z.string().min(1).optional(),
    /** The row holding the column names (1 = the first). */
    headerRow: z.number().int().min(1).max(1000).default(1),
    /** CSV: the delimiter (default: whichever of , ; tab the header line holds most of). */
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    /** Country of numbers written without a country code. */
    phoneRegion: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as GB').default('GB'),
    /** Handset downloads: the handset's own number, given once for the file, and optionally its owner's id. */
    handset: z
      .object({
        number: z.string().trim().min(1, "give the handset's own number"),
        owner: z.string().trim().min(1).optional(),
      })
      .strict()
      .optional(),
    entities: z.record(z.string().regex(NAME, 'entity names are letters, digits and _'), entitySpec).refine((e) => Object.keys(e).length > 0, 'name at least one entity'),
    links: z.array(linkSpec).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    const names = new Set(Object.keys(m.entities));
    m.links.forEach((l, i) => {
      for (const end of ['from', 'to'] as const) {
        const ref = l[end];
        if ((HANDSET_REFS as readonly string[]).includes(ref)) {
          if (!m.handset) ctx.addIssue({ code: 'custom', path: ['links', i, end], message: `${ref} needs handset.number (the handset's own number)` });
        } else if (!names.has(ref)) ctx.addIssue({ code: 'custom', path: ['links', i, end], message: `no entity "${ref}" (entities: ${[...names].join(', ')}${m.handset ? ', $handset, $owner' : ''})` });
      }
    });
    for (const [name, e] of Object.entries(m.entities)) {
      if (e.key?.some((k) => !k.trim())) ctx.addIssue({ code: 'custom', path: ['entities', name, 'key'], message: 'empty column name' });
      if (!e.key && !e.idColumn && !strongProperty(e.kind, Object.keys(e.properties)) && e.scope === 'global') {
        ctx.addIssue({ code: 'custom', path: ['entities', name, 'scope'], message: 'scope global needs key columns' });
      }
    }
  });

export type Mapping = z.infer<typeof mappingSchema>;
export type EntitySpec = z.infer<typeof entitySpec>;
export type LinkSpec = z.infer<typeof linkSpec>;
export type PropertySpec = z.infer<typeof propertySpec>;

/**
 * The properties that identify an entity of a kind anywhere in the graph (matching.ts): a person
 * only by an explicit id or NHS number, never by a name.
 */
export function strongProperty(kind: string, props: string[]): string | null {
  const has = (p: string) => props.includes(p);
  if (kind === 'Phone' && has('phoneNo')) return 'phoneNo';
  if (kind === 'Vehicle' && has('reg')) return 'reg';
  if (kind === 'Email' && has('email_address')) return 'email_address';
  if ((kind === 'Person' || kind === 'Officer') && has('nhs_no')) return 'nhs_no';
  if (kind === 'Location' && has('postcode') && has('address')) return 'postcode+address';
  return null;
}

/** Reads a mapping written in YAML or JSON (JSON is YAML); throws MappingError with every problem and its path. */
export function parseMapping(text: string): Mapping {
  if (text.length > 200_000) throw new MappingError(['the mapping is longer than 200,000 characters']);
  let doc: unknown;
  try {
    const parsed = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (parsed.errors.length) throw new MappingError(parsed.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`));
    doc = parsed.toJS({ maxAliasCount: 50 });
  } catch (e) {
    if (e instanceof MappingError) throw e;
    throw new MappingError([(e as Error).message.split('\n')[0] ?? 'not YAML or JSON']);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new MappingError(['the mapping must be an object with entities (and links)']);
  const r = mappingSchema.safeParse(doc);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'mapping'}: ${i.message}`);
    // zod checks across fields only once every field is valid: the link ends are checked here too,
    // so that one pass over the mapping lists every problem.
    const d = doc as { entities?: unknown; links?: unknown; handset?: unknown };
    const names = d.entities && typeof d.entities === 'object' ? Object.keys(d.entities) : [];
    if (Array.isArray(d.links)) {
      d.links.forEach((l: unknown, i) => {
        for (const end of ['from', 'to'] as const) {
          const ref = l && typeof l === 'object' ? (l as Record<string, unknown>)[end] : undefined;
          if (typeof ref !== 'string' || names.includes(ref) || ((HANDSET_REFS as readonly string[]).includes(ref) && d.handset)) continue;
          const msg = (HANDSET_REFS as readonly string[]).includes(ref) ? `links.${i}.${end}: ${ref} needs handset.number (the handset's own number)` : `links.${i}.${end}: no entity "${ref}" (entities: ${names.join(', ')})`;
          if (!problems.some((p) => p.startsWith(`links.${i}.${end}:`))) problems.push(msg);
        }
      });
    }
    throw new MappingError(problems);
  }
  return r.data;
}

/** Keys sorted at every level: the same mapping written differently hashes the same. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

/** A hash of what the mapping does (not how it is written: comments, order and spacing do not count). */
export function mappingHash(m: Mapping): string {
  const { name: _n, description: _d, ...what } = m;
  return createHash('sha256').update(JSON.stringify(canonical(what))).digest('hex');
}

/** Column names compare without case and surrounding spaces: "Caller " is the column caller. */
export const columnKey = (c: string) => c.trim().toLowerCase();

/** Every column the mapping reads, with where it is read (for "no column X in the file"). */
export function columnsUsed(m: Mapping): Map<string, string> {
  const used = new Map<string, string>();
  const add = (col: string | undefined, where: string) => {
    if (col !== undefined && !used.has(col)) used.set(col, where);
  };
  const props = (ps: Record<string, PropertySpec>, where: string) => {
    for (const [k, p] of Object.entries(ps)) add(typeof p === 'string' ? p : p.column, `${where}.properties.${k}`);
  };
  for (const [name, e] of Object.entries(m.entities)) {
    for (const k of e.key ?? []) add(k, `entities.${name}.key`);
    add(e.idColumn, `entities.${name}.idColumn`);
    props(e.properties, `entities.${name}`);
  }
  m.links.forEach((l, i) => props(l.properties, `links.${i}`));
  return used;
}
