/**
 * Sessions that end when they should (DESIGN.md §6): a change of role, agency or password, a
 * disabled user and a sign-out take effect within seconds, not at the token's expiry; and the
 * sign-in attempt limit holds when many wrong passwords arrive at once.
 *
 * Every test makes its own users (never the shared test-<role> ones). Changes are made both through
 * the admin's setUser (the server that answers applies them at once) and straight in the database,
 * as another server instance would (applied when this instance next reads the user, ≤ 2 s).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../server/config.js';
import type { Database } from '../../server/db/database.js';
import { createApp, listen } from '../../server/http/app.js';
import { checkPassword, passwordChecks, upsertUser } from '../../server/modules/auth/users.js';
import { gqlOk, testDatabase, type GraphQLResponse } from '../support/client.js';

const LOGIN = 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token user { username role agency } } }';
const SET_USER =
  'mutation ($u: String!, $r: String, $p: String, $a: String, $d: Boolean) { setUser(username: $u, role: $r, password: $p, agency: $a, disabled: $d) { username role agency disabled } }';
/** Allowed for analyst, refused (FORBIDDEN) for safeguarding. */
const ANALYST_ONLY = '{ stats { nodes } }';
/**
 * How long after a change is committed a request may still be answered as before. The server
 * re-reads a user at most 2 s after its last read; a change made through this server applies at once.
 */
const WITHIN_MS = 3_000;

const db = testDatabase();
afterAll(() => db.close());

const run = randomBytes(3).toString('hex');
const newName = (what: string) => `sess-${what}-${run}`;
const newPassword = () => `pw-${randomBytes(12).toString('base64url')}`;

async function post<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string, url = inject('stack').url): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

async function signIn(username: string, password: string): Promise<{ token: string; user: { username: string; role: string; agency: string | null } }> {
  const r = await post(LOGIN, { u: username, p: password });
  if (!r.data) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(r.errors)}`);
  return r.data.login;
}

async function newUser(what: string, role: string, agency?: string) {
  const username = newName(what);
  const password = newPassword();
  await upsertUser(db, username, role, password, agency);
  return { username, password };
}

const setUser = (variables: Record<string, unknown>) => gqlOk(SET_USER, variables, 'admin');

/**
 * Asks `query` with `token`, one request after another, until `done` says an answer shows the
 * change. Returns, in ms after `since` (when the change was committed), when the last request that
 * still got the old answer was sent (null: none did), and when the first answer showing the change
 * arrived. The first measures the server (how long it goes on trusting what it knew); the second
 * adds the time a request takes on a busy machine. Fails after 10 s.
 */
async function timeUntil(
  since: number,
  token: string,
  query: string,
  done: (r: GraphQLResponse<any>) => boolean,
  url?: string,
): Promise<{ lastOldSent: number | null; changedBy: number; answer: GraphQLResponse<any> }> {
  let lastOldSent: number | null = null;
  for (;;) {
    const sent = Date.now();
    const answer = await post(query, {}, token, url);
    if (done(answer)) return { lastOldSent, changedBy: Date.now() - since, answer };
    lastOldSent = sent - since;
    if (Date.now() - since > 10_000) throw new Error(`no change after 10 s: ${JSON.stringify(answer)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const refused = (r: GraphQLResponse<any>) => r.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';

describe('a change to a user ends their sessions within seconds', () => {
  it('demotion made in the database (as by another instance): the old token loses the old role\'s access within 3 s', async () => {
    const { username, password } = await newUser('demoted', 'analyst');
    const { token } = await signIn(username, password);
    expect((await post(ANALYST_ONLY, {}, token)).errors).toBeUndefined();
    // The server has just read the user (a quick request): the change below has to wait out its cache.
    expect((await post('{ me { role } }', {}, token)).data?.me.role).toBe('analyst');

    const { sessionsEnded } = await upsertUser(db, username, { role: 'safeguarding' });
    const changedAt = Date.now();
    expect(sessionsEnded).toBe(true);
    const { lastOldSent, changedBy, answer } = await timeUntil(changedAt, token, ANALYST_ONLY, (r) => !!r.errors);
    console.info(`demotion: old role last honoured for a request sent ${lastOldSent} ms after the change; refused by ${changedBy} ms`);
    expect(lastOldSent ?? 0).toBeLessThanOrEqual(WITHIN_MS);
    expect(answer.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(answer.errors![0].message).toMatch(/session has ended.*sign in again/);

    // Signing in again gives the new role and its access only.
    const again = await signIn(username, password);
    expect(again.user.role).toBe('safeguarding');
    expect((await post(ANALYST_ONLY, {}, again.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('takes role and agency from the store, not from the token', async () => {
    const { username, password } = await newUser('stored-role', 'analyst');
    const { token } = await signIn(username, password);
    expect((await post('{ me { role agency } }', {}, token)).data?.me).toEqual({ role: 'analyst', agency: 'Police' });
    // Changed behind the session version's back: the token itself says nothing of role or agency.
    await db.write("MATCH (u:User {username: $u}) SET u.role = 'safeguarding', u.agency = 'Health'", { u: username });
    const changedAt = Date.now();
    const { lastOldSent, changedBy, answer } = await timeUntil(changedAt, token, '{ me { role agency } }', (r) => r.data?.me?.role !== 'analyst');
    console.info(`stored role: old role last seen for a request sent ${lastOldSent} ms after the change; new one by ${changedBy} ms`);
    expect(lastOldSent ?? 0).toBeLessThanOrEqual(WITHIN_MS);
    expect(answer.data?.me).toEqual({ role: 'safeguarding', agency: 'Health' });
    expect((await post(ANALYST_ONLY, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('agency change (by the admin): old tokens end at once, a new sign-in carries the new agency', async () => {
    const { username, password } = await newUser('agency', 'analyst');
    const { token, user } = await signIn(username, password);
    expect(user.agency).toBe('Police');
    expect((await post('{ me { agency } }', {}, token)).data?.me.agency).toBe('Police');

    const { setUser: record } = await setUser({ u: username, a: 'Youth Justice' });
    expect(record).toMatchObject({ role: 'analyst', agency: 'Youth Justice', disabled: false });
    // Through the server that answers: the very next request is refused.
    const { lastOldSent, answer } = await timeUntil(Date.now(), token, '{ me { agency } }', refused);
    expect(lastOldSent).toBeNull();
    expect(answer.errors![0].message).toMatch(/session has ended/);

    const again = await signIn(username, password);
    expect(again.user.agency).toBe('Youth Justice');
    expect((await post('{ me { agency } }', {}, again.token)).data?.me.agency).toBe('Youth Justice');
  });

  it('a disabled user: their token is refused with the reason, and they cannot sign in until enabled', async () => {
    const { username, password } = await newUser('disabled', 'licensing');
    const { token } = await signIn(username, password);
    expect((await post('{ me { username } }', {}, token)).data?.me.username).toBe(username);

    expect((await setUser({ u: username, d: true })).setUser).toMatchObject({ role: 'licensing', disabled: true });
    const { lastOldSent, answer } = await timeUntil(Date.now(), token, '{ me { username } }', refused);
    expect(lastOldSent).toBeNull();
    expect(answer.errors![0]).toMatchObject({ message: 'Your account is disabled: ask an administrator.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(answer.data?.me ?? null).toBeNull();

    const r = await post(LOGIN, { u: username, p: password });
    expect(r.data).toBeFalsy();
    expect(r.errors?.[0]).toMatchObject({ message: 'This account is disabled: ask an administrator.', extensions: { code: 'UNAUTHENTICATED' } });
    // A wrong password says nothing about the account being disabled.
    expect((await post(LOGIN, { u: username, p: 'not the password at all' })).errors?.[0].message).toBe('Wrong username or password.');

    const { users } = await gqlOk('{ users { username disabled } }', {}, 'admin');
    expect(users.find((u: { username: string }) => u.username === username)).toEqual({ username, disabled: true });

    expect((await setUser({ u: username, d: false })).setUser.disabled).toBe(false);
    const again = await signIn(username, password);
    expect((await post('{ me { username } }', {}, again.token)).data?.me.username).toBe(username);
    // Enabling does not bring back the tokens that disabling ended.
    expect(refused(await post('{ me { username } }', {}, token))).toBe(true);
  });

  it('a password change ends old tokens; the new password works and the old one does not', async () => {
    const { username, password } = await newUser('password', 'analyst');
    const first = await signIn(username, password);
    const second = await signIn(username, password);
    const changed = newPassword();
    // In the database, as `npm run user` on another machine would do it.
    await upsertUser(db, username, { password: changed });
    const changedAt = Date.now();
    for (const { token } of [first, second]) {
      const { lastOldSent, answer } = await timeUntil(changedAt, token, '{ me { username } }', refused);
      expect(lastOldSent ?? 0).toBeLessThanOrEqual(WITHIN_MS);
      expect(answer.errors![0].message).toMatch(/session has ended/);
    }
    expect((await post(LOGIN, { u: username, p: password })).errors?.[0].message).toBe('Wrong username or password.');
    const again = await signIn(username, changed);
    expect((await post('{ me { username role } }', {}, again.token)).data?.me).toEqual({ username, role: 'analyst' });
  });

  it('a change that is no change (same role, no password) ends nothing', async () => {
    const { username, password } = await newUser('unchanged', 'analyst');
    const { token } = await signIn(username, password);
    expect(await upsertUser(db, username, { role: 'analyst', disabled: false })).toEqual({ created: false, sessionsEnded: false });
    await new Promise((r) => setTimeout(r, 2_200)); // past the cache: the server has read the user again
    expect((await post('{ me { username agency } }', {}, token)).data?.me).toEqual({ username, agency: 'Police' });
  });
});

describe('logout', () => {
  it('ends the token it is sent with, at once, and not another token of the same user', async () => {
    const { username, password } = await newUser('logout', 'analyst');
    const laptop = await signIn(username, password);
    const phone = await signIn(username, password);
    expect((await post(ANALYST_ONLY, {}, laptop.token)).errors).toBeUndefined();

    expect((await post('mutation { logout }', {}, laptop.token)).data).toEqual({ logout: true });
    // The instance that signed it out refuses it on the next request.
    const after = await post(ANALYST_ONLY, {}, laptop.token);
    expect(after.errors?.[0]).toMatchObject({ message: 'You have signed out: sign in again.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(after.data?.search ?? null).toBeNull();
    expect(refused(await post('mutation { logout }', {}, laptop.token))).toBe(true);

    // The other token goes on working, and a new sign-in too.
    expect((await post(ANALYST_ONLY, {}, phone.token)).errors).toBeUndefined();
    const again = await signIn(username, password);
    expect((await post('{ me { username } }', {}, again.token)).data?.me.username).toBe(username);

    // Recorded in the store (so other instances refuse it too), until the token would have expired.
    const rows = await db.read('MATCH (:User {username: $u})-[:REVOKED]->(r:RevokedToken) RETURN r.expiresAt AS expiresAt', { u: username });
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].expiresAt)).toBeGreaterThan(Date.now() + 7 * 3600_000);
  });

  it('is refused without a token', async () => {
    expect(refused(await post('mutation { logout }'))).toBe(true);
  });
});

describe('sign-in attempt limit under concurrency', () => {
  const WRONG = 'Wrong username or password.';

  it('30 wrong passwords at once over HTTP: at most 5 are checked, the rest are refused', async () => {
    const { username } = await newUser('race-http', 'analyst');
    const answers = await Promise.all(Array.from({ length: 30 }, () => post(LOGIN, { u: username, p: 'a wrong password, in parallel' })));
    const codes = answers.map((r) => r.errors?.[0]?.extensions?.code);
    // Every checked password answers "wrong password" (a check that ran); every other answer is a refusal.
    const checked = answers.filter((r) => r.errors?.[0]?.message === WRONG).length;
    expect(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'TOO_MANY_ATTEMPTS'), JSON.stringify(codes)).toBe(true);
    expect(checked).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(30 - checked);
    for (const r of answers.filter((a) => a.errors?.[0]?.extensions?.code === 'TOO_MANY_ATTEMPTS')) {
      expect(r.errors![0].message).toMatch(/^Too many failed sign-ins for this username: try again after \d\d:\d\d UTC\.$/);
    }
    // The throttle counted exactly the attempts it let through.
    const [{ failures }] = await db.read('MATCH (t:LoginThrottle {key: $u}) RETURN t.failures AS failures', { u: username });
    expect(failures).toBe(checked);
  });

  it('30 wrong passwords at once, counted at the argon2 verify: at most 5 checks, known or unknown username', async () => {
    for (const username of [(await newUser('race-direct', 'analyst')).username, newName('race-nobody')]) {
      const before = passwordChecks.count;
      const outcomes = await Promise.allSettled(Array.from({ length: 30 }, () => checkPassword(db, username, 'a wrong password, in parallel', 'test')));
      const checks = passwordChecks.count - before;
      const codes = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { extensions?: { code?: string } }).extensions?.code : 'signed in'));
      expect(checks, username).toBeLessThanOrEqual(5);
      expect(checks, username).toBeGreaterThan(0);
      expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS'), username).toHaveLength(30 - checks);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED'), username).toHaveLength(checks);
    }
  });

  it('checks an unknown username as it checks a known one, and a success resets the count', async () => {
    // An unknown username costs a verify too (against a dummy hash), so it takes as long.
    const before = passwordChecks.count;
    await expect(checkPassword(db, newName('nobody'), 'whatever it is', 'test')).rejects.toMatchObject({ message: WRONG });
    expect(passwordChecks.count - before).toBe(1);

    const { username, password } = await newUser('reset', 'analyst');
    for (let i = 0; i < 4; i++) await expect(checkPassword(db, username, 'wrong, one at a time', 'test')).rejects.toMatchObject({ message: WRONG });
    await expect(checkPassword(db, username, password, 'test')).resolves.toMatchObject({ username, role: 'analyst' });
    expect(await db.read('MATCH (t:LoginThrottle {key: $u}) RETURN t', { u: username })).toHaveLength(0);
    // Five more wrong ones are checked before the sixth is refused.
    for (let i = 0; i < 5; i++) await expect(checkPassword(db, username, 'wrong again', 'test')).rejects.toMatchObject({ message: WRONG });
    await expect(checkPassword(db, username, password, 'test')).rejects.toMatchObject({ extensions: { code: 'TOO_MANY_ATTEMPTS' } });
  });
});

describe('npm run user --disable / --enable', () => {
  const cli = (...args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/modules/auth/userCli.ts'), 'add', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: inject('stack').dataDir, NEO4J_URI: '' },
      stdio: ['ignore', 'pipe', 'pipe'], // no password is asked for
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    return new Promise<{ code: number | null; out: string }>((resolve) => child.once('exit', (code) => resolve({ code, out })));
  };

  it('disables and enables an existing user without touching their password', async () => {
    const { username, password } = await newUser('cli', 'analyst');
    const { token } = await signIn(username, password);
    const off = await cli(username, '--disable');
    expect(off, off.out).toMatchObject({ code: 0 });
    expect(off.out).toMatch(new RegExp(`Updated user ${username} disabled\\. Their sessions end within seconds\\.`));
    const { lastOldSent, answer } = await timeUntil(Date.now(), token, '{ me { username } }', refused);
    expect(lastOldSent ?? 0).toBeLessThanOrEqual(WITHIN_MS);
    expect(answer.errors![0].message).toMatch(/disabled/);
    expect((await post(LOGIN, { u: username, p: password })).errors?.[0].message).toMatch(/disabled/);

    const on = await cli(username, '--enable');
    expect(on, on.out).toMatchObject({ code: 0 });
    expect(on.out).toMatch(`Updated user ${username} enabled.`);
    const again = await signIn(username, password);
    expect((await post('{ me { username } }', {}, again.token)).data?.me.username).toBe(username);

    expect((await cli(newName('cli-nobody'), '--disable')).out).toMatch(/there is no user/);
  });
});

describe('a second server instance over the same database', () => {
  const ISSUER = 'https://idp.sessions.test/';
  let appDb: Database;
  let idp: http.Server;
  let app: http.Server;
  let url: string;
  let idpKey: CryptoKey;

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    idpKey = keys.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    idp = http.createServer((_, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    const idpPort = await listen(idp, 0, '127.0.0.1');
    appDb = testDatabase(); // its own connection, so its own view of each user's standing
    app = createApp(appDb, { externalIdp: { jwksUrl: `http://127.0.0.1:${idpPort}/jwks.json`, issuer: ISSUER, roleClaim: 'role', roleMap: {} } }).server;
    url = `http://127.0.0.1:${await listen(app, 0, '127.0.0.1')}`;
  });

  afterAll(async () => {
    app?.close();
    idp?.close();
    await appDb?.close();
  });

  it('refuses a token signed out on the other instance within seconds', async () => {
    const { username, password } = await newUser('logout-elsewhere', 'analyst');
    const { token } = await signIn(username, password);
    expect((await post('{ me { username } }', {}, token, url)).data?.me.username).toBe(username); // this instance has read the user
    expect((await post('mutation { logout }', {}, token)).data).toEqual({ logout: true });
    const { lastOldSent, changedBy, answer } = await timeUntil(Date.now(), token, '{ me { username } }', refused, url);
    console.info(`logout elsewhere: token last accepted for a request sent ${lastOldSent} ms after the sign-out; refused by ${changedBy} ms`);
    expect(lastOldSent ?? 0).toBeLessThanOrEqual(WITHIN_MS);
    expect(answer.errors![0].message).toBe('You have signed out: sign in again.');
  });

  it('signs out of an external identity provider\'s token as a no-op: it goes on working', async () => {
    const external = await new SignJWT({ role: 'analyst' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('ext.user')
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(idpKey);
    expect((await post('{ me { username role } }', {}, external, url)).data?.me).toEqual({ username: 'ext.user', role: 'analyst' });
    expect(await post('mutation { logout }', {}, external, url)).toEqual({ data: { logout: true } });
    expect((await post('{ me { username role } }', {}, external, url)).data?.me).toEqual({ username: 'ext.user', role: 'analyst' });
  });

  it('30 wrong passwords at once over HTTP: at most 5 argon2 checks, counted in the server', async () => {
    const { username } = await newUser('race-counted', 'analyst');
    const before = passwordChecks.count;
    const answers = await Promise.all(Array.from({ length: 30 }, () => post(LOGIN, { u: username, p: 'a wrong password, in parallel' }, undefined, url)));
    const checks = passwordChecks.count - before;
    const codes = answers.map((r) => r.errors?.[0]?.extensions?.code);
    console.info(`lockout race: ${checks} argon2 checks for 30 simultaneous wrong passwords`);
    expect(checks).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(checks);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(30 - checks);
  });
});
