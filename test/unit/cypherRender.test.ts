/**
 * Composed Cypher rendered without a database (as neo4j/graphql's tck tests do): each query as the
 * server sends it, compared with the expected text kept in test/unit/cypher/*.cypher (comment lines
 * and whitespace do not count). A change to a fragment or a query shows here as a reviewable diff.
 * Also the composer's guards: slots take identifiers only, numbers only whole numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cypherFile, fragment, normalise, render } from '../../server/db/cypher.js';
import { datedOn, datedOnCypher, linkDatedOnCypher } from '../../server/domain/asOf.js';
import { neighbourhoodQuery } from '../../server/modules/graph/queries.js';
import { routesQuery } from '../../server/modules/analysis/paths.js';
import { rankedRules, rules } from '../../server/modules/analysis/childLinks.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const expected = (name: string) => fs.readFileSync(path.join(here, 'cypher', `${name}.cypher`), 'utf8');
const moduleUrl = (module: string) => new URL(`../../server/modules/${module}/x.ts`, import.meta.url).href;

const IN_VIEW = (x: string) => `(coalesce(${x}.datedOn, '') <= $asOf AND (${x}.to IS NULL OR ${x}.to >= $asOf))`;

describe('composed queries render to the expected text', () => {
  const cases: [string, () => string][] = [
    ['neighbourhood-2-hops', () => neighbourhoodQuery(2)],
    ['paths-knows-asOf', () => routesQuery(3, false, { linkTypes: ['KNOWS', 'KNOWS_SN'], asOf: '2018-01-01', withheld: [] })],
    ['paths-all-withheld', () => routesQuery(2, true, { linkTypes: null, asOf: null, withheld: ['rep-1'] })],
    // For a caller some children are protected from: their family and address links are not walked.
    ['paths-private-children', () => routesQuery(2, false, { linkTypes: null, asOf: null, withheld: [], privateOf: ['per-c1'] })],
    ['childLinks-persons', () => rules(['per-1'], 'childLinksRoutes.cypher')],
    ['childLinks-everyone', () => rules(null, 'childLinksRoutes.cypher')],
    ['childLinksRanked-everyone-nothing-withheld', () => rankedRules(null, [])],
    ['childLinksRanked-persons-withheld', () => rankedRules(['per-1'], ['rep-1'])],
    ['atRiskPersons-2-hops', () => cypherFile(moduleUrl('analysis'), 'atRiskPersons.cypher', { numbers: { hops: 2 } })],
    ['operatorConcerns', () => cypherFile(moduleUrl('licensing'), 'operatorConcerns.cypher')],
    // "What we knew then" (asOfBasis KNOWN, issue 20 item 9): the same rule with its opt-in `known` part.
    ['operatorConcerns-known', () => cypherFile(moduleUrl('licensing'), 'operatorConcerns.cypher', { on: ['known'] })],
    ['neighbourhood-1-hop-history-known', () => neighbourhoodQuery(1, true, true)],
    ['mergeNodes-crime-located', () => cypherFile(new URL('../../server/db/x.ts', import.meta.url).href, 'mergeNodes.cypher', { names: { labels: 'Crime:Incident' } })],
    ['mergeNodes-person', () => cypherFile(new URL('../../server/db/x.ts', import.meta.url).href, 'mergeNodes.cypher', { names: { labels: 'Person' }, off: ['locatedPoint'] })],
    ['importLinks-knows', () => cypherFile(moduleUrl('intake'), 'importLinks.cypher', { names: { type: 'KNOWS' } })],
  ];
  it.each(cases)('%s', (name, rendered) => {
    expect(normalise(rendered())).toBe(normalise(expected(name)));
  });

  it('neighbourhood: one text with and without asOf (the date is a parameter), one hop clause per hop', () => {
    const one = neighbourhoodQuery(1);
    const two = neighbourhoodQuery(2);
    expect(one).toContain(`($asOf IS NULL OR ${IN_VIEW('r')})`);
    expect(one).toContain(`($asOf IS NULL OR ${IN_VIEW('m')})`);
    expect(two.split('CALL (seen, frontier)').length - 1).toBe(2);
    expect(() => neighbourhoodQuery(4)).toThrow(/hops/);
  });

  it('neighbourhood as a history (a strategy meeting): the start half of the rule, ended links kept', () => {
    const history = neighbourhoodQuery(1, true);
    expect(history).toContain(`($asOf IS NULL OR coalesce(r.datedOn, '') <= $asOf)`);
    expect(history).toContain(`($asOf IS NULL OR coalesce(m.datedOn, '') <= $asOf)`);
    expect(history).not.toMatch(/\.to IS NULL/);
    // The same text otherwise: only the rule differs.
    expect(normalise(history.replaceAll(`coalesce(r.datedOn, '') <= $asOf`, 'R').replaceAll(`coalesce(m.datedOn, '') <= $asOf`, 'M'))).toBe(
      normalise(neighbourhoodQuery(1).replaceAll(IN_VIEW('r'), 'R').replaceAll(IN_VIEW('m'), 'M')),
    );
  });

  it('paths: the as-of and withheld conditions are written only when they can fail', () => {
    const plain = routesQuery(2, false, { linkTypes: null, asOf: null, withheld: [] });
    expect(normalise(plain)).not.toContain('$asOf');
    expect(normalise(plain)).not.toContain('$withheld');
    expect(plain).toContain('NOT type(r) IN $bookkeeping');
    const dated = routesQuery(2, false, { linkTypes: ['KNOWS'], asOf: '2020-01-01', withheld: [] });
    expect(dated).toContain(`[r WHERE type(r) IN $linkTypes AND ${IN_VIEW('r')}]`);
    expect(dated).toContain(`(y WHERE ${IN_VIEW('y')})`);
  });

  it('childLinks: asking about some persons seeks them by id; about everyone, no id condition', () => {
    expect(normalise(rules(['per-1'], 'childLinksRoutes.cypher')).match(/p\.id IN \$personIds/g)).toHaveLength(4);
    expect(normalise(rules(null, 'childLinksRoutes.cypher'))).not.toContain('$personIds');
    expect(normalise(rankedRules(null, []))).not.toContain('$withheld');
    expect(normalise(rankedRules(null, ['rep-1'])).match(/NOT rid IN \$withheld/g)).toHaveLength(4);
  });

  it('no query file is left with an unfilled slot', () => {
    const modules = path.join(here, '..', '..', 'server', 'modules');
    for (const m of fs.readdirSync(modules)) {
      const dir = path.join(modules, m);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.cypher'))) {
        const text = cypherFile(moduleUrl(m), f, { numbers: { hops: 2 }, names: { kind: 'Person', type: 'KNOWS' } });
        expect(text, `${m}/${f}`).not.toMatch(/\{\{|\}\}/);
      }
    }
  });
});

describe('fragments', () => {
  it('the as-of rule, bound to a variable', () => {
    expect(fragment('inView', ['r'])).toBe(IN_VIEW('r'));
    expect(fragment('asOf', ['m'])).toBe(`($asOf IS NULL OR ${IN_VIEW('m')})`);
    expect(render('WHERE {{asOf r}} AND NOT {{held r}}')).toBe(
      `WHERE ($asOf IS NULL OR ${IN_VIEW('r')}) AND NOT (size(coalesce(r.sources, [])) > 0 AND all(rid IN r.sources WHERE rid IN $withheld))`,
    );
  });

  it('"what we knew then": the as-of rule with its opt-in known part, nothing when not asked', () => {
    const KNOWN = (x: string) => `AND (size(coalesce(${x}.sources, [])) = 0 OR any(rid IN ${x}.sources WHERE rid IN $known))`;
    // Not asked: the rule is exactly what it was (the opt-in slot renders as nothing).
    expect(fragment('inView', ['r'])).toBe(IN_VIEW('r'));
    expect(fragment('dated', ['r'])).toBe(`($asOf IS NULL OR coalesce(r.datedOn, '') <= $asOf)`);
    // Asked: both halves of the one rule take it, whichever fragment a query names.
    expect(fragment('inView', ['r'], { on: ['known'] })).toBe(`(coalesce(r.datedOn, '') <= $asOf AND (r.to IS NULL OR r.to >= $asOf) ${KNOWN('r')})`);
    expect(fragment('dated', ['m'], { on: ['known'] })).toBe(`($asOf IS NULL OR coalesce(m.datedOn, '') <= $asOf ${KNOWN('m')})`);
    expect(render('WHERE {{asOf r}}', { on: ['known'] })).toBe(`WHERE ($asOf IS NULL OR (coalesce(r.datedOn, '') <= $asOf AND (r.to IS NULL OR r.to >= $asOf) ${KNOWN('r')}))`);
    expect(render('WHERE {{asOf r}}', { on: ['known'], instead: { asOf: 'dated' } })).toBe(`WHERE ($asOf IS NULL OR coalesce(r.datedOn, '') <= $asOf ${KNOWN('r')})`);
    // The licensing pages, the neighbourhood and the strategy meeting ask it through the same slots.
    for (const f of ['operatorProfile.cypher', 'operatorConcerns.cypher']) {
      const plain = cypherFile(moduleUrl('licensing'), f);
      const known = cypherFile(moduleUrl('licensing'), f, { on: ['known'] });
      expect(plain).not.toContain('$known');
      expect(known.split('$known').length - 1).toBeGreaterThan(3);
      expect(normalise(known.replace(/ AND \(size\(coalesce\((\w+)\.sources, \[\]\)\) = 0 OR any\(rid IN \1\.sources WHERE rid IN \$known\)\)/g, ''))).toBe(normalise(plain));
    }
    for (const f of ['chronology.cypher', 'linkedPersons.cypher']) expect(cypherFile(moduleUrl('safeguarding'), f, { instead: { asOf: 'dated' }, on: ['known'] })).toContain('$known');
  });

  it('a slot switched off renders as true', () => {
    expect(render('WHERE {{idIn p personIds}} AND x', { off: ['idIn'] })).toBe('WHERE true AND x');
    expect(render('WHERE {{idIn p personIds}} AND x')).toBe('WHERE p.id IN $personIds AND x');
  });

  it('takes identifiers and whole numbers only, never text', () => {
    expect(() => render("{{asOf r) OR true OR (r}}")).toThrow(/identifier/);
    expect(() => fragment('asOf', ["r.x = 'a'"])).toThrow(/identifier/);
    expect(() => fragment('asOf', [])).toThrow(/takes 1/);
    expect(() => render('{{../../etc/passwd x}}')).toThrow(/identifier/);
    expect(() => render('{1,{{#hops}}}', { numbers: { hops: 2.5 } })).toThrow(/whole number/);
    expect(() => render('{1,{{#hops}}}', { numbers: { hops: -1 } })).toThrow(/whole number/);
    expect(() => render('{1,{{#hops}}}')).toThrow(/whole number/);
    expect(render('{1,{{#hops}}}', { numbers: { hops: 3 } })).toBe('{1,3}');
    expect(render('(n:Entity:{{:kind}})-[r:{{:type}}]->()', { names: { kind: 'Notice', type: 'SERVED_ON' } })).toBe('(n:Entity:Notice)-[r:SERVED_ON]->()');
    expect(() => render('(n:{{:kind}})', { names: { kind: 'Person) DETACH DELETE (n' } })).toThrow(/vocabulary/);
    expect(() => render('(n:{{:kind}})', { names: { kind: 'Starship' } })).toThrow(/vocabulary/);
  });

  it('writers store the date the rule names, from the same table as the Cypher form', () => {
    expect(datedOn(['Incident'], { date: '2021-03-04T10:00' })).toBe('2021-03-04');
    expect(datedOn(['Notice'], { servedOn: '2020-01-02', date: '1999-01-01' })).toBe('2020-01-02');
    expect(datedOn(['Report'], { receivedOn: '2019-05-06' })).toBe('2019-05-06');
    expect(datedOn(['Licence'], { from: '2018-01-01' })).toBe('2018-01-01');
    expect(datedOn(['Operation'], { startedOn: '2011-01-01' })).toBe('2011-01-01');
    expect(datedOn(['Person'], { date: '2011-01-01' })).toBeNull();
    expect(datedOn(null, { from: '2015-03-01', to: '2016-06-30' })).toBe('2015-03-01');
    expect(datedOn(null, { from: '03/01/2015' })).toBeNull();
    expect(datedOnCypher('n')).toContain('WHEN n:Notice THEN n.servedOn');
    expect(datedOnCypher('n')).toContain('WHEN n:Operation THEN n.startedOn');
    expect(linkDatedOnCypher('r')).toContain('[r.from]');
    expect(() => datedOnCypher('n) SET x')).toThrow();
    expect(fragment('nodeDatedOn', ['s'])).toBe(datedOnCypher('s'));
  });
});
