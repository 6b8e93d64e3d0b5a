import type { User } from '../api';
import { SessionControls } from './SessionControls';

/**
 * Roles without a chart of their own see a plain statement instead of a chart that could only fill
 * with FORBIDDEN banners: admin never sees case data. (Safeguarding has its strategy-meeting view.)
 */
const MESSAGES: Record<string, string> = {
  admin: 'Signed in as admin: user and audit administration only; no case data.',
};
export function AdminHome({ user, onSignOut }: { user: User; onSignOut(): void }) {
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">Link chart</div>
        <SessionControls user={user} onSignOut={onSignOut} />
      </header>
      <main className="admin-home">
        <p className="admin-message" data-testid="no-case-data">
          {MESSAGES[user.role.toLowerCase()] ?? `Signed in as ${user.role}: this role has no view yet.`}
        </p>
      </main>
    </div>
  );
}
