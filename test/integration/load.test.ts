/**
 * The load test in its short form (10 clients for 5 s, one run) against the test stack, from a
 * separate process, as `npm run load` runs it in full: a mixed workload with zero errors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runTsx } from '../support/processes.js';

describe('npm run load (short form)', () => {
  it('serves a mixed workload of 10 clients for 5 s without a single error', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-load-')), 'load.json');
    const stack = inject('stack');
    const r = await runTsx('bench/load.ts', ['--url', stack.url, '--duration', '5', '--connections', '10', '--runs', '1', '--out', out], { DATA_DIR: stack.dataDir });
    expect(r.code, r.out).toBe(0);
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(report.totalErrors, r.out).toBe(0);
    const [run] = report.results;
    expect(run.requests).toBeGreaterThan(20);
    for (const name of ['search', 'neighbourhood', 'paths', 'childConnections', 'submitReport']) {
      expect(run.operations[name]?.requests, `${name} was exercised`).toBeGreaterThan(0);
    }
    expect(run.latencyMs.p99).toBeGreaterThan(0);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }, 60_000);
});
