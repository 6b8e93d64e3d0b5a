/**
 * Child abduction warning notices: twelve served on men to keep them away from a named child. The
 * first is the scripted one — served on s001 at Kelsall Grill in June 2009 to protect YP05, naming
 * the park — and it is where YP01, 14, is found five months later (tazStory.ts). Licensing was told of
 * two notices in all, both in 2011: for most, including the one on a licensed taxi driver, the
 * licensing officer never knew.
 *
 * Needs: the places, the cast (homes, the children each man is linked to), which men are drivers.
 */
import { addDays, pad } from './builder.js';
import { DEMO_IDS, type Cast, type Child, type Suspect } from './cast.js';
import type { Drivers } from './drivers.js';
import { placeAt } from './incidents.js';
import type { Places } from './places.js';
import type { Kit } from './reports.js';

export function serveNotices({ rng, g, report, cite }: Kit, { park, hotel, takeaways, scenarioTakeaway, locName }: Places, { S, C, children }: Cast, { isDriver }: Drivers): void {
  const s1 = S(1);
  let ntcN = 0;
  function notice(o: { subject: Suspect; child: Child; servedOn: string; at: string; names: string; notified: string | null }): string {
    const id = `ntc-${pad(++ntcN, 3)}`;
    const node = g.node(id, ['Notice'], { kind: 'child_abduction', servedOn: o.servedOn, licensingNotifiedOn: o.notified });
    const rep = report({
      date: o.servedOn,
      sourceType: 'police',
      grade: 1,
      intel: 'A',
      summary: `Child abduction warning notice served on ${o.subject.given} ${o.subject.surname} at ${locName.get(o.at)} in respect of ${o.child.pseudonym}.`,
      mentions: [id, o.subject.id, o.child.id],
    });
    cite([rep], [
      node,
      g.link('SERVED_ON', id, o.subject.id),
      g.link('PROTECTS', id, o.child.id),
      g.link('SERVED_AT', id, o.at),
      g.link('NAMES_PLACE', id, o.names),
    ]);
    return id;
  }
  // the scripted notice: s001 at Kelsall Grill, protecting YP05, naming the park (ntc-001)
  if (notice({ subject: s1, child: C(5), servedOn: '2009-06-18', at: scenarioTakeaway, names: park, notified: null }) !== DEMO_IDS.noticeAtTakeaway)
    throw new Error('demo generator: scenario ids moved');
  // eleven more, each on a man a child's stories name, protecting that child and naming where she lived
  const noticePairs: [Suspect, Child][] = [];
  for (const c of rng.shuffle(children)) {
    if (noticePairs.length >= 11) break;
    const s = rng.pick(c.linked);
    if (!noticePairs.some(([x, y]) => x === s && y === c)) noticePairs.push([s, c]);
  }
  noticePairs.forEach(([s, c], i) => {
    const servedOn = rng.date('2008-03-01', '2011-06-30');
    notice({
      subject: s,
      child: c,
      servedOn,
      at: rng.pick([s.home ?? park, rng.pick(takeaways), park, hotel]),
      names: placeAt(c, servedOn) ?? park,
      // licensing was told of two notices in all, both in 2011
      notified: i < 2 && isDriver(s.id) ? rng.date('2011-04-01', '2011-09-30') : i < 2 ? addDays(servedOn, 120) : null,
    });
  });
}
