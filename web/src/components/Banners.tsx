import { useEffect, useRef, useState } from 'react';

export interface ErrorState {
  message: string;
  /** GraphQL `extensions.code` (or NETWORK, HTTP_502, …), shown so support can tell causes apart. */
  code?: string | undefined;
  retry?: (() => void) | undefined;
}

export function ErrorBanner({ error, onDismiss }: { error: ErrorState; onDismiss(): void }) {
  return (
    <div className="banner error-banner" role="alert" data-testid="error-banner">
      <span className="banner-icon" aria-hidden="true">!</span>
      <span className="banner-text">
        {error.message}
        {error.code && <code className="error-code">{error.code}</code>}
      </span>
      {error.retry && (
        <button
          className="primary"
          data-testid="error-retry"
          onClick={() => {
            onDismiss();
            error.retry?.();
          }}
        >
          Try again
        </button>
      )}
      <button className="dismiss" onClick={onDismiss} aria-label="Dismiss this message">
        ×
      </button>
    </div>
  );
}

export interface NoticeState {
  text: string;
  action?: { label: string; run(): void } | undefined;
  /** Stays until dismissed or replaced (a warning the analyst must act on). */
  sticky?: boolean | undefined;
}

/** How long a notice stays up: long enough to read twice; one with an action (Undo) longer. */
export const NOTICE_MS = 10_000;
export const NOTICE_ACTION_MS = 20_000;

/**
 * Information the analyst should not miss (a cut-short expansion, an undoable clear). Replaced by the
 * next notice, and gone by itself after a while (not while the pointer or the focus is on it).
 */
export function NoticeBanner({ notice, onDismiss }: { notice: NoticeState; onDismiss(): void }) {
  const [held, setHeld] = useState(false);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    if (held || notice.sticky) return;
    const timer = window.setTimeout(() => dismiss.current(), notice.action ? NOTICE_ACTION_MS : NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice, held]);
  return (
    <div
      className="banner notice-banner"
      role="status"
      data-testid="notice"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="banner-icon" aria-hidden="true">i</span>
      <span className="banner-text">{notice.text}</span>
      {notice.action && (
        <button
          onClick={() => {
            notice.action?.run();
            onDismiss();
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button className="dismiss" onClick={onDismiss} aria-label="Dismiss this notice">
        ×
      </button>
    </div>
  );
}
