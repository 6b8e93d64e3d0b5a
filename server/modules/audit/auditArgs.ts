/**
 * What an audit entry may keep of an operation's arguments: the admin sees who, when, which
 * operation, purpose and which ids, never case text (DESIGN.md §6). `safeAuditArgs` runs when an
 * entry is appended, so text never reaches the store, the hash chain or the admin's screen.
 *
 * Kept: every argument name (and the keys of nested inputs); numbers, booleans and null; ids (in
 * arguments named id / ids / …Id / …Ids, and elsewhere values that look like ids); dates; and the
 * vocabulary arguments below (measures, kinds, link types, formats, roles, …). Every other string
 * becomes a marker saying only how long it was: `"[text: 23 chars]"`. Under the free-text
 * arguments (searched-for text, summaries, reasons, notes, nicknames, names, report properties)
 * every string is a marker, even one that looks like an id. Passwords are never recorded at all.
 */

/** Argument names whose values are vocabulary (enums, kinds, link types, roles), not case text. */
const VOCABULARY = new Set([
  'measure',
  'kinds',
  'kind',
  'linkTypes',
  'type',
  'format',
  'status',
  'role',
  'username',
  'sharedWithUsers',
  'agency',
  'ownerAgency',
  'sharedWith',
  'handling',
  'intelGrade',
  'sourceType',
  'disposition',
]);

/**
 * Arguments that hold a date or an id, by operation: `asOf`, `on`, `receivedOn`; `from` / `to` (a
 * period's ends for operatorRisk, entity ids for paths, a report's refs for its links).
 */
const DATE_OR_ID = new Set(['asOf', 'from', 'to', 'on', 'receivedOn']);

/** Free text: every string under these is a marker, whatever it looks like. */
const TEXT = new Set([
  'text',
  'nickname',
  'name',
  'chartName',
  'summary',
  'reason',
  'note',
  'notes',
  'purpose',
  'conditions',
  'properties',
  'label',
  'comment',
  'description',
]);

/** Arguments named as ids: `id`, `ids`, `entityId`, `personIds`, `childId`, … */
const ID_NAME = /^(id|ids|within)$|[a-z](Id|Ids)$/;

/** A value under an id-named argument is kept when it is one token (no spaces, no line breaks). */
const ID_TOKEN = /^[\w.:@/#+=~-]{1,200}$/;
/** Where an argument holds a date or an id: a token with a separator or a digit ('op-central', 'p1'). */
const LOOSE_ID = /^(?=[^\s]*[-:\d])[\w.:-]{1,200}$/;
/**
 * A value elsewhere is kept as an id only when it has the shape of one: `per-s001`, `chart-<uuid>`,
 * `pole:123`, `HAS_CONTACT:per-c01:ph-9` (a prefix, a separator and a digit), or a bare UUID.
 * `kershaw-smith` or `07700 900123` are not ids.
 */
const ID_SHAPE = /^(?=[^\s]*\d)[A-Za-z][A-Za-z_]{0,30}[-:][\w.:-]{1,160}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** YYYY-MM-DD, optionally with an ISO time. */
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Vocabulary is a short token: 'DEGREE', 'Person', 'PARTY_TO', "Children's Social Care". */
const VOCAB_TOKEN = /^[\w .'&()/-]{1,60}$/;

/** The marker that stands in for a string the audit must not keep. */
export const textMarker = (s: string): string => `[text: ${s.length} chars]`;

/** Passwords: not even their length. */
export const PASSWORD_MARKER = '[not recorded]';

type Mode = 'plain' | 'id' | 'vocabulary' | 'dateOrId' | 'text';

function modeFor(key: string, inherited: Mode): Mode {
  if (inherited === 'text') return 'text';
  if (TEXT.has(key)) return 'text';
  if (ID_NAME.test(key)) return 'id';
  if (VOCABULARY.has(key)) return 'vocabulary';
  if (DATE_OR_ID.has(key)) return 'dateOrId';
  return 'plain';
}

function safeString(s: string, mode: Mode): string {
  if (mode === 'text') return textMarker(s);
  if (mode === 'id' && ID_TOKEN.test(s)) return s;
  if (mode === 'vocabulary' && VOCAB_TOKEN.test(s)) return s;
  if (mode === 'dateOrId' && LOOSE_ID.test(s)) return s;
  if (DATE.test(s)) return s;
  if (ID_SHAPE.test(s) || UUID.test(s)) return s;
  return textMarker(s);
}

function safeValue(value: unknown, mode: Mode, depth: number): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') return safeString(value, mode);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (depth > 8) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((v) => safeValue(v, mode, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      out[k] = k === 'password' ? PASSWORD_MARKER : safeValue(v, modeFor(k, mode), depth + 1);
    }
    return out;
  }
  return textMarker(String(value));
}

/**
 * The operation's arguments as the audit may keep them (see the module's comment). Pure: returns a
 * new value and never changes `args`.
 */
export function safeAuditArgs(args: unknown): Record<string, unknown> {
  if (args === null || args === undefined) return {};
  if (typeof args !== 'object' || Array.isArray(args)) return { value: safeValue(args, 'plain', 0) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (k === 'password') out[k] = PASSWORD_MARKER;
    // A chart's view state (positions, groups and their names, filters): its size only; the
    // chart's entities are in the entry's ids.
    else if (k === 'state' && v !== null && typeof v === 'object') out[k] = `[view state: ${JSON.stringify(v).length} chars]`;
    else out[k] = safeValue(v, modeFor(k, 'plain'), 0);
  }
  return out;
}
