/** Latency summaries, process memory and the markdown table the benchmarks print and write. */
import fs from 'node:fs';

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarise(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  const round = (v: number) => Math.round(v * 10) / 10;
  return { n: s.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), mean: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

/**
 * Times contenders answering the same question, taking turns call by call (rotating who goes
 * first), so that JIT warm-up, caches and a noisy neighbour fall on all of them alike rather
 * than on whichever ran first. `warm` unrecorded rounds first.
 */
export async function timeInterleaved(contenders: Record<string, () => Promise<unknown>>, times: number, warm: number): Promise<Record<string, Latency>> {
  const names = Object.keys(contenders);
  const ms: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < warm + times; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      const t0 = performance.now();
      await contenders[name]!();
      if (round >= warm) ms[name]!.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarise(ms[n]!)]));
}

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Resident memory of a process in MB (Linux /proc), or null when it cannot be read. */
export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * The server's event-loop delay over its last `seconds` (ms: p50, p99, max), from its GET /metrics
 * (admins only: `adminToken`); null when it cannot be read.
 */
export async function readEventLoopDelay(baseUrl: string, adminToken: string, seconds: number): Promise<{ p50: number; p99: number; max: number } | null> {
  try {
    const res = await fetch(`${baseUrl}/metrics?window=${Math.min(600, Math.max(1, Math.ceil(seconds)))}`, { headers: { authorization: `Bearer ${adminToken}` } });
    if (!res.ok) return null;
    const text = await res.text();
    const stat = (name: string) => {
      const m = new RegExp(`^linkchart_event_loop_delay_window_seconds\\{[^}]*stat="${name}"\\} (\\S+)$`, 'm').exec(text);
      return m ? Math.round(Number(m[1]) * 10_000) / 10 : null;
    };
    const [p50, p99, max] = ['p50', 'p99', 'max'].map(stat);
    return p50 === null || p99 === null || max === null ? null : { p50, p99, max };
  } catch {
    return null;
  }
}
