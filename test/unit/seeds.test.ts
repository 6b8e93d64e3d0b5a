import { describe, it, expect } from 'vitest';
import { generateDemo, DEMO_IDS } from '../../seeds/demo.js';
import type { DatasetLink, DatasetNode, PropertyValue } from '../../seeds/dataset.js';
import { DISPOSITIONS, INCIDENT_KINDS, LOCATION_KINDS, isLabel, isLinkType, type LinkType } from '../../server/domain/vocabulary.js';
import { ANY_LABEL, LINK_ENDS } from '../../server/domain/linkEnds.js';

const data = generateDemo();
const byId = new Map(data.nodes.map((n) => [n.id, n]));
const node = (id: string): DatasetNode => {
  const n = byId.get(id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};
const linksOf = (type: string): DatasetLink[] => data.links.filter((l) => l.type === type);
const nodesOf = (label: string): DatasetNode[] => data.nodes.filter((n) => n.labels.includes(label));
const out = (id: string, type: string) => data.links.filter((l) => l.start === id && l.type === type);
const into = (id: string, type: string) => data.links.filter((l) => l.end === id && l.type === type);
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => ISO.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const ageOn = (dob: string, on: string) => Number(on.slice(0, 4)) - Number(dob.slice(0, 4)) - (on.slice(5) < dob.slice(5) ? 1 : 0);
const onChart = linksOf('ON_CHART');
const suspects = onChart.filter((l) => l.props.role === 'suspect');
const children = data.nodes.filter((n) => n.props.child === true);
describe('demo dataset: identity and shape', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(generateDemo()).toEqual(data);
    expect(generateDemo('operation-central')).toEqual(data);
    expect(generateDemo('another seed')).not.toEqual(data);
  });

  it('has unique node ids and link ids, and every link joins existing nodes', () => {
    expect(byId.size).toBe(data.nodes.length);
    expect(new Set(data.links.map((l) => l.id)).size).toBe(data.links.length);
    for (const l of data.links) {
      expect(byId.has(l.start), `${l.id} start`).toBe(true);
      expect(byId.has(l.end), `${l.id} end`).toBe(true);
    }
  });

  it('leaves nothing dangling: every entity is linked to something besides reports and the chart', () => {
    const linked = new Set<string>();
    for (const l of data.links) if (l.type !== 'MENTIONS' && l.type !== 'ON_CHART') linked.add(l.start).add(l.end);
    const loose = data.nodes.filter((n) => !n.labels.includes('Report') && !n.labels.includes('Operation') && !linked.has(n.id));
    expect(loose.map((n) => n.id)).toEqual([]);
  });

  it('uses readable prefixed ids', () => {
    const prefix: Record<string, RegExp> = {
      Person: /^per-(s\d{3}|c\d{2}|[a-z]\d{2})$/,
      Phone: /^ph-\d{4}$/,
      Vehicle: /^veh-\d{3}$/,
      Location: /^loc-\d{3}$/,
      // the scenario's incidents; a school-absence and a health record (child indicators); the
      // restricted operation's sighting; complaints that reached licensing late (licensing decisions)
      Incident: /^inc-(\d{4}|abs-\d{4}|hlt-\d{4}|r\d{2}|e\d{2})$/,
      Operator: /^opr-\d$/,
      Licence: /^lic-(op|dr|veh)-\d+$/,
      Notice: /^ntc-\d{3}$/,
      Meeting: /^mtg-\d{3}$/,
      Report: /^rep-(\d{4}|edu-\d{4}|hlt-\d{4}|r\d{2}|e\d{3})$/,
      // Operation Central's chart, and the restricted Operation Kestrel (op-2: an id that says nothing)
      Operation: /^op-(central|2)$/,
      LicensingDecision: /^dec-demo-inc-\d{4}$/,
      Representation: /^rpn-demo-inc-\d{4}-\d$/,
      LicenceCheck: /^chk-demo-lic-(op|dr|veh)-\d+-[a-z_]+$/,
    };
    for (const n of data.nodes) expect(n.id, n.id).toMatch(prefix[n.labels[0] ?? ''] ?? /^$/);
    for (const l of data.links) expect(l.id.startsWith(`${l.type}:${l.start}:${l.end}`), l.id).toBe(true);
  });

  it('uses only the vocabulary', () => {
    for (const n of data.nodes) for (const label of n.labels) expect(isLabel(label), label).toBe(true);
    for (const l of data.links) expect(isLinkType(l.type), l.type).toBe(true);
    for (const n of nodesOf('Location')) expect(LOCATION_KINDS as readonly string[]).toContain(n.props.kind);
    for (const n of nodesOf('Incident')) expect(INCIDENT_KINDS as readonly string[]).toContain(n.props.kind);
    for (const l of onChart) if (l.props.disposition !== undefined) expect(DISPOSITIONS as readonly string[]).toContain(l.props.disposition);
  });

  it('points every link the way DESIGN.md §4 gives', () => {
    for (const l of data.links) {
      const rule = LINK_ENDS[l.type as LinkType];
      expect(rule, `no direction rule for ${l.type}`).toBeDefined();
      if (!rule) continue;
      const [from, to] = rule;
      expect(node(l.start).labels.some((x) => from.includes(x)), `${l.id}: start ${node(l.start).labels.join()}`).toBe(true);
      if (!to.includes(ANY_LABEL)) expect(node(l.end).labels.some((x) => to.includes(x)), `${l.id}: end ${node(l.end).labels.join()}`).toBe(true);
    }
  });

  it('follows the property conventions', () => {
    const nullable = new Set(['licensingNotifiedOn', 'returnInterviewOn']);
    const check = (where: string, props: Record<string, PropertyValue>) => {
      for (const [k, v] of Object.entries(props)) {
        expect(k, where).not.toMatch(/ethnic|relig|national/i);
        if (v === null) expect(nullable.has(k), `${where}.${k} is null`).toBe(true);
        if (typeof v === 'string') expect(v, `${where}.${k}`).not.toMatch(/ethnic|relig|nationality/i);
        if (Array.isArray(v)) {
          const types = new Set(v.map((x) => (x === null ? 'null' : typeof x)));
          expect(types.size, `${where}.${k} homogeneous`).toBeLessThanOrEqual(1);
          expect(types.has('null') || types.has('undefined'), `${where}.${k} has null`).toBe(false);
        }
        if (/On$|^date$|^endDate$|^from$|^to$|^dob$/.test(k) && v !== null) expect(validDate(String(v)), `${where}.${k}=${String(v)}`).toBe(true);
      }
      if (typeof props.from === 'string' && typeof props.to === 'string') expect(props.from <= props.to, `${where} from<=to`).toBe(true);
    };
    for (const n of data.nodes) check(n.id, n.props);
    for (const l of data.links) check(l.id, l.props);
    for (const i of nodesOf('Incident')) {
      const h = i.props.history as string[];
      expect(h.length).toBeGreaterThan(0);
      for (const e of h) {
        expect(e).toMatch(/^\d{4}-\d{2}-\d{2}:(open|with_police|closed)$/);
        expect(validDate(e.slice(0, 10))).toBe(true);
      }
      expect([...h].sort(), i.id).toEqual(h); // appended in date order
      expect(h[h.length - 1]?.slice(11), i.id).toBe(i.props.status);
      // The scenario runs 2008–2011; the licensing story (complaints that reached licensing late) to 2014.
      expect(String(i.props.date) >= '2008-01-01' && String(i.props.date) <= (/^inc-e/.test(i.id) ? '2014-12-31' : '2011-12-31'), i.id).toBe(true);
      if (i.props.endDate) expect(String(i.props.endDate) >= String(i.props.date)).toBe(true);
      if (i.props.kind === 'missing') expect('returnInterviewOn' in i.props, i.id).toBe(true);
    }
    for (const m of nodesOf('Meeting')) expect(String(m.props.date) >= '2008-01-01' && String(m.props.date) <= '2011-12-31').toBe(true);
  });

  it('keeps sources pointing at graded reports, some links backed by several', () => {
    const reports = new Set(nodesOf('Report').map((r) => r.id));
    for (const x of [...data.nodes, ...data.links]) {
      const s = x.props.sources;
      if (s === undefined) continue;
      expect(Array.isArray(s)).toBe(true);
      for (const r of s as string[]) expect(reports.has(r), `${x.id} cites ${r}`).toBe(true);
    }
    expect(data.links.filter((l) => ((l.props.sources as string[] | undefined)?.length ?? 0) >= 2).length).toBeGreaterThan(20);
    expect(data.links.some((l) => ((l.props.sources as string[] | undefined)?.length ?? 0) >= 3)).toBe(true);
    for (const r of nodesOf('Report')) {
      expect(typeof r.props.ref).toBe('string');
      expect(validDate(String(r.props.receivedOn))).toBe(true);
      expect(['victim', 'youth_worker', 'parent', 'school', 'police', 'licensing', 'partner', 'public']).toContain(r.props.sourceType);
      expect([1, 2, 3]).toContain(r.props.sourceGrade);
      expect(['A', 'B', 'C', 'D', 'E']).toContain(r.props.intelGrade);
      expect(['P', 'C']).toContain(r.props.handling);
      expect(typeof r.props.ownerAgency).toBe('string');
      expect(typeof r.props.summary).toBe('string');
      expect(out(r.id, 'MENTIONS').length, `${r.id} mentions nothing`).toBeGreaterThan(0);
    }
    expect(new Set(nodesOf('Report').map((r) => r.props.ref)).size).toBe(nodesOf('Report').length);
  });
});

describe('demo dataset: the operation', () => {
  it('is at the scale of Operation Central', () => {
    expect(data.nodes.length).toBeGreaterThanOrEqual(1000);
    expect(data.nodes.length).toBeLessThanOrEqual(1500);
    expect(data.links.length).toBeGreaterThanOrEqual(2000);
    expect(data.links.length).toBeLessThanOrEqual(4000);
    expect(suspects).toHaveLength(80);
    expect(children).toHaveLength(20);
    expect(onChart.filter((l) => l.props.role === 'victim' && l.props.statement === true)).toHaveLength(4);
    const likely = onChart.filter((l) => l.props.role === 'likely_victim').length;
    expect(likely).toBeGreaterThanOrEqual(10);
    expect(likely).toBeLessThanOrEqual(15);
    const phones = nodesOf('Phone').length;
    expect(phones).toBeGreaterThanOrEqual(450);
    expect(phones).toBeLessThanOrEqual(550);
    expect(nodesOf('Operator')).toHaveLength(6); // five operators and one successor
    expect(nodesOf('Operation').map((n) => n.id)).toEqual(['op-central', 'op-2']); // the chart's, and the restricted one
    expect(nodesOf('Vehicle').length).toBeGreaterThanOrEqual(40);
    expect(nodesOf('Notice').length).toBeGreaterThanOrEqual(8);
    expect(nodesOf('Meeting').filter((m) => m.props.kind === 'responsible_authority').length).toBeGreaterThanOrEqual(6);
    expect(nodesOf('Meeting').filter((m) => m.props.kind === 'strategy').length).toBeGreaterThanOrEqual(15);
    const loc = (k: string) => nodesOf('Location').filter((n) => n.props.kind === k);
    expect(loc('takeaway').length).toBeGreaterThanOrEqual(4);
    expect(loc('takeaway').length).toBeLessThanOrEqual(6);
    expect(loc('residential_unit')).toHaveLength(3);
    expect(loc('home').length).toBeGreaterThanOrEqual(35);
    expect(loc('school').length).toBeGreaterThanOrEqual(2);
    expect(loc('hotel').length).toBeGreaterThanOrEqual(1);
    expect(loc('park').some((p) => p.props.hotspot === true)).toBe(true);
    const kinds = new Set(nodesOf('Incident').map((i) => i.props.kind));
    for (const k of ['concern', 'missing', 'complaint', 'crime', 'sighting']) expect(kinds.has(k), k).toBe(true);
    expect(nodesOf('Incident').some((i) => i.props.kind === 'missing' && i.props.returnInterviewOn === null)).toBe(true);
    expect(nodesOf('Incident').some((i) => i.props.kind === 'missing' && typeof i.props.returnInterviewOn === 'string')).toBe(true);
  });

  it('records 8 arrests: 5 convicted, 3 acquitted, everyone else identified and never actioned', () => {
    const count = (d: string) => suspects.filter((l) => l.props.disposition === d).length;
    expect(count('convicted')).toBe(5);
    expect(count('acquitted')).toBe(3);
    expect(count('identified')).toBe(suspects.length - 8);
    for (const l of suspects) {
      if (l.props.disposition === 'convicted') expect(typeof l.props.sentenceYears).toBe('number');
      if (l.props.disposition === 'identified') expect(l.props.dispositionOn).toBeUndefined();
      else expect(validDate(String(l.props.dispositionOn))).toBe(true);
    }
    expect(node('op-central').props.name).toBe('Operation Central');
    expect(String(node('op-central').props.startedOn).startsWith('2010')).toBe(true);
    expect(String(node('op-central').props.endedOn).startsWith('2011')).toBe(true);
    // every child on the chart is a child; every suspect is an adult
    for (const l of onChart) expect(node(l.start).props.child === true, l.id).toBe(l.props.role !== 'suspect');
  });

  it('describes children by pseudonym, age and placement', () => {
    expect(children.map((c) => c.props.pseudonym).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `YP${String(i + 1).padStart(2, '0')}`));
    for (const c of children) {
      const age = typeof c.props.age === 'number' ? c.props.age : ageOn(String(c.props.dob), '2010-01-01');
      expect(age, c.id).toBeGreaterThanOrEqual(12);
      expect(age, c.id).toBeLessThanOrEqual(16);
      expect(['F', 'M']).toContain(c.props.sex);
      expect(out(c.id, 'HAS_PHONE')).toHaveLength(1);
    }
    expect(children.filter((c) => c.props.lookedAfter === true).length).toBeGreaterThanOrEqual(4);
    expect(children.filter((c) => c.props.restricted === true).length).toBeGreaterThanOrEqual(2);
    for (const l of linksOf('CURRENT_ADDRESS')) {
      if (node(l.end).props.kind === 'residential_unit') {
        expect(l.props.role).toBe('placement');
        expect(node(l.start).props.child).toBe(true);
      }
    }
    // some victims' phones are not to be contacted
    expect(children.some((c) => out(c.id, 'HAS_PHONE').some((l) => node(l.end).props.doNotContact === true))).toBe(true);
  });
});

describe('demo dataset: invented identifiers', () => {
  it('uses only Ofcom drama numbers, in E.164 with a varied raw form', () => {
    const raws = new Set<string>();
    for (const p of nodesOf('Phone')) {
      expect(p.props.phoneNo).toMatch(/^\+44(7700900|1632960)\d{3}$/);
      const digits = String(p.props.raw).replace(/\D/g, '').replace(/^44/, '0');
      expect(`+44${digits.slice(1)}`, String(p.props.raw)).toBe(p.props.phoneNo);
      raws.add(String(p.props.raw).replace(/\d/g, '9'));
    }
    expect(raws.size).toBeGreaterThanOrEqual(4);
    expect(new Set(nodesOf('Phone').map((p) => p.props.phoneNo)).size).toBe(nodesOf('Phone').length);
  });

  it('uses registrations nobody can hold: upper case, no spaces, the ZZ memory tag', () => {
    for (const v of nodesOf('Vehicle')) {
      expect(v.props.reg).toMatch(/^ZZ\d{2}[A-Z]{3}$/);
      for (const k of ['make', 'model', 'colour', 'year']) expect(v.props[k], `${v.id}.${k}`).toBeDefined();
    }
    expect(new Set(nodesOf('Vehicle').map((v) => v.props.reg)).size).toBe(nodesOf('Vehicle').length);
  });

  it('uses invented postcodes and places around the same town', () => {
    for (const l of nodesOf('Location')) {
      expect(l.props.postcode).toMatch(/^S6\d [1-9][A-Z][CIKMOV]$/); // C I K M O V never end a real postcode
      expect(Math.abs(Number(l.props.latitude) - 53.43)).toBeLessThan(0.05);
      expect(Math.abs(Number(l.props.longitude) + 1.35)).toBeLessThan(0.05);
    }
  });

  it('keeps nicknames on handset contacts only, so "who is Taz" is a real question', () => {
    const aliases = new Set(nodesOf('Person').flatMap((p) => ((p.props.aliases as string[] | undefined) ?? []).map((a) => a.toLowerCase())));
    const saves = linksOf('HAS_CONTACT');
    for (const l of saves) {
      expect(typeof l.props.savedAs).toBe('string');
      expect(aliases.has(String(l.props.savedAs).toLowerCase()), `alias used as nickname: ${String(l.props.savedAs)}`).toBe(false);
    }
    for (const l of data.links) if (l.type !== 'HAS_CONTACT') expect(l.props.savedAs).toBeUndefined();
    const ownersOf = (ph: string) => into(ph, 'HAS_PHONE').map((l) => l.start);
    const taz = saves.filter((l) => l.props.savedAs === 'Taz');
    const tazOwners = new Set(taz.flatMap((l) => ownersOf(l.end)));
    expect(tazOwners.size).toBeGreaterThanOrEqual(2); // two men are "Taz"
    expect(taz.some((l) => ownersOf(l.end).length === 0)).toBe(true); // and one "Taz" number is nobody's yet
    // one suspect's phone saved by several children under different nicknames
    const byPhone = new Map<string, Set<string>>();
    for (const l of saves) if (node(l.start).props.child === true) byPhone.set(l.end, (byPhone.get(l.end) ?? new Set()).add(String(l.props.savedAs)));
    expect([...byPhone].some(([ph, names]) => names.size >= 3 && ownersOf(ph).some((o) => o.startsWith('per-s')))).toBe(true);
  });
});

describe('demo dataset: the stories the demo tells', () => {
  it('has a richly connected strategy-meeting child', () => {
    const c = node(DEMO_IDS.demoChild);
    expect(c.props.pseudonym).toBe('YP01');
    expect(into(c.id, 'HAS_CONTACT')).toHaveLength(0);
    expect(out(c.id, 'HAS_CONTACT').length).toBeGreaterThanOrEqual(10);
    expect(out(c.id, 'VICTIM_OF').length).toBeGreaterThanOrEqual(8);
    expect(out(c.id, 'DISCUSSED_AT').length).toBeGreaterThanOrEqual(4);
    expect(out(c.id, 'CURRENT_ADDRESS').length).toBe(2); // family home, then a placement
  });

  it('has a searchable suspect with an alias, several phones and a vehicle', () => {
    const s = node(DEMO_IDS.searchableSuspect);
    expect(s.props.surname).toBe('Kershaw');
    expect(s.props.aliases).toContain('D. Kershaw-Hill');
    expect(nodesOf('Person').filter((p) => p.props.surname === 'Kershaw')).toHaveLength(1);
    expect(out(s.id, 'HAS_PHONE').length).toBeGreaterThanOrEqual(2);
    expect(out(s.id, 'USES_VEHICLE').length).toBeGreaterThanOrEqual(1);
    expect(out(s.id, 'HAS_PHONE').some((l) => ((l.props.sources as string[] | undefined)?.length ?? 0) >= 3)).toBe(true);
  });

  it('has a revoked operator carried on by a relative (signals only, no successor link)', () => {
    const { revokedOperator: old, successorOperator: neu } = DEMO_IDS;
    const licenceOf = (o: string) => node(must(out(o, 'HOLDS')[0]).end);
    const oldLic = licenceOf(old);
    const newLic = licenceOf(neu);
    expect(oldLic.props.status).toBe('revoked');
    expect(String(oldLic.props.endedOn).startsWith('2010')).toBe(true);
    expect(String(newLic.props.grantedOn).startsWith('2010')).toBe(true);
    expect(String(newLic.props.grantedOn) > String(oldLic.props.endedOn)).toBe(true);
    const holder = (o: string) => into(o, 'RUNS').filter((l) => l.props.role === 'holder').map((l) => l.start);
    const [oldHolder] = holder(old);
    const [newHolder] = holder(neu);
    expect(oldHolder).toBe(DEMO_IDS.revokedHolder);
    expect(newHolder).toBe(DEMO_IDS.successorHolder);
    expect(linksOf('FAMILY_REL').some((l) => (l.start === oldHolder && l.end === newHolder) || (l.start === newHolder && l.end === oldHolder))).toBe(true);
    const ends = (o: string, t: string) => new Set(out(o, t).map((l) => l.end));
    const starts = (o: string, t: string) => new Set(into(o, t).map((l) => l.start));
    const shared = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x));
    expect(shared(ends(old, 'BASED_AT'), ends(neu, 'BASED_AT'))).toHaveLength(1);
    expect(shared(ends(old, 'HAS_PHONE'), ends(neu, 'HAS_PHONE'))).toHaveLength(1);
    expect(shared(starts(old, 'DRIVES_FOR'), starts(neu, 'DRIVES_FOR')).length).toBeGreaterThanOrEqual(3);
    expect(shared(starts(old, 'OPERATED_BY'), starts(neu, 'OPERATED_BY')).length).toBeGreaterThanOrEqual(3);
    // the new application gives the old holder's own mobile
    expect(out(newLic.id, 'CONTACT_PHONE').some((l) => into(l.end, 'HAS_PHONE').some((h) => h.start === oldHolder))).toBe(true);
    // no direct link between the two operators
    expect(data.links.some((l) => (l.start === old && l.end === neu) || (l.start === neu && l.end === old))).toBe(false);
  });

  it('has a notice on a taxi driver at a takeaway, where a missing 14-year-old is later found; licensing never told', () => {
    const ntc = node(DEMO_IDS.noticeAtTakeaway);
    expect(ntc.props.kind).toBe('child_abduction');
    expect(ntc.props.licensingNotifiedOn).toBeNull();
    const subject = must(out(ntc.id, 'SERVED_ON')[0]).end;
    expect(out(subject, 'DRIVES_FOR').length).toBeGreaterThan(0);
    expect(out(subject, 'HOLDS').some((l) => node(l.end).props.kind === 'driver')).toBe(true);
    const place = must(out(ntc.id, 'SERVED_AT')[0]).end;
    expect(node(place).props.kind).toBe('takeaway');
    const missing = node(DEMO_IDS.missingAtTakeaway);
    expect(missing.props.kind).toBe('missing');
    expect(String(missing.props.date) > String(ntc.props.servedOn)).toBe(true);
    expect(out(missing.id, 'OCCURRED_AT').map((l) => l.end)).toEqual([place]);
    const child = node(must(into(missing.id, 'VICTIM_OF')[0]).start);
    expect(child.props.child).toBe(true);
    expect(ageOn(String(child.props.dob), String(missing.props.date))).toBe(14);
    expect(out(ntc.id, 'PROTECTS')).toHaveLength(1);
    expect(out(ntc.id, 'NAMES_PLACE')).toHaveLength(1);
    // most notices never reached licensing
    const notices = nodesOf('Notice');
    expect(notices.filter((n) => n.props.licensingNotifiedOn === null).length).toBeGreaterThan(notices.length / 2);
  });

  it('raises concerns naming operators at several meetings', () => {
    const operatorIncidents = linksOf('INVOLVED_IN').filter((l) => node(l.start).labels.includes('Operator')).map((l) => l.end);
    const meetingsPer = operatorIncidents.map((i) => out(i, 'RAISED_AT').length);
    expect(meetingsPer.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(5);
    for (const l of linksOf('RAISED_AT')) expect(String(node(l.start).props.date) <= String(node(l.end).props.date), l.id).toBe(true);
  });
});

function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('missing');
  return x;
}
