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
}

/** Information the analyst should not miss (a cut-short expansion, an undoable clear). Stays until dismissed or replaced. */
export function NoticeBanner({ notice, onDismiss }: { notice: NoticeState; onDismiss(): void }) {
  return (
    <div className="banner notice-banner" role="status" data-testid="notice">
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
