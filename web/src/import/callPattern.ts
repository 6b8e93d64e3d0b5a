/** The calls behind a CONTACTED link (query `callPattern`), and the bars that show them. */
import { gql } from '../api';

export interface CallPattern {
  a: string;
  b: string;
  calls: number;
  callsFromA: number;
  totalSeconds: number;
  firstOn: string | null;
  lastOn: string | null;
  perDay: { day: string; calls: number; seconds: number }[];
  perHour: { hour: number; calls: number }[];
}

export async function fetchCallPattern(a: string, b: string, signal?: AbortSignal): Promise<CallPattern | null> {
  const data = await gql<{ callPattern: CallPattern | null }>(
    'query CallPattern($a: ID!, $b: ID!) { callPattern(a: $a, b: $b) { a b calls callsFromA totalSeconds firstOn lastOn perDay { day calls seconds } perHour { hour calls } } }',
    { a, b },
    signal,
  );
  return data.callPattern;
}

export interface Bar {
  label: string;
  /** Shown on hover and read out: "12 calls on 2014-03-01". */
  title: string;
  value: number;
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Calls over time as bars: one per day from the first call to the last (days without calls as
 * empty bars, so gaps show), or one per week (Mondays) when that would be more than `maxBars`.
 */
export function dayBars(perDay: readonly { day: string; calls: number }[], maxBars = 92): { unit: 'day' | 'week'; bars: Bar[] } {
  const days = perDay.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.day)).sort((x, y) => x.day.localeCompare(y.day));
  if (!days.length) return { unit: 'day', bars: [] };
  const first = Date.parse(`${days[0]!.day}T00:00:00Z`);
  const last = Date.parse(`${days[days.length - 1]!.day}T00:00:00Z`);
  const count = new Map(days.map((d) => [d.day, d.calls]));
  const span = Math.round((last - first) / DAY) + 1;
  if (span <= maxBars) {
    const bars = Array.from({ length: span }, (_, i) => {
      const day = iso(first + i * DAY);
      const n = count.get(day) ?? 0;
      return { label: day, title: `${n} call${n === 1 ? '' : 's'} on ${day}`, value: n };
    });
    return { unit: 'day', bars };
  }
  // Weeks from the Monday on or before the first day.
  const monday = first - ((new Date(first).getUTCDay() + 6) % 7) * DAY;
  const weeks = Math.floor((last - monday) / (7 * DAY)) + 1;
  const bars: Bar[] = Array.from({ length: weeks }, (_, i) => ({ label: iso(monday + i * 7 * DAY), title: '', value: 0 }));
  for (const d of days) {
    const i = Math.floor((Date.parse(`${d.day}T00:00:00Z`) - monday) / (7 * DAY));
    bars[i]!.value += d.calls;
  }
  return { unit: 'week', bars: bars.map((b) => ({ ...b, title: `${b.value} call${b.value === 1 ? '' : 's'} in the week of ${b.label}` })) };
}

/** The 24 hours of the day, each with its calls. */
export function hourBars(perHour: readonly { hour: number; calls: number }[]): Bar[] {
  const by = new Map(perHour.map((h) => [h.hour, h.calls]));
  return Array.from({ length: 24 }, (_, h) => {
    const n = by.get(h) ?? 0;
    const hh = String(h).padStart(2, '0');
    return { label: hh, title: `${n} call${n === 1 ? '' : 's'} between ${hh}:00 and ${hh}:59`, value: n };
  });
}

/** "41 calls (25 from 07700 900123), 1 h 12 min in all, 2014-03-01 to 2014-05-30". */
export function patternSummary(p: CallPattern, aLabel: string): string {
  const mins = Math.round(p.totalSeconds / 60);
  const time = mins >= 60 ? `${Math.floor(mins / 60)} h ${mins % 60} min` : `${mins} min`;
  const when = p.firstOn ? (p.firstOn === p.lastOn ? `, on ${p.firstOn}` : `, ${p.firstOn} to ${p.lastOn}`) : '';
  return `${p.calls} call${p.calls === 1 ? '' : 's'} (${p.callsFromA} from ${aLabel}), ${time} in all${when}.`;
}
