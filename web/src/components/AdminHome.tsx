import { useState } from 'react';
import type { User } from '../api/session';
import { AuditPanel } from './admin/AuditPanel';
import { UsersPanel } from './admin/UsersPanel';
import { SessionControls } from './SessionControls';
import { TabList } from './TabList';

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

  const open = (t: Tab) => {
    setTab(t);
    setOpened((s) => (s.has(t) ? s : new Set([...s, t])));
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
          <TabList tabs={TABS} current={tab} onOpen={open} prefix="admin" label="Administration" className="admin-tabs" tabClassName="admin-tab" />
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
