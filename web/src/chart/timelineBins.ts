/**
 * Counts of dated events per period for the timeline's histogram: per day, week or month (or year)
 * depending on the range shown, so that there are enough bars to see a trend and few enough to read.
 */

export type BinUnit = 'day' | 'week' | 'month' | 'year';

export interface Bin {
  /** Start and end (exclusive) of the period, in ms since the epoch (UTC). */
  start: number;
  end: number;
  /** Events starting in the period. */
  count: number;
  /** Of those, the ones in view (not filtered or hidden). */
  inView: number;
}

const DAY = 86_400_000;

/** The period that gives a readable number of bars over a range of `spanMs`. */
export function binUnit(spanMs: number): BinUnit {
  const days = spanMs / DAY;
  if (days <= 92) return 'day';
  if (days <= 2 * 366) return 'week';
  if (days <= 20 * 366) return 'month';
  return 'year';
}

/** The start of the period holding `ms` (weeks start on Monday, as in the UK). */
export function periodStart(ms: number, unit: BinUnit): number {
  const d = new Date(ms);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  switch (unit) {
    case 'day':
      return Date.UTC(y, m, day);
    case 'week': {
      const midnight = Date.UTC(y, m, day);
      return midnight - ((d.getUTCDay() + 6) % 7) * DAY;
    }
    case 'month':
      return Date.UTC(y, m, 1);
    case 'year':
      return Date.UTC(y, 0, 1);
  }
}

export function nextPeriod(start: number, unit: BinUnit): number {
  const d = new Date(start);
  switch (unit) {
    case 'day':
      return start + DAY;
    case 'week':
      return start + 7 * DAY;
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    case 'year':
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  }
}

/** Every period from the one holding t0 to the one holding t1, with the events counted in them. */
export function histogram(events: readonly { date: string; id: string }[], t0: number, t1: number, outOfView: ReadonlySet<string>): { unit: BinUnit; bins: Bin[] } {
  const unit = binUnit(t1 - t0);
  const bins: Bin[] = [];
  const index = new Map<number, Bin>();
  for (let s = periodStart(t0, unit); s <= t1; s = nextPeriod(s, unit)) {
    const bin = { start: s, end: nextPeriod(s, unit), count: 0, inView: 0 };
    bins.push(bin);
    index.set(s, bin);
  }
  for (const e of events) {
    const bin = index.get(periodStart(Date.parse(`${e.date}T00:00:00Z`), unit));
    if (!bin) continue;
    bin.count++;
    if (!outOfView.has(e.id)) bin.inView++;
  }
  return { unit, bins };
}

/** A period as people say it: "14 Mar 2010", "week of 8 Mar 2010", "Mar 2010", "2010". */
export function periodLabel(start: number, unit: BinUnit): string {
  const date = (opts: Intl.DateTimeFormatOptions) => new Date(start).toLocaleDateString('en-GB', { ...opts, timeZone: 'UTC' });
  switch (unit) {
    case 'day':
      return date({ day: 'numeric', month: 'short', year: 'numeric' });
    case 'week':
      return `week of ${date({ day: 'numeric', month: 'short', year: 'numeric' })}`;
    case 'month':
      return date({ month: 'short', year: 'numeric' });
    case 'year':
      return date({ year: 'numeric' });
  }
}
