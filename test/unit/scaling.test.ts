import { describe, expect, it } from 'vitest';
import { REGION, simulate } from '../../bench/scaling.js';
import type { CostsFile } from '../../bench/costs.js';

/** The scaling model (bench/scaling.ts) is pure: its figures follow the measured costs and the region. */
const cost = (serverCpuMs: number, neo4jCpuMs: number, auditBytesPerEntry = 500, auditEntriesPerRequest = 1) => ({
  requests: 100, serverCpuMs, neo4jCpuMs, auditEntriesPerRequest, auditBytesPerEntry, latencyMs: { p50: 0, p95: 0, p99: 0 },
});
const costs: CostsFile = {
  at: '2026-12-02T10:00:00.000Z',
  machine: { cores: 2, loadAverage: [1, 1, 1] },
  data: { nodes: 60_000, relationships: 110_000 },
  operations: {
    search: cost(10, 20),
    neighbourhood: cost(6, 15),
    paths: cost(4, 9, 400, 0.2),
    childConnections: cost(40, 60, 6_000),
    operatorRisk: cost(4, 10, 400, 0.01),
    submitReport: cost(12, 90, 800),
  },
};

describe('scaling model', () => {
  it('scales servers and database cores with the users, and keeps a quorum and a spare', () => {
    const base = simulate(costs, REGION);
    const double = simulate(costs, { ...REGION, users: REGION.users * 2 });
    expect(double.peakRequestsPerSecond).toBeCloseTo(base.peakRequestsPerSecond * 2);
    expect(double.serverCoresAtPeak).toBeCloseTo(base.serverCoresAtPeak * 2);
    expect(double.readCoresAtPeak).toBeCloseTo(base.readCoresAtPeak * 2);
    expect(double.apiServers).toBeGreaterThanOrEqual(base.apiServers);
    expect(base.apiServers).toBeGreaterThanOrEqual(2);
    expect(base.cluster.primaries).toBe(3);
    expect(base.cluster.secondaries).toBeGreaterThanOrEqual(1);
  });

  it('moves when the code gets faster: half the server CPU, half the server cores', () => {
    const faster: CostsFile = { ...costs, operations: Object.fromEntries(Object.entries(costs.operations).map(([k, c]) => [k, { ...c, serverCpuMs: c.serverCpuMs! / 2 }])) };
    expect(simulate(faster, REGION).serverCoresAtPeak).toBeCloseTo(simulate(costs, REGION).serverCoresAtPeak / 2);
  });

  it('puts writes and every audit entry on the primary, reads on the secondaries', () => {
    const noWrites = simulate({ ...costs, operations: { ...costs.operations, submitReport: cost(12, 9) } }, REGION); // only its audit entry
    expect(noWrites.primaryCoresAtPeak).toBeLessThan(simulate(costs, REGION).primaryCoresAtPeak);
    expect(noWrites.readCoresAtPeak).toBeCloseTo(simulate(costs, REGION).readCoresAtPeak);
  });

  it('grows the audit with the entries and their size, and backs up only the years kept in the database', () => {
    const base = simulate(costs, REGION);
    const bigger = simulate({ ...costs, operations: Object.fromEntries(Object.entries(costs.operations).map(([k, c]) => [k, { ...c, auditBytesPerEntry: c.auditBytesPerEntry * 3 }])) }, REGION);
    expect(bigger.auditGbPerYear).toBeCloseTo(base.auditGbPerYear * 3);
    expect(simulate(costs, { ...REGION, auditYearsInDatabase: 2 }).onlineBackupMinutes).toBeGreaterThan(base.onlineBackupMinutes);
    expect(base.storeGb).toBeGreaterThan(0);
  });
});
