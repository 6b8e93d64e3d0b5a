import type { AutosaveStatus as Status } from './useAutosave';

const time = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
};

/**
 * Whether the working chart is safe on the server, for the status bar: "Saving…", "Saved 02:14" or
 * "Not saved yet" (a failed save is tried again on the next change, and at the next sign-in). data-testid autosave-status, data-state idle | pending | saving | saved | failed.
 */
export function AutosaveStatus({ status, unsavedName }: { status: Status; unsavedName?: string | null }) {
  // Short: the status bar is one line at 1280 px too; the title says the rest.
  const text =
    status.state === 'saved'
      ? `Saved ${time(status.at)}`
      : status.state === 'saving' || status.state === 'pending'
        ? 'Saving…'
        : status.state === 'failed'
          ? 'Not saved yet'
          : '';
  return (
    <span
      className={`autosave-status${status.state === 'failed' ? ' failed' : ''}`}
      data-testid="autosave-status"
      data-state={status.state}
      role="status"
      title={
        unsavedName
          ? `Your working chart is saved automatically. “${unsavedName}” has changes not saved under its name: save it again from Charts to keep them there.`
          : 'Your working chart is saved automatically, and comes back after a reload or when you sign in again.'
      }
    >
      {text}
      {unsavedName && <span data-testid="named-unsaved"> · “{unsavedName}” has unsaved changes</span>}
    </span>
  );
}
