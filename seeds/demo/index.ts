/**
 * Synthetic demo dataset: an invented operation chart at the scale of the Rotherham "Operation Central"
 * case (about 80 suspects, 5 convicted, 3 acquitted, everyone else never actioned), 2008–2011.
 *
 * Everything is invented (DESIGN.md §7): names come from small made-up lists, phone numbers only from
 * Ofcom's drama ranges, registrations start "ZZ" (a memory tag never issued), and postcodes use an
 * inward code with letters Royal Mail never issues in that position (C I K M O V), so none can be real.
 *
 * Deterministic: every random choice comes from one seeded generator and the parts below run in a fixed
 * order, so the same seed always gives the same dataset (ids included) and loading it twice MERGEs onto
 * itself. The order is part of the output: moving a step, or a draw within one, changes the dataset
 * (test/unit/demoParts.test.ts pins it).
 */
import type { Dataset } from '../dataset.js';
import { knowEachOther } from './associates.js';
import type { Cast } from './cast.js';
import { castChildren } from './children.js';
import { childChronologies } from './chronology.js';
import { chargeArrested, threaten } from './crimes.js';
import { licenseDrivers } from './drivers.js';
import { attributeTazNumbers, downloadHandsets } from './handsets.js';
import { settleHomes } from './homes.js';
import { incidentWriter } from './incidents.js';
import { complainToLicensing, licensingEvents } from './licensing.js';
import { holdMeetings } from './meetings.js';
import { Names } from './names.js';
import { serveNotices } from './notices.js';
import { chartOperation, linkChildrenToSuspects } from './operation.js';
import { licenseOperators } from './operators.js';
import { castPeople } from './people.js';
import { attributePhones, numbers } from './phones.js';
import { buildPlaces } from './places.js';
import { makeKit } from './reports.js';
import { castSuspects } from './suspects.js';
import { restrictAndContest } from './restrictions.js';
import { recordSchoolAndHealth } from './childIndicators.js';
import { tellTazStory } from './tazStory.js';
import { licensingDecisionsOnRecord } from './licensingDecisions.js';
import { privateCars, vehicleFactory } from './vehicles.js';

export { ageOn } from './builder.js';
export { DEMO_IDS } from './cast.js';

export function generateDemo(seed = 'operation-central'): Dataset {
  const kit = makeKit(seed);

  // the setting: the town's places and the pool of drama-range numbers
  const places = buildPlaces(kit);
  const phones = numbers(kit);

  // the cast, on the operation's chart, each child linked to the men her stories name
  const names = new Names(kit.rng);
  const suspects = castSuspects(kit, names);
  const children = castChildren(kit, names);
  const cast: Cast = { ...suspects, ...children, ...castPeople(kit, names, suspects.S, children) };
  chartOperation(kit, cast);
  linkChildrenToSuspects(kit, cast);
  settleHomes(kit, places, cast);
  const attribution = attributePhones(kit, phones, cast);

  // the taxi trade: operators (and the phoenix), drivers and their taxis, other men's cars
  const operators = licenseOperators(kit, places, phones, cast);
  const vehicles = vehicleFactory(kit);
  const drivers = licenseDrivers(kit, cast, operators, vehicles);
  const cars = privateCars(kit, vehicles, cast, drivers, attribution);

  // what intelligence and the handsets say about who knows whom
  knowEachOther(kit, cast, drivers);
  attributeTazNumbers(kit, cast, attribution, operators);
  downloadHandsets(kit, cast, phones, attribution, operators);

  // what happened: incidents, in the order their ids are given
  const incidents = incidentWriter(kit, cast);
  tellTazStory(kit, places, cast, drivers, incidents);
  chargeArrested(kit, places, cast, incidents);
  childChronologies(kit, places, cast, drivers, operators, vehicles, cars, incidents);
  complainToLicensing(kit, places, cast, drivers, operators, vehicles, incidents);
  licensingEvents(cast, drivers, incidents);
  threaten(kit, cast, incidents);

  // what the agencies did about it
  serveNotices(kit, places, cast, drivers);
  holdMeetings(kit, cast, incidents.incidents);
  // issue 20 item 7: a school's and a health service's records about YP01 (child indicators)
  recordSchoolAndHealth(kit, cast);

  restrictAndContest(kit, cast); // issue 20 items 4 and 6: restrictions, deconfliction, a contested link
  licensingDecisionsOnRecord(kit); // issue 20 items 10 and 9: licence events as decisions, Casey's unflagged cases, reports known late
  return { nodes: [...kit.g.nodes.values()], links: kit.g.links };
}
