/**
 * Starts the stack once for the test run: a fresh local Neo4j in a temporary data directory
 * (never the demo database under var/), the schema, the demo dataset, and the HTTP server on a
 * free port. Tests reach it through `inject('stack')`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/config.js';
import { startStack } from '../../server/stack.js';
import { ensureWebBuilt } from '../../server/http/webBuild.js';
import { ROLES, upsertUser } from '../../server/modules/auth/users.js';
import { randomBytes } from 'node:crypto';

export interface StackInfo {
  url: string;
  /** One account per role, with random passwords, for the tests to sign in. */
  users: Record<'analyst' | 'safeguarding' | 'licensing' | 'admin', { username: string; password: string }>;
  boltUri: string;
  boltUser: string;
  boltPassword: string;
  dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkchart-test-'));
  // The browser tests need the built app; SKIP_WEB_BUILD=1 saves the build when running others.
  if (process.env.SKIP_WEB_BUILD !== '1') await ensureWebBuilt();
  const config = { ...loadConfig({ ...process.env, NEO4J_URI: '', PORT: '0', DATA_DIR: dataDir, DEMO: '1', DEMO_USERS: '0' }), external: undefined };
  const stack = await startStack(config, { host: '127.0.0.1' });
  const users = {} as StackInfo['users'];
  for (const role of ROLES) {
    users[role] = { username: `test-${role}`, password: randomBytes(12).toString('base64url') };
    await upsertUser(stack.db, users[role].username, role, users[role].password);
  }
  project.provide('stack', {
    url: stack.url,
    users,
    boltUri: stack.neo4j!.uri,
    boltUser: stack.neo4j!.user,
    boltPassword: stack.neo4j!.password,
    dataDir,
  });
  return async () => {
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
