/**
 * The pattern behind a CONTACTED link: calls per day and per hour of the day between two phones,
 * either way, from the PhoneCall records. Through the access layer: a phone the caller may not see
 * (a protected subject, a record only withheld reports support) answers as an unknown one (null),
 * and calls only withheld reports give are not counted.
 */
import { cypherFile, type Database, type PlainNode } from '../../db/database.js';
import type { Viewer } from '../../access/viewer.js';

export async function callPattern(db: Database, viewer: Viewer, a: string, b: string) {
  const [sa, sb] = [viewer.storedId(a), viewer.storedId(b)];
  if (viewer.mayNotUse(sa) || viewer.mayNotUse(sb) || sa === sb) return null;
  const phones = await db.read('MATCH (n:Phone) WHERE n.id IN $ids RETURN n', { ids: [sa, sb] });
  if (phones.length !== 2 || phones.some((r) => !viewer.canRead(r.n as PlainNode))) return null;
  const rows = await db.read(cypherFile(import.meta.url, 'callPattern.cypher'), { a: sa, b: sb, withheld: viewer.withheldReportIds() });
  const perDay = new Map<string, { day: string; calls: number; seconds: number }>();
  const perHour = new Map<number, number>();
  let calls = 0;
  let fromA = 0;
  let seconds = 0;
  for (const r of rows) {
    const n = Number(r.calls);
    calls += n;
    fromA += Number(r.fromA);
    seconds += Number(r.seconds);
    if (typeof r.day === 'string') {
      const d = perDay.get(r.day) ?? perDay.set(r.day, { day: r.day, calls: 0, seconds: 0 }).get(r.day)!;
      d.calls += n;
      d.seconds += Number(r.seconds);
    }
    if (typeof r.hour === 'number' && r.hour >= 0 && r.hour < 24) perHour.set(r.hour, (perHour.get(r.hour) ?? 0) + n);
  }
  const days = [...perDay.values()].sort((x, y) => x.day.localeCompare(y.day));
  return {
    a: viewer.publicId(sa),
    b: viewer.publicId(sb),
    calls,
    callsFromA: fromA,
    totalSeconds: seconds,
    firstOn: days[0]?.day ?? null,
    lastOn: days[days.length - 1]?.day ?? null,
    perDay: days,
    perHour: Array.from({ length: 24 }, (_, hour) => ({ hour, calls: perHour.get(hour) ?? 0 })),
  };
}
