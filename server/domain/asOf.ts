/**
 * The as-of rule, defined once: which date places a record in time.
 *
 * Every node and relationship of the case graph gets the property `datedOn` (an ISO date string,
 * `YYYY-MM-DD`) when it is written, taken from the property that dates records of its kind:
 *
 * | record                      | dated by    |
 * |-----------------------------|-------------|
 * | Incident, Crime, Meeting    | `date`      |
 * | Notice                      | `servedOn`  |
 * | Report                      | `receivedOn`|
 * | Licence                     | `grantedOn` |
 * | Operation                   | `startedOn` |
 * | any other node, every link  | `from`      |
 *
 * When a record of a dated kind lacks its own date property, its validity start `from` (DESIGN.md §4:
 * any record may carry `from`/`to`) dates it instead. A value dates a record only when it begins with
 * an ISO date (`2021-03-04`, `2021-03-04T10:00`, a Neo4j Date or DateTime); `datedOn` is its first ten
 * characters. A record with no such value has no `datedOn` and is always in view.
 *
 * As of a date D (the queries' `$asOf`), a record is in view when
 *   `datedOn` is absent or `datedOn <= D`, and `to` is absent or `to >= D`
 * — written once in Cypher in server/db/fragments/inView.cypher (and asOf.cypher, the same with
 * `$asOf` null meaning "everything"). Both ends are inclusive: a link valid to 2021-06-30 is in view
 * as of 2021-06-30 and out of view as of 2021-07-01. `to` is the end of validity of any record;
 * `endedOn` (licences, operations) and `endDate` (incidents) are facts about the thing, not the end
 * of the record's validity: an ended operation or an expired licence stays in view.
 *
 * Two questions, two halves. "What was in force on D" (the analyst's network, paths and rankings on
 * a date) is the whole rule. "What had happened by D" is its start half (fragments/dated.cypher):
 * records that had begun by D, ended ones kept with their `to`. The histories ask it: a child's
 * chronology, the strategy meeting's network and linked persons (a contact that stopped is still
 * part of what the meeting must weigh), and an operator's page for licensing (a revoked operator's
 * drivers are what its successors are checked against). Queries ask it through the composer
 * (`instead: { asOf: 'dated' }`, graph/queries.ts HISTORY) or by naming `dated` in their text.
 *
 * Writers: intake (submitReport), the CSV import and the demo loader (db/bulkLoad), merge and
 * unmerge, restore, and the backfill at start (db/schema.ts) — all through `datedOnCypher` /
 * `linkDatedOnCypher` below, or `datedOn` / `withDatedOn` when the value is computed in JavaScript.
 * Stable API (used by other modules' writers, e.g. server/modules/imports/).
 */

/** Node labels dated by a property other than `from`, most specific first. */
export const NODE_DATED_BY: readonly (readonly [label: string, property: string])[] = [
  ['Incident', 'date'],
  ['Crime', 'date'],
  ['Meeting', 'date'],
  ['Notice', 'servedOn'],
  ['Report', 'receivedOn'],
  ['Licence', 'grantedOn'],
  ['Operation', 'startedOn'],
];

/** What dates every other node, every link, and a dated node that lacks its own date. */
export const VALIDITY_FROM = 'from';
/** The end of a record's validity: as of a later date the record is out of view. */
export const VALIDITY_TO = 'to';
/** The stored property the as-of queries filter on. */
export const DATED_ON = 'datedOn';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** An ISO date (`YYYY-MM-DD`) from a stored value, or null when the value does not start with one. */
export function isoDate(value: unknown): string | null {
  if (value == null || Array.isArray(value)) return null;
  const s = String(value);
  return ISO_DATE.test(s) ? s.slice(0, 10) : null;
}

/** The property dating a node with these labels (`from` when none of them is dated otherwise). */
export function datedByProperty(labels: readonly string[]): string {
  for (const [label, property] of NODE_DATED_BY) if (labels.includes(label)) return property;
  return VALIDITY_FROM;
}

/**
 * The date that places a record in time: `datedOn` as it must be stored. For a node pass its labels,
 * for a link pass `null` (every link is dated by `from`). Null: undated, always in view.
 */
export function datedOn(labels: readonly string[] | null, props: Record<string, unknown>): string | null {
  const own = labels ? datedByProperty(labels) : VALIDITY_FROM;
  return isoDate(props[own]) ?? (own === VALIDITY_FROM ? null : isoDate(props[VALIDITY_FROM]));
}

/**
 * The properties with `datedOn` set from them (or removed, as `null`, when they carry no date): for
 * writers that `SET x = $props` or `SET x += $props` a whole record. With `+=`, a record whose other
 * properties are not all in `props` is better dated with `datedOnCypher` after the SET.
 */
export function withDatedOn<T extends Record<string, unknown>>(labels: readonly string[] | null, props: T): T & { datedOn: string | null } {
  return { ...props, [DATED_ON]: datedOn(labels, props) } as T & { datedOn: string | null };
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
function checked(variable: string): string {
  if (!IDENT.test(variable)) throw new Error(`not a Cypher variable: ${variable}`);
  return variable;
}

/** `[d IN [value] WHERE d starts with an ISO date | its first ten characters][0]`, null otherwise. */
const normalised = (value: string) =>
  `[d IN [${value}] WHERE d IS NOT NULL AND toString(d) =~ '\\\\d{4}-\\\\d{2}-\\\\d{2}.*' | left(toString(d), 10)][0]`;

/**
 * A Cypher expression for the `datedOn` of node variable `v`, from the properties it carries when
 * the expression runs: `SET v.datedOn = ${datedOnCypher('v')}` after the record's other SETs keeps
 * `datedOn` right however the record was changed. `v` must be a plain identifier (checked).
 */
export function datedOnCypher(v: string): string {
  const x = checked(v);
  const byLabel = new Map<string, string[]>();
  for (const [label, property] of NODE_DATED_BY) byLabel.set(property, [...(byLabel.get(property) ?? []), label]);
  const cases = [...byLabel].map(([property, labels]) => `WHEN ${labels.map((l) => `${x}:${l}`).join(' OR ')} THEN ${x}.${property}`).join(' ');
  return normalised(`coalesce(CASE ${cases} END, ${x}.${VALIDITY_FROM})`);
}

/** The same for relationship variable `r`: its `from`. */
export function linkDatedOnCypher(r: string): string {
  return normalised(`${checked(r)}.${VALIDITY_FROM}`);
}
