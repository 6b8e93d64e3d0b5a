import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeError, isAbort } from '../api/errors';
import { deleteSavedChart, listSavedCharts, type ChartSharing, type SavedChartSummary } from '../api/charts';
import { pathFor } from '../routing/paths';

interface Props {
  /** Name of the chart last saved or opened, offered again when saving. */
  currentName: string | null;
  canSave: boolean;
  /** Saves the chart on screen as one of the user's own, shared as `sharing` says. */
  onSave(name: string, sharing: ChartSharing): Promise<void>;
  onOpen(chart: SavedChartSummary): void;
}

/** 'a.jones, B.Smith  c.khan' → ['a.jones', 'b.smith', 'c.khan'] (usernames are lower case). */
export const parseUsernames = (text: string): string[] => [...new Set(text.split(/[\s,;]+/).map((u) => u.trim().toLowerCase()).filter(Boolean))];

/** Whom a chart of one's own is shared with, in words. */
function sharedWith(c: SavedChartSummary): string {
  const parts: string[] = [];
  if (c.sharedWithAgency) parts.push('your agency');
  if (c.sharedWithUsers?.length) parts.push(c.sharedWithUsers.join(', '));
  return parts.length ? `Shared with ${parts.join(' and ')}` : 'Shared';
}

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
};

/**
 * Named charts on the server: the user's own, and those others shared with them. A chart belongs
 * to its author; only they replace, re-share or delete it. data-testids: chart-name,
 * chart-share-agency, chart-share-users, save-chart, saved-charts, saved-chart (one per chart, with
 * data-name, data-owner and data-mine), saved-chart-owner, saved-chart-shared, saved-chart-open,
 * saved-chart-delete (own charts only; press twice), saved-chart-link, saved-charts-refresh.
 */
export function SavedChartsPanel({ currentName, canSave, onSave, onOpen }: Props) {
  const [name, setName] = useState(currentName ?? '');
  const [shareAgency, setShareAgency] = useState(false);
  const [shareUsers, setShareUsers] = useState('');
  const [charts, setCharts] = useState<SavedChartSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [refresh, setRefresh] = useState(0);
  /** The chart whose Delete was pressed once: a second press deletes. */
  const [confirming, setConfirming] = useState<string | null>(null);
  /** The chart whose address was just copied. */
  const [copied, setCopied] = useState<string | null>(null);

  /** The chart's address, to bookmark or send: only those it is shared with can open it. */
  const copyLink = useCallback((c: SavedChartSummary) => {
    const link = `${window.location.origin}${pathFor({ page: 'chart', id: c.id })}`;
    // Without the clipboard (an insecure origin), or when writing to it fails, the address is shown to copy by hand.
    if (!navigator.clipboard) {
      window.prompt('The chart’s address:', link);
      return;
    }
    navigator.clipboard.writeText(link).then(
      () => setCopied(c.id),
      () => window.prompt('The chart’s address:', link),
    );
  }, []);

  const remove = useCallback(async (c: SavedChartSummary) => {
    if (confirming !== c.id) {
      setConfirming(c.id);
      return;
    }
    setConfirming(null);
    try {
      if (!(await deleteSavedChart(c.id))) setError(`"${c.name}" was not deleted: only its owner can delete it, and it may be gone already.`);
      setRefresh((r) => r + 1);
    } catch (err) {
      setError(describeError(err).message);
    }
  }, [confirming]);

  useEffect(() => {
    if (currentName) setName(currentName);
  }, [currentName]);

  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    listSavedCharts(ctrl.signal).then(
      (list) => setCharts(list),
      (err: unknown) => {
        if (!isAbort(err)) setError(describeError(err).message);
      },
    );
    return () => ctrl.abort();
  }, [refresh]);

  // The user's own chart of the name typed (saving replaces it), and whose else has that name.
  const own = useMemo(() => charts?.find((c) => c.mine && c.name === name.trim()) ?? null, [charts, name]);
  const others = useMemo(() => charts?.filter((c) => !c.mine && c.name === name.trim()).map((c) => c.owner) ?? [], [charts, name]);
  // Typing (or opening) the name of one's own chart shows how it is shared now, so saving keeps it.
  useEffect(() => {
    if (!own) return;
    setShareAgency(Boolean(own.sharedWithAgency));
    setShareUsers((own.sharedWithUsers ?? []).join(', '));
  }, [own]);

  const save = useCallback(async () => {
    const n = name.trim();
    if (!n) return;
    setSaving(true);
    try {
      await onSave(n, { sharedWithAgency: shareAgency, sharedWithUsers: parseUsernames(shareUsers) });
      setRefresh((r) => r + 1);
    } finally {
      setSaving(false);
    }
  }, [name, onSave, shareAgency, shareUsers]);

  return (
    <section className="panel-section" aria-label="Saved charts">
      <h3>Save this chart</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="save-form">
          <label className="field">
            <span>Name</span>
            <input data-testid="chart-name" value={name} maxLength={120} placeholder="e.g. Dunmere Road network, 14 Nov" onChange={(e) => setName(e.target.value)} />
          </label>
          <button className="primary" data-testid="save-chart" type="submit" disabled={!canSave || !name.trim() || saving}>
            {saving ? 'Saving…' : own ? 'Replace' : 'Save'}
          </button>
        </div>
        <fieldset className="checks" style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
          <legend className="muted small">Share with</legend>
          <label className="check">
            <input type="checkbox" data-testid="chart-share-agency" checked={shareAgency} onChange={(e) => setShareAgency(e.target.checked)} />
            everyone in my agency
          </label>
          <label className="field" style={{ margin: '4px 0 0' }}>
            <span>Users (usernames, separated by commas)</span>
            <input data-testid="chart-share-users" value={shareUsers} placeholder="e.g. a.jones, b.smith" onChange={(e) => setShareUsers(e.target.value)} />
          </label>
        </fieldset>
      </form>
      <p className="muted small">
        Saved on the server with positions, hidden items, groups, styling and filters. Only you can open it, unless you share it; only you can
        replace, re-share or delete it.{' '}
        {own
          ? 'You have a chart of this name: saving replaces it.'
          : others.length
            ? `${others.join(', ')} shared a chart of this name with you: saving makes your own, and theirs is untouched.`
            : ''}
      </p>

      <h3>
        Saved charts{' '}
        <button className="link-button" data-testid="saved-charts-refresh" onClick={() => setRefresh((r) => r + 1)} title="Ask the server again">
          refresh
        </button>
      </h3>
      {error && (
        <p className="error-text" role="alert">
          Could not list saved charts: {error}
        </p>
      )}
      {!error && charts === null && <p className="muted">Loading…</p>}
      {charts?.length === 0 && <p className="muted">No chart saved yet.</p>}
      <ul className="saved-charts" data-testid="saved-charts">
        {charts?.map((c) => (
          <li key={c.id} data-testid="saved-chart" data-name={c.name} data-owner={c.owner} data-mine={c.mine ? 'true' : 'false'}>
            <div className="saved-name">
              {c.name}{' '}
              {c.shared && (
                <span className="badge new" data-testid="saved-chart-shared" title={c.mine ? sharedWith(c) : `Shared with you by ${c.owner}`} style={{ fontSize: 11, padding: '1px 6px' }}>
                  shared
                </span>
              )}
            </div>
            <div className="muted small">
              <span data-testid="saved-chart-owner">{c.mine ? 'yours' : `by ${c.owner}`}</span> · {c.nodeCount} entities · {when(c.updatedAt)}
            </div>
            <span className="saved-actions">
              <button data-testid="saved-chart-open" onClick={() => onOpen(c)} title="Replace the chart with this one (can be undone)">
                Open
              </button>
              <button
                data-testid="saved-chart-link"
                onClick={() => copyLink(c)}
                onBlur={() => setCopied((x) => (x === c.id ? null : x))}
                title="Copy the chart’s address, to bookmark or send (only those it is shared with can open it)"
              >
                {copied === c.id ? 'Copied' : 'Copy link'}
              </button>
              {c.mine && (
                <button
                  className={confirming === c.id ? 'danger' : ''}
                  data-testid="saved-chart-delete"
                  onClick={() => void remove(c)}
                  onBlur={() => setConfirming((x) => (x === c.id ? null : x))}
                  title="Delete your saved chart, for everyone it is shared with too (no case data is deleted)"
                >
                  {confirming === c.id ? 'Really delete?' : 'Delete'}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
