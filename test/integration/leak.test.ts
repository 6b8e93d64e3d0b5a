/**
 * Generative leak test, written from the access RULES (DESIGN.md §4 and §6, README access
 * paragraphs), not from the access layer's code.
 *
 * 1. Starts its own stack (no demo data) and plants, from a seeded fast-check generator, several
 *    small random worlds in the vocabulary: children (invented unique names, pseudonyms, phones,
 *    protected placements), adult victims with phones, drivers, operators, licences, incidents,
 *    meetings, notices, handset contacts with nicknames, an operation, and reports: some handled
 *    'C' by an agency other than Police / Licensing and not shared (withheld), with entities and
 *    links supported only by them and summaries carrying unique marker words. The protected
 *    identifiers are then written, in many forms, into the free text and link properties of OTHER
 *    records (summaries, notes, meeting titles, savedAs, report summaries).
 * 2. Runs writes as an attacker would (submitReport on planted and withheld ids, merges of
 *    children, a saved chart, an export, alerts live over SSE), then calls every operation each
 *    role may call per POLICY (and, once each, those it may not), with arguments drawn from the
 *    planted ids and forms, including protected ones.
 * 3. Normalises every answer (data, errors, PDF text, SSE events): lower case, punctuation to
 *    spaces, whitespace collapsed, and a digits-only view for phone numbers (national significant
 *    number 7700900xxx), and looks for every protected identifier in every form the role may not
 *    see. Every leak is collected; the test fails once, at the end, with the full list, and writes
 *    the coverage to test-results/leak-coverage.json.
 *
 * Who may not see what (DESIGN.md §6):
 *  - licensing: any child (id, names, pseudonym, phone), victims' phones, protected addresses;
 *  - safeguarding in the strategy-meeting view of one child: every other child;
 *  - every role: reports handled C by another agency that were not shared with its agency, and
 *    entities / links that only such reports support ("1 item held by <owner>, <date>");
 *  - admin: no case text at all (ids, who, when, operation and purpose only).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY } from '../../server/access/policy.js';
import { Database } from '../../server/db/database.js';
import { loadDataset } from '../../server/db/bulkLoad.js';
import { runAlertRules } from '../../server/modules/alerts/rules.js';
import type { Dataset, DatasetLink, DatasetNode, PropertyValue } from '../../seeds/dataset.js';
import { startTestStack, type StackInfo } from '../support/testStack.js';
import { GraphQLClient, type Role } from '../support/client.js';
import { openEventStream } from '../support/sse.js';

const SEED = Number(process.env.LEAK_SEED ?? 20_260_611);
const WORLDS = 3;
const AGENCY: Record<Role, string | null> = { analyst: 'Police', licensing: 'Licensing', safeguarding: "Children's Social Care", admin: null };
const PURPOSE = 'Strategy meeting for the leak test';

// =============================================================================================
// Normalisation

/** Lower case, every run of non-alphanumerics a single space, padded so that forms match whole words. */
const words = (s: string) => ` ${s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
/** Digit runs once spaces, brackets, dots, dashes and plus signs between digits are gone. */
const digitRuns = (s: string) => s.replace(/[\s().+-]/g, '').match(/\d+/g) ?? [];

/** Every string (and number) of a JSON value, keys left out, joined so that fields never run together. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number') out.push(String(v));
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

interface View {
  words: string;
  digits: string[];
}
const view = (parts: string[]): View => ({ words: parts.map(words).join('|'), digits: parts.flatMap(digitRuns) });

// =============================================================================================
// Protected identifiers

type Kind = 'child' | 'victimPhone' | 'place' | 'withheld' | 'adultName';
interface Form {
  form: string;
  mode: 'words' | 'digits';
  needle: string;
  /** An id: admin may see ids (never case text). */
  isId?: boolean;
}
interface Ident {
  kind: Kind;
  /** Human label of the subject for the report (e.g. "child YP17"). */
  subject: string;
  /** The child (group) this identifier belongs to, for the strategy-meeting rule. */
  childGroup?: string;
  /** The owning agency of a withheld report (kind withheld). */
  owner?: string;
  forms: Form[];
}
const wordsForm = (form: string, text: string, isId = false): Form => ({ form, mode: 'words', needle: words(text), isId });
const digitsForm = (form: string, nsn: string): Form => ({ form, mode: 'digits', needle: nsn });

interface Ctx {
  role: Role;
  /** The child a strategy-meeting view (childConnections, strategyPack) is about. */
  viewChild?: string;
}

/** The forms of `id` that the caller in `ctx` may not see. */
function forbiddenForms(id: Ident, ctx: Ctx): Form[] {
  const nonIds = id.forms.filter((f) => !f.isId);
  switch (id.kind) {
    case 'child':
      if (ctx.role === 'licensing') return id.forms;
      if (ctx.role === 'safeguarding' && ctx.viewChild && ctx.viewChild !== id.childGroup) return id.forms;
      if (ctx.role === 'admin') return nonIds;
      return [];
    case 'victimPhone':
    case 'place':
      if (ctx.role === 'licensing') return id.forms;
      if (ctx.role === 'admin') return nonIds;
      return [];
    case 'withheld':
      if (ctx.role === 'admin') return nonIds;
      return AGENCY[ctx.role] === id.owner ? [] : nonIds;
    case 'adultName':
      return ctx.role === 'admin' ? id.forms : [];
  }
}

function found(f: Form, v: View): number {
  if (f.mode === 'words') return v.words.indexOf(f.needle);
  return v.digits.some((d) => d.includes(f.needle)) ? 0 : -1;
}

// =============================================================================================
// The generator

const SYLLABLES = ['zar', 'quel', 'vor', 'lin', 'tes', 'mab', 'rix', 'dov', 'nel', 'quo', 'bry', 'sef', 'wim', 'kal', 'dru', 'yen', 'fos', 'gar', 'hul', 'pim', 'tav', 'oxa', 'jub', 'lem', 'zik', 'vau', 'nor', 'pel', 'grim', 'sol'];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const invented = fc.tuple(fc.constantFrom(...SYLLABLES), fc.constantFrom(...SYLLABLES), fc.constantFrom(...SYLLABLES)).map(([a, b, c]) => cap(a + b + c));
const subjectKind = fc.constantFrom('child', 'child', 'child', 'childPhone', 'victimPhone', 'place');
const mention = fc.record({ kind: subjectKind, idx: fc.nat(20), variant: fc.nat(20) });
const worldShape = fc.record({
  children: fc.array(fc.record({ age: fc.integer({ min: 11, max: 17 }), sex: fc.constantFrom('F', 'M'), lookedAfter: fc.boolean() }), { minLength: 3, maxLength: 5 }),
  adults: fc.integer({ min: 4, max: 6 }),
  victims: fc.integer({ min: 1, max: 2 }),
  operators: fc.integer({ min: 1, max: 2 }),
  incidents: fc.array(
    fc.record({ kind: fc.constantFrom('concern', 'crime', 'sighting', 'complaint'), party: fc.nat(10), victim: fc.nat(10), adultVictim: fc.boolean(), text: fc.array(mention, { minLength: 2, maxLength: 3 }), note: mention, place: fc.nat(10) }),
    { minLength: 3, maxLength: 6 },
  ),
  meetings: fc.array(fc.record({ children: fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 3 }), title: mention }), { minLength: 1, maxLength: 2 }),
  notices: fc.array(fc.record({ subject: fc.nat(10), child: fc.nat(10) }), { minLength: 1, maxLength: 2 }),
  contacts: fc.array(fc.record({ adult: fc.nat(10), child: fc.nat(10), savedAs: mention }), { minLength: 3, maxLength: 6 }),
  knows: fc.array(fc.record({ a: fc.nat(10), b: fc.nat(10), note: mention }), { minLength: 1, maxLength: 3 }),
  reports: fc.array(fc.array(mention, { minLength: 2, maxLength: 4 }), { minLength: 2, maxLength: 3 }),
  withheldOwners: fc.tuple(fc.constantFrom('Health', 'Youth Service', 'Education', "Children's Social Care"), fc.constantFrom('Health', 'Youth Service', 'Education')),
});
const universe = fc.record({
  names: fc.uniqueArray(invented, { minLength: 140, maxLength: 140 }),
  phones: fc.uniqueArray(fc.integer({ min: 100, max: 999 }), { minLength: 110, maxLength: 110 }),
  pseudonyms: fc.uniqueArray(fc.integer({ min: 10, max: 99 }), { minLength: 30, maxLength: 30 }),
  idSeed: fc.integer({ min: 1, max: 2 ** 30 }),
  worlds: fc.array(worldShape, { minLength: WORLDS, maxLength: WORLDS }),
});
type Universe = typeof universe extends fc.Arbitrary<infer U> ? U : never;
type Mention = { kind: string; idx: number; variant: number };

interface Child {
  id: string;
  first: string;
  last: string;
  pseudonym: string;
  phoneId: string;
  phone: string; // suffix xyz of 07700 900xyz
  placeId?: string;
  group: string;
  world: number;
}
interface Place {
  id: string;
  address: string;
  street: string;
  postcode: string;
}
interface Planted {
  data: Dataset;
  idents: Ident[];
  children: Child[];
  adults: { id: string; first: string; last: string; world: number; driver: boolean }[];
  victims: { id: string; phoneId: string }[];
  places: Place[];
  withheldReports: { id: string; owner: string; marker: string; receivedOn: string }[];
  withheldOnly: { id: string; owner: string; kind: 'entity' | 'link' }[];
  withheldPersons: string[];
  operators: string[];
  operations: string[];
  /** Strategy meetings planted, each discussing some children. */
  meetings: string[];
  refuges: string[];
  nicknames: string[];
  /** Every variant written into free text, as an attacker's search text. */
  variants: string[];
  allIds: string[];
  personIds: string[];
  visibleReports: string[];
  drivers: string[];
  pool: { names: string[]; phones: number[] };
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The phone forms an officer might write. */
function phoneVariants(xyz: string): string[] {
  return [`07700 900${xyz}`, `07700900${xyz}`, `+44 7700 900${xyz}`, `(07700) 900 ${xyz}`, `447700900${xyz}`, `+447700900${xyz}`, `0 7700 900 ${xyz}`];
}
function nameVariants(c: { first: string; last: string; pseudonym?: string }): string[] {
  const v = [
    `${c.first} ${c.last}`, `${c.first} ${c.last}`.toLowerCase(), `${c.first} ${c.last}`.toUpperCase(), `${c.first}   ${c.last}`, `${c.last}, ${c.first}`,
    `${c.first} ${c.last[0]}`, `${c.first[0]}. ${c.last}`, `${c.first}`, `${c.last.toUpperCase()}, ${c.first.toLowerCase()}`, ` ${c.first}  ${c.last} `,
  ];
  if (c.pseudonym) v.push(c.pseudonym.toLowerCase(), c.pseudonym, `${c.pseudonym.slice(0, 2)} ${c.pseudonym.slice(2)}`);
  return v;
}
function addressVariants(p: Place): string[] {
  return [p.address, p.address.toLowerCase(), p.address.toUpperCase(), p.address.replace(/ /g, '   '), `${p.address}, ${p.postcode}`, p.postcode.toLowerCase(), p.postcode.replace(' ', ''), `${p.street.toLowerCase()}`];
}

function plant(u: Universe): Planted {
  const rnd = prng(u.idSeed);
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const usedIds = new Set<string>();
  const newId = (prefix: string) => {
    for (;;) {
      const id = `${prefix}-${Array.from({ length: 8 }, () => letters[Math.floor(rnd() * letters.length)]).join('')}`;
      if (!usedIds.has(id)) return usedIds.add(id), id;
    }
  };
  const names = [...u.names];
  const name = () => names.shift()!;
  const phones = [...u.phones];
  const phone = () => String(phones.shift()!);
  const pseudonyms = [...u.pseudonyms];
  let postcodeN = 0;
  const P: Planted = {
    data: { nodes: [], links: [] }, idents: [], children: [], adults: [], victims: [], places: [], withheldReports: [], withheldOnly: [], withheldPersons: [],
    operators: [], operations: [], meetings: [], refuges: [], nicknames: [], variants: [], allIds: [], personIds: [], visibleReports: [], drivers: [], pool: { names, phones: [] },
  };
  const clean = (p: Record<string, PropertyValue | undefined>) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Record<string, PropertyValue>;
  const node = (labels: string[], props: Record<string, PropertyValue | undefined>, id = newId(labels[0]!.toLowerCase().slice(0, 3))): string => {
    P.data.nodes.push({ id, labels, props: clean(props) } satisfies DatasetNode);
    P.allIds.push(id);
    return id;
  };
  const link = (type: string, start: string, end: string, props: Record<string, PropertyValue | undefined>): string => {
    const id = newId('lnk');
    P.data.links.push({ id, type, start, end, props: clean(props) } satisfies DatasetLink);
    return id;
  };
  const place = (restricted: boolean, sources: string[]): Place => {
    const street = `${name()} ${['Lane', 'Close', 'Row', 'Mews'][Math.floor(rnd() * 4)]}`;
    const n = 1 + Math.floor(rnd() * 98);
    const postcode = `QZ${10 + postcodeN++} ${1 + Math.floor(rnd() * 8)}${'ABDEFGHJ'[Math.floor(rnd() * 8)]}${'LNPQRSTU'[Math.floor(rnd() * 8)]}`;
    const p: Place = { id: '', address: `${n} ${street}`, street, postcode };
    p.id = node(['Location'], { address: p.address, postcode, area: 'Eastwood', kind: restricted ? 'residential_unit' : 'home', restricted: restricted || undefined, sources });
    if (restricted) {
      P.places.push(p);
      P.idents.push({
        kind: 'place', subject: `protected place ${p.id}`,
        forms: [wordsForm('address', p.address), wordsForm('street', p.street), wordsForm('postcode', postcode), wordsForm('postcode without space', postcode.replace(' ', '')), wordsForm('place id', p.id, true)],
      });
    }
    return p;
  };

  u.worlds.forEach((w, wi) => {
    const date = (d: number) => `20${10 + wi}-${String(1 + (d % 12)).padStart(2, '0')}-${String(1 + (d % 27)).padStart(2, '0')}`;
    // ---- reports
    const visible = w.reports.map((_, i) => node(['Report'], { ref: `POL/20${10 + wi}/${i + 1}`, receivedOn: date(i), sourceType: 'police', sourceGrade: 1, intelGrade: 'B', handling: 'P', ownerAgency: 'Police', summary: 'placeholder' }));
    P.visibleReports.push(...visible);
    const src = (i: number) => [visible[i % visible.length]!];
    const withheld = w.withheldOwners.map((owner, i) => {
      const marker = `${name().toLowerCase()}disclosure`;
      const receivedOn = date(20 + i);
      const id = node(['Report'], { ref: `${owner.slice(0, 3).toUpperCase()}/20${10 + wi}/${i + 1}`, receivedOn, sourceType: 'partner', sourceGrade: 2, intelGrade: 'C', handling: 'C', conditions: 'Not to be disclosed outside the owning agency without consent', ownerAgency: owner, summary: `Confidential disclosure ${marker}: held by ${owner} only.` });
      P.withheldReports.push({ id, owner, marker, receivedOn });
      P.idents.push({ kind: 'withheld', owner, subject: `withheld report ${id} (${owner})`, forms: [wordsForm('marker text', marker)] });
      return { id, owner, marker };
    });

    // ---- children, their phones and placements
    const kids: Child[] = w.children.map((c, ci) => {
      const first = name();
      const last = name();
      const pseudonym = `YP${pseudonyms.shift()}`;
      const id = node(['Person'], { name: first, surname: last, child: true, pseudonym, age: c.age, sex: c.sex, lookedAfter: c.lookedAfter, restricted: c.lookedAfter || undefined, sources: src(ci) }, newId('chd'));
      const xyz = phone();
      const phoneId = node(['Phone'], { phoneNo: `+447700900${xyz}`, raw: `07700 900${xyz}`, sources: src(ci) });
      link('HAS_PHONE', id, phoneId, { basis: 'handset seized', sources: src(ci) });
      const child: Child = { id, first, last, pseudonym, phoneId, phone: xyz, group: id, world: wi };
      if (c.lookedAfter) {
        const p = place(true, src(ci));
        child.placeId = p.id;
        link('CURRENT_ADDRESS', id, p.id, { role: 'placement', from: date(ci), sources: src(ci) });
      }
      P.children.push(child);
      P.personIds.push(id);
      return child;
    });
    // ---- adults (drivers first), their phones and homes
    const homes: Place[] = [];
    const adults = Array.from({ length: w.adults }, (_, ai) => {
      const first = name();
      const last = name();
      const id = node(['Person'], { name: first, surname: last, age: 30 + ai, sex: ai % 2 ? 'F' : 'M', sources: src(ai) });
      const ph = node(['Phone'], { phoneNo: `+447700900${phone()}`, sources: src(ai) });
      link('HAS_PHONE', id, ph, { basis: 'subscriber check', sources: src(ai) });
      const home = place(false, src(ai));
      homes.push(home);
      link('CURRENT_ADDRESS', id, home.id, { role: 'home', sources: src(ai) });
      const a = { id, first, last, world: wi, driver: ai < 3 };
      P.adults.push(a);
      P.personIds.push(id);
      P.idents.push({ kind: 'adultName', subject: `adult ${id}`, forms: [wordsForm('full name', `${first} ${last}`), wordsForm('surname', last)] });
      return a;
    });
    // Children not in a placement live at an adult's home: a search for the adult shows that home (search context).
    kids.forEach((k, ci) => {
      if (!k.placeId) link('CURRENT_ADDRESS', k.id, homes[ci % homes.length]!.id, { role: 'family_home', sources: src(ci) });
    });
    const refuge = place(true, src(0));
    P.refuges.push(refuge.id);
    // ---- adult victims with phones (victims' phones are protected from licensing)
    const victims = Array.from({ length: w.victims }, (_, vi) => {
      const first = name();
      const last = name();
      const id = node(['Person'], { name: first, surname: last, age: 22 + vi, sex: 'F', sources: src(vi) });
      const xyz = phone();
      const phoneId = node(['Phone'], { phoneNo: `+447700900${xyz}`, raw: `07700900${xyz}`, sources: src(vi) });
      link('HAS_PHONE', id, phoneId, { basis: 'victim statement', sources: src(vi) });
      // Every adult victim is the victim of an incident (the protection depends on it).
      const assault = node(['Incident'], { kind: 'crime', date: date(vi + 2), status: 'open', type: 'assault', summary: 'Assault reported by the victim.', sources: src(vi) });
      link('VICTIM_OF', id, assault, { sources: src(vi) });
      P.victims.push({ id, phoneId });
      P.personIds.push(id);
      P.idents.push({ kind: 'adultName', subject: `adult victim ${id}`, forms: [wordsForm('full name', `${first} ${last}`), wordsForm('surname', last)] });
      P.idents.push({ kind: 'victimPhone', subject: `victim's phone ${phoneId}`, forms: [digitsForm('phone digits', `7700900${xyz}`), wordsForm('phone id', phoneId, true)] });
      return { id, phoneId, xyz };
    });
    // ---- operators, licences
    const operators = Array.from({ length: w.operators }, (_, oi) => {
      const id = node(['Operator'], { name: `${name()} Cars Ltd`, tradingName: `${name()} Taxis`, sources: src(oi) });
      const base = place(false, src(oi));
      link('BASED_AT', id, base.id, { from: date(oi), sources: src(oi) });
      const lic = node(['Licence'], { kind: 'operator', number: `OP/${wi}${oi}/${1000 + oi}`, status: 'active', grantedOn: date(oi), sources: src(oi) });
      link('HOLDS', id, lic, { sources: src(oi) });
      const line = node(['Phone'], { phoneNo: `+447700900${phone()}`, sources: src(oi) });
      link('HAS_PHONE', id, line, { basis: 'booking line', sources: src(oi) });
      P.operators.push(id);
      return id;
    });
    adults.forEach((a, ai) => {
      if (!a.driver) return;
      const lic = node(['Licence'], { kind: 'driver', number: `DR/${wi}${ai}/${2000 + ai}`, status: 'active', grantedOn: date(ai), sources: src(ai) });
      link('HOLDS', a.id, lic, { sources: src(ai) });
      link('DRIVES_FOR', a.id, operators[ai % operators.length]!, { from: date(ai), sources: src(ai) });
      P.drivers.push(a.id);
    });

    // ---- free text: a protected subject in one of its forms
    const say = (m: Mention): string => {
      if (m.kind === 'childPhone' || (m.kind === 'victimPhone' && !victims.length)) {
        const c = kids[m.idx % kids.length]!;
        return pick(phoneVariants(c.phone), m.variant);
      }
      if (m.kind === 'victimPhone') return pick(phoneVariants(victims[m.idx % victims.length]!.xyz), m.variant);
      const placed = kids.filter((k) => k.placeId);
      if (m.kind === 'place') {
        const places = [...placed.map((k) => P.places.find((p) => p.id === k.placeId)!), refuge];
        return pick(addressVariants(places[m.idx % places.length]!), m.variant);
      }
      return pick(nameVariants(kids[m.idx % kids.length]!), m.variant);
    };
    const pick = <T,>(xs: T[], i: number) => {
      const v = xs[i % xs.length]!;
      if (typeof v === 'string') P.variants.push(v);
      return v;
    };
    // visible reports' summaries name children, phones and addresses
    w.reports.forEach((ms, i) => {
      const n = P.data.nodes.find((x) => x.id === visible[i])!;
      n.props.summary = `Intelligence: ${ms.map(say).join(' was seen with ')}; passed to the team.`;
    });
    // ---- incidents
    const incidents = w.incidents.map((inc, ii) => {
      const id = node(['Incident'], { kind: inc.kind, date: date(ii), status: 'open', type: 'CSE concern', summary: `Report that ${inc.text.map(say).join(' and ')} were together in a taxi.`, note: `Follow up ${say(inc.note)}`, sources: src(ii) });
      link('PARTY_TO', adults[inc.party % adults.length]!.id, id, { note: `named alongside ${say(inc.note)}`, sources: src(ii) });
      if (inc.adultVictim) link('VICTIM_OF', victims[inc.victim % victims.length]!.id, id, { sources: src(ii) });
      else link('VICTIM_OF', kids[inc.victim % kids.length]!.id, id, { sources: src(ii) });
      link('OCCURRED_AT', id, homes[inc.place % homes.length]!.id, { sources: src(ii) });
      link('INVOLVED_IN', operators[ii % operators.length]!, id, { sources: src(ii) });
      return id;
    });
    // a child's missing episode, found at the refuge (a protected address) that a notice names
    const missing = node(['Incident'], { kind: 'missing', date: date(5), status: 'closed', summary: `Missing from placement; found at ${say({ kind: 'place', idx: 99, variant: w.incidents.length })}.`, sources: src(0) });
    link('VICTIM_OF', kids[0]!.id, missing, { sources: src(0) });
    link('OCCURRED_AT', missing, refuge.id, { sources: src(0) });
    // ---- meetings
    w.meetings.forEach((m, mi) => {
      const id = node(['Meeting'], { kind: 'strategy', date: date(mi + 7), title: `Strategy meeting — ${say(m.title)}`, sources: src(mi) });
      P.meetings.push(id);
      for (const ci of m.children) link('DISCUSSED_AT', kids[ci % kids.length]!.id, id, { sources: src(mi) });
      link('RAISED_AT', incidents[mi % incidents.length]!, id, { sources: src(mi) });
    });
    // ---- notices
    w.notices.forEach((nt, ni) => {
      const subject = adults[nt.subject % Math.min(3, adults.length)]!;
      const id = node(['Notice'], { kind: 'child_abduction', servedOn: date(ni + 3), sources: src(ni) });
      link('SERVED_ON', id, subject.id, { sources: src(ni) });
      link('PROTECTS', id, kids[nt.child % kids.length]!.id, { sources: src(ni) });
      link('SERVED_AT', id, homes[nt.subject % Math.min(3, homes.length)]!.id, { sources: src(ni) });
      link('NAMES_PLACE', id, refuge.id, { sources: src(ni) });
    });
    // ---- handset contacts: adults' handsets hold children's (and victims') numbers under nicknames
    w.contacts.forEach((c, i) => {
      const kid = kids[c.child % kids.length]!;
      const savedAs = say({ ...c.savedAs, kind: 'child', idx: c.child });
      P.nicknames.push(savedAs);
      link('HAS_CONTACT', adults[c.adult % adults.length]!.id, kid.phoneId, { savedAs, sources: src(i) });
    });
    link('HAS_CONTACT', adults[0]!.id, victims[0]!.phoneId, { savedAs: `Victim ${say({ kind: 'victimPhone', idx: 0, variant: 1 })}`, sources: src(0) });
    w.knows.forEach((k, i) => {
      const [a, b] = [adults[k.a % adults.length]!, adults[(k.b % (adults.length - 1)) + 1]!];
      if (a.id !== b.id) link('KNOWS', a.id, b.id, { note: `both know ${say(k.note)}`, sources: src(i) });
    });
    // ---- an operation with children on its chart
    const op = node(['Operation'], { name: `Operation ${name()}`, startedOn: date(1), sources: src(0) });
    P.operations.push(op);
    for (const a of adults.slice(0, 3)) link('ON_CHART', a.id, op, { role: 'suspect', disposition: 'identified', sources: src(0) });
    for (const k of kids) link('ON_CHART', k.id, op, { role: 'victim', statement: false, sources: src(0) });
    for (const i of incidents) link('PART_OF', i, op, { sources: src(0) });
    // ---- reports mention what they support
    visible.forEach((r, i) => {
      for (const k of kids) if (k.world === wi && i === 0) link('MENTIONS', r, k.id, {});
      for (const inc of incidents.filter((_, ii) => ii % visible.length === i)) link('MENTIONS', r, inc, {});
    });

    // ---- supported only by withheld reports: a person, their phone and licence, and links
    const [w0, w1] = withheld as [(typeof withheld)[0], (typeof withheld)[0]];
    const wf = name();
    const wl = name();
    const wxyz = phone();
    const wPerson = node(['Person'], { name: wf, surname: wl, age: 41, sex: 'M', sources: [w0.id] });
    const wPhone = node(['Phone'], { phoneNo: `+447700900${wxyz}`, sources: [w0.id] });
    const wLic = node(['Licence'], { kind: 'driver', number: `DR/W${wi}/${3000 + wi}`, status: 'active', grantedOn: date(2), sources: [w0.id] });
    link('HAS_PHONE', wPerson, wPhone, { basis: 'disclosure', sources: [w0.id] });
    link('HOLDS', wPerson, wLic, { sources: [w0.id] });
    const wKnows = link('KNOWS', wPerson, adults[0]!.id, { note: `${w0.marker} association`, sources: [w0.id] });
    const wInc = node(['Incident'], { kind: 'concern', date: date(9), summary: `${w1.marker}: concern known only to ${w1.owner}`, sources: [w1.id] });
    const wParty = link('PARTY_TO', adults[1]!.id, wInc, { note: `${w1.marker} party`, sources: [w1.id] });
    const wLink = link('KNOWS', adults[1]!.id, adults[2 % adults.length]!.id, { note: `${w1.marker} link`, sources: [w1.id] });
    // A visible adult's phone that only the withheld report gives (it must not show in a search for the adult).
    const wAdultPhone = link('HAS_PHONE', adults[0]!.id, wPhone, { basis: 'disclosure', sources: [w0.id] });
    link('MENTIONS', w0.id, wPerson, {});
    link('MENTIONS', w1.id, adults[1]!.id, {});
    P.withheldPersons.push(wPerson);
    P.personIds.push(wPerson);
    P.withheldOnly.push(
      ...[wPerson, wPhone, wLic].map((id) => ({ id, owner: w0.owner, kind: 'entity' as const })),
      { id: wInc, owner: w1.owner, kind: 'entity' },
      ...[wKnows, wAdultPhone].map((id) => ({ id, owner: w0.owner, kind: 'link' as const })),
      ...[wParty, wLink].map((id) => ({ id, owner: w1.owner, kind: 'link' as const })),
    );
    P.idents.push({
      kind: 'withheld', owner: w0.owner, subject: `withheld-only person ${wPerson} (${w0.owner})`,
      forms: [wordsForm('full name', `${wf} ${wl}`), wordsForm('surname', wl), wordsForm('first name', wf), digitsForm('phone digits', `7700900${wxyz}`), wordsForm('licence number', `DR/W${wi}/${3000 + wi}`)],
    });
  });

  // ---- every child's identifiers, in every form
  for (const c of P.children) {
    P.idents.push({
      kind: 'child', childGroup: c.group, subject: `child ${c.pseudonym} (${c.id})`,
      forms: [
        wordsForm('id', c.id, true), wordsForm('full name', `${c.first} ${c.last}`), wordsForm('full name, surname first', `${c.last} ${c.first}`), wordsForm('first name', c.first),
        wordsForm('surname', c.last), wordsForm('first name + surname initial', `${c.first} ${c.last[0]}`), wordsForm('initial + surname', `${c.first[0]} ${c.last}`),
        wordsForm('pseudonym', c.pseudonym), wordsForm('pseudonym spaced', `${c.pseudonym.slice(0, 2)} ${c.pseudonym.slice(2)}`),
        digitsForm('phone digits', `7700900${c.phone}`), wordsForm('phone id', c.phoneId, true), ...(c.placeId ? [] : []),
      ],
    });
  }
  P.pool.phones = phones.map(Number);
  return P;
}

// =============================================================================================
// Operations from the live schema

// The live schema, read by introspection (this file walks the JSON itself rather than loading a
// second copy of the graphql module next to the server's: two copies in one process break it).
interface TypeRef { kind: string; name: string | null; ofType: TypeRef | null }
interface ArgDef { name: string; defaultValue: string | null; type: TypeRef }
interface FieldDef { name: string; args: ArgDef[]; type: TypeRef }
interface TypeDef { kind: string; name: string; fields: FieldDef[] | null; inputFields: { name: string; type: TypeRef }[] | null; interfaces: { name: string }[] | null; possibleTypes: { name: string }[] | null; enumValues: { name: string }[] | null }
let types: Map<string, TypeDef>;
let rootNames: { Query: string; Mutation: string | null };
const INTROSPECTION = `query { __schema { queryType { name } mutationType { name } types { kind name
  fields { name args { name defaultValue type { ...T } } type { ...T } } inputFields { name type { ...T } }
  interfaces { name } possibleTypes { name } enumValues { name } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;
const namedOf = (t: TypeRef): TypeDef => (t.ofType ? namedOf(t.ofType) : types.get(t.name!)!);
const typeString = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${typeString(t.ofType!)}!` : t.kind === 'LIST' ? `[${typeString(t.ofType!)}]` : t.name!);
const isLeaf = (t: TypeDef) => t.kind === 'SCALAR' || t.kind === 'ENUM';
const isAbstract = (t: TypeDef) => t.kind === 'INTERFACE' || t.kind === 'UNION';

const ENTITY_FRAGMENTS: Record<string, string> = {
  Person: 'name surname aliases dob age sex nhs_no child pseudonym lookedAfter restricted',
  Phone: 'phoneNo raw doNotContact',
  Location: 'address postcode area restricted',
  Incident: 'summary type outcome history',
  Crime: 'note type',
  Meeting: 'title',
  Notice: 'servedOn licensingNotifiedOn',
  Report: 'ref summary ownerAgency handling sharedWith receivedOn conditions',
  Operator: 'name tradingName',
  Licence: 'number status',
  Operation: 'name',
};
function entitySelection(named: TypeDef): string {
  const parts = ['__typename', 'id', 'kind', 'label', 'labels', 'properties', 'sources'];
  const possible = isAbstract(named) ? (named.possibleTypes ?? []).map((t) => t.name) : [named.name];
  for (const t of possible) {
    if (!ENTITY_FRAGMENTS[t]) continue;
    const fields = new Set((types.get(t)?.fields ?? []).map((f) => f.name));
    const have = ENTITY_FRAGMENTS[t]!.split(' ').filter((f) => fields.has(f));
    if (have.length) parts.push(isAbstract(named) ? `... on ${t} { ${have.join(' ')} }` : have.join(' '));
  }
  return `{ ${parts.join(' ')} }`;
}
const isEntityType = (t: TypeDef) => t.name === 'Entity' || (t.kind === 'OBJECT' && (t.interfaces ?? []).some((i) => i.name === 'Entity'));
function selection(type: TypeRef, depth = 0): string {
  const named = namedOf(type);
  if (isLeaf(named)) return '';
  if (isEntityType(named)) return entitySelection(named);
  if (isAbstract(named)) return '{ __typename }';
  const parts: string[] = [];
  for (const f of named.fields ?? []) {
    if (f.args.some((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null)) continue;
    if (isLeaf(namedOf(f.type))) parts.push(f.name);
    else if (depth < 4) {
      const s = selection(f.type, depth + 1);
      if (s) parts.push(`${f.name} ${s}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}
interface Op {
  key: string; // Query.search
  kind: 'query' | 'mutation';
  field: FieldDef;
}
function requestText(op: Op, vars: Record<string, unknown>): string {
  const used = op.field.args.filter((a) => vars[a.name] !== undefined);
  const decl = used.length ? `(${used.map((a) => `$${a.name}: ${typeString(a.type)}`).join(', ')})` : '';
  const call = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  return `${op.kind} Leak${decl} { ${op.field.name}${call} ${selection(op.field.type)} }`;
}
function allowed(key: string, role: Role): boolean {
  const rule = POLICY[key];
  if (!rule) return false;
  return rule === 'public' || rule === 'signed-in' || rule.includes(role);
}

// =============================================================================================
// Leak bookkeeping

interface Leak {
  operation: string;
  role: string;
  where: string;
  identifier: string;
  kind: string;
  form: string;
  snippet: string;
}
const leaks: Leak[] = [];
/** Stored beside names and saved contact names for search, never shown (server/domain/names/store.ts). */
const INTERNAL_KEYS = ['nameKeys', 'nameKeysV', 'savedAsKeys'];
const coverage = { ms: new Map<string, number>(), controls: { analystSawChildNames: 0, viewSawOwnChild: 0, licensingSawAdultNames: 0 }, seed: SEED, worlds: WORLDS, calls: 0, answers: 0, checks: 0, operations: new Map<string, number>(), identifiers: 0, forms: 0, skipped: [] as string[], errorsByCode: new Map<string, number>() };

function snippetAt(text: string, at: number) {
  return text.slice(Math.max(0, at - 70), at + 90).replace(/\|/g, ' ¦ ').trim();
}

/** Checks one answer for every identifier the caller may not see. `request` strings quoted back in errors are not a leak. */
function check(planted: Planted, ctx: Ctx, operation: string, where: string, payload: unknown, request: unknown = null) {
  coverage.answers++;
  const v = view(strings(payload));
  // Controls: the same detection finds what each role may see, so a clean answer is not a blind one.
  for (const id of planted.idents) {
    const full = id.forms.find((f) => f.form === 'full name');
    if (!full || found(full, v) < 0) continue;
    if (id.kind === 'child' && ctx.role === 'analyst') coverage.controls.analystSawChildNames++;
    if (id.kind === 'child' && ctx.viewChild === id.childGroup) coverage.controls.viewSawOwnChild++;
    if (id.kind === 'adultName' && ctx.role === 'licensing') coverage.controls.licensingSawAdultNames++;
  }
  const echo = view(strings(request));
  // Name search keys (domain/names/keys.ts) are computed from every name, protected and withheld
  // ones too: no answer to any role carries them, nor says that they exist.
  const raw = JSON.stringify(payload ?? null);
  for (const k of INTERNAL_KEYS) {
    coverage.checks++;
    if (raw.includes(k) && !(where === 'errors' && JSON.stringify(request ?? null).includes(k))) {
      leaks.push({ operation, role: ctx.role, where, identifier: k, kind: 'internal', form: 'stored name keys', snippet: raw.slice(Math.max(0, raw.indexOf(k) - 70), raw.indexOf(k) + 90) });
    }
  }
  for (const id of planted.idents) {
    for (const f of forbiddenForms(id, ctx)) {
      coverage.checks++;
      const at = found(f, v);
      if (at < 0) continue;
      // An error that quotes the caller's own argument back says nothing new.
      if (where === 'errors' && found(f, echo) >= 0) continue;
      leaks.push({ operation, role: ctx.role + (ctx.viewChild ? ` (view of ${planted.children.find((c) => c.id === ctx.viewChild)?.pseudonym})` : ''), where, identifier: id.subject, kind: id.kind, form: f.form, snippet: f.mode === 'words' ? snippetAt(v.words, at) : `digits …${f.needle}…` });
    }
  }
  // Withheld-only entities and links: if shown at all, only as "1 item held by <owner>, <date>".
  if (ctx.role !== 'admin') {
    const withheld = new Map(planted.withheldOnly.filter((w) => w.owner !== AGENCY[ctx.role]).map((w) => [w.id, w]));
    const reports = new Map(planted.withheldReports.filter((w) => w.owner !== AGENCY[ctx.role]).map((w) => [w.id, w]));
    const walk = (x: unknown) => {
      if (Array.isArray(x)) return x.forEach(walk);
      if (!x || typeof x !== 'object') return;
      const o = x as Record<string, unknown>;
      const w = typeof o.id === 'string' ? (withheld.get(o.id) ?? reports.get(o.id)) : undefined;
      if (w && (typeof o.kind === 'string' || typeof o.type === 'string')) {
        coverage.checks++;
        const label = typeof o.label === 'string' ? o.label : '';
        const held = typeof o.type === 'string' ? strings(o).some((x) => /^1 item held by /.test(x)) : /^1 item held by .+, \d{4}-\d{2}-\d{2}$/.test(label);
        if (!held) {
          leaks.push({ operation, role: ctx.role, where, identifier: `${'kind' in w ? w.kind : 'report'} ${o.id} (${w.owner})`, kind: 'withheldShape', form: `shown as ${typeof o.type === 'string' ? `link ${o.type}` : `"${label.slice(0, 40)}"`}, not "1 item held by"`, snippet: JSON.stringify(o).slice(0, 160) });
        }
      }
      Object.values(o).forEach(walk);
    };
    walk(payload);
  }
}

// =============================================================================================
// The run

let stop: () => Promise<void>;
let info: StackInfo;
let client: GraphQLClient;
let db: Database;
let stackDb: Database;
let planted: Planted;

async function post(role: Role, query: string, variables: Record<string, unknown>): Promise<any> {
  coverage.calls++;
  const r = await client.gql(query, variables, role, { 'x-purpose': PURPOSE });
  for (const e of r.errors ?? []) {
    const code = e.extensions?.code ?? '(none)';
    coverage.errorsByCode.set(code, (coverage.errorsByCode.get(code) ?? 0) + 1);
  }
  return r;
}

/** Calls one operation as one role and checks data and errors (and a PDF, when it is one). */
async function call(op: Op, role: Role, vars: Record<string, unknown>, ctx: Ctx = { role }) {
  const query = requestText(op, vars);
  const started = Date.now();
  const r = await post(role, query, vars);
  coverage.ms.set(op.key, (coverage.ms.get(op.key) ?? 0) + Date.now() - started);
  coverage.operations.set(`${op.key} as ${role}`, (coverage.operations.get(`${op.key} as ${role}`) ?? 0) + 1);
  let data = r.data;
  const docs: string[] = [];
  if (data) {
    data = JSON.parse(JSON.stringify(data), (k, v) => {
      if (k === 'base64' && typeof v === 'string') {
        docs.push(v);
        return '[pdf]';
      }
      return v;
    });
  }
  check(planted, ctx, op.key, 'data', data ?? null);
  check(planted, ctx, op.key, 'errors', r.errors ?? [], vars);
  for (const b64 of docs) {
    const { PDFParse } = await import('pdf-parse');
    const text = (await new PDFParse({ data: new Uint8Array(Buffer.from(b64, 'base64')) }).getText()).text;
    check(planted, ctx, op.key, 'pdf text', [text]);
  }
  return r;
}

async function inParallel<T>(items: T[], n: number, fn: (x: T) => Promise<unknown>) {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) await fn(items[i++]!);
  }));
}

function opsOf(kind: 'Query' | 'Mutation'): Op[] {
  const name = rootNames[kind];
  return (name ? (types.get(name)?.fields ?? []) : []).map((field) => ({ key: `${kind}.${field.name}`, kind: kind === 'Query' ? 'query' : 'mutation', field }));
}

/** Opens alertRaised over SSE as a role; collects every event payload. */
async function subscribe(role: Role) {
  const stream = await openEventStream(info.url, await client.tokenFor(role), 'subscription { alertRaised { id rule audience status raisedAt summary entityIds acknowledgedBy note } }');
  return { events: stream.payloads as unknown[], close: stream.close };
}

beforeAll(async () => {
  const started = await startTestStack({ demo: false });
  info = started.info;
  stop = started.stop;
  stackDb = started.stack.db;
  client = new GraphQLClient(info.url, info.users);
  db = Database.connect(info.boltUri, info.boltUser, info.boltPassword);
  const intro = await client.gql(INTROSPECTION, {}, 'analyst');
  const sch = (intro.data as { __schema: { queryType: { name: string }; mutationType: { name: string } | null; types: TypeDef[] } }).__schema;
  types = new Map(sch.types.map((t) => [t.name, t]));
  rootNames = { Query: sch.queryType.name, Mutation: sch.mutationType?.name ?? null };
  const [u] = fc.sample(universe, { seed: SEED, numRuns: 1 });
  planted = plant(u!);
  await loadDataset(db, planted.data);
  // The data arrived as an import does: the rules raise what it shows.
  await runAlertRules(stackDb, null);
}, 300_000);

afterAll(async () => {
  await db?.close();
  await stop?.();
});

describe('no protected identifier leaves the server to a role that may not see it', () => {
  it('plants random worlds, calls every operation as every role with planted and protected arguments, and finds no leak', async () => {
    const t0 = Date.now();
    const Q = Object.fromEntries(opsOf('Query').map((o) => [o.field.name, o]));
    const M = Object.fromEntries(opsOf('Mutation').map((o) => [o.field.name, o]));
    const P = planted;
    coverage.identifiers = P.idents.length;
    coverage.forms = P.idents.reduce((n, i) => n + i.forms.length, 0);
    const childIds = P.children.map((c) => c.id);
    const draw = <T,>(arb: fc.Arbitrary<T>, n: number, salt: number) => fc.sample(arb, { seed: SEED + salt, numRuns: n });
    const anyId = fc.constantFrom(...P.allIds);
    const children = P.children;

    // ------------------------------------------------------------------ writes, with the live feed open
    if (M.assignChildren) {
      // Need-to-know: the test's safeguarding user is assigned every planted child.
      const args = M.assignChildren.field.args;
      const vars: Record<string, unknown> = {};
      for (const a of args) {
        const t = typeString(a.type);
        if (/username|user/i.test(a.name)) vars[a.name] = info.users.safeguarding.username;
        else if (t.includes('[')) vars[a.name] = childIds;
        else if (/reason|purpose/i.test(a.name)) vars[a.name] = PURPOSE;
      }
      await call(M.assignChildren, 'admin', vars);
    }
    const feeds = { licensing: await subscribe('licensing'), safeguarding: await subscribe('safeguarding'), analyst: await subscribe('analyst') };
    const submit = async (input: Record<string, unknown>) => {
      const base = { receivedOn: '2015-06-01', sourceType: 'police', sourceGrade: 1, intelGrade: 'B', handling: 'P', ownerAgency: 'Police' };
      const r = await call(M.submitReport!, 'analyst', { input: { ...base, ...input } });
      const s = r.data?.submitReport;
      if (s) {
        P.allIds.push(s.report.id, ...s.entities.map((e: any) => e.entity.id));
        P.visibleReports.push(s.report.id);
      }
      return r;
    };
    const [cx, cy] = [children[0]!, children[1]!];
    const driver = P.drivers[0]!;
    const refuge = P.refuges[0]!;
    const wh = P.withheldReports;
    if (M.submitReport) {
      // A notice on a licensed driver, protecting a child, naming a protected place: licensing is alerted.
      await submit({ summary: `Abduction notice served on the driver; it protects ${cx.first} ${cx.last} (${cx.pseudonym}) and names ${P.places[0]?.address ?? 'the refuge'}.`, entities: [{ ref: 'n', kind: 'Notice', properties: { kind: 'child_abduction', servedOn: '2015-06-01' } }], links: [{ type: 'SERVED_ON', from: 'n', to: driver }, { type: 'PROTECTS', from: 'n', to: cx.id }, { type: 'NAMES_PLACE', from: 'n', to: refuge }] });
      // A missing child found at the refuge the notice names: the strategy meeting is alerted.
      await submit({ summary: `${cy.last}, ${cy.first} missing overnight; found at the refuge.`, entities: [{ ref: 'm', kind: 'Incident', properties: { kind: 'missing', date: '2015-06-01', summary: `${cy.pseudonym.toLowerCase()} found at ${P.places[0]?.address.toUpperCase() ?? ''}, phone 07700 900${cy.phone}` } }], links: [{ type: 'VICTIM_OF', from: cy.id, to: 'm' }, { type: 'OCCURRED_AT', from: 'm', to: refuge }] });
      // A notice on a person only a withheld report supports (a write must refer only to what its writer can read).
      await submit({ summary: 'Notice served on the person in the partner disclosure.', entities: [{ ref: 'n', kind: 'Notice', properties: { kind: 'child_abduction', servedOn: '2015-06-02' } }], links: [{ type: 'SERVED_ON', from: 'n', to: P.withheldPersons[0]! }, { type: 'PROTECTS', from: 'n', to: cy.id }] });
      // The withheld reports by id, as known entities of a new report.
      await submit({ summary: 'Cross-reference to partner disclosures.', entities: wh.map((w) => ({ ref: w.id, kind: 'Report' })), links: [] });
      await submit({ summary: 'Cross-reference to partner disclosures by link.', entities: [{ ref: 'x', kind: 'Person', properties: { name: 'Unnamed', surname: 'Caller' } }], links: wh.map(() => ({ type: 'KNOWS', from: 'x', to: P.withheldPersons[0]! })).slice(0, 1) });
      // A child's phone by number in another format, saved in an adult's handset under a nickname.
      await submit({ summary: 'Handset download.', entities: [{ ref: 'p', kind: 'Phone', properties: { phoneNo: `(07700) 900 ${cx.phone}` } }], links: [{ type: 'HAS_CONTACT', from: P.adults[1]!.id, to: 'p', properties: { savedAs: `${cx.first} ${cx.last[0]} new` } }] });
    }
    // Follow-through records (issue 20) whose free text names a child, written by roles that may see her:
    // a strategy meeting's record with an action for licensing, and a delivery of concerns to licensing.
    // Licensing then reads its actions and deliveries (read phase): the child only as a descriptor.
    if (M.recordMeeting && P.meetings[0]) {
      await call(M.recordMeeting, 'safeguarding', {
        meetingId: P.meetings[0], attendees: [{ name: 'Chair of the meeting', role: 'chair', agency: "Children's Social Care" }], itemIds: [cx.id, driver],
        decisions: [`${cx.first} ${cx.last} (${cx.pseudonym}) is not to travel with the driver; her phone 07700 900${cx.phone} to be checked.`],
        actions: [{ text: `Licensing to review the driver who carried ${cx.first} ${cx.last[0]} (${cx.pseudonym}) to ${P.places[0]?.address ?? 'the refuge'}.`, itemIds: [cx.id, driver], ownerAgency: 'Licensing', ownerRole: 'licensing', dueOn: '2015-06-15' }],
      });
    }
    if (M.sendDelivery) {
      await call(M.sendDelivery, 'analyst', { deliveryKind: 'concerns_grid', toAgency: 'Licensing', toRole: 'licensing', title: `Concerns: the driver and ${cx.first} ${cx.last}`, note: `${cx.pseudonym} seen in his taxi near ${P.places[0]?.address ?? 'the refuge'}, phone 07700 900${cx.phone}`, subjectIds: [driver, cx.id] });
      await call(M.sendDelivery, 'safeguarding', { deliveryKind: 'other', toAgency: 'Licensing', toRole: 'licensing', title: 'Notice notification', note: `Notice protects ${cy.last}, ${cy.first}.`, subjectIds: [driver] });
    }
    // Intake from a file (issue 22): call records among planted phones (children's and victims'), uploaded
    // and imported by an analyst; previewImport (its matches) and callPattern are then read by every role.
    const callPhones = (await db.read('MATCH (p:Phone) WHERE p.id IN $ids RETURN p.id AS id, p.phoneNo AS no', { ids: [...children.map((c) => c.phoneId), ...P.victims.map((v) => v.phoneId)] })).map((r) => ({ id: r.id as string, no: r.no as string }));
    let importUpload: string | undefined;
    if (M.uploadImportFile && M.startImport && callPhones.length > 1) {
      const csv = ['caller,called,start,duration,cell', ...callPhones.map((p, i) => `${p.no},${callPhones[(i + 1) % callPhones.length]!.no.replace('+44', '0')},0${1 + (i % 9)}/03/2015 2${i % 4}:1${i % 6}:00,${60 + i},CELL-${i}`)].join('\n');
      const form = new FormData();
      form.set('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadImportFile(file: $f) { id } }', variables: { f: null } }));
      form.set('map', JSON.stringify({ 0: ['variables.f'] }));
      form.set('0', new Blob([csv], { type: 'text/csv' }), 'calls.csv');
      const up = await (await fetch(`${info.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${await client.tokenFor('analyst')}` }, body: form })).json();
      coverage.calls++;
      check(P, { role: 'analyst' }, 'Mutation.uploadImportFile', 'data', up);
      importUpload = up.data?.uploadImportFile?.id;
      const started = await call(M.startImport, 'analyst', { uploadId: importUpload, mapping: 'builtin:call-records', source: { sourceType: 'police', sourceGrade: 1, intelGrade: 'A', handling: 'P', ownerAgency: 'Police', receivedOn: '2015-06-01' } });
      for (let i = 0; i < 60 && started.data?.startImport?.id; i++) {
        const j = await client.gql('query ($id: ID!) { importJob(id: $id) { status } }', { id: started.data.startImport.id }, 'analyst');
        if (['done', 'failed'].includes(j.data?.importJob?.status)) break;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    await new Promise((r) => setTimeout(r, 3_000)); // the feed: a few seconds after the last alert
    for (const [role, feed] of Object.entries(feeds) as [Role, Awaited<ReturnType<typeof subscribe>>][]) {
      await feed.close();
      coverage.operations.set(`Subscription.alertRaised as ${role}`, feed.events.length);
      for (const e of feed.events) check(P, { role }, 'Subscription.alertRaised', 'sse event', e);
    }
    // Merges: two children; and an adult record of a child's name into which the child is merged.
    if (M.merge) {
      const [ca, cb] = children.filter((c) => c.world === 1).slice(0, 2);
      if (ca && cb) {
        await call(M.merge, 'analyst', { ids: [ca.id, cb.id], reason: 'Same young person recorded twice' });
        cb.group = ca.id;
        for (const i of P.idents) if (i.childGroup === cb.id) i.childGroup = ca.id;
      }
      const cc = children.find((c) => c.world === 2)!;
      const dup = `per-dup-${cc.id.slice(4)}`;
      await db.write("MERGE (p:Entity:Person {id: $id}) SET p.name = $name, p.surname = $surname, p.sources = [$src]", { id: dup, name: cc.first, surname: cc.last, src: P.visibleReports[0] });
      await db.write('MATCH (p:Person {id: $id}), (a:Person {id: $a}) MERGE (p)-[r:KNOWS {id: $lid}]->(a) SET r.sources = [$src]', { id: dup, a: P.adults.find((a) => a.world === 2)!.id, lid: `lnk-dup-${cc.id.slice(4)}`, src: P.visibleReports[0] });
      P.allIds.push(dup);
      P.personIds.push(dup);
      const r = await call(M.merge, 'analyst', { ids: [dup, cc.id], reason: 'The adult record is the same young person' });
      if (!r.errors?.length) P.idents.find((i) => i.childGroup === cc.id)!.forms.push(wordsForm('id of the record the child was merged into', dup, true));
      else {
        // Refused: the adult record stays an adult's (with a child's name): keep it out of every check.
        await db.write('MATCH (p:Person {id: $id}) DETACH DELETE p', { id: dup });
        P.allIds.pop();
        P.personIds.pop();
      }
    }
    let chartId: string | undefined;
    if (M.saveChart) {
      const r = await call(M.saveChart, 'analyst', { name: 'Leak chart', entityIds: [...childIds.slice(0, 3), ...P.withheldOnly.filter((w) => w.kind === 'entity').map((w) => w.id), ...P.drivers.slice(0, 2)], state: {} });
      chartId = r.data?.saveChart?.id;
    }
    // The working chart (autosave) of the same: what it returns is read through the viewer when opened.
    if (M.saveWorkingChart) await call(M.saveWorkingChart, 'analyst', { entityIds: [...childIds.slice(0, 3), ...P.withheldOnly.filter((w) => w.kind === 'entity').map((w) => w.id), ...P.drivers.slice(0, 2)], state: { positions: Object.fromEntries(childIds.slice(0, 3).map((id) => [id, [0, 0]])) } });
    if (M.recordExport) for (const format of ['CSV', 'GRAPHML']) await call(M.recordExport, 'analyst', { format, chartName: 'Leak chart', entityIds: [...childIds, ...P.withheldOnly.map((w) => w.id)] });

    // ------------------------------------------------------------------ reads: argument pools
    const alertIds = (await db.read('MATCH (a:Alert) RETURN a.id AS id')).map((r) => r.id as string);
    const searchTexts = [...new Set([...P.variants, ...P.children.flatMap((c) => [c.first, c.last, c.pseudonym, c.id, `07700900${c.phone}`]), ...P.places.flatMap((p) => [p.postcode, p.address]), ...P.withheldReports.map((w) => w.marker)])];
    // Every child's plain identifiers, and a seeded sample of the other written forms (time).
    // ... and the adults' names: their hits carry context (homes shared with children, phones, withheld links).
    const plainTexts = new Set([...P.children.flatMap((c) => [c.first, c.last, c.pseudonym, c.id, `07700900${c.phone}`]), ...P.adults.map((a) => `${a.first} ${a.last}`)]);
    const searchSample = [...plainTexts, ...draw(fc.shuffledSubarray(searchTexts.filter((t) => !plainTexts.has(t)), { minLength: 50, maxLength: 50 }), 1, 4)[0]!];
    const personOrChild = fc.constantFrom(...P.personIds);
    const idsArb = fc.uniqueArray(fc.oneof(anyId, fc.constantFrom(...childIds)), { minLength: 2, maxLength: 5 });
    const hops = fc.integer({ min: 1, max: 3 });

    /** Argument sets per operation: sweeps over the planted ids, and seeded random draws. */
    const withheldIds = new Set([...P.withheldOnly.map((w) => w.id), ...P.withheldReports.map((w) => w.id), ...P.withheldPersons]);
    // Analysts see the graph as stored but for withheld reports: a third of each sweep, and every withheld id.
    const thin = <T extends Record<string, unknown>>(role: Role, sets: T[]) => (role === 'analyst' ? sets.filter((x, i) => i % 3 === 0 || strings(x).some((v) => withheldIds.has(v) || P.withheldReports.some((w) => v === w.marker))) : sets);
    const argsFor = (op: Op, role: Role): Record<string, unknown>[] => thin(role, argsForAll(op));
    const argsForAll = (op: Op): Record<string, unknown>[] => {
      const n = op.field.name;
      switch (n) {
        case 'search': return searchSample.map((text, i) => ({ text, limit: 50, ...(i % 3 === 0 ? { kinds: ['Person', 'Phone', 'Location', 'Incident', 'Meeting', 'Report'] } : {}) }));
        case 'entity': return P.allIds.map((id) => ({ id }));
        case 'neighbourhood': return [...P.allIds.map((id, i) => ({ ids: [id], hops: 1 + (i % 2), limit: 1000 })), ...draw(fc.record({ ids: idsArb, hops }), 20, 1)];
        case 'paths': return draw(fc.record({ from: personOrChild, to: fc.oneof(fc.constantFrom(...childIds), anyId), maxHops: fc.integer({ min: 2, max: 6 }), all: fc.boolean() }), 30, 2);
        case 'connectingNetwork': return draw(fc.record({ ids: idsArb, maxHops: fc.integer({ min: 2, max: 5 }) }), 30, 3);
        case 'driverRecord': return P.personIds.map((personId) => ({ personId }));
        case 'operatorProfile': return [...P.operators, ...childIds.slice(0, 2)].map((operatorId) => ({ operatorId }));
        case 'successorOperators': return [{}, ...P.operators.map((operatorId) => ({ operatorId }))];
        case 'operatorRisk': return [{}, { from: '2009-01-01', to: '2020-12-31', top: 50 }];
        case 'alerts': return [{ limit: 1000 }, { status: 'open', limit: 1000 }];
        case 'acknowledgeAlert': return alertIds.map((id) => ({ id, note: 'checked' }));
        case 'operations': case 'children': case 'me': case 'health': case 'stats': case 'users': case 'auditVerify': case 'savedCharts': case 'householdRisk': case 'duplicateCandidates': return [{}];
        case 'rank': return (namedOf(op.field.args.find((a) => a.name === 'measure')!.type).enumValues ?? [{ name: 'DEGREE' }]).map((v) => v.name).map((measure: string) => ({ measure, kinds: ['Person', 'Phone', 'Incident'], linkTypes: null, top: 100 }));
        case 'communities': return [{ kinds: ['Person', 'Phone'], linkTypes: ['KNOWS', 'HAS_PHONE', 'HAS_CONTACT'], minSize: 2, top: 50 }];
        case 'atRiskPersons': return [{ hops: 2, top: 100 }];
        case 'linkedChildren': return [{ personIds: P.personIds }];
        case 'operationCoverage': return P.operations.map((operationId) => ({ operationId }));
        case 'whoIs': return [...new Set(P.nicknames)].map((nickname) => ({ nickname }));
        case 'provenance': return [{ reportIds: [...P.visibleReports, ...P.withheldReports.map((w) => w.id)] }, ...P.allIds.filter((_, i) => i % 3 === 0).map((entityId) => ({ entityId }))];
        case 'releaseText': return draw(fc.record({ id: anyId, field: fc.constantFrom('summary', 'title', 'note', 'name'), text: fc.constant('Released version: nothing identifying.') }), 8, 5);
        case 'savedChart': return chartId ? [{ id: chartId }] : [];
        case 'workingChart': return [{}];
        case 'previewImport': return importUpload ? [{ uploadId: importUpload, mapping: 'builtin:call-records', rows: 200 }] : [];
        case 'callPattern': return callPhones.flatMap((a, i) => callPhones.slice(i + 1, i + 3).map((b) => ({ a: a.id, b: b.id })));
        case 'importMappings': return [{}];
        case 'childConnections': return children.map((c, i) => ({ childId: c.id, hops: 1 + (i % 3), purpose: PURPOSE }));
        case 'childIndicators': return children.map((c, i) => ({ childId: c.id, purpose: PURPOSE, ...(i % 2 ? { asOf: '2016-01-01' } : {}) }));
        case 'childActions': return children.map((c) => ({ childId: c.id }));
        case 'evidencePack': return [...P.drivers, ...P.adults.map((a) => a.id)].filter((_, i) => i % 2 === 0).map((personId, i) => ({ personId, purpose: PURPOSE, ...(i % 2 ? { use: 'licence_condition' } : {}) }));
        case 'noticeRegister': return [{}, { breachesOnly: true }];
        case 'meetingRecord': return P.meetings.map((meetingId) => ({ meetingId }));
        case 'myActions': case 'deliveries': case 'meetings': case 'restrictions': case 'accessRequests': case 'reasonCodes': case 'reviewers': case 'teams': return [{}];
        case 'overdueActions': case 'overdueRestrictionReviews': return [{}, { asOf: '2030-01-01' }];
        case 'itemsWithoutAction': return [{ minMeetings: 1, top: 50 }];
        case 'changeHistory': return [...childIds, ...P.drivers].map((subjectId) => ({ subjectId }));
        case 'strategyPack': return children.filter((_, i) => i % 2 === 0).map((c) => ({ childId: c.id, hops: 2, purpose: PURPOSE }));
        case 'auditLog': return [{ limit: 100_000 }, ...childIds.map((entityId) => ({ entityId, limit: 1000 })), ...(['analyst', 'licensing', 'safeguarding'] as Role[]).map((r) => ({ username: info.users[r].username, limit: 10_000 }))];
        default: return draw(genericArgs(op), 6, 7);
      }
    };
    const genericValue = (t: TypeRef, name: string): fc.Arbitrary<unknown> => {
      if (t.kind === 'NON_NULL') return genericValue(t.ofType!, name);
      if (t.kind === 'LIST') return fc.array(genericValue(t.ofType!, name), { minLength: 1, maxLength: 4 });
      const named = namedOf(t);
      if (named.kind === 'ENUM') return fc.constantFrom(...(named.enumValues ?? []).map((v) => v.name));
      if (named.kind === 'INPUT_OBJECT') return fc.record(Object.fromEntries((named.inputFields ?? []).map((f) => [f.name, genericValue(f.type, f.name)])));
      if (named.kind === 'SCALAR') {
        if (named.name === 'Int') return fc.integer({ min: 1, max: 3 });
        if (named.name === 'Float') return fc.constant(1);
        if (named.name === 'Boolean') return fc.boolean();
        if (named.name === 'JSON') return fc.constant({});
        if (/purpose|reason/i.test(name)) return fc.constant(PURPOSE);
        if (/date|asOf|on$/i.test(name)) return fc.constant('2016-01-01');
        if (named.name === 'ID' || /id$/i.test(name)) return fc.oneof(anyId, fc.constantFrom(...childIds));
        return fc.oneof(fc.constantFrom(...P.allIds), fc.constantFrom(...searchTexts));
      }
      return fc.constant(null);
    };
    const genericArgs = (op: Op) => fc.record(Object.fromEntries(op.field.args.map((a) => [a.name, genericValue(a.type, a.name)])));

    // Operations nobody should run in a leak test (they end sessions, change accounts or undo the merges).
    const SKIP = new Set(['Mutation.login', 'Mutation.logout', 'Mutation.setUser', 'Mutation.setUserTeam', 'Mutation.setManager', 'Mutation.unmerge', 'Mutation.submitReport', 'Mutation.merge', 'Mutation.saveChart', 'Mutation.saveWorkingChart', 'Mutation.recordExport', 'Mutation.deleteChart', 'Mutation.assignChildren', 'Mutation.recordDisposition']);
    coverage.skipped = [...SKIP].map((k) => `${k}: ${['Mutation.submitReport', 'Mutation.merge', 'Mutation.saveChart', 'Mutation.saveWorkingChart', 'Mutation.recordExport', 'Mutation.assignChildren'].includes(k) ? 'called in the write phase' : 'changes accounts, sessions or undoes the planted state'}`);
    const ops = [...opsOf('Query'), ...opsOf('Mutation')].filter((o) => !SKIP.has(o.key));
    const roles: Role[] = ['licensing', 'safeguarding', 'analyst', 'admin'];
    for (const role of roles) {
      for (const op of ops) {
        if (!allowed(op.key, role)) {
          // Denied: one attempt with protected arguments; the error must not carry anything either.
          const [vars] = draw(genericArgs(op), 1, 11);
          await call(op, role, vars ?? {});
          continue;
        }
        if (op.key === 'Mutation.acknowledgeAlert') continue; // last, so that inboxes are read while open
        const sets = argsFor(op, role);
        // The strategy-meeting view of one child: that child may be named, every other one not.
        const viewOp = ['Query.childConnections', 'Mutation.strategyPack', 'Query.childIndicators', 'Query.childActions'].includes(op.key);
        const groupOf = (id: unknown) => children.find((c) => c.id === id)?.group ?? String(id);
        await inParallel(sets, 8, (vars) => call(op, role, vars, { role, viewChild: viewOp && role === 'safeguarding' ? groupOf(vars.childId) : undefined }));
      }
    }
    // Alerts: each role acknowledges every alert it can name, its own and others'.
    for (const role of ['licensing', 'safeguarding', 'analyst'] as Role[]) if (M.acknowledgeAlert) await inParallel(argsFor(M.acknowledgeAlert, role), 4, (vars) => call(M.acknowledgeAlert!, role, vars));
    // Last, the admin's audit log, which now records everything above.
    if (Q.auditLog) await inParallel(argsFor(Q.auditLog, 'admin'), 4, (vars) => call(Q.auditLog!, 'admin', vars));
    // GET /metrics (the event-loop delay, for operators): admins only; every role's answer is checked too.
    for (const role of roles) {
      const res = await fetch(`${info.url.replace(/\/graphql$/, '')}/metrics?window=600`, { headers: { authorization: `Bearer ${await client.tokenFor(role)}` } });
      coverage.calls++;
      coverage.operations.set(`GET /metrics as ${role}`, (coverage.operations.get(`GET /metrics as ${role}`) ?? 0) + 1);
      expect(res.status, `GET /metrics as ${role}`).toBe(role === 'admin' ? 200 : 403);
      check(planted, { role }, 'GET /metrics', 'body', [await res.text()]);
    }
    // The probes for orchestrators (/live, /ready): no token, a status word only.
    for (const probe of ['/live', '/ready']) {
      const res = await fetch(`${info.url.replace(/\/graphql$/, '')}${probe}`);
      coverage.calls++;
      coverage.operations.set(`GET ${probe}`, (coverage.operations.get(`GET ${probe}`) ?? 0) + 1);
      expect(res.status, `GET ${probe}`).toBe(200);
      for (const role of roles) check(planted, { role }, `GET ${probe}`, 'body', [await res.clone().text()]);
    }

    // ------------------------------------------------------------------ report
    const grouped = new Map<string, { leak: Leak; count: number; identifiers: Set<string> }>();
    for (const l of leaks) {
      const key = `${l.operation} | ${l.role} | ${l.where} | ${l.kind} | ${l.form}`;
      const g = grouped.get(key) ?? grouped.set(key, { leak: l, count: 0, identifiers: new Set() }).get(key)!;
      g.count++;
      g.identifiers.add(l.identifier);
    }
    const list = [...grouped.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, g]) => ({ key, count: g.count, identifiers: g.identifiers.size, example: g.leak.snippet, exampleIdentifier: g.leak.identifier }));
    const summary = {
      seed: SEED, worlds: WORLDS, controls: coverage.controls, seconds: Math.round((Date.now() - t0) / 1000), calls: coverage.calls, answersChecked: coverage.answers,
      identifiers: coverage.identifiers, forms: coverage.forms, checks: coverage.checks, operations: Object.fromEntries(coverage.operations),
      errorsByCode: Object.fromEntries(coverage.errorsByCode), msByOperation: Object.fromEntries([...coverage.ms].sort((a, b) => b[1] - a[1])), skipped: coverage.skipped, leaks: leaks.length, distinctLeaks: list.length, leakList: list,
    };
    fs.mkdirSync(path.resolve('test-results'), { recursive: true });
    fs.writeFileSync(path.resolve('test-results/leak-coverage.json'), JSON.stringify(summary, null, 2));
    console.log(`leak test: ${coverage.calls} calls over ${coverage.operations.size} operation×role pairs, ${coverage.answers} answers × ${coverage.identifiers} identifiers (${coverage.forms} forms) = ${coverage.checks} checks; ${leaks.length} leaks (${list.length} distinct)`);
    for (const l of list) console.log(`LEAK ${l.key} ×${l.count} (${l.identifiers} identifiers) e.g. ${l.exampleIdentifier}: ${l.example}`);
    expect(coverage.controls.analystSawChildNames, 'control: the detection finds children in the analyst view').toBeGreaterThan(0);
    expect(coverage.controls.viewSawOwnChild, 'control: the detection finds the child in its own view').toBeGreaterThan(0);
    expect(coverage.controls.licensingSawAdultNames, 'control: the detection finds adults for licensing').toBeGreaterThan(0);
    // Control: the keys the check looks for are there to leak (planted persons and handset names carry them).
    const [{ persons, contacts }] = await db.read('CALL { MATCH (p:Person) WHERE size(p.nameKeys) > 0 RETURN count(p) AS persons } CALL { MATCH ()-[r:HAS_CONTACT]->() WHERE size(r.savedAsKeys) > 0 RETURN count(r) AS contacts } RETURN persons, contacts');
    expect(persons, 'control: planted persons carry name keys').toBeGreaterThan(0);
    expect(contacts, 'control: planted handset names carry keys').toBeGreaterThan(0);
    expect(list.map((l) => `${l.key} ×${l.count}: ${l.example}`), 'leaks (see test-results/leak-coverage.json)').toEqual([]);
  }, 900_000);
});
