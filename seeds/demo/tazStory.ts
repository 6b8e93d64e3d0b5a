/**
 * YP01 and "Taz": the scripted incidents the walkthrough follows. A school concern (YP01 collected at
 * the gates by older men, one in a taxi), a sighting in the park with s001 and s009, a parent's
 * complaint to licensing about a Dunmere Cars driver in a silver Prius (no further action), YP01
 * missing overnight in November 2009 and found at Kelsall Grill with s001 — the takeaway where he had
 * been served a child abduction notice five months before (notices.ts) — and threats to her mother.
 * YP05, whom that notice protects, is seen getting into his car again: a breach nobody links to his
 * licence.
 *
 * Ids here are fixed (inc-0001 is the missing episode): this runs first among the incidents.
 *
 * Needs: the places, the cast, s001's numbers and taxi, the incident writer.
 */
import { must } from './builder.js';
import { DEMO_IDS, type Cast } from './cast.js';
import type { Drivers } from './drivers.js';
import { tazPhones } from './handsets.js';
import type { Incidents } from './incidents.js';
import type { Places } from './places.js';
import type { Kit } from './reports.js';

export function tellTazStory({ g, cite }: Kit, { park, rec, scenarioTakeaway, schools }: Places, cast: Cast, { driverLicence, driverTaxi }: Drivers, { incident, who }: Incidents): void {
  const { S, C } = cast;
  const { s1, third: s1Third } = tazPhones(cast);

  // found at the takeaway where s001 was served a notice five months before; the notice never reached licensing
  const missingAtTakeaway = incident({
    kind: 'missing',
    date: '2009-11-20',
    endDate: '2009-11-21',
    returnInterviewOn: null,
    summary: `YP01 (14) reported missing from home overnight; found next morning at Kelsall Grill in the company of an adult male (${who(s1.id)}).`,
    victims: [C(1).id],
    parties: [s1.id],
    at: scenarioTakeaway,
    sourceType: 'parent',
    statusPath: ['open', 'closed'],
  });
  if (missingAtTakeaway !== DEMO_IDS.missingAtTakeaway) throw new Error('demo generator: scenario ids moved');
  const s1Taxi = must(driverTaxi.get(s1.id), 's001 taxi');
  // a parent's complaint does reach licensing: words of advice to the operator
  incident({
    kind: 'complaint',
    date: '2009-07-06',
    summary: 'Complaint from a parent: a Dunmere Cars driver in a silver Prius repeatedly collects her 14-year-old daughter and gives her gifts.',
    parties: [s1.id],
    victims: [C(1).id],
    involved: [{ id: must(driverLicence.get(s1.id), 'lic') }, { id: s1Taxi }, { id: 'opr-3' }],
    sourceType: 'parent',
    owner: 'Licensing',
    outcome: 'No further action: words of advice to operator',
    at: must(schools[0], 'school'),
  });
  // the school sees her collected at the gates, once in his taxi
  incident({
    kind: 'concern',
    date: '2008-10-14',
    summary: 'School concern: YP01 seen being collected at the gates by older males in different cars, one a taxi.',
    victims: [C(1).id],
    parties: [S(9).id],
    involved: [{ id: s1Taxi }, { id: 'opr-3' }],
    at: must(schools[0], 'school'),
    sourceType: 'school',
  });
  // seen in the park with him and s009; she has been in his car
  const parkSighting = incident({
    kind: 'sighting',
    date: '2009-02-21',
    summary: `YP01 seen at Cinder Hill Park late evening with ${who(s1.id)} and ${who(S(9).id)}.`,
    victims: [C(1).id],
    parties: [s1.id, S(9).id],
    at: park,
    involved: [{ id: s1Taxi }],
    sourceType: 'youth_worker',
  });
  cite(g.get(parkSighting).props.sources as string[], [g.once('USES_VEHICLE', C(1).id, s1Taxi, { role: 'seen_in', from: '2009-02-21' })]);
  // her mother is threatened from his third number, the one only an anonymous caller gave
  incident({
    kind: 'threat',
    date: '2010-01-09',
    summary: "YP01's mother received threatening texts after reporting her daughter missing.",
    victims: [must(C(1).parent, 'parent').id],
    parties: [s1.id],
    involved: [
      { id: s1Third, role: 'from' },
      { id: must(C(1).parent?.phones[0], 'parent phone'), role: 'to' },
    ],
    sourceType: 'parent',
  });

  // the child that notice protects is seen with him again: a breach nobody links to his licence
  incident({
    kind: 'sighting',
    date: '2009-09-12',
    summary: `YP05 seen at Ravensdale Recreation Ground getting into a silver Prius driven by ${who(s1.id)}, despite the abduction notice.`,
    victims: [C(5).id],
    parties: [s1.id],
    at: rec,
    involved: [{ id: s1Taxi }],
    sourceType: 'public',
  });
}
