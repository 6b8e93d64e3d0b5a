/**
 * Licensed drivers and their taxis. Each driver's plan gives the operators he drove for and when; from
 * it come his driver licence (with the phone he gave on the application — for s001, the number the
 * children saved as "Taz"), his DRIVES_FOR spells, and his taxi, licensed as a private-hire vehicle and
 * OPERATED_BY the same operators. Three men borrow another driver's taxi (double-shifting).
 *
 * The story for the licensing officer: when Dunmere Cars (opr-3) is revoked, its drivers and their
 * cars move to the successor (opr-6) within weeks; two suspects' licences are revoked and one
 * suspended after the arrests.
 *
 * Needs: the cast (with phones), the operators' register extracts, the vehicle factory.
 */
import { addDays, maxDate, must, pad } from './builder.js';
import { PHOENIX_GRANTED, REVOKED_ON, type Adult, type Cast, type Suspect } from './cast.js';
import type { Operators } from './operators.js';
import type { Kit } from './reports.js';
import type { Vehicles } from './vehicles.js';

/** A span of driving for one operator. */
export interface Spell {
  opr: string;
  from: string;
  to?: string;
}
export interface DriverPlan {
  who: Adult | Suspect;
  spells: Spell[];
  /** How the driver licence ended, if it did. */
  status?: { status: string; endedOn: string };
}

export interface Drivers {
  plans: DriverPlan[];
  /** person id → driver licence id */
  driverLicence: Map<string, string>;
  /** person id → his taxi (a Vehicle id) */
  driverTaxi: Map<string, string>;
  /** operator id → the ids of the people who drove for it, in plan order */
  driversOf: Map<string, string[]>;
  isDriver(id: string): boolean;
  /** The operator a driver drove for on a date. */
  operatorAt(driverId: string, date: string): string | undefined;
}

function driverPlans({ S, D }: Cast): DriverPlan[] {
  const plans: DriverPlan[] = [];
  const spell = (opr: string, from: string, to?: string): Spell => ({ opr, from, to });
  const before = REVOKED_ON;
  /** Days after the successor's licence: how soon each man moved across. */
  const after = (d: number) => addDays(PHOENIX_GRANTED, d);
  const p = (who: Adult | Suspect, spells: Spell[], status?: DriverPlan['status']) => plans.push({ who, spells, status });
  // Dunmere Cars' drivers, most of whom move to its successor within weeks of the revocation
  p(S(1), [spell('opr-3', '2006-04-03', before), spell('opr-6', after(4))]);
  p(S(3), [spell('opr-3', '2007-02-12', '2010-06-01')], { status: 'revoked', endedOn: '2010-12-06' });
  p(S(11), [spell('opr-3', '2007-01-08', before), spell('opr-6', after(0))]);
  p(S(15), [spell('opr-3', '2008-05-19', before), spell('opr-6', after(11))]);
  p(S(18), [spell('opr-3', '2006-10-30', before), spell('opr-6', after(18))]);
  p(S(26), [spell('opr-3', '2009-01-05', before), spell('opr-1', '2010-04-12')], { status: 'suspended', endedOn: '2011-02-14' });
  p(D(4), [spell('opr-3', '2008-08-11', before), spell('opr-6', after(7))]);
  p(D(5), [spell('opr-3', '2007-03-26', before), spell('opr-2', '2010-04-06')]);
  // men who join the successor fresh
  p(S(52), [spell('opr-6', after(30))]);
  p(S(58), [spell('opr-6', after(45))]);
  p(D(11), [spell('opr-6', after(60))]);
  p(D(12), [spell('opr-6', after(90))]);
  // the other operators' drivers: suspects among them, s017 the other "Taz"
  p(S(17), [spell('opr-1', '2005-07-04')]);
  p(S(21), [spell('opr-1', '2007-09-17')]);
  p(S(24), [spell('opr-1', '2008-02-25')]);
  p(D(1), [spell('opr-1', '2004-11-08')]);
  p(D(2), [spell('opr-1', '2006-01-16', '2009-05-31')], { status: 'expired', endedOn: '2009-05-31' });
  p(D(3), [spell('opr-1', '2009-10-12')]);
  p(S(6), [spell('opr-2', '2004-02-09')]);
  p(S(29), [spell('opr-2', '2006-06-19')]);
  p(S(33), [spell('opr-2', '2008-03-03')]);
  p(S(36), [spell('opr-5', '2007-12-10')]);
  p(D(6), [spell('opr-2', '2005-05-23')]);
  p(D(7), [spell('opr-5', '2009-08-24')]);
  p(S(7), [spell('opr-4', '2007-04-30', '2010-05-10')], { status: 'revoked', endedOn: '2010-12-13' });
  p(S(41), [spell('opr-4', '2008-09-08')]);
  p(S(47), [spell('opr-4', '2009-02-16')]);
  p(D(8), [spell('opr-4', '2006-12-04')]);
  p(D(9), [spell('opr-4', '2008-01-21')]);
  p(D(10), [spell('opr-5', '2010-06-28')]);
  return plans;
}

export function licenseDrivers({ rng, g, cite }: Kit, cast: Cast, { operatorReg }: Operators, { vehicle }: Vehicles): Drivers {
  const { S, D } = cast;
  const plans = driverPlans(cast);
  let licDrN = 0;
  let licVehN = 0;
  const driverLicence = new Map<string, string>();
  const driverTaxi = new Map<string, string>();
  const driversOf = new Map<string, string[]>();
  /** His driver licence, the phone on its application, and his spells with each operator; returns the register extract. */
  function licenseDriver(plan: DriverPlan): string {
    const who = plan.who;
    const first = must(plan.spells[0], 'spell');
    const lic = `lic-dr-${pad(++licDrN, 3)}`;
    const granted = addDays(first.from, -rng.int(10, 60));
    g.node(lic, ['Licence'], {
      kind: 'driver',
      number: `PHD/${granted.slice(0, 4)}/${pad(rng.int(100, 999), 4)}`,
      status: plan.status?.status ?? 'active',
      grantedOn: granted,
      endedOn: plan.status?.endedOn,
    });
    driverLicence.set(who.id, lic);
    const reg = must(operatorReg.get(first.opr), 'reg');
    cite([reg], [g.link('HOLDS', who.id, lic, { from: granted, to: plan.status?.endedOn })], [who.id]);
    // the phone given on the licence application: for s001, the number children saved as "Taz"
    const contact = must(who.phones[0], 'driver phone');
    cite([reg], [g.link('CONTACT_PHONE', lic, contact)], [contact]);
    for (const sp of plan.spells) {
      const r = must(operatorReg.get(sp.opr), 'reg');
      cite([r], [g.link('DRIVES_FOR', who.id, sp.opr, { from: sp.from, to: sp.to })], [who.id]);
      driversOf.set(sp.opr, [...(driversOf.get(sp.opr) ?? []), who.id]);
    }
    return reg;
  }

  /** His taxi: usually his own, licensed as a private-hire vehicle, operated by whichever operator he drives for. */
  function licenseTaxi(plan: DriverPlan, reg: string): void {
    const who = plan.who;
    const first = must(plan.spells[0], 'spell');
    const isS1 = who.id === 'per-s001';
    const year = isS1 ? 2008 : rng.int(2001, 2009);
    const v = isS1 ? vehicle(2008, { make: 'Toyota', model: 'Prius', colour: 'Silver' }) : vehicle(year, rng.chance(0.5) ? { make: 'Toyota', model: 'Prius' } : {});
    who.vehicles.push(v);
    driverTaxi.set(who.id, v);
    const keeperLink = g.link('USES_VEHICLE', who.id, v, { role: rng.chance(0.8) || isS1 ? 'keeper' : 'usual_driver', from: maxDate(first.from, `${year}-03-01`) });
    cite([reg], [keeperLink]);
    if (keeperLink.props.role === 'keeper') g.link('USES_VEHICLE', who.id, v, { role: 'usual_driver', from: keeperLink.props.from as string });
    const vl = `lic-veh-${pad(++licVehN, 3)}`;
    const vGranted = maxDate(first.from, `${year}-03-01`);
    g.node(vl, ['Licence'], {
      kind: 'vehicle',
      number: `PHV/${vGranted.slice(0, 4)}/${pad(rng.int(100, 999), 4)}`,
      status: plan.status ? (plan.status.status === 'expired' ? 'expired' : 'surrendered') : 'active',
      grantedOn: vGranted,
      endedOn: plan.status?.endedOn,
    });
    cite([reg], [g.link('HOLDS', v, vl, { from: vGranted, to: plan.status?.endedOn })]);
    for (const sp of plan.spells) {
      const from = maxDate(sp.from, vGranted);
      const to = sp.to ?? plan.status?.endedOn;
      cite([must(operatorReg.get(sp.opr), 'reg')], [g.link('OPERATED_BY', v, sp.opr, { from, to })]);
    }
  }

  for (const plan of plans) licenseTaxi(plan, licenseDriver(plan));
  // some men borrow a second driver's taxi (double-shifting)
  for (const [a, b] of [[S(15), S(18)], [S(21), D(1)], [S(33), S(36)]] as const) {
    const v = must(driverTaxi.get(b.id), 'taxi');
    g.link('USES_VEHICLE', a.id, v, { role: 'usual_driver' });
    a.vehicles.push(v);
  }
  const isDriver = (id: string) => driverLicence.has(id);
  const operatorAt = (driverId: string, date: string): string | undefined =>
    plans.find((x) => x.who.id === driverId)?.spells.find((sp) => sp.from <= date && (!sp.to || sp.to >= date))?.opr;
  return { plans, driverLicence, driverTaxi, driversOf, isDriver, operatorAt };
}
