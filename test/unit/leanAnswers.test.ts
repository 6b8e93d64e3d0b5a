/**
 * Answers built from values rather than graph structures (issue 17): the neighbourhood and search
 * queries return nodes as [labels, properties] with the name search keys set to null and no element
 * ids. The viewer must give exactly what it gives for the stored node, and a query that does not
 * ask for a search hit's context must not cost the read behind it (asksFor).
 */
import { describe, expect, it } from 'vitest';
import { parse, type FragmentDefinitionNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { scopeFor, Viewer } from '../../server/access/viewer.js';
import type { ProtectionIndex } from '../../server/access/protection.js';
import type { User } from '../../server/modules/auth/users.js';
import { asksFor } from '../../server/http/selection.js';
import { toPlain } from '../../server/db/database.js';
import neo4j from 'neo4j-driver';

const index: ProtectionIndex = {
  children: new Map([['per-c1', { id: 'per-c1', name: 'Cody', surname: 'Grindlow', pseudonym: 'YP04', aliases: [], age: 14, dob: null, sex: 'female', lookedAfter: true, mergedIds: [] }]]),
  victimPhones: new Map(),
  places: new Map(),
  concerns: new Map([['inc-1', new Set(['per-c1'])]]),
  conditional: new Map([['rep-csc', { id: 'rep-csc', ownerAgency: "Children's Social Care", receivedOn: '2010-05-01', sharedWith: [] }]]),
};
const KEY = new Uint8Array(32).fill(3);
const user = (username: string, role: User['role'], agency: string): User => ({ username, role, agency });
const viewers = [user('ann', 'analyst', 'Police'), user('lee', 'licensing', 'Licensing'), user('sam', 'safeguarding', "Children's Social Care")].map((u) => () => new Viewer(u, index, KEY, scopeFor(u, [])));

const stored = [
  { labels: ['Entity', 'Person'], props: { id: 'per-1', name: 'Rafe', surname: 'Dunmore', aliases: ['Raff'], nameKeys: 'wrafe wdunmore', nameKeysV: '2-x', sources: ['rep-pol'], propSources: JSON.stringify({ aliases: ['rep-csc'] }) } },
  { labels: ['Entity', 'Person'], props: { id: 'per-c1', name: 'Cody', surname: 'Grindlow', child: true, age: 14, sex: 'female', nameKeys: 'wcody', nameKeysV: '2-x' } },
  { labels: ['Entity', 'Incident'], props: { id: 'inc-1', kind: 'concern', summary: 'Cody seen at the taxi rank', date: '2010-02-01', point: 'POINT(1 2)' } },
];

describe('nodes returned as values', () => {
  it('are seen exactly as the stored nodes are, by every role', () => {
    for (const makeViewer of viewers) {
      for (const n of stored) {
        const asNode = makeViewer().entity({ elementId: `4:x:${n.props.id}`, ...n });
        // What the lean queries send: no element id, the search keys as null.
        const asValues = makeViewer().entity({ labels: n.labels, props: { ...n.props, nameKeys: null, nameKeysV: null } });
        expect(asValues).toEqual(asNode);
        expect(JSON.stringify(asValues)).not.toMatch(/wrafe|wcody|nameKeys/);
      }
    }
  });

  it('links without element ids keep their stored id, and one stored without an id takes the element id', () => {
    const v = viewers[0]!();
    expect(v.link({ type: 'KNOWS', props: { id: 'KNOWS:per-1:per-2', from: '2009-01-01' } }, 'per-1', 'per-2').id).toBe('KNOWS:per-1:per-2');
    expect(v.link({ type: 'KNOWS', props: { from: '2009-01-01' }, elementId: '5:x:9' }, 'per-1', 'per-2').id).toBe('5:x:9');
  });

  it('toPlain turns driver integers inside maps and lists into numbers and leaves other values alone', () => {
    expect(toPlain({ a: neo4j.int(3), b: [neo4j.int(4), 'x', true, null], c: { d: 1.5 } })).toEqual({ a: 3, b: [4, 'x', true, null], c: { d: 1.5 } });
    expect(toPlain(undefined)).toBeNull();
  });
});

describe('asksFor', () => {
  const infoOf = (text: string) => {
    const doc = parse(text);
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]));
    return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments };
  };
  it('finds a field asked directly, through a fragment or an inline fragment, and not one asked deeper', () => {
    expect(asksFor(infoOf('{ search(text: "x") { score context { born } } }'), 'context')).toBe(true);
    expect(asksFor(infoOf('{ search(text: "x") { score entity { id label } } }'), 'context')).toBe(false);
    expect(asksFor(infoOf('query { search(text: "x") { ...Hit } } fragment Hit on SearchHit { score context { born } }'), 'context')).toBe(true);
    expect(asksFor(infoOf('{ search(text: "x") { ... on SearchHit { context { born } } } }'), 'context')).toBe(true);
    expect(asksFor(infoOf('{ search(text: "x") { entity { ... on Person { context: label } } } }'), 'context')).toBe(false);
  });
  it('answers yes when there is nothing to look at', () => {
    expect(asksFor(undefined, 'context')).toBe(true);
  });
});
