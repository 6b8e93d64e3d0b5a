/**
 * Presets map a foreign vocabulary onto ours. `pole` is Neo4j's public POLE crime-investigation
 * dataset: its ids become `pole:<id>` so they cannot collide with another dataset's, Crime nodes
 * are also Incidents, dates become ISO, phone numbers and registrations are normalised with the
 * original kept in `raw`, and its own `id` column (a hash on Crime and Object) is kept as `sourceId`.
 */
import { normalisePhone, readRegistration } from '../search/identifiers.js';

export interface NodeRow {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}

export interface Preset {
  mapId(id: string): string;
  mapNode(row: NodeRow): NodeRow;
  mapType(type: string): string;
}

/** d/m/yyyy or dd/mm/yyyy (POLE writes both) → yyyy-mm-dd; anything else unchanged. */
const isoDate = (v: unknown) => {
  const m = typeof v === 'string' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v) : null;
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v;
};

/** Without a preset: ids, labels and types are the contract's own; a property `id` is not allowed to shadow `:ID`. */
export const noPreset: Preset = {
  mapId: (id) => id,
  mapNode: (row) => normaliseIdentifiers(row),
  mapType: (t) => t,
};

/** Phone numbers to E.164 (raw kept) and registrations upper case without spaces (DESIGN.md §4). */
function normaliseIdentifiers(row: NodeRow): NodeRow {
  if (!row.labels.includes('Phone') && !row.labels.includes('Vehicle')) return row; // most rows: nothing to copy
  const props = { ...row.props };
  if (row.labels.includes('Phone') && typeof props.phoneNo === 'string') {
    props.raw ??= props.phoneNo;
    props.phoneNo = normalisePhone(props.phoneNo);
  }
  if (row.labels.includes('Vehicle') && typeof props.reg === 'string') {
    props.reg = readRegistration(props.reg) ?? props.reg.replace(/\s+/g, '').toUpperCase();
  }
  return { ...row, props };
}

export const polePreset: Preset = {
  mapId: (id) => `pole:${id}`,
  mapNode(row) {
    const props = { ...row.props };
    if ('id' in props) {
      props.sourceId = props.id;
      delete props.id;
    }
    let labels = row.labels;
    if (labels.includes('Crime')) {
      labels = [...new Set([...labels, 'Incident'])];
      props.kind = 'crime';
    }
    if ('date' in props) props.date = isoDate(props.date);
    if ('call_date' in props) props.call_date = isoDate(props.call_date);
    return normaliseIdentifiers({ ...row, labels, props });
  },
  mapType: (t) => t,
};

export const PRESETS: Record<string, Preset> = { pole: polePreset };
