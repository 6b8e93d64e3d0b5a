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
