/**
 * Scale datasets for the benchmarks: a seeded graph of about `nodes` entities in the contract's
 * vocabulary, written as neo4j-admin CSV files that `npm run import` loads, and optionally a file of
 * call records (PhoneCall nodes with CALLER / CALLED links, as in POLE).
 *
 * Shape, so that queries meet what a regional force's data looks like rather than a uniform graph:
 * contacts per person follow a heavy tail (a few hubs with dozens of contacts, most with two or
 * three), a small set of phones takes most calls, operators range from a one-car firm to a few with
 * hundreds of drivers, and children are linked to a handful of persons each.
 *
 * `npm run seed:scale -- --nodes 100000 [--calls 1000000] --out <dir> [--seed x]`
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import seedrandom from 'seedrandom';

export interface ScaleOptions {
  nodes: number;
  calls?: number;
  seed?: string;
}

export interface ScaleSummary {
  dir: string;
  nodes: number;
  relationships: number;
  callRows: number;
  /** Ids the benchmarks ask about: a hub person, an ordinary person, a child, an operator. */
  anchors: { hub: string; person: string; child: string; operator: string; farPerson: string };
}

/** CSV file written in chunks, so a million rows never sit in memory as one string. */
class CsvFile {
  private fd: number;
  private buf: string[] = [];
  rows = 0;
  constructor(file: string, header: string) {
    this.fd = fs.openSync(file, 'w');
    fs.writeSync(this.fd, header + '\n');
  }
  row(...cells: (string | number | boolean)[]) {
    this.buf.push(cells.map((c) => (typeof c === 'string' && /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c))).join(','));
    this.rows++;
    if (this.buf.length >= 20_000) this.flush();
  }
  flush() {
    if (this.buf.length) fs.writeSync(this.fd, this.buf.join('\n') + '\n');
    this.buf = [];
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
  }
}

const FIRST = ['Alma', 'Bryn', 'Cora', 'Dale', 'Edie', 'Finn', 'Gale', 'Hale', 'Ivo', 'Jude', 'Kit', 'Lark', 'Milo', 'Nell', 'Odo', 'Pip', 'Quin', 'Rory', 'Sol', 'Tam'];
const LAST = ['Ashdown', 'Brackley', 'Cotterill', 'Dunmere', 'Elsworth', 'Fenwick', 'Garside', 'Holloway', 'Ibbotson', 'Jessop', 'Kettle', 'Lumb', 'Moorhouse', 'Nuttall', 'Ormerod'];
const STREETS = ['Mill Lane', 'Station Road', 'Chapel Street', 'Moor View', 'Canal Side', 'Park Terrace', 'Church Walk', 'Quarry Row'];
const MAKES = ['Skoda Octavia', 'Toyota Prius', 'Ford Mondeo', 'Vauxhall Insignia', 'Kia Ceed'];

export function generateScale(dir: string, opts: ScaleOptions): ScaleSummary {
  const rng = seedrandom(opts.seed ?? 'scale');
  const int = (n: number) => Math.floor(rng() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;
  /** Heavy-tailed count ≥ min (Pareto with shape a): most small, a few large. */
  const heavy = (min: number, a: number, max: number) => Math.min(max, Math.floor(min / Math.pow(1 - rng(), 1 / a)));
  const date = (fromYear: number, years: number) => {
    const d = new Date(Date.UTC(fromYear, 0, 1) + int(years * 365) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };

  fs.mkdirSync(dir, { recursive: true });
  const N = opts.nodes;
  const counts = {
    person: Math.round(N * 0.3),
    phone: Math.round(N * 0.25),
    vehicle: Math.round(N * 0.1),
    location: Math.round(N * 0.15),
    operator: Math.max(3, Math.round(N / 2_000)),
  };
  const children = Math.max(5, Math.round(counts.person * 0.02));
  const incidents = N - counts.person - counts.phone - counts.vehicle - counts.location - counts.operator * 2;
  const P = (i: number) => `sp-${i}`;
  const PH = (i: number) => `sph-${i}`;
  const V = (i: number) => `sv-${i}`;
  const L = (i: number) => `sl-${i}`;
  const O = (i: number) => `so-${i}`;
  const I = (i: number) => `si-${i}`;
  let relationships = 0;
  const rel = (file: CsvFile, ...cells: (string | number)[]) => {
    file.row(...cells);
    relationships++;
  };

  // Nodes. Children are the first persons, so their ids are easy to find.
  const persons = new CsvFile(path.join(dir, 'nodes.Person.csv'), ':ID,name,surname,age:int,child:boolean,pseudonym,:LABEL');
  for (let i = 0; i < counts.person; i++) {
    const child = i < children;
    persons.row(P(i), pick(FIRST), pick(LAST), child ? 12 + int(5) : 18 + int(50), child, child ? `YP${String(i + 1).padStart(4, '0')}` : '', 'Person');
  }
  persons.close();
  const phones = new CsvFile(path.join(dir, 'nodes.Phone.csv'), ':ID,phoneNo,:LABEL');
  // Ofcom drama numbers: 07700 900000-900999 only has a thousand, so suffix with the index.
  for (let i = 0; i < counts.phone; i++) phones.row(PH(i), `+4477009${String(i).padStart(5, '0')}`, 'Phone');
  phones.close();
  const vehicles = new CsvFile(path.join(dir, 'nodes.Vehicle.csv'), ':ID,reg,make,colour,:LABEL');
  for (let i = 0; i < counts.vehicle; i++) vehicles.row(V(i), `QX${String(i).padStart(7, '0')}`, pick(MAKES), pick(['silver', 'black', 'white', 'blue']), 'Vehicle');
  vehicles.close();
  const locations = new CsvFile(path.join(dir, 'nodes.Location.csv'), ':ID,address,postcode,latitude:double,longitude:double,kind,:LABEL');
  for (let i = 0; i < counts.location; i++)
    locations.row(L(i), `${1 + int(200)} ${pick(STREETS)}`, `ZZ${1 + int(99)} ${int(10)}AA`, 53.3 + rng() * 0.4, -1.6 + rng() * 0.5, pick(['home', 'home', 'home', 'takeaway', 'park', 'hotel', 'shop']), 'Location');
  locations.close();
  const operators = new CsvFile(path.join(dir, 'nodes.Operator.csv'), ':ID,name,:LABEL');
  const licences = new CsvFile(path.join(dir, 'nodes.Licence.csv'), ':ID,kind,number,status,grantedOn,:LABEL');
  for (let i = 0; i < counts.operator; i++) {
    operators.row(O(i), `${pick(LAST)} Cars ${i}`, 'Operator');
    licences.row(`slo-${i}`, 'operator', `OP${i}`, rng() < 0.05 ? 'revoked' : 'active', date(2005, 10), 'Licence');
  }
  operators.close();
  licences.close();
  const incidentFile = new CsvFile(path.join(dir, 'nodes.Incident.csv'), ':ID,kind,date,summary,:LABEL');
  for (let i = 0; i < incidents; i++) incidentFile.row(I(i), pick(['concern', 'concern', 'crime', 'missing', 'sighting', 'complaint']), date(2008, 10), 'synthetic incident', 'Incident');
  incidentFile.close();

  // Links between persons: heavy-tailed contacts, preferring the hubs (the first 1% of adults).
  const knows = new CsvFile(path.join(dir, 'rels.KNOWS.csv'), ':START_ID,:END_ID,:TYPE');
  const adults = counts.person - children;
  const hubs = Math.max(10, Math.round(adults * 0.01));
  const adult = () => P(children + int(adults));
  const hubOrAny = () => (rng() < 0.3 ? P(children + int(hubs)) : adult());
  for (let i = children; i < counts.person; i++) {
    const k = i < children + hubs ? 20 + int(60) : heavy(1, 1.6, 40);
    for (let j = 0; j < k; j++) {
      const other = hubOrAny();
      if (other !== P(i)) rel(knows, P(i), other, 'KNOWS');
    }
  }
  // Children know a few persons, and their handsets hold some of those persons' phones.
  const hasContact = new CsvFile(path.join(dir, 'rels.HAS_CONTACT.csv'), ':START_ID,:END_ID,savedAs,:TYPE');
  const victimOf = new CsvFile(path.join(dir, 'rels.VICTIM_OF.csv'), ':START_ID,:END_ID,:TYPE');
  const phoneOf = (person: number) => PH(person % counts.phone);
  for (let c = 0; c < children; c++) {
    for (let j = 0, n = 2 + int(6); j < n; j++) {
      const who = children + (rng() < 0.5 ? int(hubs) : int(adults));
      rel(knows, P(c), P(who), 'KNOWS');
      if (rng() < 0.6) rel(hasContact, P(c), phoneOf(who), pick(['Taz', 'Kas', 'Bigman', 'Skinz', 'Uncle']), 'HAS_CONTACT');
    }
  }
  knows.close();
  // Phones: every person one, some two; the rest unattributed (burners).
  const hasPhone = new CsvFile(path.join(dir, 'rels.HAS_PHONE.csv'), ':START_ID,:END_ID,:TYPE');
  for (let i = 0; i < counts.person; i++) {
    rel(hasPhone, P(i), phoneOf(i), 'HAS_PHONE');
    if (rng() < 0.2) rel(hasPhone, P(i), PH(int(counts.phone)), 'HAS_PHONE');
  }
  hasPhone.close();
  hasContact.close();
  // Vehicles and homes.
  const uses = new CsvFile(path.join(dir, 'rels.USES_VEHICLE.csv'), ':START_ID,:END_ID,role,:TYPE');
  for (let v = 0; v < counts.vehicle; v++) rel(uses, adult(), V(v), pick(['keeper', 'usual_driver', 'seen_in']), 'USES_VEHICLE');
  uses.close();
  const home = new CsvFile(path.join(dir, 'rels.CURRENT_ADDRESS.csv'), ':START_ID,:END_ID,from,:TYPE');
  for (let i = 0; i < counts.person; i++) rel(home, P(i), L(int(counts.location)), date(2000, 10), 'CURRENT_ADDRESS');
  home.close();
  // Operators: Zipf-like sizes, so a few have hundreds of drivers.
  const drives = new CsvFile(path.join(dir, 'rels.DRIVES_FOR.csv'), ':START_ID,:END_ID,from,:TYPE');
  const operated = new CsvFile(path.join(dir, 'rels.OPERATED_BY.csv'), ':START_ID,:END_ID,:TYPE');
  const holds = new CsvFile(path.join(dir, 'rels.HOLDS.csv'), ':START_ID,:END_ID,:TYPE');
  const based = new CsvFile(path.join(dir, 'rels.BASED_AT.csv'), ':START_ID,:END_ID,:TYPE');
  const zipfOperator = () => Math.min(counts.operator - 1, Math.floor(Math.pow(rng(), 2.5) * counts.operator));
  for (let o = 0; o < counts.operator; o++) {
    rel(holds, O(o), `slo-${o}`, 'HOLDS');
    rel(based, O(o), L(int(counts.location)), 'BASED_AT');
  }
  for (let i = 0; i < Math.round(adults * 0.05); i++) rel(drives, adult(), O(zipfOperator()), date(2006, 8), 'DRIVES_FOR');
  for (let v = 0; v < Math.round(counts.vehicle * 0.1); v++) rel(operated, V(v), O(zipfOperator()), 'OPERATED_BY');
  drives.close();
  operated.close();
  holds.close();
  based.close();
  // Incidents: one to three persons party to each, a child the victim of some, a place.
  const party = new CsvFile(path.join(dir, 'rels.PARTY_TO.csv'), ':START_ID,:END_ID,:TYPE');
  const at = new CsvFile(path.join(dir, 'rels.OCCURRED_AT.csv'), ':START_ID,:END_ID,:TYPE');
  for (let i = 0; i < incidents; i++) {
    for (let j = 0, n = 1 + int(3); j < n; j++) rel(party, hubOrAny(), I(i), 'PARTY_TO');
    if (rng() < 0.1) rel(victimOf, P(int(children)), I(i), 'VICTIM_OF');
    rel(at, I(i), L(int(counts.location)), 'OCCURRED_AT');
  }
  party.close();
  at.close();
  victimOf.close();

  // Calls: a small set of phones takes most of them (heavy tail on both ends).
  let callRows = 0;
  if (opts.calls) {
    const calls = new CsvFile(path.join(dir, 'nodes.PhoneCall.csv'), ':ID,call_date,call_time,call_duration:int,call_type,:LABEL');
    const caller = new CsvFile(path.join(dir, 'rels.CALLER.csv'), ':START_ID,:END_ID,:TYPE');
    const called = new CsvFile(path.join(dir, 'rels.CALLED.csv'), ':START_ID,:END_ID,:TYPE');
    const busyPhone = () => PH(Math.floor(Math.pow(rng(), 3) * counts.phone));
    for (let i = 0; i < opts.calls; i++) {
      calls.row(`sc-${i}`, date(2010, 2), `${String(int(24)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}`, 1 + int(600), 'CALL', 'PhoneCall');
      caller.row(`sc-${i}`, busyPhone(), 'CALLER');
      called.row(`sc-${i}`, busyPhone(), 'CALLED');
    }
    calls.close();
    caller.close();
    called.close();
    callRows = calls.rows + caller.rows + called.rows;
  }

  return {
    dir,
    nodes: N,
    relationships,
    callRows,
    anchors: { hub: P(children), person: P(children + hubs + 7), child: P(0), operator: O(0), farPerson: P(counts.person - 1) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { nodes: { type: 'string', default: '10000' }, calls: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } } });
  const nodes = Number(values.nodes);
  const out = values.out ?? `var/scale-${nodes}`;
  const t0 = Date.now();
  const s = generateScale(out, { nodes, calls: values.calls ? Number(values.calls) : undefined, seed: values.seed });
  console.log(`wrote ${s.nodes} nodes, ${s.relationships} relationships${s.callRows ? `, ${s.callRows} call rows` : ''} to ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
