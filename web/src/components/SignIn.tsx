import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError, hasCode, isAbort } from '../api/errors';
import { login, type LoginResult } from '../api/session';

/**
 * What the server says about a failed sign-in. Wrong credentials (UNAUTHENTICATED) and too many
 * failures (TOO_MANY_ATTEMPTS, with when to retry) are written for the user: shown as they are.
 * Anything else (server unreachable, …) is explained like the app's other errors, with its code.
 */
function failureOf(err: unknown): { text: string; code?: string | undefined } {
  if (hasCode(err, 'UNAUTHENTICATED') || hasCode(err, 'TOO_MANY_ATTEMPTS') || hasCode(err, 'BAD_USER_INPUT')) {
    const text = (err as Error).message;
    if (text) return { text };
  }
  const { message, code } = describeError(err);
  return { text: message, code };
}

interface Message {
  text: string;
  code?: string | undefined;
  /** 'info' for why the form is back (session ended); 'error' for a failed attempt. */
  tone: 'info' | 'error';
  /** A new element per attempt, so the live region reads the same words out again. */
  n: number;
}

interface Props {
  /** Why the form is shown, when it is not a plain start (an ended session). */
  notice?: string | undefined;
  /** Kept from an ended session, so only the password needs typing again. */
  username?: string | undefined;
  onSignedIn(result: LoginResult): void;
}

/**
 * Full-screen sign-in: username, password, Enter or the button submits. Errors appear under the
 * button and are read out; after a failure the password is cleared and the cursor put back in it.
 */
export function SignIn({ notice, username: initialUsername = '', onSignedIn }: Props) {
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(notice ? { text: notice, tone: 'info', n: 0 } : null);
  const userInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const inFlight = useRef<AbortController | null>(null);
  const attempts = useRef(0);

  useEffect(() => {
    // Username first, selected, so another person can type over a name kept from an ended session.
    userInput.current?.focus();
    userInput.current?.select();
    return () => inFlight.current?.abort();
  }, []);

  const fail = (text: string, code?: string) => {
    attempts.current += 1;
    setMessage({ text, code, tone: 'error', n: attempts.current });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const name = username.trim();
    if (!name || !password) {
      fail(!name ? 'Enter your username.' : 'Enter your password.');
      (!name ? userInput : passwordInput).current?.focus();
      return;
    }
    const ctrl = new AbortController();
    inFlight.current = ctrl;
    setBusy(true);
    try {
      const result = await login(name, password, ctrl.signal);
      if (ctrl.signal.aborted) return;
      onSignedIn(result);
    } catch (err) {
      if (isAbort(err)) return;
      const { text, code } = failureOf(err);
      fail(text, code);
      setPassword('');
      passwordInput.current?.focus();
    } finally {
      if (inFlight.current === ctrl) inFlight.current = null;
      setBusy(false);
    }
  };

  const invalid = message?.tone === 'error' ? true : undefined;
  const describedBy = message ? 'login-error' : undefined;
  return (
    <main className="signin">
      <form
        className="signin-card"
        data-testid="login-form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="signin-title"
        aria-busy={busy}
      >
        <h1 id="signin-title">Link chart</h1>
        <p className="muted signin-lead">Sign in to continue.</p>
        <div className="field">
          <label htmlFor="login-username">Username</label>
          <input
            ref={userInput}
            id="login-username"
            data-testid="login-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input
            ref={passwordInput}
            id="login-password"
            data-testid="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        </div>
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
        <button type="submit" className="primary signin-submit" data-testid="login-submit" aria-disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <div className="signin-message-slot" aria-live="assertive" aria-atomic="true">
          {message && (
            <p key={message.n} id="login-error" data-testid="login-error" className={`signin-message ${message.tone}`}>
              {message.text}
              {message.code && <code className="error-code">{message.code}</code>}
            </p>
          )}
        </div>
      </form>
    </main>
  );
}

/** While the stored token is checked on start (usually too brief to see: it fades in late). */
export function SessionChecking() {
  return (
    <main className="signin">
      <div className="signin-card signin-checking" role="status" data-testid="session-checking">
        <span className="spinner" aria-hidden="true" /> Checking your sign-in…
      </div>
    </main>
  );
}

/** The start-up check could not get an answer (server down, database unavailable, …). */
export function SessionUnreachable({ error, onRetry }: { error: { message: string; code?: string | undefined }; onRetry(): void }) {
  return (
    <main className="signin">
      <div className="signin-card" role="alert" data-testid="session-error">
        <h1>Link chart</h1>
        <p className="signin-message error">
          {error.message}
          {error.code && <code className="error-code">{error.code}</code>}
        </p>
        <button className="primary signin-submit" data-testid="session-retry" onClick={onRetry}>
          Try again
        </button>
      </div>
    </main>
  );
}
