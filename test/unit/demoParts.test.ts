/**
 * Pins the demo generator's output (seeds/demo/), so that reordering its parts, or a draw within one,
 * cannot change the dataset silently: the loaded demo, the browser tests' anchors and the walkthrough
 * all depend on the same ids, properties and order. No database.
 *
 * If a change to the demo is meant to change the data, update the pins below in the same commit and
 * say why; the per-label and per-type hashes show which part of the scenario moved.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDemo as viaDemoTs, DEMO_IDS } from '../../seeds/demo.js';
import { generateDemo, DEMO_IDS as DEMO_IDS_INDEX } from '../../seeds/demo/index.js';
import type { Dataset } from '../../seeds/dataset.js';

const sha256 = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex');
const tally = (keys: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const k of [...keys].sort()) out[k] = (out[k] ?? 0) + 1;
  return out;
};
/** Nodes grouped by their labels and links by their type, in dataset order, each group hashed (16 hex digits). */
const groupHashes = (d: Dataset): Record<string, string> => {
  const groups = new Map<string, unknown[]>();
  for (const n of d.nodes) groups.set(n.labels.join('+'), [...(groups.get(n.labels.join('+')) ?? []), n]);
  for (const l of d.links) groups.set(l.type, [...(groups.get(l.type) ?? []), l]);
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, sha256(groups.get(k)).slice(0, 16)]));
};

const NODES_PER_LABEL = {
  Incident: 152,
  Licence: 66,
  Location: 78,
  Meeting: 48,
  Notice: 12,
  Operation: 1,
  Operator: 6,
  Person: 125,
  Phone: 487,
  Report: 326,
  Vehicle: 71,
};
const LINKS_PER_TYPE = {
  ATTENDS: 9,
  BASED_AT: 6,
  CONTACT_PHONE: 37,
  CURRENT_ADDRESS: 88,
  DISCUSSED_AT: 48,
  DRIVES_FOR: 37,
  FAMILY_REL: 16,
  HAS_CONTACT: 506,
  HAS_PHONE: 226,
  HOLDS: 66,
  INVOLVED_IN: 158,
  KNOWS: 134,
  KNOWS_LW: 17,
  KNOWS_PHONE: 42,
  KNOWS_SN: 17,
  MENTIONS: 1328,
  NAMES_PLACE: 12,
  OCCURRED_AT: 125,
  ON_CHART: 96,
  OPERATED_BY: 37,
  PARTY_TO: 189,
  PART_OF: 17,
  PROTECTS: 12,
  RAISED_AT: 122,
  RUNS: 14,
  SERVED_AT: 12,
  SERVED_ON: 12,
  USES_VEHICLE: 134,
  VICTIM_OF: 135,
};
const GROUP_HASHES = {
  ATTENDS: '4aaf05c4c56fdd85',
  BASED_AT: '198a1602859163ba',
  CONTACT_PHONE: '68d03aa6de179c7e',
  CURRENT_ADDRESS: '8618c6a11e4c684c',
  DISCUSSED_AT: '037f6cc05fad3a80',
  DRIVES_FOR: '193510d1ffb6a671',
  FAMILY_REL: '8d130b17ac88d63c',
  HAS_CONTACT: 'c1edaf86860d4f55',
  HAS_PHONE: '9d834b6f36023ffa',
  HOLDS: 'd00966fae49e9ba4',
  INVOLVED_IN: 'f4125cfab5c05695',
  Incident: '76824a856110dfdd',
  KNOWS: '2c911c984228949c',
  KNOWS_LW: '3d1050c1ce36fb53',
  KNOWS_PHONE: '6b49c09afb90edc9',
  KNOWS_SN: '53a2b2a28b9a4500',
  Licence: '3e59f25b0d180e6e',
  Location: '733e16e8f383bc37',
  MENTIONS: 'b5557a6281665e42',
  Meeting: '38a7a0cefd6cea81',
  NAMES_PLACE: 'ced550875340a4ad',
  Notice: '2e1158cafeb5c0a6',
  OCCURRED_AT: '5975b982d73a4edb',
  ON_CHART: 'eb203f7b7566d6de',
  OPERATED_BY: '9145c5434a010b89',
  Operation: '8c642f48585deed5',
  Operator: '56abdfeb05cfe26d',
  PARTY_TO: '90dee44130d1a1ee',
  PART_OF: '3ea0d97d749e764e',
  PROTECTS: '719163997931553b',
  Person: '11cb90ac7fc7ac9f',
  Phone: '88be7a67ff3dfbbf',
  RAISED_AT: '54eebd47ee3fa7eb',
  RUNS: 'f95ff52078ef32bb',
  Report: '7138167a6515ffb6',
  SERVED_AT: 'a5007ff04c0be131',
  SERVED_ON: '3135765d3df8c755',
  USES_VEHICLE: '6da2c4b32eca3533',
  VICTIM_OF: '2c414579b952f0e8',
  Vehicle: '9a727dfa19b33204',
};

describe('demo generator in parts: output pinned', () => {
  const data = generateDemo();

  it('keeps the import path other code uses (seeds/demo.ts re-exports seeds/demo/index.ts)', () => {
    expect(viaDemoTs).toBe(generateDemo);
    expect(DEMO_IDS).toBe(DEMO_IDS_INDEX);
  });

  it('writes the same number of nodes per label and links per type', () => {
    expect(data.nodes).toHaveLength(1372);
    expect(data.links).toHaveLength(3652);
    expect(tally(data.nodes.map((n) => n.labels.join('+')))).toEqual(NODES_PER_LABEL);
    expect(tally(data.links.map((l) => l.type))).toEqual(LINKS_PER_TYPE);
  });

  it('writes the same content per label and per link type', () => {
    expect(groupHashes(data)).toEqual(GROUP_HASHES);
  });

  it('writes the same dataset, byte for byte, for the default seed and another', () => {
    // the JSON that `npm run seed:generate -- --out file.json` writes
    expect(sha256(data)).toBe('dd9a5e24dcf172119b42c391cc43fdac928477d8c090ca1a6df1da5f4a972bb4');
    expect(sha256(generateDemo('another seed'))).toBe('5ce660114963752b6746e8ec2c44758e8bc5e281c493460264b876c636bad5b2');
  });

  it('ends where the last part, the meetings, ends', () => {
    expect(data.nodes.at(-1)?.id).toBe('mtg-048');
    expect(data.links.at(-1)?.id).toBe('RAISED_AT:inc-0084:mtg-048');
  });
});
