/**
 * Users and sign-in. Users live in Neo4j (label User, outside the case graph) with argon2id
 * password hashes. Failed sign-ins are counted per username in the database, so the limit holds
 * across server instances: after 5 failures in 15 minutes that username is refused until the window
 * passes. Unknown and known usernames fail alike, so sign-in does not reveal who has an account.
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

export async function upsertUser(db: Database, username: string, role: string, password: string, agency?: string): Promise<{ created: boolean }> {
  const name = validateUsername(username);
  if (!(ROLES as readonly string[]).includes(role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const passwordHash = await hash(password);
  const [{ created }] = await db.write(
    `MERGE (u:User {username: $name})
     ON CREATE SET u.createdAt = datetime(), u._new = true
     SET u.role = $role, u.agency = $agency, u.passwordHash = $passwordHash, u.updatedAt = datetime()
     WITH u, coalesce(u._new, false) AS created
     REMOVE u._new
     RETURN created`,
    { name, role, passwordHash, agency: agency?.trim() || DEFAULT_AGENCY[role as Role] },
  );
  return { created: created as boolean };
}

export async function listUsers(db: Database): Promise<Record<string, unknown>[]> {
  const rows = await db.read(
    'MATCH (u:User) RETURN u.username AS username, u.role AS role, u.agency AS agency, toString(u.createdAt) AS createdAt, toString(u.updatedAt) AS updatedAt ORDER BY u.username',
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

export async function checkPassword(db: Database, username: string, password: string, from: string): Promise<User> {
  const key = username.trim().toLowerCase();
  const [throttle] = await db.read('OPTIONAL MATCH (t:LoginThrottle {key: $key}) RETURN t.failures AS failures, t.since AS since', { key });
  const since = Number(throttle?.since ?? 0);
  const failures = Date.now() - since < WINDOW_MS ? Number(throttle?.failures ?? 0) : 0;
  if (failures >= MAX_FAILURES) {
    const retry = new Date(since + WINDOW_MS).toISOString().slice(11, 16);
    log.warn({ username: key, from }, 'sign-in refused: too many failures');
    throw new LoginError(`Too many failed sign-ins for this username: try again after ${retry} UTC.`, 'TOO_MANY_ATTEMPTS');
  }

  const [row] = await db.read('OPTIONAL MATCH (u:User {username: $key}) RETURN u.passwordHash AS passwordHash, u.role AS role, u.agency AS agency', { key });
  const stored = (row?.passwordHash as string | null) ?? (await (dummyHash ??= hash('no such user: constant-time check')));
  const ok = (await verify(stored, password)) && !!row?.passwordHash;
  if (!ok) {
    await db.write(
      `MERGE (t:LoginThrottle {key: $key})
       SET t.failures = CASE WHEN $now - coalesce(t.since, 0) < $window THEN coalesce(t.failures, 0) + 1 ELSE 1 END,
           t.since = CASE WHEN $now - coalesce(t.since, 0) < $window THEN t.since ELSE $now END`,
      { key, now: Date.now(), window: WINDOW_MS },
    );
    log.warn({ username: key, from }, 'sign-in failed');
    throw new LoginError('Wrong username or password.');
  }
  await db.write('MATCH (t:LoginThrottle {key: $key}) DELETE t', { key });
  return { username: key, role: row!.role as Role, agency: (row!.agency as string | null) ?? null };
}
