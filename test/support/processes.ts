/** Runs the project's TypeScript entry points as real child processes (node + tsx, no npm wrapper). */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../server/config.js';

export function spawnTsx(script: string, args: string[], env: Record<string, string>): ChildProcess {
  // node itself, not npx: a signal sent to the child reaches the process that does the work.
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a command line tool to its end: exit code and everything it printed. */
export async function runTsx(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawnTsx(script, args, env);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  return { code, out };
}

export interface ServerProcess {
  origin: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts another server process (server/main.ts) over an existing Neo4j (`NEO4J_URI`, as with an
 * external server, a cluster or Aura) on a free port; resolves once it says it is ready.
 */
export async function startServerProcess(bolt: { boltUri: string; boltUser: string; boltPassword: string }, env: Record<string, string> = {}): Promise<ServerProcess> {
  const { freePort } = await import('../../server/db/localNeo4j.js');
  const port = await freePort();
  const child = spawnTsx('server/main.ts', [], { PORT: String(port), NEO4J_URI: bolt.boltUri, NEO4J_USER: bolt.boltUser, NEO4J_PASSWORD: bolt.boltPassword, DEMO: '0', SKIP_WEB_BUILD: '1', ...env });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120_000);
    child.stdout!.on('data', () => out.includes('Link chart is ready') && (clearTimeout(timer), resolve()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`server exited (${code}): ${out}`))));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
