/** Formatting for the admin screens: times from the server, operations and arguments from the audit log. */

/**
 * Parses a server time: ISO from the audit log ('2025-11-25T11:18:00.123Z'), or Neo4j's own
 * `toString(datetime())` ('2025-11-25T11:18:00.123456789Z', maybe with '[Europe/London]'), which
 * carries more fractional digits than every browser accepts. Null when there is no usable time.
 */
export function parseTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const iso = value.replace(/\[[^\]]*\]$/, '').replace(/(\.\d{3})\d+/, '$1');
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

// The page's language (en-GB: '25 Nov 2025, 14:05:09', as the rest of the app writes dates); the
// browser's own time zone.
const TIME = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** '25 Nov 2025, 11:18:03' in local time; the raw value when it cannot be read. */
export function formatTime(value: string | null | undefined): string {
  const d = parseTime(value);
  if (d) return TIME.format(d);
  return value ?? '';
}

/** 'Query.childConnections' → 'childConnections'. */
export const shortOperation = (operation: string): string => operation.replace(/^(Query|Mutation|Subscription)\./, '');

export const isMutation = (operation: string): boolean => operation.startsWith('Mutation.');

export interface ArgsView {
  /** One line, for the table: compact JSON, cut short when long. */
  short: string;
  /** The whole of it, indented, for the expanded view. */
  full: string;
  /** True when `short` leaves something out. */
  truncated: boolean;
  /** No arguments at all ('{}'). */
  empty: boolean;
}

const SHORT_ARGS = 70;

/** The audit entry's arguments (JSON text) as the table shows them. Text that is not JSON is shown as it came. */
export function readArgs(text: string): ArgsView {
  let compact = text;
  let full = text;
  let empty = text.trim() === '';
  try {
    const value: unknown = JSON.parse(text);
    compact = JSON.stringify(value);
    full = JSON.stringify(value, null, 2);
    empty = value === null || (typeof value === 'object' && Object.keys(value).length === 0);
  } catch {
    // Not JSON: shown raw.
  }
  const truncated = compact.length > SHORT_ARGS;
  return { short: truncated ? `${compact.slice(0, SHORT_ARGS - 1)}…` : compact, full, truncated, empty };
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
