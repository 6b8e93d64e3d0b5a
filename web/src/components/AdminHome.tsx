import { useRef, useState, type KeyboardEvent } from 'react';
import type { User } from '../api';
import { AuditPanel } from './admin/AuditPanel';
import { UsersPanel } from './admin/UsersPanel';
import { SessionControls } from './SessionControls';

/**
 * Roles without a chart of their own: admin never sees case data, only user accounts and the audit
 * log. (Safeguarding has its strategy-meeting view.) Any other role sees a plain statement instead
 * of a chart that could only fill with FORBIDDEN banners.
 */
const MESSAGES: Record<string, string> = {
  admin: 'Signed in as admin: user and audit administration only; no case data.',
};

const TABS = [
  { key: 'users', label: 'Users' },
  { key: 'audit', label: 'Audit log' },
] as const;
type Tab = (typeof TABS)[number]['key'];

export function AdminHome({ user, onSignOut }: { user: User; onSignOut(): void }) {
  const role = user.role.toLowerCase();
  const isAdmin = role === 'admin';
  const [tab, setTab] = useState<Tab>('users');
  // A panel is mounted when first opened and then kept, so switching tabs loses no search or form.
  const [opened, setOpened] = useState<ReadonlySet<Tab>>(() => new Set<Tab>(['users']));
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ users: null, audit: null });

  const open = (t: Tab, focus = false) => {
    setTab(t);
    setOpened((s) => (s.has(t) ? s : new Set([...s, t])));
    if (focus) tabRefs.current[t]?.focus();
  };

  // Arrow keys move between tabs, as in any tab list.
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.key === tab);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    const t = next === null ? undefined : TABS[next];
    if (!t) return;
    e.preventDefault();
    open(t.key, true);
  };

  const message = MESSAGES[role] ?? `Signed in as ${user.role}: this role has no view yet.`;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">Link chart</div>
        {isAdmin && <div className="brand-sub">Administration</div>}
        <SessionControls user={user} onSignOut={onSignOut} />
      </header>
      {!isAdmin ? (
        <main className="admin-home">
          <p className="admin-message" data-testid="no-case-data">
            {message}
          </p>
        </main>
      ) : (
        <main className="admin">
          <p className="admin-note" data-testid="no-case-data">
            {message}
          </p>
          <div className="admin-tabs" role="tablist" aria-label="Administration" onKeyDown={onTabKey}>
            {TABS.map((t) => (
              <button
                key={t.key}
                ref={(el) => {
                  tabRefs.current[t.key] = el;
                }}
                type="button"
                role="tab"
                id={`admin-tab-${t.key}`}
                data-testid={`admin-tab-${t.key}`}
                className="admin-tab"
                aria-selected={tab === t.key}
                aria-controls={`admin-panel-${t.key}`}
                tabIndex={tab === t.key ? 0 : -1}
                onClick={() => open(t.key)}
              >
                {t.label}
              </button>
            ))}
          </div>
          {TABS.map(
            (t) =>
              opened.has(t.key) && (
                <div
                  key={t.key}
                  role="tabpanel"
                  id={`admin-panel-${t.key}`}
                  aria-labelledby={`admin-tab-${t.key}`}
                  className="admin-panel"
                  hidden={tab !== t.key}
                >
                  {t.key === 'users' ? <UsersPanel /> : <AuditPanel />}
                </div>
              ),
          )}
        </main>
      )}
    </div>
  );
}
