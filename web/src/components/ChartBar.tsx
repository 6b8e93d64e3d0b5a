import { LAYOUTS, type LayoutName } from '../chart/layouts';
import type { LabelMode } from '../chart/overlays';
import type { ExportFormat } from '../workspaceApi';

interface Props {
  layout: LayoutName;
  onLayout(name: LayoutName): void;
  labels: LabelMode;
  onLabels(mode: LabelMode): void;
  canUndo: boolean;
  canRedo: boolean;
  undoWhat: string | null;
  redoWhat: string | null;
  onUndo(): void;
  onRedo(): void;
  selected: number;
  hiddenCount: number;
  onHide(): void;
  onShowAll(): void;
  onPin(): void;
  onGroup(): void;
  onUngroup(): void;
  /** Null for roles whose exports are not offered (only analysts export). */
  onExport: ((format: ExportFormat) => void) | null;
  exporting: boolean;
  onHelp(): void;
}

/**
 * The chart's second row: layout, undo / redo, hide / pin / group, labels, export, help.
 * data-testids: layout-select, undo, redo, hide, show-all, pin, group, ungroup, label-mode,
 * export-png, export-svg, export-graphml, export-csv, help-open.
 */
export function ChartBar(p: Props) {
  const none = p.selected === 0;
  return (
    <div className="chartbar" role="toolbar" aria-label="Chart tools">
      <label className="field-inline">
        <span>Layout</span>
        <select data-testid="layout-select" value={p.layout} onChange={(e) => p.onLayout(e.target.value as LayoutName)} title="Lay the chart out again (L re-runs)">
          {LAYOUTS.map((l) => (
            <option key={l.name} value={l.name} title={l.hint}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <span className="sep" aria-hidden="true" />
      <button data-testid="undo" onClick={p.onUndo} disabled={!p.canUndo} title={p.undoWhat ? `Undo: ${p.undoWhat} (Ctrl+Z)` : 'Nothing to undo (Ctrl+Z)'}>
        ↶ Undo
      </button>
      <button data-testid="redo" onClick={p.onRedo} disabled={!p.canRedo} title={p.redoWhat ? `Redo: ${p.redoWhat} (Ctrl+Y)` : 'Nothing to redo (Ctrl+Y)'}>
        ↷ Redo
      </button>
      <span className="sep" aria-hidden="true" />
      <button data-testid="hide" onClick={p.onHide} disabled={none} title="Hide the selection from view; it stays on the chart (H)">
        Hide
      </button>
      <button data-testid="show-all" onClick={p.onShowAll} disabled={p.hiddenCount === 0} title="Show everything hidden by hand (U); filters still apply">
        Show hidden{p.hiddenCount > 0 ? ` (${p.hiddenCount})` : ''}
      </button>
      <button data-testid="pin" onClick={p.onPin} disabled={none} title="Pin or unpin: layouts leave pinned entities where they are (P)">
        Pin
      </button>
      <button data-testid="group" onClick={p.onGroup} disabled={p.selected < 2} title="Put the selected entities in a named box (G)">
        Group
      </button>
      <button data-testid="ungroup" onClick={p.onUngroup} disabled={none} title="Dissolve the selected group (Shift+G)">
        Ungroup
      </button>
      <span className="sep" aria-hidden="true" />
      <label className="field-inline">
        <span>Labels</span>
        <select data-testid="label-mode" value={p.labels} onChange={(e) => p.onLabels(e.target.value as LabelMode)}>
          <option value="name">name / registration / number</option>
          <option value="id">id</option>
          <option value="none">none</option>
        </select>
      </label>
      {p.onExport && (
        <span className="export-group" role="group" aria-label="Export (audited)">
          <span className="muted small">Export</span>
          {(['PNG', 'SVG', 'GRAPHML', 'CSV'] as const).map((f) => (
            <button
              key={f}
              data-testid={`export-${f.toLowerCase()}`}
              disabled={p.exporting}
              onClick={() => p.onExport?.(f)}
              title={`Download the ${f === 'PNG' || f === 'SVG' ? 'picture' : 'data'} of the visible chart as ${f === 'GRAPHML' ? 'GraphML' : f}; recorded in the audit log`}
            >
              {f === 'GRAPHML' ? 'GraphML' : f}
            </button>
          ))}
        </span>
      )}
      <button className="help-button" data-testid="help-open" onClick={p.onHelp} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
    </div>
  );
}
