import { useEffect, useRef } from 'react';
import type { User } from '../api/session';
import './FollowThroughMenu.css';

/**
 * The follow-through screens (issue 20) behind one header button, so the header stays one row and
 * the chart keeps its height: meetings and actions, the notice register, restrictions. Closes on
 * Escape or a click elsewhere. data-testid: follow-through-menu; links open-meetings,
 * open-notices, open-restrictions.
 */
export function FollowThroughMenu({ user }: { user: User }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !menu.contains(e.target as Node)) menu.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  if (user.role === 'admin') return null;
  const meetings = user.role === 'analyst' || user.role === 'safeguarding';
  return (
    <details className="follow-through-menu" data-testid="follow-through-menu" ref={ref}>
      <summary title="Follow-through: meetings and their actions, the notice register, restrictions">
        <span className="ft-long">Follow-through</span>
        <span className="ft-short">More</span> ▾
      </summary>
      <nav aria-label="Follow-through">
        {meetings && (
          <a href="/meetings" data-testid="open-meetings">
            Meetings and actions
          </a>
        )}
        <a href="/notices" data-testid="open-notices">
          Notice register
        </a>
        <a href="/restrictions" data-testid="open-restrictions" title="Restrictions your team holds, reviews due, access requests (yours and to answer)">
          Restrictions
        </a>
      </nav>
    </details>
  );
}
