import { useCallback, useEffect, useState } from 'react';
import { describeError, isAbort } from '../api';
import { deleteSavedChart, listSavedCharts, type SavedChartSummary } from '../workspaceApi';

interface Props {
  /** Name of the chart last saved or opened, offered again when saving. */
  currentName: string | null;
  canSave: boolean;
  onSave(name: string): Promise<void>;
  onOpen(chart: SavedChartSummary): void;
}

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
};

/**
 * Named charts on the server, shared by every analyst. data-testids: chart-name, save-chart,
 * saved-charts, saved-chart (one per chart, with data-name), saved-chart-open, saved-chart-delete
 * (press twice), saved-charts-refresh.
 */
export function SavedChartsPanel({ currentName, canSave, onSave, onOpen }: Props) {
  const [name, setName] = useState(currentName ?? '');
  const [charts, setCharts] = useState<SavedChartSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [refresh, setRefresh] = useState(0);
  /** The chart whose Delete was pressed once: a second press deletes. */
  const [confirming, setConfirming] = useState<string | null>(null);

  const remove = useCallback(async (c: SavedChartSummary) => {
    if (confirming !== c.id) {
      setConfirming(c.id);
      return;
    }
    setConfirming(null);
    try {
      await deleteSavedChart(c.id);
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

  const save = useCallback(async () => {
    const n = name.trim();
    if (!n) return;
    setSaving(true);
    try {
      await onSave(n);
      setRefresh((r) => r + 1);
    } finally {
      setSaving(false);
    }
  }, [name, onSave]);

  return (
    <section className="panel-section" aria-label="Saved charts">
      <h3>Save this chart</h3>
      <form
        className="save-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>Name</span>
          <input data-testid="chart-name" value={name} maxLength={120} placeholder="e.g. Dunmere Road network, 14 Nov" onChange={(e) => setName(e.target.value)} />
        </label>
        <button className="primary" data-testid="save-chart" type="submit" disabled={!canSave || !name.trim() || saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </form>
      <p className="muted small">Saved on the server with positions, hidden items, groups, styling and filters. Any analyst can open it. Saving under an existing name replaces that chart.</p>

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
          <li key={c.id} data-testid="saved-chart" data-name={c.name}>
            <div className="saved-name">{c.name}</div>
            <div className="muted small">
              {c.nodeCount} entities · {c.updatedBy} · {when(c.updatedAt)}
            </div>
            <span className="saved-actions">
              <button data-testid="saved-chart-open" onClick={() => onOpen(c)} title="Replace the chart with this one (can be undone)">
                Open
              </button>
              <button
                className={confirming === c.id ? 'danger' : ''}
                data-testid="saved-chart-delete"
                onClick={() => void remove(c)}
                onBlur={() => setConfirming((x) => (x === c.id ? null : x))}
                title="Delete the saved chart for everyone (no case data is deleted)"
              >
                {confirming === c.id ? 'Really delete?' : 'Delete'}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
