import type { User } from '../../api/session';
import { SessionControls } from '../SessionControls';
import { NoticeRegister } from './NoticeRegister';

/** The notice register as a page of its own (/notices), for analysts, safeguarding and licensing. */
export function NoticesScreen({ user, onSignOut, onBack }: { user: User; onSignOut(): void; onBack(): void }) {
  return (
    <div className="app ntc-app">
      <header className="topbar">
        <div className="brand">
          Link chart <span className="operation"> · Notice register</span>
        </div>
        <button type="button" className="button-link" onClick={onBack} data-testid="notices-back">
          Back
        </button>
        <SessionControls user={user} onSignOut={onSignOut} />
      </header>
      <main className="ntc-body">
        <NoticeRegister />
      </main>
    </div>
  );
}
