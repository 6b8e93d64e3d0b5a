/**
 * The session: who the stored token belongs to, signing in and out. The token itself and the
 * listener told when the server refuses it are in token.ts (the transport reads them too).
 */
import { LoginDocument, LogoutDocument, MeDocument, type LoginMutation, type MeQuery } from '../gql/graphql';
import { gql } from './transport';

export { TOKEN_KEY, clearToken, onSessionRejected, readToken, storeToken } from './token';

/** analyst | safeguarding | licensing | admin */
export type User = NonNullable<MeQuery['me']>;

/** `token`: the bearer token, valid for 8 hours. */
export type LoginResult = LoginMutation['login'];

/** Who the stored token belongs to; null when there is no valid token. */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  const data = await gql(MeDocument, {}, signal);
  return data.me;
}

/** Signs in. Wrong credentials fail with UNAUTHENTICATED, repeated failures with TOO_MANY_ATTEMPTS. */
export async function login(username: string, password: string, signal?: AbortSignal): Promise<LoginResult> {
  const data = await gql(LoginDocument, { username, password }, signal, { auth: false });
  return data.login;
}

/**
 * Ends the session on the server (the token is revoked there). Never throws: signing out goes on
 * whatever the answer, and gives up waiting after `timeoutMs`.
 */
export async function logout(timeoutMs = 3000): Promise<void> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    await gql(LogoutDocument, {}, ctrl.signal, { notifyRejection: false });
  } catch {
    // Expired already, unreachable, …: the token is dropped here anyway.
  } finally {
    clearTimeout(timer);
  }
}
