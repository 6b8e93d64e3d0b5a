/**
 * Neo4j property values as JSON and back, without losing their type: an integer stays an integer
 * and a float a float (2 and 2.0 differ in Neo4j), temporals keep their kind, zone and nanoseconds,
 * points their coordinate system. Plain JSON numbers are integers; everything that JSON cannot say
 * on its own is a one-key object tagged with `$`.
 */
import neo4j, { isInt, isPoint, isDate, isDateTime, isLocalDateTime, isLocalTime, isTime, isDuration } from 'neo4j-driver';

export type Encoded = string | number | boolean | Encoded[] | { [tag: string]: unknown };

const n = (v: unknown) => Number(v); // temporal fields come as Integer or number

export function encodeValue(v: unknown): Encoded {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return { $float: Number.isFinite(v) ? v : String(v) };
  if (typeof v === 'bigint') return { $int: v.toString() };
  if (isInt(v)) return v.inSafeRange() ? v.toNumber() : { $int: v.toString() };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v instanceof Uint8Array || v instanceof Int8Array) return { $bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (isPoint(v)) return { $point: v.z === undefined ? [n(v.srid), v.x, v.y] : [n(v.srid), v.x, v.y, v.z] };
  if (isDate(v)) return { $date: [n(v.year), n(v.month), n(v.day)] };
  if (isLocalTime(v)) return { $localtime: [n(v.hour), n(v.minute), n(v.second), n(v.nanosecond)] };
  if (isTime(v)) return { $time: [n(v.hour), n(v.minute), n(v.second), n(v.nanosecond), n(v.timeZoneOffsetSeconds)] };
  if (isLocalDateTime(v)) return { $localdatetime: [n(v.year), n(v.month), n(v.day), n(v.hour), n(v.minute), n(v.second), n(v.nanosecond)] };
  if (isDateTime(v)) {
    const base = [n(v.year), n(v.month), n(v.day), n(v.hour), n(v.minute), n(v.second), n(v.nanosecond)];
    // A named zone is the truth (its offset follows from it); otherwise the fixed offset.
    return v.timeZoneId ? { $datetime: [...base, v.timeZoneId] } : { $datetime: [...base, n(v.timeZoneOffsetSeconds)] };
  }
  if (isDuration(v)) return { $duration: [n(v.months), n(v.days), n(v.seconds), n(v.nanoseconds)] };
  throw new Error(`a property value of an unsupported kind: ${Object.prototype.toString.call(v)}`);
}

function ints(a: unknown, len: number, what: string): number[] {
  if (!Array.isArray(a) || a.length !== len || !a.every((x) => Number.isSafeInteger(x))) throw new Error(`a malformed ${what} value`);
  return a as number[];
}

/** The inverse of encodeValue, as values the driver sends with their Neo4j type. */
export function decodeValue(e: unknown): unknown {
  if (typeof e === 'string' || typeof e === 'boolean') return e;
  if (typeof e === 'number') {
    if (!Number.isSafeInteger(e)) throw new Error(`${e} is not an integer (floats are tagged $float)`);
    return neo4j.int(e);
  }
  if (Array.isArray(e)) return e.map(decodeValue);
  if (e === null || typeof e !== 'object') throw new Error('a property value cannot be null');
  const entries = Object.entries(e);
  if (entries.length !== 1) throw new Error('a tagged value has exactly one key');
  const [tag, v] = entries[0]!;
  switch (tag) {
    case '$float':
      if (typeof v === 'number') return v;
      if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') return Number(v);
      throw new Error('a malformed $float value');
    case '$int':
      if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw new Error('a malformed $int value');
      return neo4j.int(v);
    case '$bytes':
      if (typeof v !== 'string') throw new Error('a malformed $bytes value');
      return new Int8Array(Buffer.from(v, 'base64'));
    case '$point': {
      const a = v as number[];
      if (!Array.isArray(a) || (a.length !== 3 && a.length !== 4) || !a.every((x) => typeof x === 'number')) throw new Error('a malformed $point value');
      return new neo4j.types.Point(neo4j.int(a[0]!), a[1]!, a[2]!, a[3]);
    }
    case '$date':
      return new neo4j.types.Date(...(ints(v, 3, tag).map((x) => neo4j.int(x)) as [never, never, never]));
    case '$localtime':
      return new neo4j.types.LocalTime(...(ints(v, 4, tag).map((x) => neo4j.int(x)) as [never, never, never, never]));
    case '$time':
      return new neo4j.types.Time(...(ints(v, 5, tag).map((x) => neo4j.int(x)) as [never, never, never, never, never]));
    case '$localdatetime':
      return new neo4j.types.LocalDateTime(...(ints(v, 7, tag).map((x) => neo4j.int(x)) as [never, never, never, never, never, never, never]));
    case '$datetime': {
      const a = v as unknown[];
      if (!Array.isArray(a) || a.length !== 8) throw new Error('a malformed $datetime value');
      const [y, mo, d, h, mi, s, ns] = ints(a.slice(0, 7), 7, tag).map((x) => neo4j.int(x));
      const zone = a[7];
      if (typeof zone === 'string') return new neo4j.types.DateTime(y!, mo!, d!, h!, mi!, s!, ns!, undefined, zone);
      if (!Number.isSafeInteger(zone)) throw new Error('a malformed $datetime zone');
      return new neo4j.types.DateTime(y!, mo!, d!, h!, mi!, s!, ns!, neo4j.int(zone as number));
    }
    case '$duration':
      return new neo4j.types.Duration(...(ints(v, 4, tag).map((x) => neo4j.int(x)) as [never, never, never, never]));
    default:
      throw new Error(`an unknown value tag ${tag}`);
  }
}

/** A property map, encoded; keys sorted so that the same node always gives the same line. */
export function encodeProps(props: Record<string, unknown>): Record<string, Encoded> {
  const out: Record<string, Encoded> = {};
  for (const k of Object.keys(props).sort()) out[k] = encodeValue(props[k]);
  return out;
}

export function decodeProps(props: unknown): Record<string, unknown> {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) throw new Error('properties must be an object');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = decodeValue(v);
  return out;
}
