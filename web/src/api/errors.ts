/**
 * Everything that can go wrong talking to the server, as the app reports it: one error class, the
 * tests the app makes on it, and messages fit for a banner.
 */

/** One GraphQL error as the server reports it. */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * Everything that can go wrong talking to the server, with a message fit for a banner.
 * `code` is the first error's `extensions.code` (e.g. UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT),
 * or NETWORK / HTTP_<status> / BAD_RESPONSE when no GraphQL answer came back at all.
 */
export class ApiError extends Error {
  readonly code: string | undefined;
  readonly status: number | undefined;
  readonly errors: GraphQLErrorItem[];

  constructor(message: string, opts: { code?: string; status?: number; errors?: GraphQLErrorItem[] } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = opts.code;
    this.status = opts.status;
    this.errors = opts.errors ?? [];
  }
}

/** True when the error is only our own cancellation of a stale request (not worth a banner). */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/** True when any of the server's errors carries this `extensions.code`. */
export function hasCode(err: unknown, code: string): boolean {
  return err instanceof ApiError && (err.code === code || err.errors.some((e) => e.extensions?.code === code));
}

/** Not signed in, or no longer: a GraphQL UNAUTHENTICATED, or a bare 401 from something in between. */
export function isUnauthenticated(err: unknown): boolean {
  return hasCode(err, 'UNAUTHENTICATED') || (err instanceof ApiError && err.status === 401 && err.errors.length === 0);
}

/** Messages for codes an analyst may meet, said plainly; the server's own message follows. */
export const CODE_HINTS: Record<string, string> = {
  UNAUTHENTICATED: 'You are not signed in, or your session has ended.',
  FORBIDDEN: 'Your role does not allow this.',
  TOO_MANY_ATTEMPTS: 'Too many failed sign-ins.',
  BAD_USER_INPUT: 'The server did not accept that request.',
  GRAPHQL_VALIDATION_FAILED: 'The app and the server disagree about the API (reload the page).',
  NETWORK: 'Cannot reach the server. Check the connection, or that the service is running.',
  HTTP_502: 'The service is not answering (it may be starting or stopped).',
  HTTP_503: 'The service is not answering (it may be starting or stopped).',
  HTTP_504: 'The service took too long to answer.',
};

export function describeError(err: unknown): { message: string; code?: string } {
  if (err instanceof ApiError) {
    const hint = err.code ? CODE_HINTS[err.code] : undefined;
    const message = hint && hint !== err.message ? `${hint} ${err.message}` : err.message;
    return err.code ? { message, code: err.code } : { message };
  }
  if (err instanceof Error) return { message: err.message };
  return { message: String(err) };
}
