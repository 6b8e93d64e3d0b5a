/**
 * Who knows whom, from intelligence on each network: every man knows one or two of the men before him
 * in his network (mostly the hubs), s001 bridges to the hub of every other network, a few other bridges
 * join networks, and drivers for one operator know each other. Children know some other children.
 *
 * What it shows the analyst: a dense network around a few hubs, each link backed by the intelligence
 * reports that state it (one or two per link), so shortest paths and "who links these two" are real.
 *
 * Needs: the cast and which men drive for which operator (drivers.ts).
 */
import { addDays, must } from './builder.js';
import type { Cast, Suspect } from './cast.js';
import type { Drivers } from './drivers.js';
import type { Kit } from './reports.js';

export function knowEachOther({ rng, g, report, cite }: Kit, { clusters, S, suspects, children }: Cast, { driversOf }: Drivers): void {
  // four intelligence reports on each network's associates, from autumn 2008 to autumn 2010
  const intelReps = clusters.map((cl, i) =>
    ['2008-09-15', '2009-06-10', '2010-03-08', '2010-10-21'].map((d) =>
      report({ date: addDays(d, rng.int(0, 40)), sourceType: 'police', summary: `Intelligence on associates of network ${i + 1}.`, mentions: [must(cl[0], 'hub').id] }),
    ),
  );
  /** One KNOWS-type link per pair of men, whichever way it was first stated, cited to the reports that state it. */
  const knows = (type: string, a: Suspect, b: Suspect, reps: string[]) => {
    if (a === b || g.links.some((l) => l.start === b.id && l.end === a.id && l.type.startsWith('KNOWS'))) return;
    const l = g.once(type, a.id, b.id);
    cite(reps, [l], [a.id, b.id]);
  };
  // within a network: each man knows one or two men before him, mostly the hubs (about one in seven through social media, KNOWS_SN)
  clusters.forEach((cl, ci) => {
    const reps = must(intelReps[ci], 'intel');
    cl.forEach((s, i) => {
      if (i === 0) return;
      const hubs = cl.slice(0, Math.min(3, i));
      const k = rng.int(1, i < 3 ? 1 : 2);
      for (const other of rng.sample([...hubs, ...rng.sample(cl.slice(0, i), 2)], k)) {
        const r = [rng.pick(reps)];
        if (rng.chance(0.2)) r.push(rng.pick(reps));
        knows(rng.chance(0.85) ? 'KNOWS' : 'KNOWS_SN', s, other, [...new Set(r)]);
      }
    });
  });
  // bridges between networks: s001 knows a hub of every other network
  for (const cl of clusters.slice(1)) knows('KNOWS', S(1), must(cl[0], 'hub'), [must(intelReps[0]?.[2], 'intel')]);
  for (let i = 0; i < 8; i++) {
    const [a, b] = rng.sample(clusters, 2).map((cl) => rng.pick(cl));
    if (a && b) knows('KNOWS', a, b, [rng.pick(must(intelReps[a.cluster], 'intel'))]);
  }
  // drivers who work together know each other
  for (const [, ids] of driversOf) {
    const ss = ids.map((id) => suspects.find((s) => s.id === id)).filter((s): s is Suspect => !!s);
    for (let i = 1; i < ss.length; i += 2) knows('KNOWS', must(ss[i], 'driver'), must(ss[i - 1], 'driver'), [rng.pick(must(intelReps[must(ss[i], 'd').cluster], 'intel'))]);
  }
  // children who are friends
  for (const c of children) {
    for (const f of rng.sample(children.filter((x) => x !== c), rng.int(0, 2))) {
      if (!g.links.some((l) => l.type === 'KNOWS' && l.start === f.id && l.end === c.id)) g.once('KNOWS', c.id, f.id);
    }
  }
}
