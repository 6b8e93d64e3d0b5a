/**
 * Meetings: strategy meetings about a child (five for YP01, between 2009 and 2011; two or three for
 * each statement victim; fewer for the others), each raising her most recent incidents; and quarterly
 * responsible-authorities meetings on licensed vehicles and premises, where concerns and complaints
 * naming taxi operators come back meeting after meeting, unresolved (each raised at most twice), and
 * a few of the suspects those incidents name are discussed.
 *
 * What it shows: the operator-risk question — the same operators named again and again at the
 * responsible-authorities meetings, while the notices on their drivers never reached licensing.
 *
 * Needs: the cast (children) and every incident written before (so it runs last).
 */
import { addDays, pad } from './builder.js';
import type { Cast, Child } from './cast.js';
import type { IncidentRecord } from './incidents.js';
import type { Kit } from './reports.js';

export function holdMeetings({ rng, g }: Kit, { C, children }: Cast, incidents: readonly IncidentRecord[]): void {
  let mtgN = 0;
  // the plan: YP01's five strategy meetings, the other children's, and one responsible-authorities meeting a quarter
  const meetingPlan: { date: string; kind: 'strategy' | 'responsible_authority'; child?: Child }[] = [];
  for (const d of ['2009-03-11', '2009-12-02', '2010-02-10', '2010-06-23', '2011-01-19']) meetingPlan.push({ date: d, kind: 'strategy', child: C(1) });
  for (const c of children.slice(1)) {
    const k = c.chart === 'victim' ? rng.int(2, 3) : c.chart ? rng.int(1, 2) : rng.int(0, 1);
    for (let i = 0; i < k; i++) meetingPlan.push({ date: rng.date('2008-06-01', '2011-10-31'), kind: 'strategy', child: c });
  }
  for (let q = 0; q < 12; q++) meetingPlan.push({ date: addDays('2008-09-10', q * 91 + rng.int(0, 10)), kind: 'responsible_authority' });
  // held in date order, so the ids follow the calendar
  meetingPlan.sort((a, b) => (a.date === b.date ? (a.child?.n ?? 0) - (b.child?.n ?? 0) : a.date < b.date ? -1 : 1));
  const raisedCount = new Map<string, number>();
  for (const m of meetingPlan) {
    const id = `mtg-${pad(++mtgN, 3)}`;
    g.node(id, ['Meeting'], {
      kind: m.kind,
      date: m.date,
      title: m.child ? `Strategy meeting: ${m.child.pseudonym}` : 'Responsible authorities meeting: licensed vehicles and premises',
    });
    if (m.child) {
      g.link('DISCUSSED_AT', m.child.id, id);
      // a strategy meeting raises the child's latest incidents of the ten months before it
      const recent = incidents.filter((x) => x.victims.includes(m.child?.id ?? '') && x.date < m.date && x.date > addDays(m.date, -300));
      for (const x of recent.slice(-4)) g.link('RAISED_AT', x.id, id);
    } else {
      // concerns and complaints naming operators come back meeting after meeting, unresolved
      const named = incidents.filter((x) => x.operators.length && x.date < m.date && x.date > addDays(m.date, -365) && (raisedCount.get(x.id) ?? 0) < 2);
      // a quiet quarter still gets a general update on the latest incidents
      if (!named.length) named.push(...incidents.filter((x) => x.date < m.date).slice(-2));
      const discussed = new Set<string>();
      for (const x of named) {
        g.link('RAISED_AT', x.id, id);
        raisedCount.set(x.id, (raisedCount.get(x.id) ?? 0) + 1);
        for (const p of x.parties) if (p.startsWith('per-s') && rng.chance(0.15)) discussed.add(p);
      }
      for (const p of discussed) g.link('DISCUSSED_AT', p, id);
    }
  }
}
