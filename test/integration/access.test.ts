/**
 * Sign-in, roles and the audit log, through real HTTP against the real database.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { SignJWT } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../server/config.js';
import { gql, gqlOk, testDatabase } from '../support/client.js';

const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token user { username role } } }';

describe('sign-in', () => {
  it('answers health without a token, and nothing else', async () => {
    expect((await gql('{ health { database } }', {}, null)).data).toEqual({ health: { database: true } });
    const r = await gql('{ search(text: "Kershaw") { score } }', {}, null);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.errors?.[0].message).toMatch(/Sign in first/);
  });

  it('signs in with the right password and says who you are', async () => {
    const { username, password } = inject('stack').users.analyst;
    const { login } = await gqlOk(LOGIN, { u: username.toUpperCase(), p: password }, null);
    expect(login.user).toEqual({ username, role: 'analyst' });
    expect(login.token.split('.')).toHaveLength(3);
    expect((await gqlOk('{ me { username role } }')).me).toEqual({ username, role: 'analyst' });
  });

  it('refuses a wrong password, then refuses the username for a while after five failures', async () => {
    const attempt = () => gql(LOGIN, { u: 'test-ratelimited', p: 'wrong password' }, null);
    for (let i = 0; i < 5; i++) {
      const r = await attempt();
      expect(r.errors?.[0]).toMatchObject({ message: 'Wrong username or password.', extensions: { code: 'UNAUTHENTICATED' } });
    }
    const sixth = await attempt();
    expect(sixth.errors?.[0].extensions?.code).toBe('TOO_MANY_ATTEMPTS');
    expect(sixth.errors?.[0].message).toMatch(/try again after \d\d:\d\d UTC/);
  });

  it('refuses forged and expired tokens with the reason', async () => {
    const forged = await fetch(`${inject('stack').url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFuYWx5c3QifQ.c2lnbmF0dXJl' },
      body: JSON.stringify({ query: '{ me { username } stats { nodes } }' }),
    }).then((r) => r.json());
    expect(forged.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(forged.errors[0].message).toMatch(/not valid/);

    const db = testDatabase();
    const [{ value }] = await db.read("MATCH (s:ServiceSecret {name: 'token-signing'}) RETURN s.value AS value");
    await db.close();
    const expired = await new SignJWT({ role: 'analyst' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('test-analyst')
      .setIssuer('linkchart')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 9 * 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new Uint8Array(Buffer.from(value as string, 'base64')));
    const r = await fetch(`${inject('stack').url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${expired}` },
      body: JSON.stringify({ query: '{ stats { nodes } }' }),
    }).then((res) => res.json());
    expect(r.errors[0].message).toMatch(/expired/);
  });

  it('npm run user adds a user whose password comes from standard input', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/modules/auth/userCli.ts'), 'add', 'cli-made', '--role', 'licensing'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: inject('stack').dataDir, NEO4J_URI: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdin.end('a long enough password\n');
    expect(await new Promise((r) => child.once('exit', r)), out).toBe(0);
    expect(out).toMatch(/Created user cli-made with role licensing/);
    const { login } = await gqlOk(LOGIN, { u: 'cli-made', p: 'a long enough password' }, null);
    expect(login.user.role).toBe('licensing');
  });
});

describe('roles', () => {
  // That every operation of the schema has a rule (and no rule a gone operation) is checked without a
  // database: test/unit/policy.test.ts.

  it('keeps case data from admin, and the audit log from everyone but admin', async () => {
    for (const query of ['{ search(text: "Kershaw") { score } }', '{ entity(id: "per-s001") { id } }', '{ neighbourhood(ids: ["op-central"]) { truncated } }']) {
      const r = await gql(query, {}, 'admin');
      expect(r.errors?.[0]).toMatchObject({ message: 'Your role does not allow this.', extensions: { code: 'FORBIDDEN' } });
    }
    // The same answer whether or not the thing exists.
    expect((await gql('{ entity(id: "no-such-id") { id } }', {}, 'admin')).errors?.[0].message).toBe('Your role does not allow this.');
    expect((await gql('{ auditLog(limit: 1) { seq } }', {}, 'analyst')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gqlOk('{ stats { nodes } }', {}, 'admin')).stats.nodes).toBeGreaterThan(0);
  });

  it('gives safeguarding no case data until its view scoped to one child exists', async () => {
    const r = await gql('{ search(text: "Calloway") { entity { id } } }', {}, 'safeguarding');
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('audit log', () => {
  it('records who read which person, why and when, in a chain that shows tampering', async () => {
    const purpose = 'Strategy meeting YP01, 2026-11-25';
    const r = await gql('{ search(text: "Kershaw") { entity { id } } }', {}, 'analyst', { 'x-purpose': purpose });
    expect(r.errors).toBeUndefined();
    const { auditLog } = await gqlOk('{ auditLog(entityId: "per-s001", username: "test-analyst", limit: 5) { seq at username role purpose operation args entityIds hash prevHash } }', {}, 'admin');
    const entry = auditLog.find((e: any) => e.purpose === purpose);
    expect(entry).toMatchObject({ username: 'test-analyst', role: 'analyst', operation: 'Query.search' });
    // Who, when, which operation, purpose and the ids shown; never the case text searched for.
    expect(entry.args).not.toContain('Kershaw');
    expect(JSON.parse(entry.args)).toMatchObject({ text: '[text: 7 chars]' });
    expect(entry.entityIds).toContain('per-s001');
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);

    expect((await gqlOk('{ auditVerify { ok brokenAt } }', {}, 'admin')).auditVerify).toEqual({ ok: true, brokenAt: null });
    const db = testDatabase();
    try {
      await db.write('MATCH (a:AuditEntry {seq: $seq}) SET a.purpose = $p', { seq: entry.seq, p: 'nothing to see here' });
      const check = (await gqlOk('{ auditVerify { ok brokenAt } }', {}, 'admin')).auditVerify;
      expect(check).toEqual({ ok: false, brokenAt: entry.seq });
      // The command says the same, with a non-zero exit.
      const cli = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/modules/audit/verifyCli.ts')], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: inject('stack').dataDir, NEO4J_URI: '' },
      });
      let out = '';
      cli.stdout.on('data', (d) => (out += d));
      expect(await new Promise((r) => cli.once('exit', r))).toBe(2);
      expect(out).toContain(`BROKEN at entry ${entry.seq}`);
    } finally {
      await db.write('MATCH (a:AuditEntry {seq: $seq}) SET a.purpose = $p', { seq: entry.seq, p: purpose });
      await db.close();
    }
  });

  it('records every change, with the ids it touched', async () => {
    const { submitReport } = await gqlOk(
      `mutation { submitReport(input: { receivedOn: "2010-01-05", sourceType: "public", sourceGrade: 3, intelGrade: "D", handling: "P",
         ownerAgency: "police", summary: "Audit check", entities: [{ ref: "v", kind: "Vehicle", properties: { reg: "ZZ01AUD" } }], links: [] }) { report { id } entities { entity { id } } } }`,
    );
    const { auditLog } = await gqlOk('query ($id: ID) { auditLog(entityId: $id) { operation args entityIds } }', { id: submitReport.report.id }, 'admin');
    expect(auditLog[0].operation).toBe('Mutation.submitReport');
    expect(auditLog[0].entityIds).toEqual(expect.arrayContaining([submitReport.report.id, submitReport.entities[0].entity.id]));
    // The report's grades and structure, not its text or property values.
    expect(auditLog[0].args).not.toContain('Audit check');
    expect(auditLog[0].args).not.toContain('ZZ01AUD');
    expect(JSON.parse(auditLog[0].args).input).toMatchObject({ receivedOn: '2010-01-05', sourceGrade: 3, intelGrade: 'D', handling: 'P', summary: '[text: 11 chars]' });
  });

  it('keeps refused attempts and failed sign-ins as such, in the same chain', async () => {
    const { appendAudit } = await import('../../server/modules/audit/audit.js');
    const db = testDatabase();
    try {
      const tried = `nobody-${Date.now()}`;
      await appendAudit(db, { username: tried, role: null, purpose: null, operation: 'Mutation.login', args: { username: tried, password: 'not this one' }, outcome: 'failed' });
      await appendAudit(db, { username: 'test-licensing', role: 'licensing', purpose: null, operation: 'Query.entity', args: { id: 'per-c01' }, outcome: 'denied' });
    } finally {
      await db.close();
    }
    const { auditLog } = await gqlOk('{ auditLog(limit: 50) { username role operation args entityIds outcome } }', {}, 'admin');
    const failed = auditLog.find((e: any) => e.operation === 'Mutation.login' && e.username.startsWith('nobody-'));
    expect(failed).toMatchObject({ role: '', outcome: 'failed', entityIds: [] });
    expect(failed.args).not.toContain('not this one');
    expect(auditLog.find((e: any) => e.username === 'test-licensing' && e.operation === 'Query.entity')).toMatchObject({ outcome: 'denied', entityIds: [] });
    expect((await gqlOk('{ auditVerify { ok brokenAt } }', {}, 'admin')).auditVerify).toEqual({ ok: true, brokenAt: null });
  });
});

describe('hostile queries', () => {
  it('rejects too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `h${i}: health { database }`).join(' ');
    const r = await gql(`{ ${aliases} }`);
    expect(r.errors?.[0].message).toMatch(/aliases/i);
  });

  it('rejects a query with too many tokens', async () => {
    const kinds = Array.from({ length: 3100 }, () => '"Person"').join(', ');
    const r = await gql(`{ search(text: "x", kinds: [${kinds}]) { score } }`);
    expect(r.errors?.[0].message).toMatch(/Token limit of 3000 exceeded/);
  });

  it('refuses a huge request body before reading it', async () => {
    const res = await fetch(`${inject('stack').url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { database } }', variables: { pad: 'x'.repeat(2_000_000) } }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
  });

  it('never answers with a stack trace or an internal message', async () => {
    const r = await gql('{ neighbourhood(ids: ["x"], hops: "many") { truncated } }');
    expect(JSON.stringify(r)).not.toMatch(/at .+\.(ts|js):\d+|stack/i);
    expect(r.errors?.[0].message).toMatch(/Int cannot represent/);
  });
});

describe('user administration', () => {
  it('lets admin list users and create one, never recording the password', async () => {
    const { setUser } = await gqlOk('mutation { setUser(username: "New.Officer", role: "licensing", password: "correct horse battery", agency: "Licensing") { username role agency } }', {}, 'admin');
    expect(setUser).toEqual({ username: 'new.officer', role: 'licensing', agency: 'Licensing' });
    const { users } = await gqlOk('{ users { username role } }', {}, 'admin');
    expect(users).toEqual(expect.arrayContaining([{ username: 'new.officer', role: 'licensing' }, { username: 'test-analyst', role: 'analyst' }]));
    const short = await gql('mutation { setUser(username: "x1", role: "analyst", password: "short") { username } }', {}, 'admin');
    expect(short.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(short.errors?.[0].message).toMatch(/at least 12 characters/);
    const { auditLog } = await gqlOk('{ auditLog(username: "test-admin", limit: 20) { operation args } }', {}, 'admin');
    const entry = auditLog.find((e: any) => e.operation === 'Mutation.setUser');
    expect(entry.args).toContain('[not recorded]');
    expect(entry.args).not.toContain('correct horse');
  });
});

describe('audit chain under load', () => {
  it('stays intact and verifiable while many requests append at once', async () => {
    const verifying = Array.from({ length: 5 }, () => gqlOk('{ auditVerify { ok } }', {}, 'admin'));
    const reads = Array.from({ length: 30 }, (_, i) => gqlOk('query ($t: String!) { search(text: $t) { score } }', { t: i % 2 ? 'Kershaw' : 'Calloway' }));
    const results = await Promise.all([...verifying, ...reads]);
    for (const r of results.slice(0, 5)) expect((r as any).auditVerify.ok).toBe(true);
    expect((await gqlOk('{ auditVerify { ok brokenAt } }', {}, 'admin')).auditVerify).toEqual({ ok: true, brokenAt: null });
  });
});
