/**
 * Places: an invented town of ten areas and thirty streets, with the places the stories happen at —
 * the park that is a hotspot, five takeaways (one where a missing child is found), three children's
 * residential units, the taxi offices, two schools, a hotel, shops and a car park. Homes are built later,
 * as the cast needs them, so none is left empty.
 *
 * Postcodes end in letters Royal Mail never issues there (C I K M O V), so none can be real.
 *
 * Needs: the Kit only. Draws from the random generator before anything but the reports' Kit.
 */
import { must, pad } from './builder.js';
import type { Kit } from './reports.js';
import { AREAS, STREET_NAMES, type Area } from './words.js';

export interface Places {
  park: string;
  rec: string;
  takeaways: string[];
  /** Kelsall Grill: the takeaway of the notice story. */
  scenarioTakeaway: string;
  units: string[];
  offices: string[];
  schools: string[];
  hotel: string;
  shops: string[];
  others: string[];
  /** A new home address (a Location of kind 'home'). */
  nextHome(): string;
  /** A location's name, or its address when it has none: for incident and notice summaries. */
  locName: Map<string, string>;
}

export function buildPlaces({ rng, g }: Kit): Places {
  const postcodesUsed = new Set<string>();
  const BAD_INWARD = 'CIKMOV'; // never used in the last two letters of a real postcode
  const streets = STREET_NAMES.map((name, i) => {
    const area = must(AREAS[i % AREAS.length], 'area');
    let pc: string;
    do pc = `${area.out} ${rng.int(1, 9)}${rng.pick([...'ABDEFGHJLNPQRSTUWXYZ'])}${rng.pick([...BAD_INWARD])}`;
    while (postcodesUsed.has(pc));
    postcodesUsed.add(pc);
    return { name, area, postcode: pc };
  });
  let locN = 0;
  const usedAddr = new Set<string>();
  const locName = new Map<string, string>();
  function location(kind: string, o: { name?: string; area?: Area; hotspot?: boolean; restricted?: boolean } = {}): string {
    const id = `loc-${pad(++locN, 3)}`;
    const choices = o.area ? streets.filter((s) => s.area === o.area) : streets;
    const st = rng.pick(choices);
    let addr: string;
    do addr = `${kind === 'home' && rng.chance(0.15) ? `Flat ${rng.int(1, 9)}, ` : ''}${rng.int(1, 160)} ${st.name}`;
    while (usedAddr.has(addr));
    usedAddr.add(addr);
    const j = (s: number) => Math.round((rng.next() - 0.5) * s * 1e5) / 1e5;
    g.node(id, ['Location'], {
      name: o.name,
      address: addr,
      postcode: st.postcode,
      area: st.area.name,
      latitude: Math.round((st.area.lat + j(0.008)) * 1e5) / 1e5,
      longitude: Math.round((st.area.lon + j(0.012)) * 1e5) / 1e5,
      kind,
      hotspot: o.hotspot ? true : undefined,
      restricted: o.restricted ? true : undefined,
    });
    locName.set(id, o.name ?? addr);
    return id;
  }
  const area = (name: string): Area => must(AREAS.find((a) => a.name === name), name);

  /** Named places of one kind, each on a street of its area (anywhere in town when it has none). */
  const named = (kind: string, places: [name: string, area?: string][], o: { restricted?: boolean } = {}): string[] =>
    places.map(([name, a]) => location(kind, { name, area: a === undefined ? undefined : area(a), ...o }));

  // the park where children are picked up is a hotspot; the recreation ground is where a notice is breached
  const park = location('park', { name: 'Cinder Hill Park', area: area('Cinder Hill'), hotspot: true });
  const rec = location('park', { name: 'Ravensdale Recreation Ground', area: area('Ravensdale') });
  const takeaways = named('takeaway', [['Kelsall Grill', 'Kelsall Top'], ['Golden Fryer', 'Town Centre'], ['Pizza Point', 'Dunmere'], ['Marlow Bank Kebab House', 'Marlow Bank'], ['Late Bite', 'Fellgate']]);
  const scenarioTakeaway = must(takeaways[0], 'takeaway');
  const units = named('residential_unit', [['Ashdene House', 'Netherholme'], ['Fernlea Lodge', 'Harrowby'], ['Moorside Unit', 'Aldercote']], { restricted: true });
  const offices = named('taxi_office', [['Aldercote Cars office', 'Aldercote'], ['Dunmere Cars office', 'Dunmere'], ['Fellgate 24/7 office', 'Fellgate'], ['HX Travel office', 'Town Centre'], ['MB Cars office', 'Marlow Bank']]);
  const schools = named('school', [['Ravensdale Academy', 'Ravensdale'], ['Netherholme High School', 'Netherholme']]);
  const hotel = location('hotel', { name: 'Station Lodge Hotel', area: area('Town Centre') });
  const shops = named('shop', [['Kelsall Top Mini Mart', 'Kelsall Top'], ['Fellgate Off Licence', 'Fellgate']]);
  const others = named('other', [['Garages off Weir Lane'], ['Riverside car park', 'Town Centre']]);
  // homes are built as the cast needs them, so none is left empty
  const nextHome = (): string => location('home');

  return { park, rec, takeaways, scenarioTakeaway, units, offices, schools, hotel, shops, others, nextHome, locName };
}
