import { useState } from 'react';
import type { User } from '../api/session';
import { asksPurpose } from '../purpose';
import { FollowThroughMenu } from './FollowThroughMenu';
import { PurposeDialog, usePurpose } from './PurposeDialog';

/** The purpose in force, and the way to change it when the work changes. data-testid: purpose-change. */
function PurposeButton({ user }: { user: User }) {
  const purpose = usePurpose(user.username);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="purpose-button"
        data-testid="purpose-change"
        onClick={() => setOpen(true)}
        title={purpose ? `Purpose recorded with what you open: ${purpose}. Click to change it.` : 'State the purpose of this work'}
      >
        <span className="purpose-button-key">Purpose</span> <span className="purpose-button-text" data-testid="purpose-current">{purpose ?? 'not stated'}</span>
      </button>
      {open && (
        <PurposeDialog
          username={user.username}
          title="Change the purpose"
          lead="What you open from now on is recorded under the new purpose."
          submitLabel={(changed) => (changed ? 'Change' : 'Keep')}
          onDone={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  );
}

/** Who is signed in, in what role, for what purpose, and the way out. Signing out empties the chart. */
export function SessionControls({ user, onSignOut }: { user: User; onSignOut(): void }) {
  return (
    <div className="session">
      <FollowThroughMenu user={user} />
      {asksPurpose(user.role) && <PurposeButton user={user} />}
      <span className="current-user" data-testid="current-user" title={`Signed in as ${user.username} (${user.role})`}>
        <span className="visually-hidden">Signed in as </span>
        <span className="username">{user.username}</span> <span className="role">{user.role}</span>
      </span>
      <button data-testid="logout" onClick={onSignOut} title="Sign out: the session ends on the server, the chart is emptied and the token forgotten">
        Sign out
      </button>
    </div>
  );
}
