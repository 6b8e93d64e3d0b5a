import type { User } from '../api';

/** Who is signed in, in what role, and the way out. Signing out empties the chart. */
export function SessionControls({ user, onSignOut }: { user: User; onSignOut(): void }) {
  return (
    <div className="session">
      <span className="current-user" data-testid="current-user" title={`Signed in as ${user.username} (${user.role})`}>
        <span className="visually-hidden">Signed in as </span>
        <span className="username">{user.username}</span> <span className="role">{user.role}</span>
      </span>
      <button data-testid="logout" onClick={onSignOut} title="Sign out: the chart is emptied and the token forgotten">
        Sign out
      </button>
    </div>
  );
}
