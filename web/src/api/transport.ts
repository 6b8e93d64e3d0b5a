/**
 * A deliberately tiny GraphQL client: one POST per operation to /graphql, typed results, and errors
 * turned into something an analyst can read. No cache: the chart itself is the client-side state.
 * Every request carries the working session's purpose (`x-purpose`, see purpose.ts).
 *
 * Operations are typed documents generated from the .graphql files beside the api modules
 * (`npm run codegen`, web/src/gql/graphql.ts): each carries its query text, its result type and its
 * variables' type, so `gql(SearchDocument, { text, limit })` is checked against the schema.
 */
import { cleanPurpose, currentPurpose } from '../purpose';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, CODE_HINTS, isAbort, isUnauthenticated, type GraphQLErrorItem } from './errors';
import { readToken, sessionRejected } from './token';

export interface GqlOptions {
  /**
   * False for signing in: no token is sent, and UNAUTHENTICATED then means wrong credentials, not an
   * ended session. Default true.
   */
  auth?: boolean;
  /**
   * The purpose to audit this request under (`x-purpose`), instead of the working session's: a
   * strategy-meeting view states its own.
   */
  purpose?: string;
  /** False: an UNAUTHENTICATED answer does not end the session (signing out, where it has ended anyway). */
  notifyRejection?: boolean;
}

/** The `x-purpose` header for a request: the stated purpose, else the working session's, else none. */
export function purposeHeader(stated?: string): Record<string, string> {
  const purpose = stated !== undefined ? cleanPurpose(stated) : currentPurpose();
  return purpose ? { 'x-purpose': purpose } : {};
}

/**
 * The signed bookmarks of this tab's last write (`x-read-after`, server/db/causal.ts), sent back
 * with each request: behind a balancer the next request may reach another server, which then reads
 * after that write even from a database follower that is behind.
 */
let readAfter: string | null = null;
const readAfterHeader = (): Record<string, string> => (readAfter ? { 'x-read-after': readAfter } : {});

/** The headers of an authenticated request: the bearer token (when there is one), the purpose and the last write's bookmarks. */
export function authHeaders(stated?: string): Record<string, string> {
  const token = readToken();
  return { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...purposeHeader(stated), ...readAfterHeader() };
}

/** Runs one operation; its answer's `data`, typed by the document. */
export function gql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
  options?: GqlOptions,
): Promise<TResult>;
/** An operation not (yet) written as a .graphql document: its result type is the caller's word. */
export function gql<TResult>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal, options?: GqlOptions): Promise<TResult>;
export async function gql<TResult>(
  query: string | TypedDocumentString<TResult, unknown>,
  variables: unknown = {},
  signal?: AbortSignal,
  options: GqlOptions = {},
): Promise<TResult> {
  const auth = options.auth !== false;
  const token = auth ? readToken() : null;
  const fail = (error: ApiError): never => {
    if (auth && options.notifyRejection !== false && isUnauthenticated(error)) sessionRejected(token);
    throw error;
  };

  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        // Every read is audited with why it was made (DESIGN.md §6).
        ...(auth ? purposeHeader(options.purpose) : {}),
        ...readAfterHeader(),
      },
      body: JSON.stringify({ query: String(query), variables }),
      signal,
    });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(CODE_HINTS.NETWORK ?? 'Cannot reach the server.', { code: 'NETWORK' });
  }

  const read = await readAnswer<TResult>(res);
  return 'error' in read ? fail(read.error) : read.data;
}

/**
 * Reads a GraphQL answer, whatever its status: its data, or the error to raise with the server's
 * messages. GraphQL servers (graphql-yoga included) answer errors such as 401 or 400 with a
 * GraphQL body, so the body's messages are preferred over the bare HTTP status.
 */
export async function readAnswer<TResult>(res: Response): Promise<{ data: TResult } | { error: ApiError }> {
  readAfter = res.headers.get('x-read-after') ?? readAfter;
  let body: { data?: TResult | null; errors?: GraphQLErrorItem[] } | undefined;
  const text = await res.text();
  try {
    body = text ? (JSON.parse(text) as typeof body) : undefined;
  } catch {
    body = undefined;
  }

  const errors = body?.errors ?? [];
  if (errors.length > 0) {
    const messages = [...new Set(errors.map((e) => e.message).filter(Boolean))];
    const code = errors.find((e) => e.extensions?.code)?.extensions?.code;
    return { error: new ApiError(messages.join(' · ') || 'The server reported an error.', { ...(code ? { code } : {}), status: res.status, errors }) };
  }
  if (!res.ok) return { error: new ApiError(`The server answered ${res.status} ${res.statusText}.`.trim(), { code: `HTTP_${res.status}`, status: res.status }) };
  if (!body || body.data == null) return { error: new ApiError('The server sent an answer the app could not read.', { code: 'BAD_RESPONSE', status: res.status }) };
  return { data: body.data };
}

export interface StreamHandlers<TResult> {
  /** The server answered with a stream: from here on, what it publishes reaches this stream. */
  onOpen(): void;
  onData(data: TResult): void;
  /** The event's id (SSE `id:`), when the feed numbers its events: send it back to resume after it. */
  onEventId?(id: string): void;
}

/**
 * Follows a subscription, which graphql-yoga serves as GraphQL over server-sent events, until the
 * stream ends (resolves) or fails (throws; an error event becomes an ApiError with its code).
 * EventSource cannot send the bearer token, so this is a POST with `Accept: text/event-stream`
 * whose streamed body is read here.
 */
export async function stream<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | undefined,
  handlers: StreamHandlers<TResult>,
  signal: AbortSignal,
  /** The id of the last event this feed delivered before it dropped: the server resumes after it. */
  lastEventId?: string,
): Promise<void> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...authHeaders(), ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
    body: JSON.stringify(variables === undefined ? { query: String(document) } : { query: String(document), variables }),
    signal,
  });
  if (!res.body || !(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    throw new ApiError(`The live feed answered ${res.status}.`, { code: `HTTP_${res.status}`, status: res.status });
  }
  handlers.onOpen();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const id = event
        .split('\n')
        .find((l) => l.startsWith('id:'))
        ?.slice(3)
        .trim();
      const data = event
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      if (!data) continue; // keep-alive comments and the closing event carry no data
      const payload = JSON.parse(data) as { data?: TResult | null; errors?: { message: string; extensions?: { code?: string } }[] };
      const error = payload.errors?.[0];
      if (error) throw new ApiError(error.message, error.extensions?.code ? { code: error.extensions.code } : {});
      if (payload.data) handlers.onData(payload.data);
      if (id) handlers.onEventId?.(id);
    }
  }
}
