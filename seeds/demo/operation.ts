/**
 * The operation: Operation Central (2010-01-18 to 2011-03-31) and its association chart, the analyst's
 * product that puts 80 suspects and 16 children on it — eight men arrested (five convicted with their
 * sentences, three acquitted), everyone else identified and never actioned.
 *
 * Then which suspects each child's stories name: the statement victims' cases, s001 ("Taz") for seven
 * children, and a few men from one network for every child. Later parts draw from these links for
 * handset contacts, sightings, concerns and notices, so every story involves men the child knows.
 *
 * Needs: the cast (suspects, children).
 */
import { must } from './builder.js';
import { ACQUITTED, CASES, CONVICTED, S001_CHILDREN, SENTENCES, type Cast, type Child, type Suspect } from './cast.js';
import type { Kit } from './reports.js';

/** The children whose stories name a suspect. */
export const linkedChildren = (children: Child[], s: Suspect): Child[] => children.filter((c) => c.linked.includes(s));

/** The operation and its chart: every suspect with his disposition, and the charted children. */
export function chartOperation({ rng, g, report, cite }: Kit, { suspects, children }: Cast): void {
  g.node('op-central', ['Operation'], { name: 'Operation Central', startedOn: '2010-01-18', endedOn: '2011-03-31' });
  const chartRep = report({
    date: '2010-09-30',
    sourceType: 'police',
    owner: 'Police',
    grade: 1,
    intel: 'B',
    handling: 'C',
    summary: 'Operation Central association chart (analyst product): suspects and children identified from intelligence, statements and handset downloads.',
    mentions: ['op-central'],
  });
  for (const s of suspects) {
    const conv = CONVICTED.includes(s.n);
    const acq = ACQUITTED.includes(s.n);
    const l = g.link('ON_CHART', s.id, 'op-central', {
      role: 'suspect',
      disposition: conv ? 'convicted' : acq ? 'acquitted' : 'identified',
      dispositionOn: conv ? rng.date('2010-11-01', '2010-11-30') : acq ? rng.date('2010-10-18', '2010-11-05') : undefined,
      sentenceYears: conv ? SENTENCES[s.n] : undefined,
    });
    cite([chartRep], [l]);
  }
  for (const c of children) {
    if (!c.chart) continue;
    const l = g.link('ON_CHART', c.id, 'op-central', { role: c.chart, statement: c.chart === 'victim' ? true : undefined });
    cite([chartRep], [l]);
  }
}

/**
 * Which men each child's stories name: the men whose cases her statement concerned, s001 for seven
 * children, then one or two hubs and a few others from one network (more for a child on the chart),
 * now and then a man from anywhere, and the men YP01's and the other "Taz"'s stories need.
 */
export function linkChildrenToSuspects({ rng }: Kit, { suspects, children, clusters, S, C }: Cast): void {
  for (const [sn, cns] of Object.entries(CASES)) for (const cn of cns) C(cn).linked.push(S(Number(sn)));
  for (const cn of S001_CHILDREN) C(cn).linked.unshift(S(1));
  for (const c of children) {
    const cl = must(clusters[rng.int(0, 4)], 'cluster');
    const hubs = cl.slice(0, 3).filter((s) => s.n !== 1);
    const want = [...rng.sample(hubs, rng.int(1, 2)), ...rng.sample(cl.slice(3), rng.int(1, c.chart ? 4 : 2))];
    if (rng.chance(0.3)) want.push(rng.pick(suspects.slice(1)));
    if (c.n === 1) want.push(S(9), S(5), S(23));
    if (c.n === 11 || c.n === 14) want.push(S(17)); // the other "Taz"
    for (const s of want) if (!c.linked.includes(s)) c.linked.push(s);
  }
}
