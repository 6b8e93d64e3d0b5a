import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../seeds/demo.js';
import { isLabel, isLinkType } from '../../server/domain/vocabulary.js';

const data = generateDemo();
const byId = new Map(data.nodes.map((n) => [n.id, n]));
const linksOf = (type: string) => data.links.filter((l) => l.type === type);

describe('demo dataset', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(generateDemo()).toEqual(data);
    expect(generateDemo('another')).not.toEqual(data);
  });

  it('has unique ids, links between existing nodes, and only the vocabulary', () => {
    expect(byId.size).toBe(data.nodes.length);
    expect(new Set(data.links.map((l) => l.id)).size).toBe(data.links.length);
    for (const l of data.links) {
      expect(byId.has(l.start) && byId.has(l.end), l.id).toBe(true);
      expect(isLinkType(l.type), l.type).toBe(true);
    }
    for (const n of data.nodes) for (const label of n.labels) expect(isLabel(label), label).toBe(true);
  });

  it('has links in the direction DESIGN.md §4 gives', () => {
    const kinds: Record<string, [string[], string[]]> = {
      HAS_CONTACT: [['Person'], ['Phone']],
      VICTIM_OF: [['Person'], ['Incident']],
      PARTY_TO: [['Person'], ['Incident']],
      SERVED_ON: [['Notice'], ['Person']],
      PROTECTS: [['Notice'], ['Person']],
      ON_CHART: [['Person'], ['Operation']],
      DRIVES_FOR: [['Person'], ['Operator']],
      OPERATED_BY: [['Vehicle'], ['Operator']],
      HOLDS: [['Person', 'Vehicle', 'Operator'], ['Licence']],
      RAISED_AT: [['Incident'], ['Meeting']],
      MENTIONS: [['Report'], []],
    };
    for (const l of data.links) {
      const rule = kinds[l.type];
      if (!rule) continue;
      expect(rule[0], l.id).toContain(byId.get(l.start)!.labels[0]);
      if (rule[1].length) expect(rule[1], l.id).toContain(byId.get(l.end)!.labels[0]);
    }
  });

  it('is at the scale of Operation Central', () => {
    const onChart = linksOf('ON_CHART');
    const suspects = onChart.filter((l) => l.props.role === 'suspect');
    expect(suspects.length).toBeGreaterThanOrEqual(75);
    expect(suspects.length).toBeLessThanOrEqual(85);
    const children = data.nodes.filter((n) => n.props.child === true);
    expect(children).toHaveLength(20);
    expect(onChart.filter((l) => l.props.statement === true)).toHaveLength(4);
    const likely = onChart.filter((l) => l.props.role === 'likely_victim').length;
    expect(likely).toBeGreaterThanOrEqual(10);
    expect(likely).toBeLessThanOrEqual(15);
    const phones = data.nodes.filter((n) => n.labels[0] === 'Phone').length;
    expect(phones).toBeGreaterThanOrEqual(480);
    expect(phones).toBeLessThanOrEqual(520);
    expect(data.nodes.filter((n) => n.labels[0] === 'Operator').length).toBeGreaterThanOrEqual(5);
  });

  it('records 8 arrests: 5 convicted, 3 acquitted, everyone else never actioned', () => {
    const count = (d: string) => linksOf('ON_CHART').filter((l) => l.props.disposition === d).length;
    expect(count('convicted')).toBe(5);
    expect(count('acquitted')).toBe(3);
    expect(count('identified')).toBe(linksOf('ON_CHART').filter((l) => l.props.role === 'suspect').length - 8);
  });

  it('uses drama phone ranges, unholdable registrations and no sensitive fields', () => {
    for (const n of data.nodes) {
      if (n.labels[0] === 'Phone') expect(n.props.phoneNo).toMatch(/^\+44(7700900|1632960)\d{3}$/);
      if (n.labels[0] === 'Vehicle') expect(n.props.reg).toMatch(/^ZZ\d{2}[A-Z]{3}$/);
      for (const key of Object.keys(n.props)) expect(key).not.toMatch(/ethnic|relig|national/i);
    }
  });

  it('keeps nicknames on handset contacts only', () => {
    expect(linksOf('HAS_CONTACT').every((l) => typeof l.props.savedAs === 'string')).toBe(true);
    const taz = linksOf('HAS_CONTACT').filter((l) => l.props.savedAs === 'Taz');
    expect(new Set(taz.map((l) => l.end)).size).toBeGreaterThan(1); // "who is Taz" has several answers
  });

  it('holds the phoenix operator and the notice-then-missing scenario', () => {
    expect(linksOf('HOLDS').some((l) => l.start === 'opr-3' && byId.get(l.end)!.props.status === 'revoked')).toBe(true);
    expect(linksOf('BASED_AT').filter((l) => l.end === 'loc-to3').map((l) => l.start).sort()).toEqual(['opr-3', 'opr-6']);
    expect(linksOf('FAMILY_REL').some((l) => l.start === 'per-s012' && l.end === 'per-r01')).toBe(true);
    const notice = data.nodes.find((n) => n.id === 'ntc-001')!;
    expect(notice.props.licensingNotifiedOn).toBeNull();
    const servedAt = linksOf('SERVED_AT').find((l) => l.start === 'ntc-001')!.end;
    const missingFoundThere = linksOf('OCCURRED_AT').filter((l) => l.end === servedAt && byId.get(l.start)!.props.kind === 'missing');
    const victims = missingFoundThere.flatMap((m) => linksOf('VICTIM_OF').filter((v) => v.end === m.start).map((v) => byId.get(v.start)!));
    expect(victims.some((c) => c.props.age === 14)).toBe(true);
  });

  it('backs some links with several independent graded reports', () => {
    const multi = data.links.filter((l) => Array.isArray(l.props.sources) && l.props.sources.length >= 2);
    expect(multi.length).toBeGreaterThan(10);
    for (const r of data.nodes.filter((n) => n.labels[0] === 'Report')) {
      expect([1, 2, 3]).toContain(r.props.sourceGrade);
      expect(['A', 'B', 'C', 'D', 'E']).toContain(r.props.intelGrade);
      expect(['P', 'C']).toContain(r.props.handling);
    }
  });
});
