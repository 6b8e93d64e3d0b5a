/**
 * The one place that talks Bolt: sessions, transactions with time limits, conversion of Neo4j
 * values to plain JSON, and the translation of driver failures into errors a user can read.
 */
import neo4j, { type Driver, type Record as Neo4jRecord, type Session, type Transaction, isNode, isRelationship, isInt, isPath } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { dbPoolSize, dbSessionsInUse } from '../metrics.js';
import { currentCausalScope } from './causal.js';

export type Params = Record<string, unknown>;

/** Default time limit of one transaction: no request may hang the database. */
const DEFAULT_TIMEOUT_MS = 20_000;
/** How long a transaction is retried after a transient error (deadlock), and after a lost connection. */
const RETRY_TRANSIENT_MS = 5_000;
const RETRY_CONNECTION_MS = 1_000;
/** 50 ms, 100 ms, 200 ms, … up to 1 s, with jitter so that retries of deadlocked transactions spread out. */
const backoff = (attempt: number) => Math.min(1_000, 50 * 2 ** attempt) * (0.75 + Math.random() / 2);

/** While the database is down, how often a request may check whether it is back, and how long that check may take. */
const PROBE_EVERY_MS = 500;
const PROBE_TIMEOUT_MS = 1_000;
/** Bolt connections the driver may hold open (its pool). */
const POOL_SIZE = 50;

export class DatabaseUnavailableError extends GraphQLError {
  constructor(detail?: string) {
    super(`The database is unreachable${detail ? `: ${detail}` : ''}. Try again shortly; if it persists, check that Neo4j is running.`, {
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
  }
}

export class QueryTooLargeError extends GraphQLError {
  constructor(what: string) {
    super(`${what} took too long and was stopped. Narrow it: fewer hops, fewer link types, or a lower limit.`, {
      extensions: { code: 'QUERY_TOO_LARGE' },
    });
  }
}

/**
 * A node as the rest of the server sees it. Element ids are there when a query returned graph
 * structures; queries that return values ([labels, properties], as the neighbourhood does, to
 * send and decode less) leave them out.
 */
export interface PlainNode {
  elementId?: string;
  labels: string[];
  props: Record<string, unknown>;
}
export interface PlainRel {
  elementId?: string;
  type: string;
  startElementId?: string;
  endElementId?: string;
  props: Record<string, unknown>;
}

const TEMPORAL_OR_SPATIAL = new Set(['Date', 'DateTime', 'LocalDateTime', 'LocalTime', 'Time', 'Duration', 'Point']);

/** Neo4j values → JSON-friendly values: integers to numbers, temporals to ISO strings. */
export function toPlain(value: unknown): unknown {
  // Most values are strings, numbers and booleans: answered before any other test (a hub's
  // neighbourhood passes about ten thousand of them through here).
  if (typeof value !== 'object') return value === undefined ? null : value;
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isNode(value)) {
    return { elementId: value.elementId, labels: [...value.labels], props: plainMap(value.properties) } satisfies PlainNode;
  }
  if (isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      startElementId: value.startNodeElementId,
      endElementId: value.endNodeElementId,
      props: plainMap(value.properties),
    } satisfies PlainRel;
  }
  if (isPath(value)) return value.segments.map((s) => toPlain(s.relationship));
  // Temporal and spatial values have a meaningful toString (ISO 8601 / WKT).
  const ctor = (value as object).constructor?.name;
  if (ctor && TEMPORAL_OR_SPATIAL.has(ctor)) return String(value);
  return plainMap(value as Record<string, unknown>);
}

function plainMap(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in map) {
    const v = map[k];
    out[k] = typeof v === 'object' || v === undefined ? toPlain(v) : v;
  }
  return out;
}

function recordToObject(r: Neo4jRecord): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const key of r.keys) o[key as string] = toPlain(r.get(key));
  return o;
}

function isConnectivityError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|Could not perform discovery|Connection was closed/i.test(String((e as Error)?.message));
}

function isTransient(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  // Terminated and LockClientStopped are transient by code but mean the transaction was stopped on purpose.
  return code.startsWith('Neo.TransientError.') && !code.includes('Terminated') && !code.includes('LockClientStopped');
}

function isTimeout(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return code.includes('TransactionTimedOut') || code.includes('Transaction.TransactionTimedOutClientConfiguration') || /timed out|terminated/i.test(String((e as Error)?.message)) && code.startsWith('Neo.');
}

/**
 * JavaScript numbers reach Cypher as floats, which LIMIT, SKIP and ranges refuse: top-level
 * whole-number parameters go as Neo4j integers. Nested values (property maps) are left as given.
 */
function withIntegers(params: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'number' && Number.isSafeInteger(v) ? neo4j.int(v) : v;
  return out;
}

/** Driver failures as errors a user can act on; anything else unchanged. */
function translateError(e: unknown, what: string): unknown {
  if (isConnectivityError(e)) return new DatabaseUnavailableError();
  if (isTimeout(e)) return new QueryTooLargeError(what);
  return e;
}

export interface QueryOptions {
  timeoutMs?: number;
  /** Said in the error when the time limit stops the query. */
  what?: string;
}

export class Database {
  /**
   * When the last query found the database unreachable: from then on each query first checks, at
   * most every PROBE_EVERY_MS and with a short timeout, whether it is back, and fails at once when
   * not — instead of every request waiting out the driver's retries. Cleared by the first success.
   */
  private unreachableSince: number | null = null;
  private probe: { at: number; answer: Promise<boolean> } | null = null;

  private constructor(readonly driver: Driver, readonly uri: string) {}

  /**
   * Bookmarks of every write this server made: each session starts after them, so on a cluster a
   * read routed to a follower sees what this server wrote (causal.ts for requests across servers).
   */
  private readonly bookmarks = neo4j.bookmarkManager();

  static connect(uri: string, user: string, password: string): Database {
    dbPoolSize.set(POOL_SIZE);
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      disableLosslessIntegers: false,
      connectionAcquisitionTimeout: 10_000,
      // Transactions are retried by `transaction` below, not by the driver.
      maxTransactionRetryTime: 0,
      connectionTimeout: 5_000,
      maxConnectionPoolSize: POOL_SIZE,
      logging: { level: 'error', logger: () => {} },
    });
    return new Database(driver, uri);
  }

  /** True while the database is known to be unreachable (the last query could not reach it). */
  get unreachable(): boolean {
    return this.unreachableSince !== null;
  }

  /** Fails at once with DatabaseUnavailableError while the database is known to be down. */
  private async checkReachable(): Promise<void> {
    if (this.unreachableSince === null) return;
    if (!this.probe || Date.now() - this.probe.at > PROBE_EVERY_MS) {
      this.probe = { at: Date.now(), answer: this.ping(PROBE_TIMEOUT_MS) };
    }
    if (await this.probe.answer) this.unreachableSince = null;
    else throw new DatabaseUnavailableError();
  }

  /** Records the outcome of a query for the breaker; returns the error as users should see it. */
  private failed(e: unknown, what: string): unknown {
    const translated = translateError(e, what);
    if (translated instanceof DatabaseUnavailableError) this.unreachableSince ??= Date.now();
    return translated;
  }

  /** Waits until the database answers (or throws after `timeoutMs`). */
  async waitUntilReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        await this.driver.verifyConnectivity();
        return;
      } catch (e) {
        last = e;
        if ((e as { code?: string }).code === 'Neo.ClientError.Security.Unauthorized') throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    throw last;
  }

  /** True when the database answers within `timeoutMs`. */
  async ping(timeoutMs = 3_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const answer = this.driver.verifyConnectivity().then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  read(cypher: string, params: Params = {}, opts: QueryOptions = {}) {
    return this.run('READ', cypher, params, opts);
  }

  write(cypher: string, params: Params = {}, opts: QueryOptions = {}) {
    return this.run('WRITE', cypher, params, opts);
  }

  private async run(mode: 'READ' | 'WRITE', cypher: string, params: Params, opts: QueryOptions): Promise<Record<string, unknown>[]> {
    const bound = withIntegers(params);
    if (mode === 'READ') {
      // A read is one auto-commit transaction: RUN and PULL in one round trip instead of BEGIN, RUN,
      // COMMIT — most requests are a few short reads, so this is most of their time. Safe to retry.
      return this.retrying('READ', opts, 'The query', async (session) => {
        const result = await session.run(cypher, bound, { timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS });
        return result.records.map(recordToObject);
      });
    }
    return this.transaction(mode, async (tx) => (await tx.run(cypher, bound)).records.map(recordToObject), opts, 'The query');
  }

  /**
   * One statement as one auto-commit write: a single round trip, for small writes made on the
   * request path (the audit entry). Retried only after a transient error, which rolls it back;
   * never after a lost connection, when it may have been committed.
   */
  writeOnce(cypher: string, params: Params = {}, opts: QueryOptions = {}): Promise<Record<string, unknown>[]> {
    const bound = withIntegers(params);
    return this.retrying('WRITE', opts, 'The change', async (session, attempt) => {
      try {
        return (await session.run(cypher, bound, { timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS })).records.map(recordToObject);
      } catch (e) {
        attempt.committing = !isTransient(e);
        throw e;
      }
    });
  }

  /**
   * Several statements in one write transaction: all of them take effect, or none does.
   * `run` returns plain rows, like `read` and `write`.
   */
  async writeTransaction<T>(work: (run: (cypher: string, params?: Params) => Promise<Record<string, unknown>[]>) => Promise<T>, opts: QueryOptions = {}): Promise<T> {
    return this.transaction('WRITE', (tx) => work(async (cypher, params = {}) => (await tx.run(cypher, withIntegers(params))).records.map(recordToObject)), opts, 'The change');
  }

  /** Runs `work` in one explicit transaction (see `retrying`). */
  private transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Transaction) => Promise<T>, opts: QueryOptions, what: string): Promise<T> {
    return this.retrying(mode, opts, what, async (session, attempt) => {
      const tx = session.beginTransaction({ timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS });
      let out: T;
      try {
        out = await work(tx);
      } catch (e) {
        await tx.rollback().catch(() => {});
        throw e;
      }
      attempt.committing = true;
      await tx.commit();
      return out;
    });
  }

  /**
   * Runs `once` with a fresh session, retrying what a retry can fix: transient errors (a deadlock,
   * a leader switch) for up to RETRY_TRANSIENT_MS, a lost connection for up to RETRY_CONNECTION_MS
   * (the database is more likely down than flapping, and callers deserve a quick answer). The
   * driver's own retry loop is not used: it retries an unreachable database for as long as a
   * deadlock, and it may re-run a transaction whose commit was sent but not acknowledged. Here a
   * failure once `committing` is set is never retried, so a write is applied once or reported as failed.
   */
  private async retrying<T>(mode: 'READ' | 'WRITE', opts: QueryOptions, what: string, once: (session: Session, attempt: { committing: boolean }) => Promise<T>): Promise<T> {
    await this.checkReachable();
    const started = Date.now();
    for (let n = 0; ; n++) {
      const session = this.openSession(mode);
      const attempt = { committing: false };
      try {
        const out = await once(session, attempt);
        // What this request wrote: its answer tells the client, which sends it back (causal.ts).
        const scope = mode === 'WRITE' ? currentCausalScope() : undefined;
        if (scope) scope.written = session.lastBookmarks();
        return out;
      } catch (e) {
        const budget = isTransient(e) ? RETRY_TRANSIENT_MS : isConnectivityError(e) ? RETRY_CONNECTION_MS : 0;
        if (attempt.committing || Date.now() - started + backoff(n) > budget) throw this.failed(e, opts.what ?? what);
        await new Promise((r) => setTimeout(r, backoff(n)));
      } finally {
        await session.close().catch(() => {});
      }
    }
  }

  /**
   * One explicit read transaction for long reads streamed record by record (`for await` over
   * `tx.run(...)`). Not retried: a retry would repeat what `work` already did, such as lines
   * written to a file.
   */
  async readTransaction<T>(work: (tx: Transaction) => Promise<T>, opts: QueryOptions = {}): Promise<T> {
    await this.checkReachable();
    const session = this.openSession('READ');
    const tx = session.beginTransaction({ timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    try {
      const out = await work(tx);
      await tx.commit();
      return out;
    } catch (e) {
      await tx.rollback().catch(() => {});
      throw this.failed(e, opts.what ?? 'The read');
    } finally {
      await session.close();
    }
  }

  /** A session of the pool, counted in the metrics while it is open (linkchart_db_sessions_in_use). */
  private openSession(mode: 'READ' | 'WRITE'): Session {
    const after = currentCausalScope()?.after;
    const session = this.driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
      // The bookmarks of the caller's last write on another server, when it sent them.
      ...(after?.length ? { bookmarks: after } : {}),
    });
    dbSessionsInUse.inc();
    const close = session.close.bind(session);
    let closed = false;
    session.close = () => {
      if (!closed) {
        closed = true;
        dbSessionsInUse.dec();
      }
      return close();
    };
    return session;
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * Reads a named Cypher file kept beside the module that uses it (`import.meta.url`), once, with its
 * fragment slots filled: the one way queries are composed (server/db/cypher.ts).
 */
export { cypherFile } from './cypher.js';

/** Splits a file of `;`-terminated statements, dropping `//` comment lines. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
