/**
 * Vehicles: registrations nobody can hold (the "ZZ" memory tag, never issued) with a make, model,
 * colour and year. The taxis are made by drivers.ts; here are the other suspects' private cars, cars
 * driven by a man who is not the keeper (so the keeper is not the driver), and a few cars seen with a
 * child but never traced to a keeper — built when a sighting first needs one, so none is left unlinked.
 *
 * Needs: vehicleFactory() before the drivers; privateCars() after them (a licensed driver's car is his
 * taxi) and after the phone attribution (a keeper check comes back with the subscriber checks).
 */
import { pad } from './builder.js';
import type { Cast } from './cast.js';
import type { Drivers } from './drivers.js';
import type { Attribution } from './phones.js';
import type { Kit } from './reports.js';
import { CARS, COLOURS } from './words.js';

export interface Vehicles {
  /** A new Vehicle node first registered in `year`; returns its id (veh-001 …). */
  vehicle(year: number, o?: { make?: string; model?: string; colour?: string }): string;
  /** vehicle id → registration, for summaries. */
  vehicleReg: Map<string, string>;
}

export function vehicleFactory({ rng, g }: Kit): Vehicles {
  let vehN = 0;
  const usedRegs = new Set<string>();
  const REG_LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';
  const vehicleReg = new Map<string, string>();
  function vehicle(year: number, o: { make?: string; model?: string; colour?: string } = {}): string {
    const id = `veh-${pad(++vehN, 3)}`;
    let reg: string;
    do {
      // age identifier: March plate = YY, September plate = YY+50 (2001 only had a September plate)
      const ident = year === 2001 || rng.chance(0.5) ? (year % 100) + 50 : year % 100;
      reg = `ZZ${pad(ident, 2)}${Array.from({ length: 3 }, () => rng.pick([...REG_LETTERS])).join('')}`;
    } while (usedRegs.has(reg));
    usedRegs.add(reg);
    const [make, model] = o.make && o.model ? [o.make, o.model] : rng.pick(CARS);
    g.node(id, ['Vehicle'], { reg, make, model, colour: o.colour ?? rng.pick(COLOURS), year });
    vehicleReg.set(id, reg);
    return id;
  }
  return { vehicle, vehicleReg };
}

export interface Cars {
  /** A car seen with a child whose keeper was never traced: one of up to five, reused as sightings go on. */
  untracedCar(): string;
}

export function privateCars({ rng, g, cite }: Kit, { vehicle }: Vehicles, { suspects, clusters }: Cast, { isDriver }: Drivers, { batchReport }: Attribution): Cars {
  // private cars of the other suspects
  for (const s of suspects) {
    if (isDriver(s.id) || rng.chance(0.4)) continue;
    const year = rng.int(1999, 2009) < 2001 ? 2001 : rng.int(2001, 2009);
    const v = vehicle(year);
    s.vehicles.push(v);
    const l = g.link('USES_VEHICLE', s.id, v, { role: 'keeper' });
    cite([batchReport(rng.date('2008-06-01', '2011-01-01'))], [l], [s.id, v]);
  }
  // cars driven by a man who is not the keeper
  for (const cl of clusters) {
    const withCar = cl.filter((s) => s.vehicles.length && !isDriver(s.id));
    for (const s of rng.sample(cl.filter((x) => !x.vehicles.length), 2)) {
      const owner = withCar.length ? rng.pick(withCar) : undefined;
      const v = owner?.vehicles[0];
      if (!v) continue;
      s.vehicles.push(v);
      g.link('USES_VEHICLE', s.id, v, { role: 'usual_driver' });
    }
  }
  // cars seen but never traced to a keeper: built when first seen, so none is left unlinked
  const untraced: string[] = [];
  const untracedCar = (): string => {
    if (untraced.length < 5 && (untraced.length === 0 || rng.chance(0.6))) {
      const v = vehicle(rng.int(2001, 2008));
      untraced.push(v);
      return v;
    }
    return rng.pick(untraced);
  };
  return { untracedCar };
}
