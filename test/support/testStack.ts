/**
 * A whole stack for tests (fresh local Neo4j in a temporary data directory, never the demo database
 * under var/; schema; optionally the demo data; HTTP on a free port) with one account per role.
 * globalSetup starts the one the run shares; a test file that needs a database of known content
 * (no other test writing to it) starts its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../server/config.js';
import { startStack, type Stack } from '../../server/stack.js';
import { ROLES, upsertUser } from '../../server/modules/auth/users.js';
import { assignDemoCaseload } from '../../server/modules/safeguarding/assignments.js';

export interface StackInfo {
  url: string;
  /** One account per role, with random passwords, for the tests to sign in. */
  users: Record<'analyst' | 'safeguarding' | 'licensing' | 'admin', { username: string; password: string }>;
  boltUri: string;
  boltUser: string;
  boltPassword: string;
  dataDir: string;
}

export async function startTestStack(opts: { demo: boolean }): Promise<{ stack: Stack; info: StackInfo; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-test-'));
  const config = { ...loadConfig({ ...process.env, NEO4J_URI: '', PORT: '0', DATA_DIR: dataDir, DEMO: opts.demo ? '1' : '0', DEMO_USERS: '0' }), external: undefined };
  const stack = await startStack(config, { host: '127.0.0.1' });
  const users = {} as StackInfo['users'];
  for (const role of ROLES) {
    users[role] = { username: `test-${role}`, password: randomBytes(12).toString('base64url') };
    await upsertUser(stack.db, users[role].username, role, users[role].password);
  }
  if (opts.demo) await assignDemoCaseload(stack.db, users.safeguarding.username);
  const info: StackInfo = { url: stack.url, users, boltUri: stack.neo4j!.uri, boltUser: stack.neo4j!.user, boltPassword: stack.neo4j!.password, dataDir };
  const stop = async () => {
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { stack, info, stop };
}
