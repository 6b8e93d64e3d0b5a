/**
 * What licensing saw: twenty complaints about drivers (free rides to school-age girls, parked outside a
 * children's home …), owned by Licensing and mostly closed with no further action or words of advice,
 * some naming a child who is on the chart; and the licensing events themselves — Dunmere Cars' operator
 * licence revoked, the successor's granted, and the driver licences revoked or suspended after the
 * arrests. Complaints naming operators come back at responsible-authority meetings (meetings.ts).
 *
 * Needs: the places, the cast, the drivers' plans, licences and taxis, the operators, the vehicles,
 * the incident writer.
 */
import { maxDate, minDate, must } from './builder.js';
import { PHOENIX_GRANTED, REVOKED_ON, type Cast, type Suspect } from './cast.js';
import type { Drivers } from './drivers.js';
import type { Incidents } from './incidents.js';
import { linkedChildren } from './operation.js';
import type { Operators } from './operators.js';
import type { Places } from './places.js';
import type { Kit } from './reports.js';
import type { Vehicles } from './vehicles.js';

const COMPLAINTS = [
  'driver offering free rides to girls of school age',
  'driver seen with young girls in the front seat late at night',
  'driver parked outside a children’s home for long periods',
  'driver gave a passenger’s 13-year-old his mobile number',
  'driver refused to take a girl home and drove elsewhere',
];

export function complainToLicensing(
  { rng }: Kit,
  { takeaways, units, schools, park }: Places,
  { S, D, children }: Cast,
  { plans, driverTaxi, driverLicence }: Drivers,
  { operators }: Operators,
  { vehicleReg }: Vehicles,
  { incident }: Incidents,
): void {
  const s1 = S(1);
  const complaintDrivers = [s1, s1, S(3), S(11), S(15), S(18), S(26), S(26), S(17), S(33), S(36), S(7), S(41), D(4), D(6), D(9), S(52), S(24), S(29), S(47)];
  for (const d of complaintDrivers) {
    const spells = plans.find((x) => x.who === d)?.spells ?? [];
    const sp = rng.pick(spells);
    const date = rng.date(maxDate(sp.from, '2008-01-15'), minDate(sp.to ?? '2011-10-31', '2011-10-31'));
    const taxi = must(driverTaxi.get(d.id), 'taxi');
    const withChild = rng.chance(0.4) && 'n' in d ? linkedChildren(children, d as Suspect)[0] : undefined;
    const o = must(operators.find((x) => x.id === sp.opr), 'op');
    incident({
      kind: 'complaint',
      date,
      summary: `Complaint about ${o.tradingName} vehicle ${vehicleReg.get(taxi)}: ${rng.pick(COMPLAINTS)}.`,
      parties: [d.id],
      victims: withChild ? [withChild.id] : [],
      involved: [{ id: must(driverLicence.get(d.id), 'lic') }, { id: taxi }, { id: sp.opr }],
      at: rng.chance(0.5) ? rng.pick([...takeaways, ...units, ...schools, park]) : undefined,
      sourceType: rng.pick(['public', 'parent', 'school'] as const),
      owner: 'Licensing',
      outcome: rng.pick(['No further action', 'Words of advice', 'No further action', 'Referred to operator']),
    });
  }
}

/** Licensing decisions as incidents: the revocation, the successor's grant, and the driver licences ended after the arrests. */
export function licensingEvents({ revokedHolder, r01 }: Cast, { plans, driverLicence }: Drivers, { incident }: Incidents): void {
  const decisions: { date: string; summary: string; involved: string[]; party: string; outcome: string }[] = [
    {
      date: REVOKED_ON,
      summary: 'Operator licence of Dunmere Private Hire Ltd revoked: records not kept, unlicensed drivers dispatched.',
      involved: ['lic-op-3', 'opr-3'],
      party: revokedHolder.id,
      outcome: 'Revoked',
    },
    {
      date: PHOENIX_GRANTED,
      summary: 'Operator licence granted to DMR Travel Ltd (trading as Dunmere Express).',
      involved: ['lic-op-6', 'opr-6'],
      party: r01.id,
      outcome: 'Granted',
    },
  ];
  for (const { who, status } of plans) {
    if (!status || status.status === 'expired') continue; // an expired licence is no decision
    decisions.push({
      date: status.endedOn,
      summary: `Private-hire driver licence of ${who.given} ${who.surname} ${status.status}.`,
      involved: [must(driverLicence.get(who.id), 'lic')],
      party: who.id,
      outcome: status.status === 'revoked' ? 'Revoked' : 'Suspended',
    });
  }
  for (const d of decisions) {
    incident({ kind: 'licence_event', date: d.date, summary: d.summary, involved: d.involved.map((id) => ({ id })), parties: [d.party], sourceType: 'licensing', outcome: d.outcome, statusPath: ['closed'] });
  }
}
