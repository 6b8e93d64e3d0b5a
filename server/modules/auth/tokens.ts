/**
 * Signed, expiring tokens (JWT, HS256, via jose). The signing secret is created once and kept in
 * the database, so every server instance in front of the same database accepts the same tokens.
 * A token ends early when its user's session version changes (role, agency or password changed,
 * user disabled: see users.ts) or when it is signed out (a RevokedToken linked to the user); each
 * instance checks this against the database at most every STANDING_FOR_MS per user.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { Database } from '../../db/database.js';
import { serviceSecret } from '../../db/serviceSecret.js';
import { ROLES, type Role, type User } from './users.js';

const ISSUER = 'linkchart';
export const TOKEN_LIFETIME = '8h';

const signingKey = (db: Database) => serviceSecret(db, 'token-signing', 48);

export async function issueToken(db: Database, user: User & { sessionVersion: number }): Promise<string> {
  // Role and agency are read from the store on every use (below); the token names the user, their
  // session version and itself (jti), so that a sign-out can revoke exactly this token.
  return new SignJWT({ sv: user.sessionVersion })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.username)
    .setIssuer(ISSUER)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(TOKEN_LIFETIME)
    .sign(await signingKey(db));
}

interface Claims {
  username: string;
  sessionVersion: number;
  tokenId: string;
  /** ms since the epoch. */
  issuedAt: number;
  expiresAt: number;
}

/**
 * Tokens whose signature was already checked, with when to check again (their expiry, at most
 * CHECKED_FOR_MS away): a signature check costs more CPU than a short read, and a client sends the
 * same token with every request. Bounded; the oldest go first.
 */
const verified = new WeakMap<Database, Map<string, { claims: Claims; until: number }>>();
const CHECKED_FOR_MS = 5 * 60_000;
const MAX_VERIFIED = 5_000;

/** What the store says about a user, as far as their tokens are concerned. */
interface Standing {
  role: Role;
  agency: string | null;
  disabled: boolean;
  sessionVersion: number;
  /** Ids of their tokens revoked by a sign-out and not yet expired. */
  revoked: Set<string>;
  /** When the store was read (ms since the epoch). */
  readAt: number;
}

/**
 * Each user's standing, read at most once per STANDING_FOR_MS per server instance (concurrent
 * requests share the read): a change of role, agency, password or a disabled user, and a sign-out,
 * take effect within that time everywhere. Bounded; the oldest go first.
 */
const standings = new WeakMap<Database, Map<string, { until: number; standing: Promise<Standing | null> }>>();
export const STANDING_FOR_MS = 2_000;
const MAX_STANDINGS = 10_000;

function standingOf(db: Database, username: string, fresh = false): Promise<Standing | null> {
  let cache = standings.get(db);
  if (!cache) standings.set(db, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(username);
  if (hit && hit.until > now && !fresh) return hit.standing;
  if (hit) cache.delete(username);
  const standing = db
    .read(
      `MATCH (u:User {username: $username})
       OPTIONAL MATCH (u)-[:REVOKED]->(r:RevokedToken) WHERE r.expiresAt > $now
       RETURN u.role AS role, u.agency AS agency, coalesce(u.disabled, false) AS disabled,
              coalesce(u.sessionVersion, 0) AS sessionVersion, collect(r.jti) AS revoked`,
      { username, now },
    )
    .then(([row]): Standing | null =>
      row
        ? {
            role: row.role as Role,
            agency: (row.agency as string | null) ?? null,
            disabled: row.disabled === true,
            sessionVersion: Number(row.sessionVersion),
            revoked: new Set(row.revoked as string[]),
            readAt: now,
          }
        : null,
    );
  standing.catch(() => cache.get(username)?.standing === standing && cache.delete(username)); // read again after an outage
  if (cache.size >= MAX_STANDINGS) cache.delete(cache.keys().next().value!);
  cache.set(username, { until: now + STANDING_FOR_MS, standing });
  return standing;
}

/** Drops what this instance knows of a user's standing, so its next request reads the store. */
export function forgetStanding(db: Database, username: string): void {
  standings.get(db)?.delete(username);
}

async function verifySignature(db: Database, token: string): Promise<Claims | { reason: string }> {
  let cache = verified.get(db);
  if (!cache) verified.set(db, (cache = new Map()));
  const hit = cache.get(token);
  if (hit && hit.until > Date.now()) return hit.claims;
  if (hit) cache.delete(token);
  try {
    const { payload } = await jwtVerify(token, await signingKey(db), { issuer: ISSUER, algorithms: ['HS256'] });
    // Tokens issued before sessions were versioned carry no version or id: they are not accepted.
    if (!payload.sub || typeof payload.sv !== 'number' || !payload.jti) return { reason: 'The token is not valid: sign in again.' };
    const claims: Claims = { username: payload.sub, sessionVersion: payload.sv, tokenId: payload.jti, issuedAt: (payload.iat ?? 0) * 1000, expiresAt: (payload.exp ?? 0) * 1000 };
    if (cache.size >= MAX_VERIFIED) cache.delete(cache.keys().next().value!);
    cache.set(token, { claims, until: Math.min(Date.now() + CHECKED_FOR_MS, claims.expiresAt) });
    return claims;
  } catch (e) {
    if (e instanceof errors.JWTExpired) return { reason: 'Your session has expired: sign in again.' };
    if (e instanceof errors.JOSEError) return { reason: 'The token is not valid: sign in again.' };
    throw e; // e.g. the database is unreachable
  }
}

/**
 * The user a token names, or the reason it is not accepted. The signature and expiry are checked
 * here; whether the user still exists, is not disabled, has the token's session version, and has not
 * signed this token out, against the store (at most STANDING_FOR_MS old). Role and agency come from
 * the store, not the token.
 */
export async function readToken(db: Database, token: string): Promise<{ user: User } | { reason: string }> {
  const claims = await verifySignature(db, token);
  if ('reason' in claims) return claims;
  if (claims.expiresAt <= Date.now()) return { reason: 'Your session has expired: sign in again.' };
  let standing = await standingOf(db, claims.username);
  let refusal = refusalOf(standing, claims);
  // A token issued after the standing was read (iat counts whole seconds) may be newer than what
  // this instance knows, e.g. a sign-in just after a password change or after re-enabling: read again.
  // An old token that stays refused costs no further reads.
  if (refusal && standing && claims.issuedAt + 1000 > standing.readAt) {
    standing = await standingOf(db, claims.username, true);
    refusal = refusalOf(standing, claims);
  }
  if (refusal || !standing) return { reason: refusal ?? 'Your account no longer exists: ask an administrator.' };
  return {
    user: { username: claims.username, role: standing.role, agency: standing.agency, session: { id: claims.tokenId, expiresAt: claims.expiresAt } },
  };
}

function refusalOf(standing: Standing | null, claims: Claims): string | null {
  if (!standing || !(ROLES as readonly string[]).includes(standing.role)) return 'Your account no longer exists: ask an administrator.';
  if (standing.disabled) return 'Your account is disabled: ask an administrator.';
  if (standing.sessionVersion !== claims.sessionVersion) return 'Your session has ended (your account was changed): sign in again.';
  if (standing.revoked.has(claims.tokenId)) return 'You have signed out: sign in again.';
  return null;
}

/**
 * Revokes one token (a sign-out): recorded against its user until the token would have expired,
 * so every server instance refuses it within STANDING_FOR_MS. Revocations already past their
 * token's expiry are removed on the way.
 */
export async function revokeToken(db: Database, username: string, session: { id: string; expiresAt: number }): Promise<void> {
  await db.write(
    `MATCH (u:User {username: $username})
     MERGE (u)-[:REVOKED]->(r:RevokedToken {jti: $jti})
     ON CREATE SET r.expiresAt = $expiresAt, r.revokedAt = datetime()
     WITH u
     OPTIONAL MATCH (u)-[:REVOKED]->(old:RevokedToken) WHERE old.expiresAt <= $now
     DETACH DELETE old`,
    { username, jti: session.id, expiresAt: session.expiresAt, now: Date.now() },
  );
  forgetStanding(db, username);
}
