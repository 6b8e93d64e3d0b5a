/**
 * Each child's own chronology, as a strategy meeting would read it: episodes missing from home or
 * placement (found at the park, a takeaway, the hotel, a man's home …, often with one or two of the men
 * she is linked to, with or without a return interview), concerns raised by youth workers, schools and
 * parents (older men, alcohol and phone credit; for a taxi driver, "repeatedly picked up by … taxis"
 * with the operator he drove for that day), and sightings getting into cars. The statement victims have
 * the most; children not on the chart have few, but still a youth-work report naming a man.
 *
 * What it shows the analyst: the pattern before the operation, and the taxis and operators in it.
 *
 * Needs: the places, the cast, the drivers and their taxis, the operators, the vehicles, the incident writer.
 */
import { addDays, must } from './builder.js';
import type { Cast, Child, Suspect } from './cast.js';
import type { Drivers } from './drivers.js';
import { placeAt, type Incidents, type Involved } from './incidents.js';
import type { Operators } from './operators.js';
import type { Places } from './places.js';
import { youthWorkReport, type Kit } from './reports.js';
import type { Cars, Vehicles } from './vehicles.js';

export function childChronologies(
  kit: Kit,
  places: Places,
  { children }: Cast,
  { isDriver, operatorAt, driverTaxi }: Drivers,
  { operators }: Operators,
  { vehicleReg }: Vehicles,
  { untracedCar }: Cars,
  { incident, inOp }: Incidents,
): void {
  const { rng, g, cite } = kit;
  const { park, rec, takeaways, hotel, shops, others, offices, scenarioTakeaway, locName } = places;
  const foundPlaces = (c: Child, parties: Suspect[]): string[] => [
    park, park, ...takeaways, hotel, ...shops, ...others, ...offices.slice(0, 2),
    ...parties.map((p) => p.home).filter((h): h is string => !!h),
    ...(c.n === 1 ? [scenarioTakeaway] : []),
  ];

  /** Missing from home or placement, found somewhere with none, one or two of the men she knows. */
  function missing(c: Child, date: string): void {
    const parties = rng.sample(c.linked, rng.int(0, 2));
    const at = rng.pick(foundPlaces(c, parties));
    const fromPlacement = !!(c.placement && c.placement.from <= date);
    const parties_ = parties.map((p) => p.id);
    const ri = rng.chance(0.55) ? addDays(date, rng.int(2, 10)) : null;
    const end = addDays(date, rng.int(0, 3));
    incident({
      kind: 'missing',
      date,
      endDate: end,
      returnInterviewOn: ri,
      summary: `${c.pseudonym} missing from ${fromPlacement ? 'placement' : 'home'}; found at ${locName.get(at) ?? 'an address'}${parties.length ? ` with ${parties.length === 1 ? 'an adult male' : 'two adult males'}` : ''}.`,
      victims: [c.id],
      parties: parties_,
      at,
      involved: parties[0] && parties[0].vehicles[0] && rng.chance(0.3) ? [{ id: parties[0].vehicles[0] }] : [],
      partOf: inOp(date, parties_),
      sourceType: fromPlacement ? 'partner' : 'parent',
    });
  }

  /** Older men, alcohol and phone credit; with a taxi driver among them, the operator's taxis picking her up. */
  function concern(c: Child, date: string): void {
    const parties = rng.sample(c.linked, rng.int(1, 2));
    const drv = parties.find((p) => isDriver(p.id));
    const involved: Involved[] = [];
    let summary = `${c.pseudonym} reported to be spending time with older men (${parties.map((p) => `"${rng.pick(p.nicks)}"`).join(', ')}); given alcohol and phone credit.`;
    if (drv) {
      const opr = operatorAt(drv.id, date);
      const taxi = driverTaxi.get(drv.id);
      if (taxi) involved.push({ id: taxi });
      if (opr && rng.chance(0.8)) {
        involved.push({ id: opr });
        const o = must(operators.find((x) => x.id === opr), 'operator');
        summary = `${c.pseudonym} repeatedly picked up by ${o.tradingName} taxis from near ${c.placement && c.placement.from <= date ? `${c.sex === 'F' ? 'her' : 'his'} placement` : 'home'} late at night; driver known as "${rng.pick(drv.nicks)}".`;
      }
    } else if (parties[0]?.vehicles[0] && rng.chance(0.4)) involved.push({ id: parties[0].vehicles[0] });
    const parties_ = parties.map((p) => p.id);
    incident({
      kind: 'concern',
      date,
      summary,
      victims: [c.id],
      parties: parties_,
      at: rng.chance(0.7) ? rng.pick([park, ...takeaways, ...shops, hotel, placeAt(c, date) ?? park]) : undefined,
      involved,
      partOf: inOp(date, parties_),
      sourceType: rng.pick(['youth_worker', 'youth_worker', 'school', 'partner', 'parent'] as const),
    });
  }

  /** Seen with one or two men, getting into a car (one of theirs, or one never traced); she is then seen_in it. */
  function sighting(c: Child, date: string): void {
    const parties = rng.sample(c.linked, rng.int(1, 2));
    const car = parties.find((p) => p.vehicles.length)?.vehicles[0] ?? (rng.chance(0.3) ? untracedCar() : undefined);
    const at = rng.pick([park, park, rec, ...takeaways, hotel, ...others]);
    const parties_ = parties.map((p) => p.id);
    const inc = incident({
      kind: 'sighting',
      date,
      summary: `${c.pseudonym} seen at ${locName.get(at)} with ${parties.length} adult male(s)${car ? `, got into ${vehicleReg.get(car)}` : ''}.`,
      victims: [c.id],
      parties: parties_,
      at,
      involved: car ? [{ id: car }] : [],
      partOf: inOp(date, parties_),
      sourceType: rng.pick(['youth_worker', 'public', 'police'] as const),
    });
    if (car) {
      const seen = g.once('USES_VEHICLE', c.id, car, { role: 'seen_in', from: date });
      cite((g.get(inc).props.sources as string[]) ?? [], [seen], [car]);
    }
  }

  for (const c of children) {
    const [from, to] = c.n === 1 ? ['2008-09-01', '2011-06-30'] : ['2008-01-15', '2011-09-30'];
    // YP01's counts are fixed for the walkthrough; statement victims have the most, children not on the chart the fewest
    const nMissing = c.n === 1 ? 4 : c.chart === 'victim' ? rng.int(3, 5) : c.chart ? rng.int(1, 4) : rng.int(0, 2);
    const nConcern = c.n === 1 ? 3 : c.chart === 'victim' ? rng.int(2, 3) : c.chart ? rng.int(1, 2) : 1;
    const nSighting = c.n === 1 ? 2 : c.chart ? rng.int(1, 2) : rng.int(0, 1);
    for (let i = 0; i < nMissing; i++) missing(c, rng.date(from, to));
    for (let i = 0; i < nConcern; i++) concern(c, rng.date(from, to));
    for (let i = 0; i < nSighting; i++) sighting(c, rng.date(from, to));
  }
  // children not yet on anyone's chart (and YP01) talk to youth workers about a man they know through social media
  for (const c of children.filter((x) => !x.chart || x.n === 1)) {
    const s = c.linked[0];
    if (s) {
      const rep = youthWorkReport(kit, c, `talks about "${rng.pick(s.nicks)}" who has a car and buys ${c.sex === 'F' ? 'her' : 'him'} things.`, [s.id]);
      cite([rep], [g.once('KNOWS_SN', c.id, s.id)]);
    }
  }
}
