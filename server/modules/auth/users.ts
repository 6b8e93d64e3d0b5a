/**
 * Users and sign-in. Users live in Neo4j (label User, outside the case graph) with argon2id
 * password hashes. Sign-in attempts are counted per username in the database, so the limit holds
 * across server instances: an attempt is reserved (one atomic write) before the password is checked,
 * and once 5 attempts in 15 minutes have failed that username is refused until the window passes,
 * however many sign-ins arrive at once. Unknown and known usernames fail alike, so sign-in does not
 * reveal who has an account.
 *
 * Each user has a session version (`sessionVersion`), carried by every token issued to them; a
 * change of role, agency or password, or disabling the user, increments it, which ends every
 * session of theirs (tokens.ts checks the version on use).
 */
import { hash, verify } from '@node-rs/argon2';
import { GraphQLError } from 'graphql';
import type { Database } from '../../db/database.js';
import { log } from '../../log.js';

export const ROLES = ['analyst', 'safeguarding', 'licensing', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export interface User {
  username: string;
  role: Role;
  /** The agency the user works for: reports handled under conditions (C) by other agencies are withheld. */
  agency: string | null;
  /** The token this request came with, when it is one of ours (external-IdP users have none): what `logout` revokes. */
  session?: { id: string; expiresAt: number };
}

/** Where a role's users usually work, when `--agency` is not given. */
export const DEFAULT_AGENCY: Record<Role, string | null> = {
  analyst: 'Police',
  safeguarding: "Children's Social Care",
  licensing: 'Licensing',
  admin: null,
};

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
export const MIN_PASSWORD_LENGTH = 12;

/** A hash to verify against when the username is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;

export function validateUsername(username: string): string {
  const u = username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(u)) throw new Error('a username is 2-64 letters, digits, dots, dashes or underscores');
  return u;
}

export interface UserChanges {
  /** Required for a new user. */
  role?: string | null;
  /** Required for a new user; otherwise left as it is when not given. */
  password?: string | null;
  /** When not given: the role's usual agency for a new user or a changed role, else unchanged. */
  agency?: string | null;
  /** A disabled user cannot sign in, and their tokens stop working. */
  disabled?: boolean | null;
}

/**
 * Creates or updates a user. `upsertUser(db, name, role, password, agency?)` as before, or with
 * `changes` for an update of some fields (e.g. `{ disabled: true }`). Returns whether the user was
 * created and whether the change ended their sessions (role, agency or password changed, or disabled).
 */
export async function upsertUser(db: Database, username: string, role: string, password: string, agency?: string): Promise<{ created: boolean; sessionsEnded: boolean }>;
export async function upsertUser(db: Database, username: string, changes: UserChanges): Promise<{ created: boolean; sessionsEnded: boolean }>;
export async function upsertUser(
  db: Database,
  username: string,
  roleOrChanges: string | UserChanges,
  password?: string,
  agency?: string,
): Promise<{ created: boolean; sessionsEnded: boolean }> {
  const changes: UserChanges = typeof roleOrChanges === 'string' ? { role: roleOrChanges, password, agency } : roleOrChanges;
  const name = validateUsername(username);
  const role = changes.role ?? null;
  if (role !== null && !(ROLES as readonly string[]).includes(role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  const newPassword = changes.password ?? null;
  if (newPassword !== null && newPassword.length < MIN_PASSWORD_LENGTH) throw new Error(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const passwordHash = newPassword === null ? null : await hash(newPassword);
  // Without a role and a password, only an existing user can be changed.
  const canCreate = role !== null && passwordHash !== null;
  const rows = await db.write(
    `${canCreate ? 'MERGE (u:User {username: $name}) ON CREATE SET u.createdAt = datetime(), u._new = true' : 'MATCH (u:User {username: $name})'}
     SET u._lock = true
     WITH u, coalesce(u._new, false) AS created,
          coalesce($role, u.role) AS role,
          CASE WHEN $agency IS NOT NULL THEN $agency
               WHEN coalesce(u._new, false) OR $role <> u.role THEN $defaultAgency
               ELSE u.agency END AS agency,
          coalesce($disabled, u.disabled, false) AS disabled
     WITH u, created, role, agency, disabled,
          NOT created AND (coalesce(u.role, '') <> role OR coalesce(u.agency, '') <> coalesce(agency, '')
            OR $passwordHash IS NOT NULL OR (disabled AND NOT coalesce(u.disabled, false))) AS ends
     SET u.role = role, u.agency = agency, u.disabled = disabled,
         u.passwordHash = coalesce($passwordHash, u.passwordHash), u.updatedAt = datetime(),
         u.sessionVersion = coalesce(u.sessionVersion, 0) + CASE WHEN ends THEN 1 ELSE 0 END
     REMOVE u._new, u._lock
     RETURN created, ends`,
    {
      name,
      role,
      passwordHash,
      agency: changes.agency?.trim() || null,
      defaultAgency: role === null ? null : DEFAULT_AGENCY[role as Role],
      disabled: changes.disabled ?? null,
    },
  );
  if (!rows.length) throw new Error(`there is no user ${name}: a new user needs a role and a password`);
  return { created: rows[0].created as boolean, sessionsEnded: rows[0].ends as boolean };
}

export async function listUsers(db: Database): Promise<Record<string, unknown>[]> {
  const rows = await db.read(
    'MATCH (u:User) RETURN u.username AS username, u.role AS role, u.agency AS agency, coalesce(u.disabled, false) AS disabled, toString(u.createdAt) AS createdAt, toString(u.updatedAt) AS updatedAt ORDER BY u.username',
  );
  return rows;
}

export async function countUsers(db: Database): Promise<number> {
  const [{ n }] = await db.read('MATCH (u:User) RETURN count(u) AS n');
  return n as number;
}

export class LoginError extends GraphQLError {
  constructor(message: string, code = 'UNAUTHENTICATED') {
    super(message, { extensions: { code } });
  }
}

/** Password checks (argon2 verifies) made by this process: for tests of the attempt limit. */
export const passwordChecks = { count: 0 };

/**
 * Reserves one sign-in attempt for `key`, atomically: the throttle node is locked before its count
 * is read, so concurrent sign-ins for one username are counted one after another. Refused (with the
 * end of the window) when the window already holds MAX_FAILURES attempts that were not released.
 */
async function reserveAttempt(db: Database, key: string): Promise<{ granted: true } | { granted: false; until: number }> {
  const [row] = await db.write(
    `MERGE (t:LoginThrottle {key: $key})
     SET t._lock = true
     WITH t, $now - coalesce(t.since, 0) < $window AS inWindow
     WITH t, inWindow, CASE WHEN inWindow THEN coalesce(t.failures, 0) ELSE 0 END AS used
     SET t.failures = CASE WHEN used >= $max THEN used ELSE used + 1 END,
         t.since = CASE WHEN inWindow THEN t.since ELSE $now END
     REMOVE t._lock
     RETURN used < $max AS granted, t.since AS since`,
    { key, now: Date.now(), window: WINDOW_MS, max: MAX_FAILURES },
  );
  return row.granted ? { granted: true } : { granted: false, until: Number(row.since) + WINDOW_MS };
}

export async function checkPassword(db: Database, username: string, password: string, from: string): Promise<User & { sessionVersion: number }> {
  const key = username.trim().toLowerCase();
  const reserved = await reserveAttempt(db, key);
  if (!reserved.granted) {
    const retry = new Date(reserved.until).toISOString().slice(11, 16);
    log.warn({ username: key, from }, 'sign-in refused: too many failures');
    throw new LoginError(`Too many failed sign-ins for this username: try again after ${retry} UTC.`, 'TOO_MANY_ATTEMPTS');
  }

  const [row] = await db.read(
    'OPTIONAL MATCH (u:User {username: $key}) RETURN u.passwordHash AS passwordHash, u.role AS role, u.agency AS agency, coalesce(u.disabled, false) AS disabled, coalesce(u.sessionVersion, 0) AS sessionVersion',
    { key },
  );
  // An unknown username is checked against a dummy hash, so it takes as long as a known one.
  const stored = (row?.passwordHash as string | null) ?? (await (dummyHash ??= hash('no such user: constant-time check')));
  passwordChecks.count++;
  const ok = (await verify(stored, password)) && !!row?.passwordHash;
  if (!ok) {
    // The reserved attempt stays counted as a failure.
    log.warn({ username: key, from }, 'sign-in failed');
    throw new LoginError('Wrong username or password.');
  }
  if (row!.disabled) {
    log.warn({ username: key, from }, 'sign-in refused: user disabled');
    throw new LoginError('This account is disabled: ask an administrator.');
  }
  await db.write('MATCH (t:LoginThrottle {key: $key}) DELETE t', { key });
  return { username: key, role: row!.role as Role, agency: (row!.agency as string | null) ?? null, sessionVersion: Number(row!.sessionVersion) };
}
