/**
 * Synthetic demo dataset: an invented operation chart at the scale of the Rotherham "Operation Central"
 * case (about 80 suspects, 5 convicted, 3 acquitted, everyone else never actioned), 2008–2011.
 *
 * Everything is invented (DESIGN.md §7): names come from small made-up lists, phone numbers only from
 * Ofcom's drama ranges, registrations start "ZZ" (a memory tag never issued), and postcodes use an
 * inward code with letters Royal Mail never issues in that position (C I K M O V), so none can be real.
 *
 * Deterministic: every random choice comes from one seeded PRNG and the build order is fixed, so the
 * same seed always gives the same dataset (ids included) and loading it twice MERGEs onto itself.
 */
import seedrandom from 'seedrandom';
import type { Dataset, DatasetLink, DatasetNode, PropertyValue } from './dataset.js';

type Props = Record<string, PropertyValue | undefined>;

// ---------------------------------------------------------------------------------------------
// small utilities

const DAY_MS = 86_400_000;
const toDay = (iso: string): number =>
  Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
const fromDay = (d: number): string => new Date(d * DAY_MS).toISOString().slice(0, 10);
const addDays = (iso: string, n: number): string => fromDay(toDay(iso) + n);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
/** Whole years between a date of birth and a date. */
export const ageOn = (dob: string, on: string): number =>
  Number(on.slice(0, 4)) - Number(dob.slice(0, 4)) - (on.slice(5) < dob.slice(5) ? 1 : 0);

function must<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`demo generator: missing ${what}`);
  return x;
}

class Rng {
  private readonly r: seedrandom.PRNG;
  constructor(seed: string) {
    this.r = seedrandom(seed);
  }
  next(): number {
    return this.r();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return must(xs[Math.floor(this.r() * xs.length)], 'pick from empty list');
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.r() * (i + 1));
      const t = a[i] as T;
      a[i] = a[j] as T;
      a[j] = t;
    }
    return a;
  }
  sample<T>(xs: readonly T[], n: number): T[] {
    return this.shuffle(xs).slice(0, Math.max(0, n));
  }
  date(from: string, to: string): string {
    return fromDay(this.int(toDay(from), toDay(to)));
  }
}

/** Nodes and links with deterministic ids; strips undefined props so absent means absent, not null. */
class Graph {
  readonly nodes = new Map<string, DatasetNode>();
  readonly links: DatasetLink[] = [];
  private readonly byBase = new Map<string, DatasetLink[]>();

  node(id: string, labels: string[], props: Props): DatasetNode {
    if (this.nodes.has(id)) throw new Error(`duplicate node id ${id}`);
    const n: DatasetNode = { id, labels, props: clean(props) };
    this.nodes.set(id, n);
    return n;
  }

  get(id: string): DatasetNode {
    return must(this.nodes.get(id), `node ${id}`);
  }

  /** A new link; a second link of the same type between the same ends gets a numeric suffix. */
  link(type: string, start: string, end: string, props: Props = {}): DatasetLink {
    const base = `${type}:${start}:${end}`;
    const same = this.byBase.get(base) ?? [];
    const id = same.length === 0 ? base : `${base}:${same.length + 1}`;
    const l: DatasetLink = { id, type, start, end, props: clean(props) };
    same.push(l);
    this.byBase.set(base, same);
    this.links.push(l);
    return l;
  }

  /** The existing link of that type between those ends, or a new one (for facts stated many times). */
  once(type: string, start: string, end: string, props: Props = {}): DatasetLink {
    return this.byBase.get(`${type}:${start}:${end}`)?.[0] ?? this.link(type, start, end, props);
  }
}

function clean(p: Props): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  return out;
}

function addSources(target: DatasetNode | DatasetLink, reps: readonly string[]): void {
  const cur = (target.props.sources as string[] | undefined) ?? [];
  const next = [...cur];
  for (const r of reps) if (!next.includes(r)) next.push(r);
  if (next.length) target.props.sources = next;
}

// ---------------------------------------------------------------------------------------------
// invented word lists (no real people: combinations are drawn at random from these)

const MALE_GIVEN = [
  'Aldo', 'Bram', 'Carlo', 'Dario', 'Emrys', 'Fenn', 'Gideon', 'Hal', 'Idris', 'Jory', 'Kellan', 'Lorne',
  'Mace', 'Nico', 'Oren', 'Pascal', 'Rafe', 'Soren', 'Tobin', 'Ulric', 'Vance', 'Wes', 'Yannick', 'Zeke',
  'Brodie', 'Callum', 'Declan', 'Everett', 'Fraser', 'Garrick', 'Hollis', 'Jarvis', 'Keaton', 'Lennox',
  'Marlon', 'Niall', 'Otto', 'Piers', 'Roscoe', 'Stellan',
];
const SUSPECT_SURNAMES = [
  'Ashdowne', 'Brackwell', 'Coldmere', 'Dransby', 'Elmsworth', 'Farrowby', 'Gildersby', 'Hepsley',
  'Ibberley', 'Jessard', 'Kettleby', 'Lumbridge', 'Mawsley', 'Northam', 'Ollerby', 'Pickerley', 'Quarndon',
  'Rawsley', 'Sowden', 'Tunstead', 'Umbley', 'Varnham', 'Wadsley', 'Yeadley', 'Brearby', 'Crosswell',
  'Dunstow', 'Everby', 'Fernley', 'Grindlow',
];
const FEMALE_GIVEN = [
  'Bethan', 'Caitlyn', 'Darcie', 'Elsie', 'Freya', 'Gemma', 'Holly', 'Imogen', 'Jodie', 'Kayla', 'Leah',
  'Maisie', 'Nadia', 'Orla', 'Paige', 'Rhianna', 'Skye', 'Tilly', 'Verity', 'Willow', 'Zara', 'Ellie',
];
const BOY_GIVEN = ['Aiden', 'Cody', 'Ellis', 'Jamie', 'Reece'];
const ADULT_FEMALE_GIVEN = ['Lorraine', 'Denise', 'Tracy', 'Joanne', 'Michelle', 'Sandra', 'Paula', 'Angela'];
const FAMILY_SURNAMES = [
  'Harland', 'Bickerdyke', 'Cawthorne', 'Dewsnap', 'Fairburn', 'Gledhill', 'Holroyd', 'Ingleby', 'Kilner',
  'Lockwood', 'Midgley', 'Oxspring', 'Pogmore', 'Rushworth', 'Sugden', 'Thackray', 'Wragby', 'Ackroyd',
];
/** Street nicknames as children saved them: only ever on HAS_CONTACT.savedAs, never an alias. */
const NICKNAMES = [
  'Smiley', 'Dee', 'Zee', 'Ace', 'Boss', 'Chops', 'Moz', 'Rocky', 'Sunny', 'Kaz', 'Teddy', 'Mack', 'Bear',
  'Rico', 'Shorty', 'Biggie', 'Skinz', 'Flash', 'Lucky', 'Dodge', 'Spud', 'Tiny', 'Prince', 'Romeo',
  'Sparks', 'Jammy', 'Wheels', 'Goldie', 'Champ', 'Nitro',
];
const FRIEND_SAVES = ['Becks', 'Jade x', 'Chloe', 'Kayleigh', 'Tash', 'Lou', 'Chelle', 'Soph', 'Kirsty', 'Danni', 'Mel', 'Leanne x', 'Stacey', 'Jen', 'Lauren'];

const AREAS = [
  { name: 'Town Centre', out: 'S60', lat: 53.4305, lon: -1.3565 },
  { name: 'Kelsall Top', out: 'S65', lat: 53.4382, lon: -1.3405 },
  { name: 'Dunmere', out: 'S65', lat: 53.4421, lon: -1.3318 },
  { name: 'Marlow Bank', out: 'S61', lat: 53.4352, lon: -1.3721 },
  { name: 'Netherholme', out: 'S60', lat: 53.4214, lon: -1.3482 },
  { name: 'Cinder Hill', out: 'S61', lat: 53.4457, lon: -1.3786 },
  { name: 'Fellgate', out: 'S66', lat: 53.4263, lon: -1.3217 },
  { name: 'Harrowby', out: 'S66', lat: 53.4168, lon: -1.3302 },
  { name: 'Ravensdale', out: 'S60', lat: 53.4149, lon: -1.3655 },
  { name: 'Aldercote', out: 'S61', lat: 53.4489, lon: -1.3593 },
] as const;
type Area = (typeof AREAS)[number];
const STREET_NAMES = [
  'Tanners Row', 'Pell Street', 'Weir Lane', 'Cobden Terrace', 'Foundry Walk', 'Kiln Road', 'Sorrel Close',
  'Brewery Yard', 'Lantern Way', 'Ropewalk', 'Canal Side', 'Quarry Hill', 'Wharf Street', 'Chapel Fold',
  'Millrace Drive', 'Gasworks Lane', 'Orchard Mews', 'Tollgate Road', 'Bellfield Avenue', 'Cutler Street',
  'Furnace Lane', 'Spindle Court', 'Nailers Row', 'Tenter Street', 'Ironstone Crescent', 'Cinder Lane',
  'Beck Road', 'Loom Street', 'Coopers Yard', 'Pinfold Lane',
];

const CARS: [string, string][] = [
  ['Toyota', 'Prius'], ['Skoda', 'Octavia'], ['Vauxhall', 'Zafira'], ['Vauxhall', 'Astra'], ['Ford', 'Galaxy'],
  ['Ford', 'Mondeo'], ['Volkswagen', 'Passat'], ['Volkswagen', 'Golf'], ['Peugeot', '407'], ['Honda', 'Civic'],
  ['Mercedes-Benz', 'C-Class'], ['BMW', '3 Series'], ['Audi', 'A4'], ['Seat', 'Leon'], ['Nissan', 'Qashqai'],
];
const COLOURS = ['Silver', 'Black', 'White', 'Blue', 'Grey', 'Red'];

type SourceType = 'victim' | 'youth_worker' | 'parent' | 'school' | 'police' | 'licensing' | 'partner' | 'public';
const OWNER: Record<SourceType, string> = {
  police: 'Police',
  victim: 'Police',
  public: 'Police',
  youth_worker: 'Youth Service',
  parent: "Children's Social Care",
  partner: "Children's Social Care",
  school: 'Education',
  licensing: 'Licensing',
};
const REF_PREFIX: Record<string, string> = {
  Police: 'INT',
  'Youth Service': 'YS',
  "Children's Social Care": 'CSC',
  Education: 'EDU',
  Licensing: 'LIC',
  Health: 'HLT',
};
/** Typical source evaluation and intelligence assessment per source type (3x5x2). */
const GRADING: Record<SourceType, { grade: (1 | 2 | 3)[]; intel: string[] }> = {
  police: { grade: [1, 1, 2], intel: ['A', 'B', 'B', 'C'] },
  licensing: { grade: [1], intel: ['A', 'A', 'B'] },
  victim: { grade: [2, 2, 1], intel: ['B', 'B', 'C'] },
  youth_worker: { grade: [1, 2], intel: ['B', 'C', 'C'] },
  school: { grade: [1, 2], intel: ['B', 'C'] },
  parent: { grade: [2, 2, 3], intel: ['B', 'C', 'D'] },
  partner: { grade: [1, 2], intel: ['B', 'C'] },
  public: { grade: [2, 3, 3], intel: ['C', 'D', 'D', 'E'] },
};

// ---------------------------------------------------------------------------------------------
// in-memory cast, so stories can be told consistently before everything is written as nodes

interface Adult {
  id: string;
  given: string;
  surname: string;
  phones: string[];
  vehicles: string[];
  home?: string;
}
interface Suspect extends Adult {
  n: number;
  cluster: number;
  nicks: string[];
  licence?: string;
  taxi?: string;
  /** operator ids with dates, for the story of a driver */
  drives: { opr: string; from: string; to?: string }[];
}
interface Child {
  id: string;
  n: number;
  pseudonym: string;
  given: string;
  surname: string;
  dob?: string;
  age2010: number;
  sex: 'F' | 'M';
  lookedAfter: boolean;
  restricted: boolean;
  phone: string;
  familyHome?: string;
  placement?: { unit: string; from: string };
  parent?: Adult;
  linked: Suspect[];
  chart?: 'victim' | 'likely_victim';
}

// Fixed story structure (which numbers play which part); names, numbers, dates vary with the seed.
const CONVICTED = [2, 3, 5, 7, 10];
const ACQUITTED = [4, 8, 13];
const STATEMENT_CHILDREN = [2, 3, 5, 8];
const LIKELY_CHILDREN = [1, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16];
const LOOKED_AFTER = [1, 3, 4, 7, 9, 11, 14, 18];
const RESTRICTED_CHILDREN = [4, 9, 14];
const BOYS = [13, 19];
const AGE_ONLY = [12, 16, 18, 20];
/** Which statement victims each arrested man's case concerned. */
const CASES: Record<number, number[]> = { 2: [2, 3], 3: [3], 5: [5, 2], 7: [8], 10: [2, 8], 4: [5], 8: [3], 13: [8] };
/** Children linked to the searchable suspect s001 ("Taz"). */
const S001_CHILDREN = [1, 3, 4, 6, 10, 12, 17];
const SENTENCES: Record<number, number> = { 2: 9, 3: 4, 5: 11, 7: 5, 10: 8 };

export const DEMO_IDS = {
  operation: 'op-central',
  demoChild: 'per-c01',
  searchableSuspect: 'per-s001',
  otherTaz: 'per-s017',
  revokedOperator: 'opr-3',
  successorOperator: 'opr-6',
  revokedHolder: 'per-s012',
  successorHolder: 'per-r01',
  noticeAtTakeaway: 'ntc-001',
  missingAtTakeaway: 'inc-0001',
} as const;

const REVOKED_ON = '2010-03-12';
const PHOENIX_GRANTED = '2010-05-20';

export function generateDemo(seed = 'operation-central'): Dataset {
  const rng = new Rng(seed);
  const g = new Graph();

  // ------------------------------------------------------------------ reports and provenance
  let repN = 0;
  const refCounters = new Map<string, number>();
  const AGENCIES = ['Police', "Children's Social Care", 'Youth Service', 'Education', 'Health', 'Licensing'];

  function report(r: {
    date: string;
    sourceType: SourceType;
    summary: string;
    mentions: readonly string[];
    owner?: string;
    grade?: 1 | 2 | 3;
    intel?: string;
    handling?: 'P' | 'C';
  }): string {
    const id = `rep-${pad(++repN, 4)}`;
    const owner = r.owner ?? OWNER[r.sourceType];
    const key = `${REF_PREFIX[owner] ?? 'GEN'}/${r.date.slice(0, 4)}`;
    const k = (refCounters.get(key) ?? 0) + 1;
    refCounters.set(key, k);
    const gr = GRADING[r.sourceType];
    const handling = r.handling ?? (rng.chance(0.2) ? 'C' : 'P');
    // Licensing is rarely on the distribution list: the gap the case review found.
    const others = AGENCIES.filter((a) => a !== owner && (a !== 'Licensing' || rng.chance(0.08)));
    const sharedWith = rng.chance(0.6) ? rng.sample(others, rng.int(1, 2)) : [];
    g.node(id, ['Report'], {
      ref: `${key}/${pad(k, 4)}`,
      receivedOn: r.date,
      sourceType: r.sourceType,
      sourceGrade: r.grade ?? rng.pick(gr.grade),
      intelGrade: r.intel ?? rng.pick(gr.intel),
      handling,
      conditions: handling === 'C' ? 'Not to be disclosed outside the partnership without the owner’s consent' : undefined,
      ownerAgency: owner,
      sharedWith: sharedWith.length ? sharedWith : undefined,
      sharedOn: sharedWith.length ? addDays(r.date, rng.int(1, 21)) : undefined,
      summary: r.summary,
    });
    for (const m of r.mentions) g.once('MENTIONS', id, m);
    return id;
  }
  /** Put report ids on what they support, and make each report mention the entities involved. */
  function cite(reps: readonly string[], targets: readonly (DatasetNode | DatasetLink)[], mentions: readonly string[] = []): void {
    for (const t of targets) addSources(t, reps);
    for (const r of reps) for (const m of mentions) g.once('MENTIONS', r, m);
  }

  // ------------------------------------------------------------------ locations
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
  const locKind = new Map<string, string>();
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
    locKind.set(id, kind);
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

  // ------------------------------------------------------------------ phones
  const mobiles = rng.shuffle(Array.from({ length: 1000 }, (_, i) => `900${pad(i, 3)}`));
  const landlines = rng.shuffle(Array.from({ length: 1000 }, (_, i) => `960${pad(i, 3)}`));
  let phN = 0;
  function phone(kind: 'mobile' | 'landline' = 'mobile', extra: Props = {}): string {
    const id = `ph-${pad(++phN, 4)}`;
    let phoneNo: string;
    let raw: string;
    if (kind === 'mobile') {
      const s = must(mobiles.pop(), 'a free drama-range mobile');
      phoneNo = `+447700${s}`;
      raw = rng.pick([
        `07700 ${s}`,
        `07700${s}`,
        `+44 7700 ${s.slice(0, 3)} ${s.slice(3)}`,
        `07700 ${s.slice(0, 3)} ${s.slice(3)}`,
        `+447700${s}`,
        `0770 0${s.slice(0, 3)} ${s.slice(3)}`,
      ]);
    } else {
      const s = must(landlines.pop(), 'a free drama-range landline');
      phoneNo = `+441632${s}`;
      raw = rng.pick([`01632 ${s}`, `(01632) ${s}`, `+44 1632 ${s}`, `01632${s}`, `01632 ${s.slice(0, 3)} ${s.slice(3)}`]);
    }
    g.node(id, ['Phone'], { phoneNo, raw, ...extra });
    return id;
  }
  const unknownPhones: string[] = [];
  const newUnknown = (): string => {
    const p = phone(rng.chance(0.92) ? 'mobile' : 'landline');
    unknownPhones.push(p);
    return p;
  };

  // ------------------------------------------------------------------ people
  const usedNames = new Set<string>();
  function uniqueName(givens: readonly string[], surnames: readonly string[]): [string, string] {
    for (;;) {
      const given = rng.pick(givens);
      const surname = rng.pick(surnames);
      const full = `${given} ${surname}`;
      if (!usedNames.has(full)) {
        usedNames.add(full);
        return [given, surname];
      }
    }
  }
  const misspell = (s: string): string => {
    const i = rng.int(1, s.length - 2);
    return rng.chance(0.5) ? s.slice(0, i) + s.charAt(i) + s.slice(i) : s.slice(0, i) + s.slice(i + 1);
  };

  // suspects
  const suspects: Suspect[] = [];
  for (let n = 1; n <= 80; n++) {
    const [given, surname] = n === 1 ? ['Darren', 'Kershaw'] : uniqueName(MALE_GIVEN, SUSPECT_SURNAMES);
    if (n === 1) usedNames.add('Darren Kershaw');
    suspects.push({ id: `per-s${pad(n, 3)}`, n, given, surname, cluster: (n - 1) % 5, phones: [], vehicles: [], nicks: [], drives: [] });
  }
  const S = (n: number): Suspect => must(suspects[n - 1], `suspect ${n}`);
  const clusters = [0, 1, 2, 3, 4].map((c) => suspects.filter((s) => s.cluster === c));
  // brothers and cousins share surnames (and often a house)
  const siblingPairs: [Suspect, Suspect][] = [];
  for (const cl of clusters) {
    const [a, b] = rng.sample(cl.slice(3).filter((s) => s.n !== 17), 2);
    if (a && b) {
      usedNames.delete(`${b.given} ${b.surname}`);
      b.surname = a.surname;
      let guard = 0;
      while (usedNames.has(`${b.given} ${b.surname}`) && guard++ < 50) b.given = rng.pick(MALE_GIVEN);
      usedNames.add(`${b.given} ${b.surname}`);
      siblingPairs.push([a, b]);
    }
  }
  // nicknames: s001 is "Taz" to most children, but s017 is a "Taz" too, and "Bigman"/"Kas" are shared
  S(1).nicks = ['Taz', 'T', 'Driver T'];
  S(17).nicks = ['Taz'];
  S(5).nicks = ['Bigman'];
  S(23).nicks = ['Bigman', 'Big D'];
  S(9).nicks = ['Kas'];
  S(40).nicks = ['Kas', 'Kassy'];
  for (const s of suspects) if (!s.nicks.length) s.nicks = rng.chance(0.25) ? rng.sample(NICKNAMES, 2) : [rng.pick(NICKNAMES)];

  const convictedSet = new Set(CONVICTED);
  const acquittedSet = new Set(ACQUITTED);
  const arrested = suspects.filter((s) => convictedSet.has(s.n) || acquittedSet.has(s.n));

  for (const s of suspects) {
    const aliases: string[] = [];
    // s001's aliases are what the browser test searches for ("Kershaw Hil"): keep them
    if (s.n === 1) aliases.push('Daz', 'D. Kershaw-Hill');
    else if (rng.chance(0.28)) {
      aliases.push(`${s.given} ${misspell(s.surname)}`);
      if (rng.chance(0.35)) aliases.push(`${rng.pick(MALE_GIVEN)} ${s.surname}`);
    }
    g.node(s.id, ['Person'], {
      name: s.given,
      surname: s.surname,
      aliases: aliases.length ? aliases : undefined,
      dob: s.n === 1 ? '1979-08-23' : rng.date('1962-01-01', '1990-12-31'),
      sex: 'M',
    });
  }

  // children
  const children: Child[] = [];
  for (let n = 1; n <= 20; n++) {
    const sex: 'F' | 'M' = BOYS.includes(n) ? 'M' : 'F';
    const [given, surname] = n === 1 ? ['Amy', 'Calloway'] : uniqueName(sex === 'F' ? FEMALE_GIVEN : BOY_GIVEN, FAMILY_SURNAMES.slice(1));
    if (n === 1) usedNames.add('Amy Calloway');
    // c01 is 14 when she goes missing in November 2009 (the notice scenario)
    const dob = n === 1 ? '1995-03-14' : rng.date('1994-01-15', '1997-06-30');
    const c: Child = {
      id: `per-c${pad(n, 2)}`,
      n,
      pseudonym: `YP${pad(n, 2)}`,
      given,
      surname,
      sex,
      age2010: ageOn(dob, '2010-01-01'),
      dob: AGE_ONLY.includes(n) ? undefined : dob,
      lookedAfter: LOOKED_AFTER.includes(n),
      restricted: RESTRICTED_CHILDREN.includes(n),
      phone: '',
      linked: [],
      chart: STATEMENT_CHILDREN.includes(n) ? 'victim' : LIKELY_CHILDREN.includes(n) ? 'likely_victim' : undefined,
    };
    children.push(c);
  }
  const C = (n: number): Child => must(children[n - 1], `child ${n}`);
  // c15 and c16 are sisters at one family home
  C(16).surname = C(15).surname;
  for (const c of children) {
    g.node(c.id, ['Person'], {
      name: c.given,
      surname: c.surname,
      child: true,
      pseudonym: c.pseudonym,
      dob: c.dob,
      age: c.dob ? undefined : c.age2010,
      // The date the age was recorded on, so a typed year of birth can be compared with it.
      ageOn: c.dob ? undefined : '2010-01-01',
      sex: c.sex,
      lookedAfter: c.lookedAfter ? true : undefined,
      restricted: c.restricted ? true : undefined,
    });
  }

  function adult(id: string, givens: readonly string[], surname: string | undefined, sex: 'F' | 'M', props: Props = {}): Adult {
    const [given, sn] = surname ? uniqueName(givens, [surname]) : uniqueName(givens, SUSPECT_SURNAMES);
    g.node(id, ['Person'], { name: given, surname: sn, dob: rng.date('1955-01-01', '1980-12-31'), sex, ...props });
    return { id, given, surname: sn, phones: [], vehicles: [] };
  }
  // parents (start → end: the parent is the start of a PARENT link)
  const parentOf: [number, 'F' | 'M'][] = [[1, 'F'], [2, 'F'], [5, 'F'], [6, 'M'], [8, 'F'], [10, 'F']];
  const parents: Adult[] = parentOf.map(([cn, sex], i) => {
    const c = C(cn);
    const p = adult(`per-p${pad(i + 1, 2)}`, sex === 'F' ? ADULT_FEMALE_GIVEN : MALE_GIVEN, c.surname, sex);
    c.parent = p;
    return p;
  });
  // operator people who are not on the chart
  const o01 = adult('per-o01', MALE_GIVEN, undefined, 'M');
  const o02 = adult('per-o02', MALE_GIVEN, undefined, 'M');
  const o03 = adult('per-o03', ADULT_FEMALE_GIVEN, undefined, 'F');
  // relatives: r01 is the brother of s012 (holder of the operator that is revoked) and gets the
  // successor licence; he is not on the chart, which is what makes the successor look clean
  const revokedHolder = S(12);
  const r01 = adult('per-r01', MALE_GIVEN.filter((x) => x !== revokedHolder.given), revokedHolder.surname, 'M');
  const r02 = adult('per-r02', MALE_GIVEN, S(14).surname, 'M');
  const r03 = adult('per-r03', ADULT_FEMALE_GIVEN, S(20).surname, 'F');
  const r04 = adult('per-r04', MALE_GIVEN, S(31).surname, 'M');
  const drivers: Adult[] = Array.from({ length: 12 }, (_, i) => adult(`per-d${pad(i + 1, 2)}`, MALE_GIVEN, undefined, 'M'));
  const D = (n: number): Adult => must(drivers[n - 1], `driver ${n}`);

  // ------------------------------------------------------------------ operation chart
  g.node('op-central', ['Operation'], { name: 'Operation Central', startedOn: '2010-01-18', endedOn: '2011-03-31' });
  const chartRep = report({
    date: '2010-09-30',
    sourceType: 'police',
    owner: 'Police',
    grade: 1,
    intel: 'B',
    handling: 'C',
    summary: 'Operation Central association chart (analyst product): suspects and children identified from intelligence, statements and handset downloads.',
    mentions: ['op-central'],
  });
  for (const s of suspects) {
    const conv = convictedSet.has(s.n);
    const acq = acquittedSet.has(s.n);
    const l = g.link('ON_CHART', s.id, 'op-central', {
      role: 'suspect',
      disposition: conv ? 'convicted' : acq ? 'acquitted' : 'identified',
      dispositionOn: conv ? rng.date('2010-11-01', '2010-11-30') : acq ? rng.date('2010-10-18', '2010-11-05') : undefined,
      sentenceYears: conv ? SENTENCES[s.n] : undefined,
    });
    cite([chartRep], [l]);
  }
  for (const c of children) {
    if (!c.chart) continue;
    const l = g.link('ON_CHART', c.id, 'op-central', { role: c.chart, statement: c.chart === 'victim' ? true : undefined });
    cite([chartRep], [l]);
  }

  // ------------------------------------------------------------------ who is linked to which child
  for (const [sn, cns] of Object.entries(CASES)) for (const cn of cns) C(cn).linked.push(S(Number(sn)));
  for (const cn of S001_CHILDREN) C(cn).linked.unshift(S(1));
  for (const c of children) {
    const cl = must(clusters[rng.int(0, 4)], 'cluster');
    const hubs = cl.slice(0, 3).filter((s) => s.n !== 1);
    const want = [...rng.sample(hubs, rng.int(1, 2)), ...rng.sample(cl.slice(3), rng.int(1, c.chart ? 4 : 2))];
    if (rng.chance(0.3)) want.push(rng.pick(suspects.slice(1)));
    if (c.n === 1) want.push(S(9), S(5), S(23));
    if (c.n === 11 || c.n === 14) want.push(S(17)); // the other "Taz"
    for (const s of want) if (!c.linked.includes(s)) c.linked.push(s);
  }
  const linkedChildren = (s: Suspect): Child[] => children.filter((c) => c.linked.includes(s));

  // ------------------------------------------------------------------ homes and placements
  let placed = 0;
  for (const c of children) {
    if (c.lookedAfter && c.n !== 1) {
      const unit = must(units[placed++ % units.length], 'unit'); // every unit has children placed in it
      c.placement = { unit, from: rng.date('2007-01-01', '2009-06-30') };
      g.link('CURRENT_ADDRESS', c.id, unit, { role: 'placement', from: c.placement.from });
      continue;
    }
    c.familyHome = c.n === 16 ? C(15).familyHome : nextHome();
    const fh = must(c.familyHome, 'family home');
    if (c.n === 1) {
      // the demo child moves from home to a placement after the winter of 2009
      c.placement = { unit: must(units[0], 'unit'), from: '2010-02-15' };
      g.link('CURRENT_ADDRESS', c.id, fh, { role: 'family_home', to: '2010-02-15' });
      g.link('CURRENT_ADDRESS', c.id, c.placement.unit, { role: 'placement', from: c.placement.from });
    } else g.link('CURRENT_ADDRESS', c.id, fh, { role: 'family_home' });
    if (c.parent) {
      c.parent.home = fh;
      g.link('CURRENT_ADDRESS', c.parent.id, fh, { role: 'home' });
      g.link('FAMILY_REL', c.parent.id, c.id, { rel_type: 'PARENT' });
    }
  }
  g.link('FAMILY_REL', C(15).id, C(16).id, { rel_type: 'SIBLING' });
  for (const c of children) if (c.n !== 1 && rng.chance(0.6) && c.age2010 <= 15) g.link('ATTENDS', c.id, rng.pick(schools), { from: '2008-09-01' });
  g.once('ATTENDS', C(1).id, must(schools[0], 'school'), { from: '2006-09-04' });

  const suspectHomes: string[] = [];
  for (const s of suspects) {
    if (s.n !== 1 && rng.chance(0.45)) continue; // address never established: known by nickname, phone or car only
    const sib = siblingPairs.find(([, b]) => b === s);
    if (sib && sib[0].home) {
      s.home = sib[0].home;
    } else if (suspectHomes.length > 6 && rng.chance(0.3)) {
      // men lodging together: a house of multiple occupation is a lead in itself
      s.home = rng.pick(suspectHomes);
    } else {
      s.home = nextHome();
      suspectHomes.push(s.home);
    }
    if (rng.chance(0.1)) {
      const prev = nextHome();
      const moved = rng.date('2008-03-01', '2010-12-31');
      g.link('CURRENT_ADDRESS', s.id, prev, { role: 'home', to: moved });
      g.link('CURRENT_ADDRESS', s.id, s.home, { role: 'home', from: moved });
    } else g.link('CURRENT_ADDRESS', s.id, s.home, { role: 'home' });
  }
  // people who live at the same address know each other that way
  const byHome = new Map<string, Suspect[]>();
  for (const s of suspects) if (s.home) byHome.set(s.home, [...(byHome.get(s.home) ?? []), s]);
  for (const group of byHome.values()) for (let i = 1; i < group.length; i++) g.link('KNOWS_LW', must(group[0], 'resident').id, must(group[i], 'resident').id);
  for (const [a, b] of siblingPairs) g.link('FAMILY_REL', a.id, b.id, { rel_type: 'SIBLING' });
  // relatives who live with a suspect but are party to nothing (household risk)
  for (const [rel, s, relType] of [[r02, S(14), 'SIBLING'], [r03, S(20), 'SPOUSE'], [r04, S(31), 'COUSIN']] as const) {
    if (!s.home) {
      s.home = nextHome();
      g.link('CURRENT_ADDRESS', s.id, s.home, { role: 'home' });
    }
    rel.home = s.home;
    g.link('CURRENT_ADDRESS', rel.id, s.home, { role: 'home' });
    g.link('FAMILY_REL', rel.id, s.id, { rel_type: relType });
    g.link('KNOWS_LW', rel.id, s.id);
  }
  for (const a of [o01, o02, o03, r01, ...drivers]) {
    if (a !== o01 && rng.chance(0.6)) continue;
    a.home = nextHome();
    g.link('CURRENT_ADDRESS', a.id, a.home, { role: 'home' });
  }
  g.link('FAMILY_REL', revokedHolder.id, r01.id, { rel_type: 'SIBLING' });

  // ------------------------------------------------------------------ phones and attribution
  const subscriberBatches = ['2008-11-12', '2009-04-20', '2009-10-05', '2010-02-22', '2010-07-14', '2011-01-17'].map((d) => ({
    date: d,
    id: '',
    count: 0,
  }));
  const batchReport = (date: string): string => {
    const b = must(subscriberBatches.filter((x) => x.date >= date)[0] ?? subscriberBatches[subscriberBatches.length - 1], 'batch');
    if (!b.id)
      b.id = report({ date: b.date, sourceType: 'police', grade: 1, intel: 'A', summary: `Subscriber checks returned on numbers of interest (${b.date}).`, mentions: [] });
    b.count++;
    return b.id;
  };
  const ywReport = (about: Child, text: string, mentions: string[]): string => {
    const id = report({ date: rng.date('2008-03-01', '2011-06-30'), sourceType: 'youth_worker', summary: `${about.pseudonym}: ${text}`, mentions: [about.id, ...mentions] });
    return id;
  };

  function attribute(owner: string, ph: string, basis: string, reps: string[], confidence: number): DatasetLink {
    const l = g.link('HAS_PHONE', owner, ph, { basis, confidence });
    // a batch of subscriber checks is about numbers; the owner is on the link it supports
    for (const r of reps) cite([r], [l], subscriberBatches.some((b) => b.id === r) ? [ph] : [owner, ph]);
    return l;
  }

  // one download per handset seized on arrest: it confirms the number and lists the contacts
  const seizedReport = new Map<string, string>();
  for (const s of arrested)
    seizedReport.set(
      s.id,
      report({ date: rng.date('2010-04-01', '2010-08-31'), sourceType: 'police', grade: 1, intel: 'A', summary: `Download of handset seized from ${s.given} ${s.surname} on arrest.`, mentions: [s.id] }),
    );
  for (const s of suspects) {
    const count = s.n === 1 ? 3 : rng.pick([1, 1, 1, 2, 2, 2, 2, 3, 3, 4]);
    for (let i = 0; i < count; i++) {
      const ph = phone('mobile');
      s.phones.push(ph);
      if (s.n === 1) continue; // s001's attributions are told below
      const seized = arrested.includes(s) && i === 0;
      const basis = seized ? 'seized_handset' : rng.chance(0.7) ? 'subscriber_check' : 'intelligence';
      const reps =
        basis === 'subscriber_check'
          ? [batchReport(rng.date('2008-06-01', '2011-01-01'))]
          : basis === 'seized_handset'
            ? [must(seizedReport.get(s.id), 'seized report')]
            : [report({ date: rng.date('2008-03-01', '2011-06-30'), sourceType: rng.pick(['police', 'public', 'partner'] as const), summary: `Information that ${s.given} ${s.surname} uses a further mobile number.`, mentions: [] })];
      if (basis !== 'seized_handset' && rng.chance(0.18)) {
        // an independent second source makes the attribution stronger, not different
        reps.push(report({ date: rng.date('2008-03-01', '2011-06-30'), sourceType: rng.pick(['youth_worker', 'public', 'parent'] as const), summary: `Number given as belonging to "${rng.pick(s.nicks)}", believed ${s.given} ${s.surname}.`, mentions: [] }));
      }
      attribute(s.id, ph, basis, reps, basis === 'intelligence' ? (reps.length > 1 ? 0.75 : 0.55) : 0.9);
    }
  }
  // a shared handset between two men in one cluster
  for (const cl of clusters.slice(1, 3)) {
    const [a, b] = cl.slice(4, 6);
    if (a && b && a.phones[0]) {
      attribute(b.id, a.phones[0], 'intelligence', [report({ date: rng.date('2009-01-01', '2010-12-31'), sourceType: 'police', summary: `${a.given} ${a.surname} and ${b.given} ${b.surname} share a handset.`, mentions: [] })], 0.6);
      b.phones.push(a.phones[0]);
    }
  }
  for (const c of children) {
    c.phone = phone('mobile', { doNotContact: c.chart === 'victim' || c.restricted || c.n === 1 ? true : undefined });
    g.link('HAS_PHONE', c.id, c.phone, { basis: 'self_declared', confidence: 1 });
  }
  for (const a of [...parents, o01, o02, o03, r01, r02, r03, r04, ...drivers]) {
    const ph = phone('mobile');
    a.phones.push(ph);
    g.link('HAS_PHONE', a.id, ph, { basis: 'self_declared', confidence: 1 });
    if (parents.includes(a) && rng.chance(0.4)) {
      const land = phone('landline');
      a.phones.push(land);
      g.link('HAS_PHONE', a.id, land, { basis: 'self_declared', confidence: 1 });
    }
  }

  // ------------------------------------------------------------------ operators, licences, drivers, vehicles
  const OPERATORS = [
    { id: 'opr-1', name: 'Aldercote Cars Ltd', tradingName: 'Aldercote Cars', office: must(offices[0], 'office'), granted: '2003-06-02' },
    { id: 'opr-2', name: 'Fellgate Taxis Ltd', tradingName: 'Fellgate 24/7', office: must(offices[2], 'office'), granted: '2004-02-09' },
    { id: 'opr-3', name: 'Dunmere Private Hire Ltd', tradingName: 'Dunmere Cars', office: must(offices[1], 'office'), granted: '2005-09-19' },
    { id: 'opr-4', name: 'Harrowby Executive Travel Ltd', tradingName: 'HX Travel', office: must(offices[3], 'office'), granted: '2006-11-27' },
    { id: 'opr-5', name: 'Marlow Bank Cars Ltd', tradingName: 'MB Cars', office: must(offices[4], 'office'), granted: '2007-08-13' },
    // the successor: a new company, new name, same office and phone, the revoked holder's brother
    { id: 'opr-6', name: 'DMR Travel Ltd', tradingName: 'Dunmere Express', office: must(offices[1], 'office'), granted: PHOENIX_GRANTED },
  ];
  const booking = new Map<string, string>();
  const operatorReg = new Map<string, string>();
  for (const o of OPERATORS) {
    g.node(o.id, ['Operator'], { name: o.name, tradingName: o.tradingName });
    const lic = `lic-op-${o.id.slice(4)}`;
    const revoked = o.id === 'opr-3';
    g.node(lic, ['Licence'], {
      kind: 'operator',
      number: `PHO/${o.granted.slice(0, 4)}/${pad(rng.int(1, 99), 4)}`,
      status: revoked ? 'revoked' : 'active',
      grantedOn: o.granted,
      endedOn: revoked ? REVOKED_ON : undefined,
    });
    const reg = report({
      date: o.id === 'opr-6' ? PHOENIX_GRANTED : '2008-04-01',
      sourceType: 'licensing',
      grade: 1,
      intel: 'A',
      summary: `Licensing register extract: ${o.name} (trading as ${o.tradingName}), operator licence, base, booking line, drivers and vehicles.`,
      mentions: [o.id, lic],
    });
    operatorReg.set(o.id, reg);
    cite([reg], [g.link('HOLDS', o.id, lic, { from: o.granted, to: revoked ? REVOKED_ON : undefined })]);
    const isPhoenix = o.id === 'opr-6';
    cite([reg], [g.link('BASED_AT', o.id, o.office, { from: isPhoenix ? PHOENIX_GRANTED : o.granted, to: revoked ? REVOKED_ON : undefined })], [o.office]);
    const line = isPhoenix ? must(booking.get('opr-3'), 'booking line') : phone('landline');
    booking.set(o.id, line);
    cite([reg], [g.link('HAS_PHONE', o.id, line, { basis: 'licence_application', confidence: 1, from: isPhoenix ? PHOENIX_GRANTED : o.granted })], [line]);
    cite([reg], [g.link('CONTACT_PHONE', lic, line)]);
  }
  // the successor's application also gives the revoked holder's own mobile
  const holderMobile = must(revokedHolder.phones[0], 'revoked holder phone');
  cite([must(operatorReg.get('opr-6'), 'reg')], [g.link('CONTACT_PHONE', 'lic-op-6', holderMobile)], [holderMobile]);
  const runs: [Adult | Suspect, string, string, string?, string?][] = [
    [o01, 'opr-1', 'holder'],
    [o01, 'opr-1', 'licensing_contact'],
    [revokedHolder, 'opr-3', 'holder', undefined, REVOKED_ON],
    [revokedHolder, 'opr-3', 'director', undefined, REVOKED_ON],
    [o02, 'opr-5', 'holder'],
    [o02, 'opr-5', 'director'],
    [S(11), 'opr-3', 'manager', '2007-01-08', REVOKED_ON],
    [S(6), 'opr-2', 'holder'],
    [S(29), 'opr-2', 'manager'],
    [o03, 'opr-4', 'holder'],
    [o03, 'opr-4', 'licensing_contact'],
    [r01, 'opr-6', 'holder', PHOENIX_GRANTED],
    [r01, 'opr-6', 'director', PHOENIX_GRANTED],
    [S(11), 'opr-6', 'manager', PHOENIX_GRANTED],
  ];
  for (const [p, o, role, from, to] of runs) cite([must(operatorReg.get(o), 'reg')], [g.link('RUNS', p.id, o, { role, from, to })], [p.id]);

  // vehicles
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

  let licDrN = 0;
  let licVehN = 0;
  interface DriverPlan {
    who: Adult | Suspect;
    spells: { opr: string; from: string; to?: string }[];
    status?: { status: string; endedOn: string };
  }
  const plans: DriverPlan[] = [];
  const spell = (opr: string, from: string, to?: string) => ({ opr, from, to });
  const before = REVOKED_ON;
  const after = (d: number) => addDays(PHOENIX_GRANTED, d);
  const p = (who: Adult | Suspect, spells: DriverPlan['spells'], status?: DriverPlan['status']) => plans.push({ who, spells, status });
  p(S(1), [spell('opr-3', '2006-04-03', before), spell('opr-6', after(4))]);
  p(S(3), [spell('opr-3', '2007-02-12', '2010-06-01')], { status: 'revoked', endedOn: '2010-12-06' });
  p(S(11), [spell('opr-3', '2007-01-08', before), spell('opr-6', after(0))]);
  p(S(15), [spell('opr-3', '2008-05-19', before), spell('opr-6', after(11))]);
  p(S(18), [spell('opr-3', '2006-10-30', before), spell('opr-6', after(18))]);
  p(S(26), [spell('opr-3', '2009-01-05', before), spell('opr-1', '2010-04-12')], { status: 'suspended', endedOn: '2011-02-14' });
  p(D(4), [spell('opr-3', '2008-08-11', before), spell('opr-6', after(7))]);
  p(D(5), [spell('opr-3', '2007-03-26', before), spell('opr-2', '2010-04-06')]);
  p(S(52), [spell('opr-6', after(30))]);
  p(S(58), [spell('opr-6', after(45))]);
  p(D(11), [spell('opr-6', after(60))]);
  p(D(12), [spell('opr-6', after(90))]);
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

  const driverLicence = new Map<string, string>();
  const driverTaxi = new Map<string, string>();
  const taxiOperators = new Map<string, { opr: string; from: string; to?: string }[]>();
  const driversOf = new Map<string, string[]>();
  const nameOf = (a: Adult | Suspect) => `${a.given} ${a.surname}`;
  for (const plan of plans) {
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
    // the taxi: usually the driver's own, licensed as a private-hire vehicle, moving with him
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
    const ops: { opr: string; from: string; to?: string }[] = [];
    for (const sp of plan.spells) {
      const from = maxDate(sp.from, vGranted);
      const to = sp.to ?? plan.status?.endedOn;
      ops.push({ opr: sp.opr, from, to });
      cite([must(operatorReg.get(sp.opr), 'reg')], [g.link('OPERATED_BY', v, sp.opr, { from, to })]);
    }
    taxiOperators.set(v, ops);
  }
  // some men borrow a second driver's taxi (double-shifting)
  for (const [a, b] of [[S(15), S(18)], [S(21), D(1)], [S(33), S(36)]] as const) {
    const v = must(driverTaxi.get(b.id), 'taxi');
    g.link('USES_VEHICLE', a.id, v, { role: 'usual_driver' });
    a.vehicles.push(v);
  }
  const isDriver = (id: string) => driverLicence.has(id);
  const operatorAt = (driverId: string, date: string): string | undefined =>
    plans.find((x) => x.who.id === driverId)?.spells.find((sp) => sp.from <= date && (!sp.to || sp.to >= date))?.opr;

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

  // ------------------------------------------------------------------ who knows whom
  const intelReps = clusters.map((cl, i) =>
    ['2008-09-15', '2009-06-10', '2010-03-08', '2010-10-21'].map((d) =>
      report({ date: addDays(d, rng.int(0, 40)), sourceType: 'police', summary: `Intelligence on associates of network ${i + 1}.`, mentions: [must(cl[0], 'hub').id] }),
    ),
  );
  const knows = (type: string, a: Suspect, b: Suspect, reps: string[]) => {
    if (a === b || g.links.some((l) => l.start === b.id && l.end === a.id && l.type.startsWith('KNOWS'))) return;
    const l = g.once(type, a.id, b.id);
    cite(reps, [l], [a.id, b.id]);
  };
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
  // children who are friends; some know men through social media
  for (const c of children) {
    for (const f of rng.sample(children.filter((x) => x !== c), rng.int(0, 2))) {
      if (!g.links.some((l) => l.type === 'KNOWS' && l.start === f.id && l.end === c.id)) g.once('KNOWS', c.id, f.id);
    }
  }

  // ------------------------------------------------------------------ handsets (HAS_CONTACT)
  const s1 = S(1);
  const s1Main = must(s1.phones[0], 's001 phone 1');
  const s1Second = must(s1.phones[1], 's001 phone 2');
  const s1Third = must(s1.phones[2], 's001 phone 3');
  // how s001's numbers came to be attributed to him: three independent sources for the main one
  const ywTaz = ywReport(C(1), 'mentions a driver called "Taz" who gives her and friends free lifts in a silver Prius; gave his number.', [s1Main, s1.id]);
  attribute(s1.id, s1Main, 'subscriber_check', [batchReport('2009-04-01'), ywTaz, must(operatorReg.get('opr-3'), 'reg')], 0.95);
  attribute(s1.id, s1Second, 'subscriber_check', [batchReport('2009-09-01'), ywReport(C(3), 'says "Taz" has a second phone, number seen on her handset.', [s1Second])], 0.85);
  attribute(s1.id, s1Third, 'intelligence', [report({ date: '2009-12-28', sourceType: 'public', grade: 3, intel: 'D', summary: 'Anonymous caller says the man known as Taz uses a further number.', mentions: [] })], 0.4);

  const savedNick = new Map<string, string[]>(); // phone → savedAs values, to make shared nicknames visible
  function contact(owner: string, ph: string, savedAs: string, rep: string): void {
    if (g.links.some((l) => l.type === 'HAS_CONTACT' && l.start === owner && l.end === ph)) return;
    const l = g.link('HAS_CONTACT', owner, ph, { savedAs });
    // the download's report names the handset's owner; each contact carries it in its sources
    cite([rep], [l]);
    savedNick.set(ph, [...(savedNick.get(ph) ?? []), savedAs]);
  }
  // a pool of numbers that several children have, whose owners were never identified
  const unknownMen = Array.from({ length: 28 }, () => ({ ph: newUnknown(), nick: rng.pick(NICKNAMES) }));
  const handsetReport = new Map<string, string>();
  const taz1Saves: Record<number, string> = { 1: 'Taz', 3: 'T', 4: 'Taz', 6: 'Driver T', 10: 'Taz x', 12: 'T', 17: 'Taz' };
  for (const c of children) {
    const dl = c.n === 1 ? '2010-03-04' : rng.date('2009-03-01', '2011-04-30');
    const rep = report({
      date: dl,
      sourceType: 'police',
      grade: 1,
      intel: 'A',
      summary: `Download of ${c.pseudonym}'s handset: contacts of interest listed.`,
      mentions: [c.id],
    });
    handsetReport.set(c.id, rep);
    for (const s of c.linked) {
      if (s.n === 1) {
        contact(c.id, s1Main, must(taz1Saves[c.n], 'taz save'), rep);
        if ([1, 3, 6].includes(c.n)) contact(c.id, s1Second, c.n === 1 ? 'Taz 2' : 'Taz', rep);
        continue;
      }
      if (rng.chance(0.2) && c.n !== 1 && s.n !== 17) continue; // not every man is in every handset
      const ph = rng.pick(s.phones);
      contact(c.id, ph, rng.pick(s.nicks), rep);
      if (s.phones.length > 1 && rng.chance(0.25)) contact(c.id, must(s.phones.find((x) => x !== ph), 'ph'), `${rng.pick(s.nicks)} 2`, rep);
    }
    for (const f of rng.sample(children.filter((x) => x !== c), rng.int(1, 3))) contact(c.id, f.phone, rng.chance(0.5) ? f.given : `${f.given} x`, rep);
    if (c.parent) contact(c.id, must(c.parent.phones[0], 'parent phone'), c.parent.id.endsWith('04') ? 'Dad' : 'Mum', rep);
    else contact(c.id, newUnknown(), rng.pick(['Mum', 'Nan', 'Dad', 'Home']), rep);
    for (const u of rng.sample(unknownMen, rng.int(1, 3))) contact(c.id, u.ph, rng.chance(0.7) ? u.nick : rng.pick(NICKNAMES), rep);
    const friends = rng.int(6, 11);
    for (let i = 0; i < friends; i++) contact(c.id, newUnknown(), rng.pick(rng.chance(0.75) ? FRIEND_SAVES : NICKNAMES), rep);
    // a taxi firm's number, saved by name
    if (rng.chance(0.5)) {
      const o = rng.pick(OPERATORS.slice(0, 4));
      contact(c.id, must(booking.get(o.id), 'booking'), rng.pick([o.tradingName, 'Taxi', 'Cars']), rep);
    }
  }
  // every unidentified man's number is in at least one handset
  for (const u of unknownMen) {
    if (savedNick.has(u.ph)) continue;
    const c = rng.pick(children.filter((x) => x.chart));
    contact(c.id, u.ph, u.nick, must(handsetReport.get(c.id), 'handset report'));
  }
  // a number nobody has attributed, saved as "Taz" by two children: a new phone of s001's, or a third man?
  const unknownTaz = newUnknown();
  contact(C(12).id, unknownTaz, 'Taz', must(handsetReport.get(C(12).id), 'handset report'));
  contact(C(4).id, unknownTaz, 'Taz new', must(handsetReport.get(C(4).id), 'handset report'));

  // handsets seized from the eight arrested men
  for (const s of arrested) {
    const rep = must(seizedReport.get(s.id), 'seized report');
    for (const c of linkedChildren(s)) contact(s.id, c.phone, rng.pick([c.given, `${c.given} ${c.surname.charAt(0)}`, `Little ${c.given.charAt(0)}`]), rep);
    const mates = rng.sample(clusters[s.cluster]?.filter((x) => x !== s) ?? [], rng.int(3, 6));
    for (const m of mates) {
      contact(s.id, rng.pick(m.phones), rng.chance(0.5) ? m.given : rng.pick(m.nicks), rep);
      const l = g.once('KNOWS_PHONE', s.id, m.id);
      cite([rep], [l]);
    }
    contact(s.id, s1Main, 'Taz', rep);
    cite([rep], [g.once('KNOWS_PHONE', s.id, s1.id)]);
    for (let i = rng.int(4, 9); i > 0; i--) contact(s.id, newUnknown(), rng.pick([...NICKNAMES, ...MALE_GIVEN]), rep);
    if (rng.chance(0.6)) contact(s.id, must(booking.get(rng.pick(OPERATORS).id), 'booking'), 'Base', rep);
  }

  // ------------------------------------------------------------------ incidents
  let incN = 0;
  const incidents: { id: string; kind: string; date: string; victims: string[]; parties: string[]; operators: string[] }[] = [];
  type Involved = { id: string; role?: string };
  function incident(o: {
    kind: string;
    date: string;
    endDate?: string;
    summary: string;
    type?: string;
    outcome?: string;
    returnInterviewOn?: string | null;
    victims?: string[];
    parties?: string[];
    at?: string;
    involved?: Involved[];
    partOf?: boolean;
    sourceType: SourceType;
    owner?: string;
    statusPath?: string[];
    extraLabels?: string[];
  }): string {
    const id = `inc-${pad(++incN, 4)}`;
    const path = o.statusPath ?? defaultPath(o.kind, o.date);
    let d = o.date;
    const history: string[] = [];
    for (const [i, st] of path.entries()) {
      if (i > 0) d = addDays(d, rng.int(2, 60));
      history.push(`${d}:${st}`);
    }
    const node = g.node(id, ['Incident'], {
      kind: o.kind,
      date: o.date,
      endDate: o.endDate,
      type: o.type,
      outcome: o.outcome,
      summary: o.summary,
      status: path[path.length - 1],
      history,
      returnInterviewOn: o.kind === 'missing' ? (o.returnInterviewOn ?? null) : undefined,
    });
    const reps = [report({ date: addDays(o.endDate ?? o.date, rng.int(0, 3)), sourceType: o.sourceType, owner: o.owner, summary: o.summary, mentions: [id] })];
    if (rng.chance(0.1)) {
      reps.push(report({ date: addDays(o.date, rng.int(1, 30)), sourceType: rng.pick(['youth_worker', 'public', 'partner', 'school'] as const), summary: `Separate account of the same events: ${o.summary}`, mentions: [id] }));
    }
    const links: DatasetLink[] = [];
    const mentions: string[] = [];
    for (const v of o.victims ?? []) {
      links.push(g.link('VICTIM_OF', v, id));
      mentions.push(v);
    }
    for (const p of new Set(o.parties ?? [])) {
      links.push(g.link('PARTY_TO', p, id));
      mentions.push(p);
    }
    if (o.at) {
      links.push(g.link('OCCURRED_AT', id, o.at)); // sourced on the link; not mentioned, to keep MENTIONS to what a report names
    }
    for (const inv of o.involved ?? []) {
      links.push(g.link('INVOLVED_IN', inv.id, id, { role: inv.role }));
      if (inv.id.startsWith('opr-')) mentions.push(inv.id); // named in the text
    }
    if (o.partOf) links.push(g.link('PART_OF', id, 'op-central'));
    cite(reps, [node, ...links], mentions);
    incidents.push({
      id,
      kind: o.kind,
      date: o.date,
      victims: o.victims ?? [],
      parties: o.parties ?? [],
      operators: (o.involved ?? []).filter((x) => x.id.startsWith('opr-')).map((x) => x.id),
    });
    return id;
  }
  function defaultPath(kind: string, date: string): string[] {
    const recent = date >= '2011-03-01';
    switch (kind) {
      case 'missing':
        return rng.chance(0.3) ? ['open', 'with_police', 'closed'] : ['open', 'closed'];
      case 'crime':
        return ['with_police', 'closed'];
      case 'sighting':
        return recent && rng.chance(0.5) ? ['open'] : ['open', 'closed'];
      case 'concern':
        return recent ? rng.pick([['open'], ['open', 'with_police']]) : rng.pick([['open', 'closed'], ['open', 'with_police', 'closed'], ['open', 'with_police']]);
      default:
        return recent ? ['open'] : ['open', 'closed'];
    }
  }
  const who = (id: string): string => {
    const s = suspects.find((x) => x.id === id);
    if (s) return `${s.given} ${s.surname}`;
    const c = children.find((x) => x.id === id);
    return c ? c.pseudonym : id;
  };
  const inOp = (date: string, parties: string[]) =>
    date >= '2009-06-01' && date <= '2011-03-31' && parties.some((p) => p.startsWith('per-s')) && rng.chance(0.3);
  const placeAt = (c: Child, date: string): string | undefined =>
    c.placement && c.placement.from <= date ? c.placement.unit : (c.familyHome ?? c.placement?.unit);

  // --- scripted: the notice at the takeaway, and the 14-year-old later found there
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

  // --- the arrested men's cases (crimes, part of the operation, with statement victims)
  for (const s of arrested) {
    const victims = (CASES[s.n] ?? []).map((cn) => C(cn).id);
    // statements also named other men, who were never actioned
    const named = rng.sample(clusters[s.cluster]?.filter((x) => x !== s && !arrested.includes(x)) ?? [], rng.int(1, 3)).map((x) => x.id);
    const date = rng.date('2008-06-01', '2009-12-31');
    const conv = convictedSet.has(s.n);
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

  // --- each child's own chronology
  const foundPlaces = (c: Child, parties: Suspect[]): string[] => [
    park, park, ...takeaways, hotel, ...shops, ...others, ...offices.slice(0, 2),
    ...parties.map((p) => p.home).filter((h): h is string => !!h),
    ...(c.n === 1 ? [scenarioTakeaway] : []),
  ];
  for (const c of children) {
    const span = c.n === 1 ? ['2008-09-01', '2011-06-30'] : ['2008-01-15', '2011-09-30'];
    const from = must(span[0], 'span');
    const to = must(span[1], 'span');
    const nMissing = c.n === 1 ? 4 : c.chart === 'victim' ? rng.int(3, 5) : c.chart ? rng.int(1, 4) : rng.int(0, 2);
    const nConcern = c.n === 1 ? 3 : c.chart === 'victim' ? rng.int(2, 3) : c.chart ? rng.int(1, 2) : 1;
    const nSighting = c.n === 1 ? 2 : c.chart ? rng.int(1, 2) : rng.int(0, 1);
    const pickParties = (k: number) => rng.sample(c.linked, k);
    for (let i = 0; i < nMissing; i++) {
      const date = rng.date(from, to);
      const parties = pickParties(rng.int(0, 2));
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
    for (let i = 0; i < nConcern; i++) {
      const date = rng.date(from, to);
      const parties = pickParties(rng.int(1, 2));
      const drv = parties.find((p) => isDriver(p.id));
      const involved: Involved[] = [];
      let summary = `${c.pseudonym} reported to be spending time with older men (${parties.map((p) => `"${rng.pick(p.nicks)}"`).join(', ')}); given alcohol and phone credit.`;
      if (drv) {
        const opr = operatorAt(drv.id, date);
        const taxi = driverTaxi.get(drv.id);
        if (taxi) involved.push({ id: taxi });
        if (opr && rng.chance(0.8)) {
          involved.push({ id: opr });
          const o = must(OPERATORS.find((x) => x.id === opr), 'operator');
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
    for (let i = 0; i < nSighting; i++) {
      const date = rng.date(from, to);
      const parties = pickParties(rng.int(1, 2));
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
  }
  // --- children who are not yet on anyone's chart still get youth-work reports naming men
  for (const c of children.filter((x) => !x.chart || x.n === 1)) {
    const s = c.linked[0];
    if (s) {
      const rep = ywReport(c, `talks about "${rng.pick(s.nicks)}" who has a car and buys ${c.sex === 'F' ? 'her' : 'him'} things.`, [s.id]);
      cite([rep], [g.once('KNOWS_SN', c.id, s.id)]);
    }
  }

  // --- complaints about drivers, to licensing
  const complaintDrivers = [s1, s1, S(3), S(11), S(15), S(18), S(26), S(26), S(17), S(33), S(36), S(7), S(41), D(4), D(6), D(9), S(52), S(24), S(29), S(47)];
  const complaintText = [
    'driver offering free rides to girls of school age',
    'driver seen with young girls in the front seat late at night',
    'driver parked outside a children’s home for long periods',
    'driver gave a passenger’s 13-year-old his mobile number',
    'driver refused to take a girl home and drove elsewhere',
  ];
  for (const d of complaintDrivers) {
    const spells = plans.find((x) => x.who === d)?.spells ?? [];
    const sp = rng.pick(spells);
    const date = rng.date(maxDate(sp.from, '2008-01-15'), minDate(sp.to ?? '2011-10-31', '2011-10-31'));
    const taxi = must(driverTaxi.get(d.id), 'taxi');
    const withChild = rng.chance(0.4) && 'n' in d ? linkedChildren(d as Suspect)[0] : undefined;
    const o = must(OPERATORS.find((x) => x.id === sp.opr), 'op');
    incident({
      kind: 'complaint',
      date,
      summary: `Complaint about ${o.tradingName} vehicle ${vehicleReg.get(taxi)}: ${rng.pick(complaintText)}.`,
      parties: [d.id],
      victims: withChild ? [withChild.id] : [],
      involved: [{ id: must(driverLicence.get(d.id), 'lic') }, { id: taxi }, { id: sp.opr }],
      at: rng.chance(0.5) ? rng.pick([...takeaways, ...units, ...schools, park]) : undefined,
      sourceType: rng.pick(['public', 'parent', 'school'] as const),
      owner: 'Licensing',
      outcome: rng.pick(['No further action', 'Words of advice', 'No further action', 'Referred to operator']),
    });
  }

  // --- licensing events
  incident({
    kind: 'licence_event',
    date: REVOKED_ON,
    summary: 'Operator licence of Dunmere Private Hire Ltd revoked: records not kept, unlicensed drivers dispatched.',
    involved: [{ id: 'lic-op-3' }, { id: 'opr-3' }],
    parties: [revokedHolder.id],
    sourceType: 'licensing',
    outcome: 'Revoked',
    statusPath: ['closed'],
  });
  incident({
    kind: 'licence_event',
    date: PHOENIX_GRANTED,
    summary: 'Operator licence granted to DMR Travel Ltd (trading as Dunmere Express).',
    involved: [{ id: 'lic-op-6' }, { id: 'opr-6' }],
    parties: [r01.id],
    sourceType: 'licensing',
    outcome: 'Granted',
    statusPath: ['closed'],
  });
  for (const plan of plans.filter((x) => x.status && x.status.status !== 'expired')) {
    const st = must(plan.status, 'status');
    incident({
      kind: 'licence_event',
      date: st.endedOn,
      summary: `Private-hire driver licence of ${nameOf(plan.who)} ${st.status}.`,
      involved: [{ id: must(driverLicence.get(plan.who.id), 'lic') }],
      parties: [plan.who.id],
      sourceType: 'licensing',
      outcome: st.status === 'revoked' ? 'Revoked' : 'Suspended',
      statusPath: ['closed'],
    });
  }
  // --- threats and other crimes around the network
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

  // ------------------------------------------------------------------ notices
  let ntcN = 0;
  function notice(o: { subject: Suspect; child: Child; servedOn: string; at: string; names: string; notified: string | null }): string {
    const id = `ntc-${pad(++ntcN, 3)}`;
    const node = g.node(id, ['Notice'], { kind: 'child_abduction', servedOn: o.servedOn, licensingNotifiedOn: o.notified });
    const rep = report({
      date: o.servedOn,
      sourceType: 'police',
      grade: 1,
      intel: 'A',
      summary: `Child abduction warning notice served on ${o.subject.given} ${o.subject.surname} at ${locName.get(o.at)} in respect of ${o.child.pseudonym}.`,
      mentions: [id, o.subject.id, o.child.id],
    });
    cite([rep], [
      node,
      g.link('SERVED_ON', id, o.subject.id),
      g.link('PROTECTS', id, o.child.id),
      g.link('SERVED_AT', id, o.at),
      g.link('NAMES_PLACE', id, o.names),
    ]);
    return id;
  }
  if (notice({ subject: s1, child: C(5), servedOn: '2009-06-18', at: scenarioTakeaway, names: park, notified: null }) !== DEMO_IDS.noticeAtTakeaway)
    throw new Error('demo generator: scenario ids moved');
  const noticePairs: [Suspect, Child][] = [];
  for (const c of rng.shuffle(children)) {
    if (noticePairs.length >= 11) break;
    const s = rng.pick(c.linked);
    if (!noticePairs.some(([x, y]) => x === s && y === c)) noticePairs.push([s, c]);
  }
  noticePairs.forEach(([s, c], i) => {
    const servedOn = rng.date('2008-03-01', '2011-06-30');
    notice({
      subject: s,
      child: c,
      servedOn,
      at: rng.pick([s.home ?? park, rng.pick(takeaways), park, hotel]),
      names: placeAt(c, servedOn) ?? park,
      // licensing was told of two notices in all, both in 2011
      notified: i < 2 && isDriver(s.id) ? rng.date('2011-04-01', '2011-09-30') : i < 2 ? addDays(servedOn, 120) : null,
    });
  });

  // ------------------------------------------------------------------ meetings
  let mtgN = 0;
  const meetings: { id: string; date: string; kind: string; child?: Child }[] = [];
  const meetingPlan: { date: string; kind: 'strategy' | 'responsible_authority'; child?: Child }[] = [];
  for (const d of ['2009-03-11', '2009-12-02', '2010-02-10', '2010-06-23', '2011-01-19']) meetingPlan.push({ date: d, kind: 'strategy', child: C(1) });
  for (const c of children.slice(1)) {
    const k = c.chart === 'victim' ? rng.int(2, 3) : c.chart ? rng.int(1, 2) : rng.int(0, 1);
    for (let i = 0; i < k; i++) meetingPlan.push({ date: rng.date('2008-06-01', '2011-10-31'), kind: 'strategy', child: c });
  }
  for (let q = 0; q < 12; q++) meetingPlan.push({ date: addDays('2008-09-10', q * 91 + rng.int(0, 10)), kind: 'responsible_authority' });
  meetingPlan.sort((a, b) => (a.date === b.date ? (a.child?.n ?? 0) - (b.child?.n ?? 0) : a.date < b.date ? -1 : 1));
  const raisedCount = new Map<string, number>();
  for (const m of meetingPlan) {
    const id = `mtg-${pad(++mtgN, 3)}`;
    g.node(id, ['Meeting'], {
      kind: m.kind,
      date: m.date,
      title: m.child ? `Strategy meeting: ${m.child.pseudonym}` : 'Responsible authorities meeting: licensed vehicles and premises',
    });
    meetings.push({ id, date: m.date, kind: m.kind, child: m.child });
    if (m.child) {
      g.link('DISCUSSED_AT', m.child.id, id);
      const recent = incidents.filter((x) => x.victims.includes(m.child?.id ?? '') && x.date < m.date && x.date > addDays(m.date, -300));
      for (const x of recent.slice(-4)) g.link('RAISED_AT', x.id, id);
    } else {
      // concerns and complaints naming operators come back meeting after meeting, unresolved
      const named = incidents.filter((x) => x.operators.length && x.date < m.date && x.date > addDays(m.date, -365) && (raisedCount.get(x.id) ?? 0) < 2);
      // a quiet quarter still gets a general update on the latest incidents
      if (!named.length) named.push(...incidents.filter((x) => x.date < m.date).slice(-2));
      const discussed = new Set<string>();
      for (const x of named) {
        g.link('RAISED_AT', x.id, id);
        raisedCount.set(x.id, (raisedCount.get(x.id) ?? 0) + 1);
        for (const p of x.parties) if (p.startsWith('per-s') && rng.chance(0.15)) discussed.add(p);
      }
      for (const p of discussed) g.link('DISCUSSED_AT', p, id);
    }
  }

  return { nodes: [...g.nodes.values()], links: g.links };
}
