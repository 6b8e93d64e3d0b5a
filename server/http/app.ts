/**
 * The HTTP server: GraphQL at /graphql, the built web app at / (its pages' addresses answering with
 * index.html, see appPage).
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createYoga } from 'graphql-yoga';
import { GraphQLError, type ValidationRule } from 'graphql';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import sirv from 'sirv';
import { ROOT } from '../config.js';
import { log } from '../log.js';
import type { Database } from '../db/database.js';
import { buildSchema } from '../schema.js';
import type { RequestContext } from './context.js';
import { readToken } from '../modules/auth/tokens.js';
import { externalIdpFromEnv, externalVerifier, type ExternalIdpConfig } from '../modules/auth/externalIdp.js';
import { auditBeforeAnswer } from '../access/guard.js';
import { compiledExecution } from './plugins/compiledExecution.js';
import { requestMetrics } from './plugins/requestMetrics.js';
import { eventIds } from './plugins/eventIds.js';
import { readAfter } from './plugins/readAfter.js';
import { inCausalScope, READ_AFTER_HEADER, verifyBookmarks } from '../db/causal.js';
import { serviceSecret } from '../db/serviceSecret.js';
import { Lifecycle, isProbePath } from './lifecycle.js';
import { isAppPath } from '../../web/src/routing/paths.js';
import { MAP_STYLE } from './mapStyle.js';
import { isMetricsPath, serveMetrics, startEventLoopMonitor } from './metrics.js';
import { appendAudit } from '../modules/audit/audit.js';
import { MAX_UPLOAD_BYTES } from '../modules/imports/uploads.js';

/** Error codes whose message is written for the user and shown as is; anything else is masked. */
const USER_FACING_CODES = new Set(['BAD_USER_INPUT', 'DATABASE_UNAVAILABLE', 'QUERY_TOO_LARGE', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'TOO_MANY_ATTEMPTS', 'AUDIT_UNAVAILABLE']);

/**
 * Shows typed errors (by their extensions.code, which survives module duplication where an
 * instanceof check would not) and hides everything else behind a generic message, logged in full.
 */
function maskError(error: unknown, message: string): Error {
  const e = error as GraphQLError;
  const original = e.originalError ?? error;
  const code = (original as { extensions?: { code?: string } })?.extensions?.code;
  if (code && USER_FACING_CODES.has(code)) {
    // Already as it should be shown (yoga logs every error that maskError replaces).
    if (e.extensions && Object.keys(e.extensions).length === 1 && e.extensions.code === code) return e;
    return new GraphQLError((original as Error).message, { nodes: e.nodes, path: e.path, extensions: { code } });
  }
  if (!e.path) {
    // Request, syntax and validation errors describe the request, not the server: shown as they
    // are, each with a code (variable coercion and graphql-armor's limits come without one) and a
    // status (without one, yoga answers 500 for an error made by another copy of graphql-js, such
    // as graphql-armor's), and without the internals behind them (a JSON parser's error).
    const ext = (e.extensions ?? {}) as Record<string, unknown>;
    const http = ext.http as { status?: number; headers?: Record<string, string>; spec?: boolean } | undefined;
    const requestCode = typeof ext.code === 'string' ? ext.code : /^Variable "\$/.test(e.message) ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
    // A body that is not a GraphQL request at all is a 400 whatever the client accepts (GraphQL
    // over HTTP: SHOULD); for the rest `spec` keeps 200 for clients accepting only application/json.
    const status = requestCode === 'BAD_REQUEST' ? { status: http?.status ?? 400, ...(http?.headers ? { headers: http.headers } : {}) } : (http ?? { status: 400, spec: true });
    // Changed in place, not replaced: yoga logs every replaced error as a server error, and these are the client's.
    (e as { extensions: unknown }).extensions = { code: requestCode, http: status };
    return e;
  }
  log.error({ err: original }, 'resolver failed');
  return new GraphQLError(message, { nodes: e.nodes, path: e.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

type ExternalVerifier = ReturnType<typeof externalVerifier>;

/** Reads who is calling (bearer token) and why (x-purpose); never throws for a bad token. */
async function buildContext(db: Database, request: Request, external?: ExternalVerifier): Promise<RequestContext> {
  const base = {
    db,
    log,
    purpose: request.headers.get('x-purpose')?.slice(0, 500) || null,
    clientAddress: request.headers.get('x-forwarded-for') ?? 'direct',
    pendingAudit: [] as Promise<unknown>[],
    lastEventId: request.headers.get('last-event-id')?.slice(0, 32) ?? null,
  };
  const header = request.headers.get('authorization') ?? '';
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  if (!token) return { ...base, user: null, authError: null };
  const verify = () => (external?.claims(token) ? external.verify(token) : readToken(db, token));
  // A long-lived request (the live alert feed) asks again before each delivery, so a session that
  // ends while it is open ends it too (readToken's check is cached briefly per user).
  const recheck = async () => {
    const read = await verify();
    return 'user' in read ? read.user : null;
  };
  try {
    const read = await verify();
    return 'user' in read ? { ...base, user: read.user, authError: null, recheck } : { ...base, user: null, authError: read.reason };
  } catch (e) {
    // The token cannot be checked while the database is down; public operations (health) still answer.
    return { ...base, user: null, authError: null, authUnavailable: e as Error };
  }
}

export const WEB_DIST = path.join(ROOT, 'dist', 'web');

/** Largest request body accepted: a report with hundreds of entities fits easily. */
export const MAX_BODY_BYTES = 1_000_000;
const PRODUCTION = process.env.NODE_ENV === 'production';

/**
 * Limits on what one request may ask (graphql-armor): depth, aliases, cost, tokens, directives, and
 * no field suggestions that would map the schema for an attacker. The limits leave room for the
 * app's own queries (depth ~6, no aliases).
 */
const armor = new EnvelopArmor({
  maxDepth: { n: 10 },
  maxAliases: { n: 10 },
  costLimit: { maxCost: 5000 },
  maxTokens: { n: 3000 },
  maxDirectives: { n: 20 },
  blockFieldSuggestion: { enabled: PRODUCTION },
});

/**
 * No introspection: graphql-js's NoSchemaIntrospectionCustomRule by the fields' names. Its own
 * checks compare types by class, which fails across the two copies of graphql-js loaded here (ESM
 * and CommonJS: "Cannot use GraphQLNonNull from another module or realm").
 */
const noSchemaIntrospection: ValidationRule = (context) => ({
  Field(node) {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') {
      context.reportError(new GraphQLError(`GraphQL introspection has been disabled, but the requested query contained the field "${name}".`, { nodes: node }));
    }
  },
});

/**
 * Content-Security-Policy of the built web app: its own scripts and styles only (inline styles, which
 * React and Cytoscape set on elements, allowed), images from itself, data: and blob: (exports), the
 * layout worker from itself or a blob, no plugins, never framed. A configured base map (MAP_STYLE_URL,
 * see mapStyle.ts) adds its origins for data and images.
 */
const MAP_SOURCES = MAP_STYLE ? ` ${MAP_STYLE.origins.join(' ')}` : '';
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob:${MAP_SOURCES}`,
  "font-src 'self' data:",
  `connect-src 'self'${MAP_SOURCES}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** GraphiQL (development only) is a page of inline scripts, workers from blobs and code from unpkg.com. */
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' https://unpkg.com",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "img-src 'self' data: https:",
  "font-src 'self' data: https://unpkg.com",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every response, the app's and the API's. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Origins allowed to call the API from another site (CORS_ORIGINS, comma-separated); none by default. */
export function corsOrigins(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(
    (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  );
}

/** How much of a too-large chunked body is read (and dropped) after the 413 before the connection is cut. */
const DRAIN_BYTES = 16 * MAX_BODY_BYTES;
/** How long an idle keep-alive connection stays open (see the server below). */
export const KEEP_ALIVE_MS = 65_000;

function tooLarge(res: http.ServerResponse): void {
  res.writeHead(413, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: [{ message: `The request is larger than ${MAX_BODY_BYTES} bytes.`, extensions: { code: 'REQUEST_TOO_LARGE' } }] }));
}

/**
 * A body sent without content-length (chunked) is counted as it arrives: past MAX_BODY_BYTES the
 * answer is 413 at once and the rest is read and dropped, never held (so the client can read the
 * answer), up to DRAIN_BYTES, past which the connection is cut; within the limit the body is handed
 * to yoga (as `req.body`, which @whatwg-node/server reads instead of the spent stream).
 */
function limitStreamedBody(req: http.IncomingMessage, res: http.ServerResponse, then: () => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (over) {
      if (size > DRAIN_BYTES) req.destroy();
      return;
    }
    if (size <= MAX_BODY_BYTES) {
      chunks.push(chunk);
      return;
    }
    over = true;
    chunks.length = 0;
    tooLarge(res);
  };
  req.on('data', onData);
  req.once('end', () => {
    req.off('data', onData);
    if (over) return;
    (req as http.IncomingMessage & { body?: Readable }).body = Readable.from([Buffer.concat(chunks)]);
    then();
  });
  req.once('error', () => {
    if (!res.headersSent) res.destroy();
  });
}

export interface AppOptions {
  /** Also accept tokens of an external identity provider (see modules/auth/externalIdp.ts). */
  externalIdp?: ExternalIdpConfig;
}

export function createApp(db: Database, opts: AppOptions = { externalIdp: externalIdpFromEnv() }) {
  const external = opts.externalIdp ? externalVerifier(opts.externalIdp) : undefined;
  const allowedOrigins = corsOrigins();
  startEventLoopMonitor();

  // Who is calling is read once per request, before validation (onParams), so that validation can
  // depend on it (introspection) and the context reuses it.
  const contexts = new WeakMap<Request, Promise<RequestContext>>();
  const signedIn = new WeakSet<Request>();
  const contextOf = (request: Request) => {
    let c = contexts.get(request);
    if (!c) contexts.set(request, (c = buildContext(db, request, external)));
    return c;
  };
  /**
   * The schema is offered for exploration (introspection) only in development and only to a
   * signed-in user; in production to no one.
   */
  const introspectionWhenSignedIn: Plugin = {
    async onParams({ request }) {
      if ((await contextOf(request)).user) signedIn.add(request);
    },
    onValidate({ addValidationRule, context }) {
      const request = (context as { request?: Request }).request;
      if (PRODUCTION || !request || !signedIn.has(request)) addValidationRule(noSchemaIntrospection);
    },
  };
  /** GraphiQL's page (development only) needs a looser policy than the app. */
  const graphiqlPolicy: Plugin = {
    onResponse({ response }) {
      if (response.headers.get('content-type')?.startsWith('text/html')) response.headers.set('content-security-policy', GRAPHIQL_CSP);
    },
  };

  // The secret that signs bookmarks for clients (db/causal.ts), shared by every server through the
  // database; serviceSecret reads it once (again after an outage): until it is here no bookmarks travel.
  let bookmarkSecret: Uint8Array | undefined;
  const secretNow = () => {
    if (!bookmarkSecret) serviceSecret(db, 'bookmark-signing', 32).then((s) => void (bookmarkSecret = s), () => {});
    return bookmarkSecret;
  };
  secretNow();

  const yoga = createYoga<object, RequestContext>({
    plugins: [...armor.protect().plugins, introspectionWhenSignedIn, ...(PRODUCTION ? [] : [graphiqlPolicy]), requestMetrics, compiledExecution, auditBeforeAnswer, eventIds, readAfter(secretNow)],
    // GraphiQL in development only. It loads the schema without a token, which is refused: add an
    // `Authorization: Bearer <token>` header in its Headers tab to explore the schema.
    graphiql: !PRODUCTION,
    batching: false,
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    // Same origin only, unless CORS_ORIGINS lists others: no CORS headers for any other origin.
    // Tokens travel in a header, never a cookie: no credentials.
    cors: (request) => {
      const origin = request.headers.get('origin');
      return origin && allowedOrigins.has(origin) ? { origin: [origin], credentials: false, maxAge: 600 } : false;
    },
    logging: {
      debug: (...a) => log.debug(a.map(String).join(' ')),
      info: (...a) => log.info(a.map(String).join(' ')),
      warn: (...a) => log.warn(a.map(String).join(' ')),
      error: (...a) => log.error(a.map(String).join(' ')),
    },
    context: ({ request }) => contextOf(request),
    maskedErrors: { maskError },
    landingPage: false,
  });

  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  // Files only: which paths answer with the app is appPage's business (not "every path"). Outside
  // production the files are looked up on every request (`dev`), so a rebuild of the app while the
  // server runs (development, test runs) is served at once instead of 404s for its new file names.
  const web = hasWeb ? sirv(WEB_DIST, { single: false, etag: true, gzip: false, dev: !PRODUCTION }) : undefined;

  const serveGraphql = (req: http.IncomingMessage, res: http.ServerResponse) => {
    // A file upload (multipart, uploadImportFile) may be larger: its own limit is checked there too.
    const limit = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '') ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES;
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      tooLarge(res);
      req.resume();
      return;
    }
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] !== undefined) {
      limitStreamedBody(req, res, () => void yoga.handle(req, res));
      return;
    }
    void yoga.handle(req, res);
  };

  const lifecycle = new Lifecycle(db);
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // Liveness and readiness for orchestrators (lifecycle.ts): no token, no data.
    if (isProbePath(req.url)) {
      void lifecycle.serveProbe(req, res);
      return;
    }
    if (req.url?.startsWith('/graphql')) {
      lifecycle.track(req, res);
      // This request's bookmarks: after the caller's last write, wherever it was made (db/causal.ts).
      const key = secretNow();
      const header = req.headers[READ_AFTER_HEADER];
      inCausalScope({ after: key && typeof header === 'string' ? verifyBookmarks(key, header) : [], written: [] }, () => serveGraphql(req, res));
      return;
    }
    // The event-loop delay for operators (admins only; metrics.ts).
    if (isMetricsPath(req.url)) {
      void serveMetrics(
        req,
        res,
        (token) => (external?.claims(token) ? external.verify(token) : readToken(db, token)),
        (user) => void appendAudit(db, { username: user.username, role: user.role, purpose: null, operation: 'GET /metrics', args: {}, entityIds: [], outcome: 'denied' }).catch(() => {}),
      );
      return;
    }
    if (web) {
      web(req, res, () => appPage(req, res));
      return;
    }
    res.statusCode = 503;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('The web app has not been built: run `npm run build:web` (npm start does this). The API is at /graphql.');
  });
  // An idle connection is kept longer than a balancer's usual idle timeout (60 s) and than a client's
  // pause: with Node's default 5 s, a request sent on a pooled connection just as the server closed
  // it was reset (ECONNRESET at the client, a 502 at a balancer).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return { server, yoga, lifecycle };
}

/**
 * A path that is no file of the built app. The app's pages (web/src/routing/paths.ts) answer with
 * the app (200); any other page-like path with the app too, but as 404, and the app shows its "not
 * found" page; a path that names a file, a dot-path or anything under /api answers 404 in plain text.
 */
function appPage(req: http.IncomingMessage, res: http.ServerResponse): void {
  const pathname = new URL(req.url ?? '/', 'http://x').pathname;
  const fileLike = /\/\.|\.[\w-]+$/.test(pathname) || /^\/api(\/|$)/.test(pathname);
  if (fileLike || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end('Not found');
    return;
  }
  readIndex(Date.now(), (err, html) => {
    if (err) {
      res.statusCode = 503;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('The web app is not available.');
      return;
    }
    res.statusCode = isAppPath(pathname) ? 200 : 404;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    // Always asked for again: it names the current build's scripts.
    res.setHeader('cache-control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : html);
  });
}

/**
 * The app's index.html. Outside production a rebuild may have removed it for a few seconds (Vite
 * empties the folder first): the request waits for the new one, up to 30 s, rather than failing.
 */
function readIndex(since: number, done: (err: Error | null, html?: Buffer) => void): void {
  fs.readFile(path.join(WEB_DIST, 'index.html'), (err, html) => {
    if (!err) done(null, html);
    else if (!PRODUCTION && err.code === 'ENOENT' && Date.now() - since < 30_000) setTimeout(() => readIndex(since, done), 500);
    else done(err);
  });
}

/** Listens on `port` (0 = any free port); rejects with a one-line reason when the port is taken. */
export function listen(server: http.Server, port: number, host = '0.0.0.0'): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      reject(e.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use: stop the other program or set PORT to another port.`) : e);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    });
  });
}
