/**
 * Reading one's own writes on a Neo4j cluster (issue 21). With `NEO4J_URI=neo4j://…` reads go to
 * followers, which may not yet have applied a write just committed on the leader. Bookmarks name a
 * committed write; a transaction begun with them waits until its member has applied it.
 *
 * - Every session of one server shares one bookmark manager (database.ts): a read on this server
 *   follows every write this server made.
 * - Across servers (a balancer sends a user's next request anywhere), each answer to a request that
 *   wrote carries its bookmarks in `x-read-after`, signed with a secret every server shares; the
 *   client sends the last one back with each request, and the server that receives it begins that
 *   request's transactions after them. An unsigned or altered value is ignored: a forged bookmark
 *   could only make a request wait or fail.
 *
 * On a single server (the local Neo4j, Community) bookmarks are always already satisfied: this
 * costs a header and a hash.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, timingSafeEqual } from 'node:crypto';

export const READ_AFTER_HEADER = 'x-read-after';

/** One request's bookmarks: those it must read after, and those of what it wrote. */
export interface CausalScope {
  after: string[];
  written: string[];
}

const scopes = new AsyncLocalStorage<CausalScope>();

/** Runs `work` (one request) with its own bookmarks. */
export function inCausalScope<T>(scope: CausalScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** Runs `work` outside any request's bookmarks (work shared by many requests, such as the audit's group commit). */
export function outsideCausalScope<T>(work: () => T): T {
  return scopes.exit(work);
}

export function currentCausalScope(): CausalScope | undefined {
  return scopes.getStore();
}

/** At most this many bookmarks travel in one header (a cluster gives one per database). */
const MAX_BOOKMARKS = 8;
const MAX_HEADER = 4_096;

const mac = (secret: Uint8Array, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

/** The header value for `bookmarks`: base64url JSON, a dot, its HMAC. */
export function signBookmarks(secret: Uint8Array, bookmarks: string[]): string {
  const body = Buffer.from(JSON.stringify(bookmarks.slice(0, MAX_BOOKMARKS))).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

/** The bookmarks a header value carries when this service signed it; [] for anything else. */
export function verifyBookmarks(secret: Uint8Array, value: string | null | undefined): string[] {
  if (!value || value.length > MAX_HEADER) return [];
  const [body, signature, ...rest] = value.split('.');
  if (!body || !signature || rest.length) return [];
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return [];
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? parsed.filter((b): b is string => typeof b === 'string').slice(0, MAX_BOOKMARKS) : [];
  } catch {
    return [];
  }
}
