/** The timeline's counts per period (web/src/chart/timelineBins.ts). */
import { describe, expect, it } from 'vitest';
import { binUnit, histogram, periodLabel, periodStart } from '../../web/src/chart/timelineBins';

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

describe('binUnit', () => {
  it('counts per day over weeks, per week over months, per month over years', () => {
    expect(binUnit(30 * DAY)).toBe('day');
    expect(binUnit(300 * DAY)).toBe('week');
    expect(binUnit(4 * 365 * DAY)).toBe('month');
    expect(binUnit(40 * 365 * DAY)).toBe('year');
  });
});

describe('periodStart', () => {
  it('starts weeks on Monday and months on the first', () => {
    expect(new Date(periodStart(ms('2010-03-14'), 'week')).toISOString().slice(0, 10)).toBe('2010-03-08'); // a Sunday → Monday before
    expect(new Date(periodStart(ms('2010-03-08'), 'week')).toISOString().slice(0, 10)).toBe('2010-03-08');
    expect(new Date(periodStart(ms('2010-03-14'), 'month')).toISOString().slice(0, 10)).toBe('2010-03-01');
  });
});

describe('histogram', () => {
  it('counts every event once in its period, and those in view apart', () => {
    const events = [
      { id: 'a', date: '2009-01-05' },
      { id: 'b', date: '2009-01-30' },
      { id: 'c', date: '2010-06-01' },
      { id: 'd', date: '2011-12-31' },
    ];
    const { unit, bins } = histogram(events, ms('2008-12-20'), ms('2012-01-10'), new Set(['b']));
    expect(unit).toBe('month');
    expect(bins[0]!.start).toBe(ms('2008-12-01'));
    expect(bins.at(-1)!.start).toBe(ms('2012-01-01'));
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(4);
    const jan = bins.find((b) => b.start === ms('2009-01-01'))!;
    expect([jan.count, jan.inView]).toEqual([2, 1]);
    for (const b of bins) expect(b.end).toBeGreaterThan(b.start);
  });

  it('labels periods in words', () => {
    expect(periodLabel(ms('2010-03-01'), 'month')).toBe('Mar 2010');
    expect(periodLabel(ms('2010-03-08'), 'week')).toBe('week of 8 Mar 2010');
  });
});
