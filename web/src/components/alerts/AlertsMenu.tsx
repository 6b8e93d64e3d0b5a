import { useEffect, useRef, useState } from 'react';
import { AlertInbox } from './AlertInbox';
import type { AlertsState } from './useAlerts';

/** The count of open alerts, for a header button or a tab. */
export function AlertsBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="alerts-badge" data-testid="alerts-badge" aria-label={`${count} open`}>
      {count > 999 ? '999+' : count}
    </span>
  );
}

/**
 * For roles whose screen is a chart (analyst, safeguarding): a header button with the open count,
 * opening the inbox in a panel over the right-hand side. Escape or the button closes it.
 */
export function AlertsMenu({ state }: { state: AlertsState }) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`alerts-button${state.open > 0 ? ' has-open' : ''}`}
        data-testid="alerts-button"
        aria-expanded={open}
        aria-controls="alerts-drawer"
        onClick={() => setOpen((o) => !o)}
        title="Alerts for your role (live)"
      >
        Alerts <AlertsBadge count={state.open} />
      </button>
      {open && (
        <div className="alerts-drawer" id="alerts-drawer" ref={panel} tabIndex={-1} role="dialog" aria-label="Alerts">
          <button type="button" className="dismiss alerts-close" onClick={() => setOpen(false)} aria-label="Close the alerts">
            ×
          </button>
          <AlertInbox state={state} headingId="alerts-drawer-heading" />
        </div>
      )}
    </>
  );
}
