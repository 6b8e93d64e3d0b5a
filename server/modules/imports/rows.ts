/**
 * One row of a file through a mapping: the entities it names (with the key that says which entity
 * each is, within the file and in the graph) and the links between them, or the reason it is
 * rejected, with the row number and the column ("row 14, column start: not a date as DD/MM/YYYY").
 */
import { FormatError, readCell, readPhone } from './formats.js';
import { columnKey, columnsUsed, MappingError, strongProperty, type EntitySpec, type Mapping, type PropertySpec } from './mapping.js';
import type { SourceRow } from './readers.js';

export interface RowEntity {
  /** The mapping's name for it (caller, called, call, …). */
  name: string;
  kind: string;
  /** Which entity this is: rows with the same key name the same entity (see `entityKey`). */
  key: string;
  props: Record<string, unknown>;
  /** An id of an entity already in the graph that the row names (idColumn). */
  idRef: string | null;
  /** The strong identifier it may be matched on anywhere in the graph (matching.ts). */
  strong: { by: 'phoneNo' | 'reg' | 'email_address' | 'nhs_no' | 'postcode+address'; value: string } | null;
  /** Whether the key holds everywhere (a call) or only within this file (a person known by a name). */
  scope: 'file' | 'global';
}

export interface RowLink {
  type: string;
  /** Entity keys, or $handset / $owner. */
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export interface RejectedRow {
  row: number;
  column: string | null;
  message: string;
  values: string[];
}

export type MappedRow = { row: number; entities: RowEntity[]; links: RowLink[] } | { row: number; rejected: RejectedRow };

class RowError extends Error {
  constructor(readonly column: string | null, message: string) {
    super(message);
  }
}

/** Formats that normalise a value, so that "07700 900123" and "+447700900123" key the same entity. */
const NORMALISING = new Set(['phone', 'reg', 'email', 'postcode', 'upper', 'lower', 'int', 'number', 'duration']);

const firstLine = (address: unknown) => String(address ?? '').split(',')[0]!.trim().toLowerCase().replace(/\s+/g, ' ');

export interface CompiledMapping {
  mapping: Mapping;
  columns: string[];
  mapRow(r: SourceRow): MappedRow;
}

/**
 * Checks the mapping against the file's columns (every column it reads must be there; names
 * compare without case and spaces) and returns the row mapper.
 */
export function compileMapping(mapping: Mapping, columns: string[]): CompiledMapping {
  const index = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!index.has(columnKey(c))) index.set(columnKey(c), i);
  });
  const missing = [...columnsUsed(mapping)].filter(([c]) => !index.has(columnKey(c)));
  if (missing.length) {
    throw new MappingError(missing.map(([c, where]) => `${where}: no column "${c}" in the file (its columns: ${columns.filter(Boolean).join(', ') || 'none'})`));
  }
  const at = (col: string) => index.get(columnKey(col))!;

  // How a key column's value is compared: through the first normalising format that reads that column anywhere in the mapping.
  const keyFormat = new Map<string, { format: string; region: string }>();
  const noteFormats = (ps: Record<string, PropertySpec>) => {
    for (const p of Object.values(ps)) {
      if (typeof p === 'string' || !p.column || !p.format) continue;
      const isDate = !NORMALISING.has(p.format) && p.format !== 'text' && p.format !== 'bool' && p.format !== 'list';
      if ((NORMALISING.has(p.format) || isDate) && !keyFormat.has(columnKey(p.column))) keyFormat.set(columnKey(p.column), { format: p.format, region: p.region ?? mapping.phoneRegion });
    }
  };
  for (const e of Object.values(mapping.entities)) noteFormats(e.properties);
  for (const l of mapping.links) noteFormats(l.properties);

  const cell = (cells: string[], col: string) => (cells[at(col)] ?? '').trim();

  function keyValue(cells: string[], col: string): string {
    const v = cell(cells, col);
    if (!v) return '';
    const f = keyFormat.get(columnKey(col));
    if (!f) return v;
    try {
      return String(readCell(v, f.format, { region: f.region, part: 'datetime' }));
    } catch (e) {
      throw new RowError(col, (e as Error).message);
    }
  }

  function readProps(cells: string[], specs: Record<string, PropertySpec>): Record<string, unknown> {
    const props: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(specs)) {
      const p = typeof spec === 'string' ? { column: spec } : spec;
      if (p.value !== undefined) {
        props[name] = p.value;
        continue;
      }
      const raw = cell(cells, p.column!);
      if (!raw) {
        if (p.required) throw new RowError(p.column!, `missing value for ${name}`);
        continue;
      }
      const format = p.format ?? 'text';
      try {
        if (format === 'phone') {
          const ph = readPhone(raw, p.region ?? mapping.phoneRegion);
          props[name] = ph.phoneNo;
          // DESIGN.md §4: the number as written is kept beside the normalised one.
          if (name === 'phoneNo' && !('raw' in specs)) props.raw = ph.raw;
        } else props[name] = readCell(raw, format, { region: p.region ?? mapping.phoneRegion, part: p.part });
      } catch (e) {
        if (e instanceof FormatError) throw new RowError(p.column!, e.message);
        throw e;
      }
    }
    return props;
  }

  const specs = Object.entries(mapping.entities).map(([name, spec]) => ({ name, spec, strong: strongProperty(spec.kind, Object.keys(spec.properties)) }));

  function entity(cells: string[], row: number, name: string, spec: EntitySpec, strong: string | null): RowEntity | null {
    const scope = spec.scope ?? (spec.kind === 'PhoneCall' ? 'global' : 'file');
    if (spec.idColumn) {
      const id = cell(cells, spec.idColumn);
      if (!id) {
        if (spec.optional) return null;
        throw new RowError(spec.idColumn, `missing identifying column ${spec.idColumn} (the id of ${name})`);
      }
      return { name, kind: spec.kind, key: `id:${id}`, props: readProps(cells, spec.properties), idRef: id, strong: null, scope };
    }
    const keyCols = spec.key ?? [];
    const keyValues = keyCols.map((c) => keyValue(cells, c));
    const emptyKey = keyCols.find((_, i) => !keyValues[i]);
    if (emptyKey !== undefined) {
      if (spec.optional) return null;
      throw new RowError(emptyKey, `missing identifying column ${emptyKey} (for ${name})`);
    }
    const props = readProps(cells, spec.properties);
    let strongId: RowEntity['strong'] = null;
    if (strong === 'postcode+address') {
      if (props.postcode && props.address) strongId = { by: strong, value: `${String(props.postcode)}|${firstLine(props.address)}` };
    } else if (strong && props[strong] !== undefined) {
      strongId = { by: strong as 'phoneNo', value: strong === 'email_address' ? String(props[strong]).toLowerCase() : String(props[strong]) };
    }
    if (strongId) return { name, kind: spec.kind, key: `${spec.kind === 'Officer' ? 'Person' : spec.kind}:${strongId.by}:${strongId.value}`, props, idRef: null, strong: strongId, scope };
    if (strong && strong !== 'postcode+address' && strong !== 'nhs_no' && !keyCols.length) {
      // The identifying property (a phone's number, a vehicle's registration) is empty. (A person
      // without an NHS number, a place without a postcode, is simply not matched: a new record.)
      const spec0 = spec.properties[strong]!;
      const col = typeof spec0 === 'string' ? spec0 : (spec0.column ?? null);
      if (spec.optional) return null;
      throw new RowError(col, `missing identifying column ${col ?? strong} (for ${name})`);
    }
    if (!Object.keys(props).length) {
      if (spec.optional) return null;
      throw new RowError(null, `no values for ${name}`);
    }
    if (keyCols.length) return { name, kind: spec.kind, key: `${spec.kind}:${scope}:${keyCols.map(columnKey).join(',')}=${keyValues.join('\u0001')}`, props, idRef: null, strong: null, scope };
    // Nothing identifies it: each row makes its own (a person known only by a name is a new record).
    return { name, kind: spec.kind, key: `${spec.kind}:${name}:row:${row}`, props, idRef: null, strong: null, scope: 'file' };
  }

  return {
    mapping,
    columns,
    mapRow(r: SourceRow): MappedRow {
      if (r.problem) return { row: r.row, rejected: { row: r.row, column: null, message: r.problem, values: r.cells } };
      try {
        const byName = new Map<string, RowEntity>();
        for (const { name, spec, strong } of specs) {
          const e = entity(r.cells, r.row, name, spec, strong);
          if (e) byName.set(name, e);
        }
        const links: RowLink[] = [];
        for (const l of mapping.links) {
          const from = l.from.startsWith('$') ? l.from : byName.get(l.from)?.key;
          const to = l.to.startsWith('$') ? l.to : byName.get(l.to)?.key;
          if (!from || !to || from === to) continue; // an optional end absent, or an entity linked to itself
          links.push({ type: l.type, from, to, props: readProps(r.cells, l.properties) });
        }
        return { row: r.row, entities: [...byName.values()], links };
      } catch (e) {
        if (!(e instanceof RowError)) throw e;
        return { row: r.row, rejected: { row: r.row, column: e.column ? (columns[at(e.column)] ?? e.column) : null, message: e.message, values: r.cells } };
      }
    },
  };
}
