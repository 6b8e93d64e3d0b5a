/**
 * The synthetic demo dataset: an operation chart at the real scale of Operation Central
 * (Rotherham, 2008–2011) — about 80 suspects, 20 children, 500 phone numbers with handset contacts
 * saved under nicknames, vehicles, five taxi operators (one revoked and carried on by a relative's
 * new licence), premises, concerns, missing episodes, meetings, abduction notices and the
 * operation's dispositions (8 arrested: 5 convicted, 3 acquitted; everyone else never actioned).
 *
 * Deterministic: the same seed always gives the same graph (seedrandom, no clock). Invented names
 * only, Ofcom drama phone ranges (07700 900xxx, 01632 960xxx), registrations with the memory tag
 * "ZZ" that no one can hold, postcodes in the unused "QX" area. No ethnicity or religion.
 */
import seedrandom from 'seedrandom';
import type { Dataset, DatasetLink, DatasetNode, PropertyValue } from './dataset.js';

const GIVEN_MALE = ['Daniel', 'Lee', 'Craig', 'Wayne', 'Darren', 'Gary', 'Jason', 'Kieran', 'Marcus', 'Nathan', 'Reece', 'Scott', 'Shane', 'Terry', 'Vince', 'Adrian', 'Barry', 'Colin', 'Dean', 'Glen', 'Kelvin', 'Lloyd', 'Mitchell', 'Neil', 'Owen', 'Ross', 'Stuart', 'Troy', 'Warren', 'Jamie'];
const GIVEN_FEMALE = ['Amy', 'Chloe', 'Jade', 'Kayleigh', 'Leanne', 'Megan', 'Nicole', 'Paige', 'Rebecca', 'Shannon', 'Stacey', 'Tanya', 'Abbie', 'Bethany', 'Casey', 'Demi', 'Ellie', 'Hollie', 'Jodie', 'Keeley'];
const SURNAMES = ['Ashdown', 'Birkett', 'Calloway', 'Denholm', 'Eastwood', 'Fairclough', 'Garside', 'Hartley', 'Ibbotson', 'Jowett', 'Kershaw', 'Lindley', 'Marsden', 'Naylor', 'Ormerod', 'Pickersgill', 'Quarmby', 'Rushworth', 'Sugden', 'Thackray', 'Uttley', 'Varley', 'Whiteley', 'Yeadon', 'Armitage', 'Brearley', 'Crowther', 'Dyson', 'Exley', 'Firth', 'Greenwood', 'Haigh', 'Illingworth', 'Jagger', 'Kitching', 'Longbottom', 'Mellor', 'Noble', 'Oldroyd', 'Priestley'];
/** Street names children save numbers under; several suspects share some of them. */
const NICKNAMES = ['Taz', 'Bigman', 'Smiler', 'Ace', 'Spider', 'Rocket', 'Tiger', 'Blue', 'Kes', 'Flash', 'Dizzy', 'Boss', 'Chief', 'Max', 'Jay', 'Dee', 'Prince', 'Shadow', 'Bear', 'Razor'];
const STREETS = ['Mill Lane', 'Canal Street', 'Foundry Road', 'Chapel Walk', 'Station Road', 'Forge Close', 'Weir Street', 'Kiln Row', 'Tenter Street', 'Bridge Gate', 'Moor Lane', 'Orchard Way'];
const MAKES: [string, string][] = [['Vauxhall', 'Astra'], ['Ford', 'Mondeo'], ['Toyota', 'Avensis'], ['Skoda', 'Octavia'], ['Volkswagen', 'Passat'], ['Peugeot', '406'], ['Honda', 'Accord'], ['BMW', '3 Series'], ['Ford', 'Galaxy'], ['Vauxhall', 'Zafira']];
const COLOURS = ['silver', 'black', 'white', 'blue', 'red', 'grey'];
const OPERATORS = ['Dalton Cars', 'Riverside Private Hire', 'Central Taxis', 'Northway Cars', 'Parkgate Travel'];
const SOURCE_TYPES = ['victim', 'youth_worker', 'parent', 'school', 'police', 'licensing', 'partner', 'public'];
const AGENCIES = ['police', 'childrens_services', 'licensing', 'youth_service', 'health', 'education'];

export function generateDemo(seed = 'operation-central'): Dataset {
  const rng = seedrandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const chance = (p: number) => rng() < p;
  const sample = <T>(xs: readonly T[], n: number): T[] => {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(n, copy.length));
  };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  /** A day between two years inclusive, as YYYY-MM-DD. */
  const day = (fromYear = 2008, toYear = 2011) => `${int(fromYear, toYear)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`;
  const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);

  const nodes: DatasetNode[] = [];
  const links: DatasetLink[] = [];
  const linkIds = new Set<string>();
  const node = (id: string, labels: string[], props: Record<string, PropertyValue | undefined>) => {
    const clean: Record<string, PropertyValue> = {};
    for (const [k, v] of Object.entries(props)) if (v !== undefined) clean[k] = v;
    nodes.push({ id, labels, props: clean });
    return id;
  };
  const link = (type: string, start: string, end: string, props: Record<string, PropertyValue | undefined> = {}) => {
    let id = `${type}:${start}:${end}`;
    for (let n = 2; linkIds.has(id); n++) id = `${type}:${start}:${end}:${n}`;
    linkIds.add(id);
    const clean: Record<string, PropertyValue> = {};
    for (const [k, v] of Object.entries(props)) if (v !== undefined) clean[k] = v;
    const l = { id, type, start, end, props: clean };
    links.push(l);
    return l;
  };

  // ---- Places -------------------------------------------------------------------------------
  const place = (id: string, kind: string, address: string, extra: Record<string, PropertyValue> = {}) =>
    node(id, ['Location'], {
      address,
      postcode: `QX${int(1, 9)} ${int(1, 9)}${pick(['AB', 'DF', 'GH', 'JL', 'NP', 'RT', 'UW'])}`,
      area: pick(['Eastwood', 'Ferham', 'Masbrough', 'Town Centre', 'Clifton']),
      latitude: +(53.43 + (rng() - 0.5) * 0.04).toFixed(5),
      longitude: +(-1.356 + (rng() - 0.5) * 0.06).toFixed(5),
      kind,
      ...extra,
    });
  const park = place('loc-park', 'park', 'Clifton Rec, Weir Street', { hotspot: true });
  const takeaways = Array.from({ length: 5 }, (_, i) => place(`loc-tk${i + 1}`, 'takeaway', `${int(1, 90)} ${pick(STREETS)} (${pick(['Kebab House', 'Pizza Stop', 'Grill Bar', 'Chip Shop', 'Fried Chicken'])})`, { hotspot: i < 2 }));
  const units = Array.from({ length: 3 }, (_, i) => place(`loc-ru${i + 1}`, 'residential_unit', `${pick(['Oak', 'Ash', 'Elm'])} House residential unit ${i + 1}`, { restricted: true }));
  const offices = Array.from({ length: 5 }, (_, i) => place(`loc-to${i + 1}`, 'taxi_office', `${int(1, 60)} ${pick(STREETS)} (taxi office)`));
  const homes = Array.from({ length: 45 }, (_, i) => place(`loc-h${pad(i + 1, 2)}`, 'home', `${int(1, 140)} ${pick(STREETS)}`));
  const schools = [place('loc-sch1', 'school', 'Foundry Road Academy'), place('loc-sch2', 'school', 'Moor Lane School')];
  const hotel = place('loc-hotel', 'hotel', 'Station Road Hotel');
  const flats = Array.from({ length: 3 }, (_, i) => place(`loc-fl${i + 1}`, 'other', `Flat ${int(1, 20)}, ${pick(STREETS)}`, { hotspot: i === 0 }));
  const premises = [park, ...takeaways, hotel, ...flats];

  // ---- Phones: mobiles 07700 900000–900999, landlines 01632 960000–960999 ----------------------
  let mobile = 0;
  let landline = 0;
  const formats = [(n: string) => `07700 ${n}`, (n: string) => `07700${n}`, (n: string) => `+44 7700 ${n.slice(0, 3)} ${n.slice(3)}`, (n: string) => `(07700) ${n}`];
  const phone = (kind: 'mobile' | 'landline', extra: Record<string, PropertyValue> = {}) => {
    if (kind === 'mobile') {
      const n = pad(mobile++, 3);
      return node(`ph-m${n}`, ['Phone'], { phoneNo: `+447700900${n}`, raw: pick(formats)(`900${n}`), ...extra });
    }
    const n = pad(landline++, 3);
    return node(`ph-l${n}`, ['Phone'], { phoneNo: `+441632960${n}`, raw: `01632 960${n}`, ...extra });
  };

  // ---- People -------------------------------------------------------------------------------
  const suspects: string[] = [];
  const suspectNick = new Map<string, string>();
  const phonesOf = new Map<string, string[]>();
  for (let i = 1; i <= 80; i++) {
    const id = `per-s${pad(i, 3)}`;
    const [name, surname] = i === 1 ? ['Darren', 'Kershaw'] : [pick(GIVEN_MALE), pick(SURNAMES)];
    const nick = i === 1 ? 'Taz' : NICKNAMES[i % NICKNAMES.length];
    suspectNick.set(id, nick);
    node(id, ['Person'], {
      name,
      surname,
      sex: 'male',
      dob: `${int(1962, 1990)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`,
      aliases: i === 1 ? ['Daz', 'D. Kershaw-Hill'] : chance(0.3) ? [`${name.slice(0, 3)}`] : undefined,
    });
    suspects.push(id);
    link('CURRENT_ADDRESS', id, pick(homes), { role: 'home', from: day(2004, 2008) });
    const phones = Array.from({ length: i === 1 ? 3 : int(1, 4) }, () => phone('mobile'));
    phonesOf.set(id, phones);
    for (const ph of phones) link('HAS_PHONE', id, ph, { basis: pick(['subscriber', 'seized_handset', 'intelligence']), confidence: pick(['high', 'medium', 'low']) });
  }
  // Families and friendships among the suspects.
  for (let i = 0; i < 18; i++) {
    const [a, b] = sample(suspects, 2);
    link('FAMILY_REL', a, b, { rel_type: pick(['SIBLING', 'SIBLING', 'COUSIN', 'PARENT']) });
  }
  for (let i = 0; i < 160; i++) {
    const a = pick(suspects);
    const near = suspects.filter((s) => Math.abs(+s.slice(-3) - +a.slice(-3)) <= 8 && s !== a);
    link(pick(['KNOWS', 'KNOWS', 'KNOWS_PHONE', 'KNOWS_SN']), a, pick(near), {});
  }
  for (let i = 0; i < 6; i++) {
    const [a, b] = sample(suspects, 2);
    link('KNOWS_LW', a, b, {});
  }

  const children: string[] = [];
  for (let i = 1; i <= 20; i++) {
    const id = `per-c${pad(i, 2)}`;
    const age = i === 7 ? 14 : int(12, 16);
    const lookedAfter = i === 1 || i % 3 === 0;
    node(id, ['Person'], {
      name: i === 1 ? 'Amy' : pick(GIVEN_FEMALE),
      surname: i === 1 ? 'Calloway' : pick(SURNAMES),
      pseudonym: `YP${pad(i, 2)}`,
      child: true,
      sex: i % 6 === 0 ? 'male' : 'female',
      age,
      dob: `${2010 - age}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`,
      lookedAfter,
      restricted: lookedAfter && i % 2 === 0 ? true : undefined,
    });
    children.push(id);
    if (lookedAfter) link('CURRENT_ADDRESS', id, pick(units), { role: 'placement', from: day(2007, 2009) });
    else link('CURRENT_ADDRESS', id, pick(homes), { role: 'family_home', from: day(1998, 2000) });
    link('ATTENDS', id, pick(schools), { from: '2008-09-01' });
    const ph = phone('mobile', { doNotContact: chance(0.5) });
    phonesOf.set(id, [ph]);
    link('HAS_PHONE', id, ph, { basis: 'victim_account', confidence: 'high' });
  }
  for (let i = 0; i < 6; i++) {
    const parent = node(`per-a${pad(i + 1, 2)}`, ['Person'], { name: pick(GIVEN_FEMALE), surname: pick(SURNAMES), sex: 'female' });
    link('FAMILY_REL', parent, children[i * 3 + 1], { rel_type: 'PARENT' });
    link('HAS_PHONE', parent, phone('landline'), {});
  }

  // ---- Handsets: numbers saved under nicknames (the only place nicknames live) ---------------
  const unattributed = Array.from({ length: 260 }, () => phone('mobile'));
  for (const child of children) {
    const rich = child === 'per-c01';
    for (const s of sample(suspects.slice(0, 40), rich ? 14 : int(4, 10))) {
      const nick = suspectNick.get(s)!;
      link('HAS_CONTACT', child, pick(phonesOf.get(s)!), { savedAs: chance(0.7) ? nick : `${nick} ${pick(['2', 'new', 'x', 'mate'])}` });
    }
    for (const other of sample(children.filter((c) => c !== child), int(1, 4))) link('HAS_CONTACT', child, phonesOf.get(other)![0], { savedAs: pick(GIVEN_FEMALE) });
    for (const ph of sample(unattributed, int(2, 8))) link('HAS_CONTACT', child, ph, { savedAs: pick(NICKNAMES) });
  }
  // A burner used to threaten a child, saved by two children under the same nickname.
  link('HAS_CONTACT', 'per-c02', unattributed[0], { savedAs: 'Taz' });
  link('HAS_CONTACT', 'per-c05', unattributed[0], { savedAs: 'Taz' });

  // ---- Vehicles -----------------------------------------------------------------------------
  const letters = 'ABCDEFGHJKLMNPRSTUVWXY';
  const regs = new Set<string>();
  const vehicle = (i: number) => {
    let reg: string;
    do reg = `ZZ${pad(int(51, 61) % 100, 2)}${letters[int(0, 21)]}${letters[int(0, 21)]}${letters[int(0, 21)]}`;
    while (regs.has(reg));
    regs.add(reg);
    const [make, model] = pick(MAKES);
    return node(`veh-${pad(i, 3)}`, ['Vehicle'], { reg, make, model, colour: pick(COLOURS), year: int(1998, 2009) });
  };
  let vehicleCount = 0;
  const vehiclesOf = new Map<string, string[]>();
  for (const s of suspects) {
    const n = s === 'per-s001' ? 1 : int(0, 2);
    const vs = Array.from({ length: n }, () => vehicle(++vehicleCount));
    vehiclesOf.set(s, vs);
    for (const v of vs) link('USES_VEHICLE', s, v, { role: pick(['keeper', 'usual_driver']) });
  }
  for (let i = 0; i < 25; i++) {
    const s = pick(suspects);
    const owned = [...vehiclesOf.values()].flat();
    if (owned.length) link('USES_VEHICLE', s, pick(owned), { role: 'seen_in' });
  }

  // ---- Taxi operators, drivers, licences ------------------------------------------------------
  let licenceCount = 0;
  const licence = (kind: string, status: string, grantedOn: string, endedOn?: string) =>
    node(`lic-${kind[0]}${pad(++licenceCount, 3)}`, ['Licence'], { kind, number: `${kind.slice(0, 2).toUpperCase()}/${pad(licenceCount * 37 % 10000, 4)}`, status, grantedOn, endedOn });
  const operators: string[] = [];
  const bookingLine = new Map<string, string>();
  const holderOf = new Map<string, string>();
  const driversOf = new Map<string, string[]>();
  const fleetOf = new Map<string, string[]>();
  const driverPool = sample(suspects, 24);
  for (let i = 1; i <= 5; i++) {
    const id = node(`opr-${i}`, ['Operator'], { name: `${OPERATORS[i - 1]} Ltd`, tradingName: OPERATORS[i - 1] });
    operators.push(id);
    const revoked = i === 3;
    link('BASED_AT', id, offices[i - 1], { from: '2003-01-01', to: revoked ? '2010-03-15' : undefined });
    const line = phone('landline');
    bookingLine.set(id, line);
    link('HAS_PHONE', id, line, { basis: 'booking_line' });
    const holder = i === 3 ? 'per-s012' : node(`per-h${i}`, ['Person'], { name: pick(GIVEN_MALE), surname: pick(SURNAMES), sex: 'male' });
    holderOf.set(id, holder);
    link('RUNS', holder, id, { role: 'holder' });
    const opLicence = licence('operator', revoked ? 'revoked' : 'active', '2003-04-01', revoked ? '2010-03-15' : undefined);
    link('HOLDS', id, opLicence, {});
    link('CONTACT_PHONE', opLicence, line, {});
    const drivers = [...driverPool.slice((i - 1) * 4, i * 4), ...Array.from({ length: 2 }, (_, k) => node(`per-d${i}${k}`, ['Person'], { name: pick(GIVEN_MALE), surname: pick(SURNAMES), sex: 'male' }))];
    driversOf.set(id, drivers);
    const fleet: string[] = [];
    for (const d of drivers) {
      link('DRIVES_FOR', d, id, { from: day(2004, 2007), to: revoked ? '2010-03-15' : undefined });
      const dl = licence('driver', revoked ? 'suspended' : pick(['active', 'active', 'active', 'suspended']), day(2003, 2006));
      link('HOLDS', d, dl, {});
      link('CONTACT_PHONE', dl, (phonesOf.get(d) ?? [phone('mobile')])[0], {});
      const v = vehiclesOf.get(d)?.[0] ?? vehicle(++vehicleCount);
      fleet.push(v);
      link('OPERATED_BY', v, id, { from: day(2005, 2007), to: revoked ? '2010-03-15' : undefined });
      link('HOLDS', v, licence('vehicle', 'active', day(2005, 2007)), {});
    }
    fleetOf.set(id, fleet);
  }
  // The phoenix: a relative of the revoked holder takes a new licence five weeks later, at the same
  // base, answering the same booking line, with the same drivers and cars; licensing still deals
  // with the old holder. None of this is stored as a "successor" link: it has to be found.
  const successor = node('opr-6', ['Operator'], { name: 'Swift Private Hire Ltd', tradingName: 'Swift Cars' });
  operators.push(successor);
  const relative = node('per-r01', ['Person'], { name: 'Kelvin', surname: 'Pickersgill', sex: 'male', dob: '1979-06-02' });
  link('FAMILY_REL', 'per-s012', relative, { rel_type: 'SIBLING' });
  link('RUNS', relative, successor, { role: 'holder', from: '2010-04-20' });
  link('RUNS', 'per-s012', successor, { role: 'licensing_contact', from: '2010-04-20' });
  link('BASED_AT', successor, offices[2], { from: '2010-04-20' });
  link('HAS_PHONE', successor, bookingLine.get('opr-3')!, { basis: 'booking_line', from: '2010-04-20' });
  const phoenixLicence = licence('operator', 'active', '2010-04-20');
  link('HOLDS', successor, phoenixLicence, {});
  link('CONTACT_PHONE', phoenixLicence, phonesOf.get('per-s012')![0], {});
  for (const d of driversOf.get('opr-3')!.slice(0, 4)) link('DRIVES_FOR', d, successor, { from: '2010-04-21' });
  for (const v of fleetOf.get('opr-3')!.slice(0, 3)) link('OPERATED_BY', v, successor, { from: '2010-04-21' });
  const drivers = [...new Set([...driversOf.values()].flat())];

  // ---- The operation ------------------------------------------------------------------------
  node('op-central', ['Operation'], { name: 'Operation Central', startedOn: '2010-10-01', endedOn: '2011-12-31' });
  const arrested = sample(suspects.slice(1, 40), 8);
  suspects.forEach((s) => {
    const k = arrested.indexOf(s);
    if (k < 0) link('ON_CHART', s, 'op-central', { role: 'suspect', disposition: 'identified' });
    else if (k < 5) link('ON_CHART', s, 'op-central', { role: 'suspect', disposition: 'convicted', dispositionOn: `2011-11-${pad(int(1, 28), 2)}`, sentenceYears: int(4, 15) });
    else link('ON_CHART', s, 'op-central', { role: 'suspect', disposition: 'acquitted', dispositionOn: `2011-11-${pad(int(1, 28), 2)}` });
  });
  children.forEach((c, i) => {
    if (i < 4) link('ON_CHART', c, 'op-central', { role: 'victim', statement: true });
    else if (i < 16) link('ON_CHART', c, 'op-central', { role: 'likely_victim', statement: false });
  });

  // ---- Incidents ----------------------------------------------------------------------------
  let incidentCount = 0;
  const incident = (kind: string, date: string, props: Record<string, PropertyValue | undefined> = {}) => {
    const status = props.status as string | undefined ?? pick(['open', 'closed', 'closed']);
    return node(`inc-${pad(++incidentCount, 4)}`, ['Incident'], { kind, date, status, history: [`${date}:open`, ...(status !== 'open' ? [`${addDays(date, int(5, 90))}:${status}`] : [])], ...props });
  };
  const concerns: string[] = [];
  for (let i = 0; i < 70; i++) {
    const child = i < 10 ? 'per-c01' : pick(children);
    const who = sample(suspects.slice(0, 50), int(1, 2));
    const onOperator = chance(0.35) ? pick(operators.slice(0, 5)) : undefined;
    const id = incident('concern', day(), { type: pick(['seen with older males', 'gifts and phone credit', 'picked up by taxi from school', 'alcohol given', 'staying out overnight']), summary: 'Concern recorded from a partner agency.' });
    concerns.push(id);
    link('VICTIM_OF', child, id, {});
    for (const w of who) link('PARTY_TO', w, id, {});
    link('OCCURRED_AT', id, pick(premises), {});
    if (onOperator) link('INVOLVED_IN', onOperator, id, {});
    if (chance(0.4)) link('INVOLVED_IN', pick([...vehiclesOf.get(who[0]) ?? [], ...fleetOf.get(pick(operators.slice(0, 5)))!]), id, {});
    if (chance(0.3)) link('PART_OF', id, 'op-central', {});
  }
  for (let i = 0; i < 45; i++) {
    const child = i < 6 ? 'per-c01' : pick(children);
    const date = day();
    const id = incident('missing', date, { endDate: addDays(date, int(0, 3)), returnInterviewOn: chance(0.4) ? addDays(date, int(2, 10)) : null, status: 'closed' });
    link('VICTIM_OF', child, id, {});
    link('OCCURRED_AT', id, pick(premises), { role: 'found' });
    if (chance(0.6)) link('PARTY_TO', pick(suspects.slice(0, 50)), id, { role: 'found_with' });
  }
  for (let i = 0; i < 16; i++) {
    const opr = pick(operators.slice(0, 5));
    const driver = pick(driversOf.get(opr)!);
    const id = incident('complaint', day(), { type: pick(['unlicensed pick-up of a child', 'inappropriate conduct', 'driver refused to give name']), status: pick(['open', 'with_police', 'closed']) });
    link('PARTY_TO', driver, id, {});
    link('INVOLVED_IN', opr, id, {});
    const lic = links.find((l) => l.type === 'HOLDS' && l.start === driver && l.end.startsWith('lic-d'));
    if (lic) link('INVOLVED_IN', lic.end, id, {});
    if (chance(0.5)) link('VICTIM_OF', pick(children), id, {});
  }
  for (let i = 0; i < 20; i++) {
    const s = pick(suspects.slice(0, 40));
    const id = incident('sighting', day(), { type: 'child seen in vehicle', status: 'closed' });
    link('PARTY_TO', s, id, {});
    link('VICTIM_OF', pick(children), id, {});
    link('OCCURRED_AT', id, pick(premises), {});
    if (vehiclesOf.get(s)?.length) link('INVOLVED_IN', vehiclesOf.get(s)![0], id, {});
  }
  for (let i = 0; i < 6; i++) {
    const child = pick(children.slice(0, 4));
    const id = incident('threat', day(2010, 2011), { type: 'threatening messages', status: 'with_police' });
    link('VICTIM_OF', child, id, {});
    link('INVOLVED_IN', i === 0 ? unattributed[0] : pick(phonesOf.get(pick(suspects.slice(0, 30)))!), id, { role: 'from' });
    link('INVOLVED_IN', phonesOf.get(child)![0], id, { role: 'to' });
  }
  // Crimes charged in the operation: one per convicted or acquitted suspect.
  for (const s of arrested) {
    const id = incident('crime', day(2009, 2010), { type: pick(['sexual exploitation offence', 'child abduction', 'supplying alcohol to a child']), outcome: 'charged', status: 'with_police' });
    link('PARTY_TO', s, id, {});
    link('VICTIM_OF', pick(children.slice(0, 4)), id, {});
    link('PART_OF', id, 'op-central', {});
    link('OCCURRED_AT', id, pick(premises), {});
  }

  // ---- Abduction notices --------------------------------------------------------------------
  let noticeCount = 0;
  const notice = (subject: string, child: string, at: string, servedOn: string, notified: string | null) => {
    const id = node(`ntc-${pad(++noticeCount, 3)}`, ['Notice'], { kind: 'child_abduction', servedOn, licensingNotifiedOn: notified });
    link('SERVED_ON', id, subject, {});
    link('PROTECTS', id, child, {});
    link('SERVED_AT', id, at, {});
    link('NAMES_PLACE', id, at, {});
    return id;
  };
  // The scenario: a notice served on a taxi driver at a takeaway; licensing never told; months
  // later a missing 14-year-old is found at the same premises.
  const noticedDriver = driversOf.get('opr-1')![0];
  notice(noticedDriver, 'per-c03', 'loc-tk1', '2009-05-12', null);
  const found = incident('missing', '2009-09-03', { endDate: '2009-09-04', returnInterviewOn: null, status: 'closed', summary: 'Missing overnight; found at the takeaway by patrol.' });
  link('VICTIM_OF', 'per-c07', found, {});
  link('OCCURRED_AT', found, 'loc-tk1', { role: 'found' });
  link('PARTY_TO', noticedDriver, found, { role: 'found_with' });
  for (let i = 0; i < 12; i++) notice(pick([...suspects.slice(0, 40), ...drivers]), pick(children), pick(premises), day(), chance(0.15) ? day(2011, 2011) : null);

  // ---- Meetings -----------------------------------------------------------------------------
  let meetingCount = 0;
  const meeting = (kind: string, date: string, title: string) => node(`mtg-${pad(++meetingCount, 3)}`, ['Meeting'], { kind, date, title });
  for (let i = 0; i < 26; i++) {
    const child = i < 5 ? 'per-c01' : pick(children);
    const pseudo = `YP${child.slice(-2)}`;
    const m = meeting('strategy', day(), `Strategy meeting — ${pseudo}`);
    link('DISCUSSED_AT', child, m, {});
    for (const c of sample(concerns, int(1, 3))) link('RAISED_AT', c, m, {});
  }
  // Meeting after meeting raises concerns about the same operators.
  const operatorConcerns = links.filter((l) => l.type === 'INVOLVED_IN' && l.start.startsWith('opr-') && concerns.includes(l.end)).map((l) => l.end);
  for (let i = 0; i < 6; i++) {
    const m = meeting('responsible_authority', day(2009, 2011), `Responsible authorities meeting ${i + 1}`);
    for (const c of sample(operatorConcerns, 4)) link('RAISED_AT', c, m, {});
  }

  // ---- Reports: where each piece of intelligence came from -----------------------------------
  // Links that rest on intelligence get one to three independent, graded reports.
  let reportCount = 0;
  const graded = links.filter((l) => ['KNOWS', 'HAS_CONTACT', 'USES_VEHICLE', 'PARTY_TO', 'VICTIM_OF', 'HAS_PHONE'].includes(l.type) && chance(0.18));
  for (const l of graded) {
    const n = chance(0.25) ? int(2, 3) : 1;
    const sources = sample(SOURCE_TYPES, n);
    const ids: string[] = [];
    for (const sourceType of sources) {
      const owner = sourceType === 'police' ? 'police' : sourceType === 'licensing' ? 'licensing' : pick(AGENCIES);
      const id = node(`rep-${pad(++reportCount, 4)}`, ['Report'], {
        ref: `R/${2008 + (reportCount % 4)}/${pad(reportCount, 4)}`,
        receivedOn: day(),
        sourceType,
        sourceGrade: sourceType === 'police' ? 1 : int(1, 3),
        intelGrade: pick(['A', 'B', 'B', 'C', 'C', 'D', 'E']),
        handling: chance(0.2) ? 'C' : 'P',
        conditions: undefined,
        ownerAgency: owner,
        summary: `Information about ${l.type.toLowerCase().replace(/_/g, ' ')}.`,
      });
      ids.push(id);
      link('MENTIONS', id, l.start, {});
      link('MENTIONS', id, l.end, {});
    }
    l.props.sources = ids;
  }
  return { nodes, links };
}
