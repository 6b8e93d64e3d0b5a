/**
 * The sign-in token. localStorage keeps it across reloads and shares it between the app's windows;
 * it can throw (privacy modes, sandboxed frames), and then the token lives in memory for this page
 * only, so a browser that refuses storage can still be used.
 */

/** The localStorage key that holds the bearer token. */
export const TOKEN_KEY = 'token';
let unsavedToken: string | null = null;

export function readToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY) ?? unsavedToken;
  } catch {
    return unsavedToken;
  }
}

export function storeToken(token: string): void {
  unsavedToken = null;
  try {
    window.localStorage.setItem(TOKEN_KEY, token);
  } catch {
    unsavedToken = token;
  }
}

export function clearToken(): void {
  unsavedToken = null;
  try {
    window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing was stored.
  }
}

/**
 * Called when the server refuses a request that carried the session's token (UNAUTHENTICATED: the
 * token expired, or was withdrawn), with the token that was refused. One listener: the app shell,
 * which ends the session and shows the sign-in form.
 */
type RejectionListener = (refusedToken: string | null) => void;
let rejectionListener: RejectionListener | null = null;

export function onSessionRejected(listener: RejectionListener): () => void {
  rejectionListener = listener;
  return () => {
    if (rejectionListener === listener) rejectionListener = null;
  };
}

/** Tells the listener that the server refused this token (transport.ts). */
export function sessionRejected(refusedToken: string | null): void {
  rejectionListener?.(refusedToken);
}
