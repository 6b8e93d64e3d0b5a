import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { describeError, isAbort, isUnauthenticated } from './api/errors';
import { clearToken, fetchMe, logout, onSessionRejected, readToken, storeToken, TOKEN_KEY, type LoginResult, type User } from './api/session';
import { AdminHome } from './components/AdminHome';
import { NotFound } from './components/NotFound';
import { flushAutosaves } from './autosave/useAutosave';
import type { AppRoute } from './routing/paths';
import { useAppRoute } from './routing/useAppRoute';
import { LicensingHome } from './components/licensing/LicensingHome';
import { PurposeDialog } from './components/PurposeDialog';
import { asksPurpose, clearPurpose, purposeFor, subscribePurpose } from './purpose';
import { SafeguardingView } from './components/safeguarding/SafeguardingView';
import { MeetingsScreen } from './components/meetings/MeetingsScreen';
import { RestrictionsScreen } from './components/restrictions/RestrictionsScreen';
import { NoticesScreen } from './components/notices/NoticesScreen';
import { SessionChecking, SessionUnreachable, SignIn } from './components/SignIn';
import { Workspace } from './Workspace';

const SESSION_ENDED = 'Your session has ended: sign in again.';

type Phase =
  /** Asking the server who the stored token belongs to. */
  | { kind: 'checking' }
  /** That question got no answer (server down, …): retry, keeping the token. */
  | { kind: 'unreachable'; error: { message: string; code?: string | undefined } }
  | { kind: 'signedOut'; notice?: string | undefined; username?: string | undefined }
  /** `id` is new for every session: the workspace is remounted, so nothing carries over. */
  | { kind: 'signedIn'; user: User; token: string; id: number };

/**
 * Analysts get the chart as stored. Licensing gets its own home (operators, successors, driver
 * records, alerts) with the chart, redacted by the server, as one of its tabs. Safeguarding gets its
 * child-centred strategy-meeting view; admin its own screen.
 */
const hasChart = (user: User) => user.role.toLowerCase() === 'analyst';
const isSafeguarding = (user: User) => user.role.toLowerCase() === 'safeguarding';
const isLicensing = (user: User) => user.role.toLowerCase() === 'licensing';

/** Whether the page is one of this user's: another role's page answers as no page at all. */
function pageFor(route: AppRoute, user: User): boolean {
  if (route.page === 'home') return true;
  if (route.page === 'chart' || route.page === 'entity' || route.page === 'import') return hasChart(user);
  if (route.page === 'safeguarding') return isSafeguarding(user);
  if (route.page === 'meetings') return isSafeguarding(user) || hasChart(user);
  if (route.page === 'restrictions') return user.role.toLowerCase() !== 'admin';
  if (route.page === 'notices') return isSafeguarding(user) || hasChart(user) || isLicensing(user);
  return isLicensing(user);
}

/**
 * The session around the workspace. On start it asks the server `me` with the stored token; without
 * a token, with `me` null, or with UNAUTHENTICATED it shows the sign-in form. Any request refused
 * with UNAUTHENTICATED later (an expired token) ends the session the same way, without a reload.
 */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  // The address: kept while signed out, so that a deep link opens its page after signing in.
  const { route, navigate } = useAppRoute();
  const [check, setCheck] = useState(0);
  const sessions = useRef(0);
  // Listeners registered once read the current phase through this ref.
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  const startSession = useCallback((user: User, token: string) => {
    sessions.current += 1;
    setPhase({ kind: 'signedIn', user, token, id: sessions.current });
  }, []);

  /** Forgets the token and shows the form: with a notice when the server ended it, silently on sign out. */
  const endSession = useCallback((notice?: string) => {
    const p = phaseRef.current;
    clearToken();
    setPhase(notice ? { kind: 'signedOut', notice, username: p.kind === 'signedIn' ? p.user.username : undefined } : { kind: 'signedOut' });
  }, []);

  const recheck = useCallback(() => {
    setPhase({ kind: 'checking' });
    setCheck((n) => n + 1);
  }, []);

  // On start (and on "Try again"): who does the stored token belong to?
  useEffect(() => {
    const ctrl = new AbortController();
    const token = readToken();
    const signedOut = () => {
      // A stored token the server no longer accepts: it expired (or was withdrawn) since last time.
      if (token) clearToken();
      setPhase(token ? { kind: 'signedOut', notice: SESSION_ENDED } : { kind: 'signedOut' });
    };
    fetchMe(ctrl.signal).then(
      (user) => {
        if (ctrl.signal.aborted) return;
        if (user && token) startSession(user, token);
        else signedOut();
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        if (isUnauthenticated(err)) signedOut();
        else setPhase({ kind: 'unreachable', error: describeError(err) });
      },
    );
    return () => ctrl.abort();
  }, [check, startSession]);

  // Mid-session: the server refused the token (expired). Ignored when the refused token is not the
  // one stored now: a request from an earlier session that answered after a new sign-in.
  useEffect(
    () =>
      onSessionRejected((refused) => {
        if (phaseRef.current.kind !== 'signedIn') return;
        const stored = readToken();
        if (stored !== null && stored !== refused) return;
        endSession(SESSION_ENDED);
      }),
    [endSession],
  );

  // Other windows of the app share the token: signing out in one signs out all (no case data left on
  // a screen nobody is watching); signing in in one brings the others along.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== null && e.key !== TOKEN_KEY) return;
      const p = phaseRef.current;
      const stored = readToken();
      if (p.kind === 'signedIn') {
        if (stored === p.token) return;
        if (stored === null) {
          endSession(SESSION_ENDED);
          return;
        }
        // A new sign-in elsewhere: carry on if it is the same person in the same role, else start over.
        fetchMe().then(
          (user) => {
            const q = phaseRef.current;
            if (q.kind !== 'signedIn' || readToken() !== stored) return; // moved on meanwhile
            if (!user) endSession(SESSION_ENDED);
            else if (user.username === q.user.username && user.role === q.user.role) setPhase({ ...q, token: stored });
            else startSession(user, stored);
          },
          () => {
            // UNAUTHENTICATED already ended the session (onSessionRejected); anything else: the next
            // request will say.
          },
        );
      } else if (p.kind === 'signedOut' && stored !== null) {
        recheck();
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [endSession, recheck, startSession]);

  const signedIn = useCallback(
    (result: LoginResult) => {
      storeToken(result.token);
      startSession(result.user, result.token);
    },
    [startSession],
  );

  /**
   * Sign out: the working chart's last changes are saved, the server ends the session (`logout`, its
   * failure ignored), then the token and the purpose go, and the address returns to the start (the
   * next person to sign in here does not land on this one's page).
   */
  const signOut = useCallback(() => {
    void flushAutosaves()
      .then(() => logout())
      .finally(() => {
        clearPurpose();
        endSession();
        navigate({ page: 'home' }, { replace: true });
      });
  }, [endSession, navigate]);

  // The working session's purpose: analysts and licensing state it before anything is read.
  const signedInUser = phase.kind === 'signedIn' ? phase.user : null;
  const purpose = useSyncExternalStore(subscribePurpose, () => (signedInUser ? purposeFor(signedInUser.username) : null));
  const askingPurpose = signedInUser !== null && asksPurpose(signedInUser.role) && !purpose;
  const purposeDialog = signedInUser && askingPurpose && (
    <PurposeDialog
      username={signedInUser.username}
      lead={`Signed in as ${signedInUser.username}. Everything you open is recorded in the audit log with this purpose; you can change it from the header at any time.`}
      onDone={() => undefined}
      onSignOut={signOut}
    />
  );

  // No such page (or another role's): the same answer either way, before anything is read.
  if (!route || (phase.kind === 'signedIn' && !pageFor(route, phase.user))) {
    if (phase.kind !== 'checking') return <NotFound signedIn={phase.kind === 'signedIn'} />;
  }
  // Restrictions held by the user's team, reviews due, access requests (issue 20 item 4).
  if (phase.kind === 'signedIn' && route?.page === 'restrictions' && phase.user.role.toLowerCase() !== 'admin') {
    return <RestrictionsScreen key={phase.id} user={phase.user} onSignOut={signOut} onBack={() => navigate({ page: 'home' })} />;
  }
  // Meetings and actions (issue 20): the meetings' chairs, safeguarding and analysts.
  if (phase.kind === 'signedIn' && route?.page === 'meetings' && (isSafeguarding(phase.user) || hasChart(phase.user))) {
    return askingPurpose ? <main className="purpose-backdrop">{purposeDialog}</main> : <MeetingsScreen key={phase.id} user={phase.user} onSignOut={signOut} onBack={() => navigate({ page: 'home' })} />;
  }
  // The notice register (issue 20, item 3): analysts, safeguarding and licensing.
  if (phase.kind === 'signedIn' && route?.page === 'notices' && pageFor(route, phase.user)) {
    return askingPurpose ? <main className="purpose-backdrop">{purposeDialog}</main> : <NoticesScreen key={phase.id} user={phase.user} onSignOut={signOut} onBack={() => navigate({ page: 'home' })} />;
  }
  if (phase.kind === 'signedIn' && isSafeguarding(phase.user)) {
    const childId = route?.page === 'safeguarding' ? route.childId : null;
    return (
      <SafeguardingView
        key={phase.id}
        user={phase.user}
        onSignOut={signOut}
        childId={childId}
        onChildShown={(id) => navigate({ page: 'safeguarding', childId: id })}
      />
    );
  }
  if (phase.kind === 'signedIn' && isLicensing(phase.user)) {
    return askingPurpose ? (
      <main className="purpose-backdrop">{purposeDialog}</main>
    ) : (
      <LicensingHome key={phase.id} user={phase.user} onSignOut={signOut} route={route?.page === 'licensing' ? route : null} onNavigate={navigate} />
    );
  }
  if (phase.kind === 'signedIn' && !hasChart(phase.user)) {
    return <AdminHome key={phase.id} user={phase.user} onSignOut={signOut} />;
  }
  // Until the purpose is stated the workspace stays as when signed out: empty, asking nothing.
  const session = phase.kind === 'signedIn' && !askingPurpose ? phase : null;
  return (
    <>
      {/* Mounted throughout (hidden, with an empty chart, while signed out); remounted per session. */}
      <Workspace
        key={session ? `session-${session.id}` : `none-${sessions.current}`}
        user={session?.user ?? null}
        onSignOut={signOut}
      />
      {purposeDialog}
      {phase.kind === 'checking' && <SessionChecking />}
      {phase.kind === 'unreachable' && <SessionUnreachable error={phase.error} onRetry={recheck} />}
      {phase.kind === 'signedOut' && <SignIn notice={phase.notice} username={phase.username} onSignedIn={signedIn} />}
    </>
  );
}
