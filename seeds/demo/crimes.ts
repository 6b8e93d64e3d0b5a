/**
 * Crimes. The arrested men's cases: each a crime, part of the operation, with the statement victims of
 * his case (CASES) — the statements also named other men of his network, who were never actioned.
 * And, later in the story, what followed: threatening messages to statement victims after they spoke to
 * police, and damage to family homes after a child was reported missing.
 *
 * Needs: the places, the cast (homes, vehicles, phones), the incident writer. chargeArrested() runs
 * right after the scripted story, threaten() after the licensing events.
 */
import { must } from './builder.js';
import { CASES, CONVICTED, type Cast } from './cast.js';
import type { Incidents } from './incidents.js';
import type { Places } from './places.js';
import type { Kit } from './reports.js';

export function chargeArrested({ rng }: Kit, { hotel, others }: Places, { arrested, clusters, C }: Cast, { incident, who }: Incidents): void {
  for (const s of arrested) {
    const victims = (CASES[s.n] ?? []).map((cn) => C(cn).id);
    // statements also named other men, who were never actioned
    const named = rng.sample(clusters[s.cluster]?.filter((x) => x !== s && !arrested.includes(x)) ?? [], rng.int(1, 3)).map((x) => x.id);
    const date = rng.date('2008-06-01', '2009-12-31');
    const conv = CONVICTED.includes(s.n);
    incident({
      kind: 'crime',
      type: rng.pick(['Sexual activity with a child', 'Child abduction', 'Sexual activity with a child']),
      date,
      summary: `Offences against ${victims.map(who).join(' and ')} alleged in video-recorded statements; ${s.given} ${s.surname} charged.`,
      outcome: conv ? 'Convicted' : 'Acquitted',
      victims,
      parties: [s.id, ...named],
      at: s.home ?? rng.pick([hotel, ...others]),
      partOf: true,
      involved: s.vehicles[0] ? [{ id: s.vehicles[0] }] : [],
      sourceType: 'victim',
      statusPath: ['with_police', 'with_police', 'closed'],
    });
  }
}

export function threaten({ rng }: Kit, { children, parents }: Cast, { incident }: Incidents): void {
  for (let i = 0; i < 4; i++) {
    const c = rng.pick(children.filter((x) => x.chart === 'victim'));
    const s = rng.pick(c.linked);
    const date = rng.date('2009-01-01', '2011-06-30');
    incident({
      kind: 'threat',
      date,
      summary: `${c.pseudonym} received threatening messages after speaking to police.`,
      victims: [c.id],
      parties: [s.id],
      involved: [
        { id: rng.pick(s.phones), role: 'from' },
        { id: c.phone, role: 'to' },
      ],
      partOf: date >= '2010-01-18' && date <= '2011-03-31',
      sourceType: 'victim',
    });
  }
  for (let i = 0; i < 3; i++) {
    const par = rng.pick(parents);
    const c = must(children.find((x) => x.parent === par), 'child');
    const s = rng.pick(c.linked);
    incident({
      kind: 'crime',
      type: rng.pick(['Criminal damage', 'Harassment']),
      date: rng.date('2009-01-01', '2011-06-30'),
      summary: `Windows of a family home damaged after the family reported ${c.pseudonym} missing.`,
      victims: [par.id],
      parties: rng.chance(0.5) ? [s.id] : [],
      at: par.home,
      sourceType: 'parent',
      outcome: 'No suspect identified',
      statusPath: ['with_police', 'closed'],
    });
  }
}
