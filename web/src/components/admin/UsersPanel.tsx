import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { fetchUsers, setUser, type UserRecord } from '../../api/admin';
import { describeError, isAbort, isUnauthenticated } from '../../api/errors';
import { ErrorBanner, type ErrorState } from '../Banners';
import { formatTime, parseTime } from './format';

export const ROLES = ['analyst', 'safeguarding', 'licensing', 'admin'] as const;
/** The server refuses shorter passwords. */
export const PASSWORD_MIN = 12;

interface UserForm {
  username: string;
  role: string;
  agency: string;
  password: string;
  password2: string;
}

const EMPTY_FORM: UserForm = { username: '', role: '', agency: '', password: '', password2: '' };

/** Why the form cannot be sent yet; null when it can. */
export function missingInput(f: UserForm): string | null {
  if (!f.username.trim()) return 'Give a username.';
  if (!f.role) return 'Choose a role.';
  if (f.password.length < PASSWORD_MIN) return `The password needs at least ${PASSWORD_MIN} characters.`;
  if (f.password2 !== f.password) return 'The two passwords do not match.';
  return null;
}

type Message = { kind: 'ok' | 'error'; text: string };

/** Created or updated? The server stamps both times in one statement on creation. */
function wasCreated(saved: UserRecord, existedBefore: boolean): boolean {
  const created = parseTime(saved.createdAt);
  const updated = parseTime(saved.updatedAt);
  if (created && updated) return created.getTime() === updated.getTime();
  return !existedBefore;
}

function TimeCell({ value }: { value: string | null }) {
  if (!value) return <td className="muted">—</td>;
  return (
    <td className="admin-time">
      <time dateTime={value} title={value}>
        {formatTime(value)}
      </time>
    </td>
  );
}

/** The accounts, and a form that creates one or updates it (role, agency, and always a new password). */
export function UsersPanel() {
  const [users, setUsers] = useState<UserRecord[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadCheck, setLoadCheck] = useState(0);
  const [error, setError] = useState<ErrorState | null>(null);
  const [form, setForm] = useState<UserForm>(EMPTY_FORM);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const saveRequest = useRef<AbortController | null>(null);

  const reload = useCallback(() => setLoadCheck((n) => n + 1), []);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    fetchUsers(ctrl.signal).then(
      (list) => {
        if (ctrl.signal.aborted) return;
        setUsers(list);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setLoading(false);
        // UNAUTHENTICATED: the app shell has already ended the session and shows the sign-in form.
        if (isUnauthenticated(err)) return;
        const { message, code } = describeError(err);
        setError({ message: `The list of users could not be loaded. ${message}`, code, retry: reload });
      },
    );
    return () => ctrl.abort();
  }, [loadCheck, reload]);

  useEffect(() => () => saveRequest.current?.abort(), []);

  const normalised = form.username.trim().toLowerCase();
  const existing = users?.find((u) => u.username === normalised) ?? null;
  const missing = missingInput(form);
  const passwordShort = form.password.length > 0 && form.password.length < PASSWORD_MIN;
  const mismatch = form.password2.length > 0 && form.password2 !== form.password;

  const set = <K extends keyof UserForm>(key: K, value: UserForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (message?.kind === 'error') setMessage(null);
  };

  /** Fills the form from a row: the admin then only types the new password. */
  const edit = (u: UserRecord) => {
    setForm({ username: u.username, role: (ROLES as readonly string[]).includes(u.role) ? u.role : '', agency: u.agency ?? '', password: '', password2: '' });
    setMessage(null);
    passwordRef.current?.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (missing || saving) return;
    saveRequest.current?.abort();
    const ctrl = new AbortController();
    saveRequest.current = ctrl;
    const existedBefore = existing !== null;
    setSaving(true);
    setMessage(null);
    setUser({ username: form.username.trim(), role: form.role, password: form.password, agency: form.agency }, ctrl.signal).then(
      (saved) => {
        if (ctrl.signal.aborted) return;
        setSaving(false);
        setMessage({ kind: 'ok', text: `${wasCreated(saved, existedBefore) ? 'Created' : 'Updated'} ${saved.username}` });
        setLastSaved(saved.username);
        setForm((f) => ({ ...f, username: saved.username, agency: saved.agency ?? '', password: '', password2: '' }));
        // Shown at once, then the list is read again from the server.
        setUsers((list) => {
          if (!list) return list;
          const rest = list.filter((u) => u.username !== saved.username);
          return [...rest, saved].sort((a, b) => a.username.localeCompare(b.username));
        });
        reload();
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setSaving(false);
        if (isUnauthenticated(err)) return;
        setMessage({ kind: 'error', text: describeError(err).message });
      },
    );
  };

  return (
    <>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="admin-users">
        <section className="admin-section" aria-labelledby="admin-users-title">
          <div className="admin-section-head">
            <h2 id="admin-users-title">Users</h2>
            <span className="muted small" aria-live="polite">
              {loading ? (
                <>
                  <span className="spinner small-spinner" aria-hidden="true" /> {users ? 'Refreshing…' : 'Loading users…'}
                </>
              ) : users ? (
                `${users.length} ${users.length === 1 ? 'account' : 'accounts'}`
              ) : null}
            </span>
          </div>
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="admin-users" aria-busy={loading}>
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Role</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Created</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {users === null ? (
                  <tr className="admin-table-state">
                    <td colSpan={5} data-testid={loading ? 'admin-users-loading' : 'admin-users-unavailable'}>
                      {loading ? 'Loading users…' : 'The list of users could not be loaded.'}
                    </td>
                  </tr>
                ) : users.length === 0 ? (
                  <tr className="admin-table-state">
                    <td colSpan={5} data-testid="admin-users-empty">
                      No user accounts yet. Create the first with the form.
                    </td>
                  </tr>
                ) : (
                  users.map((u) => (
                    <tr
                      key={u.username}
                      data-testid="admin-user-row"
                      data-username={u.username}
                      className={`selectable${u.username === lastSaved ? ' just-saved' : ''}${u.username === normalised ? ' selected' : ''}`}
                      onClick={() => edit(u)}
                    >
                      <td>
                        <button type="button" className="admin-link-button" title={`Update ${u.username}: fills in the form`}>
                          {u.username}
                        </button>
                      </td>
                      <td>
                        <span className={`role-badge role-${u.role}`}>{u.role}</span>
                      </td>
                      <td>{u.agency ?? <span className="muted">—</span>}</td>
                      <TimeCell value={u.createdAt} />
                      <TimeCell value={u.updatedAt} />
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </section>

        <section className="admin-section admin-form-card" aria-labelledby="admin-user-form-title">
          <h2 id="admin-user-form-title">{existing ? `Update ${existing.username}` : 'Add or update a user'}</h2>
          <p className="muted small admin-lead">
            {existing
              ? `${existing.username} exists: saving replaces the role and agency and sets a new password.`
              : 'An existing username is updated; a new one is created.'}
          </p>
          <form onSubmit={submit} noValidate aria-label="Add or update a user">
            <div className="admin-field">
              <label htmlFor="admin-user-username">Username</label>
              <input
                id="admin-user-username"
                data-testid="admin-user-username"
                type="text"
                value={form.username}
                onChange={(e) => set('username', e.target.value)}
                autoComplete="off"
                spellCheck={false}
                maxLength={64}
                placeholder="e.g. j.smith"
                required
              />
            </div>
            <div className="admin-field">
              <label htmlFor="admin-user-role">Role</label>
              <select id="admin-user-role" data-testid="admin-user-role" value={form.role} onChange={(e) => set('role', e.target.value)} required>
                <option value="">Choose a role…</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
            <div className="admin-field">
              <label htmlFor="admin-user-agency">
                Agency <span className="muted optional">(optional)</span>
              </label>
              <input
                id="admin-user-agency"
                data-testid="admin-user-agency"
                type="text"
                value={form.agency}
                onChange={(e) => set('agency', e.target.value)}
                autoComplete="off"
                maxLength={200}
                aria-describedby="admin-user-agency-note"
              />
              <span id="admin-user-agency-note" className="field-note">
                Left blank, the server uses the role's usual agency.
              </span>
            </div>
            <div className="admin-field">
              <label htmlFor="admin-user-password">Password</label>
              <input
                ref={passwordRef}
                id="admin-user-password"
                data-testid="admin-user-password"
                type="password"
                value={form.password}
                onChange={(e) => set('password', e.target.value)}
                autoComplete="new-password"
                aria-invalid={passwordShort}
                aria-describedby="admin-user-password-note"
                required
              />
              <span id="admin-user-password-note" className={`field-note${passwordShort ? ' invalid' : ''}`}>
                At least {PASSWORD_MIN} characters{form.password.length > 0 ? ` (${form.password.length} so far)` : ''}.
              </span>
            </div>
            <div className="admin-field">
              <label htmlFor="admin-user-password2">Confirm password</label>
              <input
                id="admin-user-password2"
                data-testid="admin-user-password2"
                type="password"
                value={form.password2}
                onChange={(e) => set('password2', e.target.value)}
                autoComplete="new-password"
                aria-invalid={mismatch}
                aria-describedby={mismatch ? 'admin-user-password2-note' : undefined}
                required
              />
              {mismatch && (
                <span id="admin-user-password2-note" className="field-note invalid">
                  Does not match the password.
                </span>
              )}
            </div>
            <div className="admin-form-actions">
              <button
                type="submit"
                className="primary"
                data-testid="admin-user-submit"
                disabled={missing !== null}
                aria-disabled={saving || undefined}
                aria-describedby={missing ? 'admin-user-hint' : undefined}
              >
                {saving ? 'Saving…' : existing ? 'Update user' : 'Create user'}
              </button>
              {missing && !saving && (
                <span id="admin-user-hint" className="sg-hint" data-testid="admin-user-hint">
                  {missing}
                </span>
              )}
            </div>
            {message && (
              <p
                className={`admin-message-line ${message.kind}`}
                data-testid="admin-user-message"
                role={message.kind === 'error' ? 'alert' : 'status'}
              >
                {message.text}
              </p>
            )}
          </form>
        </section>
      </div>
    </>
  );
}
