/**
 * neo4j-admin import headers: `:ID`, `:ID(group)`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`,
 * `name`, `name:type` with types int long float double boolean date datetime string, and arrays as
 * `type[]` (values separated by `;`, neo4j-admin's default array delimiter).
 */
export type ColumnRole = 'id' | 'label' | 'start' | 'end' | 'type' | 'property' | 'ignore';

export interface Column {
  role: ColumnRole;
  /** Property name (role property). */
  name: string;
  type: string;
  array: boolean;
}

const TYPES = new Set(['int', 'long', 'float', 'double', 'boolean', 'date', 'datetime', 'localdatetime', 'string', 'short', 'byte', 'char']);

export function parseHeader(cells: string[]): Column[] {
  return cells.map((raw) => {
    const cell = raw.trim();
    const m = /^([^:]*)(?::(.+))?$/.exec(cell)!;
    const name = m[1] ?? '';
    const spec = (m[2] ?? '').trim();
    const bare = spec.replace(/\(.*\)$/, '').toUpperCase();
    if (bare === 'ID') return { role: 'id', name, type: 'string', array: false };
    if (bare === 'LABEL') return { role: 'label', name, type: 'string', array: true };
    if (bare === 'START_ID') return { role: 'start', name, type: 'string', array: false };
    if (bare === 'END_ID') return { role: 'end', name, type: 'string', array: false };
    if (bare === 'TYPE') return { role: 'type', name, type: 'string', array: false };
    if (bare === 'IGNORE') return { role: 'ignore', name, type: 'string', array: false };
    const array = spec.endsWith('[]');
    const type = (array ? spec.slice(0, -2) : spec || 'string').toLowerCase();
    if (!TYPES.has(type)) throw new Error(`column "${cell}": unknown type "${type}"`);
    if (!name) throw new Error(`column "${cell}" has no property name`);
    return { role: 'property', name, type, array };
  });
}

/** A value as its column's type; throws with the reason when it does not parse. */
export function convert(value: string, col: Column): unknown {
  if (col.array) return value.split(';').filter((v) => v !== '').map((v) => convertOne(v, col.type));
  return convertOne(value, col.type);
}

function convertOne(v: string, type: string): unknown {
  switch (type) {
    case 'int':
    case 'long':
    case 'short':
    case 'byte': {
      if (!/^[-+]?\d+$/.test(v.trim())) throw new Error(`"${v}" is not an integer`);
      const n = Number(v);
      if (!Number.isSafeInteger(n)) throw new Error(`"${v}" is too large an integer`);
      return n;
    }
    case 'float':
    case 'double': {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) throw new Error(`"${v}" is not a number`);
      return n;
    }
    case 'boolean': {
      const s = v.trim().toLowerCase();
      if (s === 'true') return true;
      if (s === 'false') return false;
      throw new Error(`"${v}" is not true or false`);
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new Error(`"${v}" is not a date (YYYY-MM-DD)`);
      return v;
    case 'datetime':
    case 'localdatetime':
      if (Number.isNaN(Date.parse(v))) throw new Error(`"${v}" is not a date-time (ISO 8601)`);
      return v;
    default:
      return v;
  }
}
