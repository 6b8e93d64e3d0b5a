/**
 * Signed, expiring tokens (JWT, HS256, via jose). The signing secret is created once and kept in
 * the database, so every server instance in front of the same database accepts the same tokens
 * (the server stays stateless).
 */
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { Database } from '../../db/database.js';
import { ROLES, type Role, type User } from './users.js';

const ISSUER = 'linkchart';
export const TOKEN_LIFETIME = '8h';

const keys = new WeakMap<Database, Promise<Uint8Array>>();

function signingKey(db: Database): Promise<Uint8Array> {
  let key = keys.get(db);
  if (!key) {
    key = db
      .write(
        `MERGE (s:ServiceSecret {name: 'token-signing'})
         ON CREATE SET s.value = $value, s.createdAt = datetime()
         RETURN s.value AS value`,
        { value: randomBytes(48).toString('base64') },
      )
      .then(([row]) => new Uint8Array(Buffer.from(row.value as string, 'base64')));
    key.catch(() => keys.delete(db)); // retry after an outage
    keys.set(db, key);
  }
  return key;
}

export async function issueToken(db: Database, user: User): Promise<string> {
  return new SignJWT({ role: user.role, agency: user.agency })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.username)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(TOKEN_LIFETIME)
    .sign(await signingKey(db));
}

/**
 * Tokens already verified, with when to check again (their expiry, at most CHECKED_FOR_MS away):
 * a signature check costs more CPU than a short read, and a client sends the same token with every
 * request. Bounded; the oldest go first.
 */
const verified = new WeakMap<Database, Map<string, { user: User; until: number }>>();
const CHECKED_FOR_MS = 5 * 60_000;
const MAX_VERIFIED = 5_000;

/** The user a token names, or the reason it is not accepted. */
export async function readToken(db: Database, token: string): Promise<{ user: User } | { reason: string }> {
  let cache = verified.get(db);
  if (!cache) verified.set(db, (cache = new Map()));
  const hit = cache.get(token);
  if (hit && hit.until > Date.now()) return { user: hit.user };
  if (hit) cache.delete(token);
  try {
    const { payload } = await jwtVerify(token, await signingKey(db), { issuer: ISSUER, algorithms: ['HS256'] });
    const role = payload.role as Role;
    if (!payload.sub || !(ROLES as readonly string[]).includes(role)) return { reason: 'The token does not name a user and role.' };
    const user = { username: payload.sub, role, agency: typeof payload.agency === 'string' ? payload.agency : null };
    if (cache.size >= MAX_VERIFIED) cache.delete(cache.keys().next().value!);
    cache.set(token, { user, until: Math.min(Date.now() + CHECKED_FOR_MS, (payload.exp ?? 0) * 1000) });
    return { user };
  } catch (e) {
    if (e instanceof errors.JWTExpired) return { reason: 'Your session has expired: sign in again.' };
    if (e instanceof errors.JOSEError) return { reason: 'The token is not valid: sign in again.' };
    throw e; // e.g. the database is unreachable
  }
}
