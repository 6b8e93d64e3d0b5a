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

  const park = location('park', { name: 'Cinder Hill Park', area: area('Cinder Hill'), hotspot: true });
  const rec = location('park', { name: 'Ravensdale Recreation Ground', area: area('Ravensdale') });
  const takeaways = [
    location('takeaway', { name: 'Kelsall Grill', area: area('Kelsall Top') }),
    location('takeaway', { name: 'Golden Fryer', area: area('Town Centre') }),
    location('takeaway', { name: 'Pizza Point', area: area('Dunmere') }),
    location('takeaway', { name: 'Marlow Bank Kebab House', area: area('Marlow Bank') }),
    location('takeaway', { name: 'Late Bite', area: area('Fellgate') }),
  ];
  const scenarioTakeaway = must(takeaways[0], 'takeaway');
  const units = [
    location('residential_unit', { name: 'Ashdene House', area: area('Netherholme'), restricted: true }),
    location('residential_unit', { name: 'Fernlea Lodge', area: area('Harrowby'), restricted: true }),
    location('residential_unit', { name: 'Moorside Unit', area: area('Aldercote'), restricted: true }),
  ];
  const offices = [
    location('taxi_office', { name: 'Aldercote Cars office', area: area('Aldercote') }),
    location('taxi_office', { name: 'Dunmere Cars office', area: area('Dunmere') }),
    location('taxi_office', { name: 'Fellgate 24/7 office', area: area('Fellgate') }),
    location('taxi_office', { name: 'HX Travel office', area: area('Town Centre') }),
    location('taxi_office', { name: 'MB Cars office', area: area('Marlow Bank') }),
  ];
  const schools = [
    location('school', { name: 'Ravensdale Academy', area: area('Ravensdale') }),
    location('school', { name: 'Netherholme High School', area: area('Netherholme') }),
  ];
  const hotel = location('hotel', { name: 'Station Lodge Hotel', area: area('Town Centre') });
  const shops = [
    location('shop', { name: 'Kelsall Top Mini Mart', area: area('Kelsall Top') }),
    location('shop', { name: 'Fellgate Off Licence', area: area('Fellgate') }),
  ];
  const others = [
    location('other', { name: 'Garages off Weir Lane' }),
    location('other', { name: 'Riverside car park', area: area('Town Centre') }),
  ];
  // homes are built as the cast needs them, so none is left empty
  const nextHome = (): string => location('home');

  return { park, rec, takeaways, scenarioTakeaway, units, offices, schools, hotel, shops, others, nextHome, locName };
}
