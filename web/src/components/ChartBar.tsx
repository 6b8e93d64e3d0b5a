import { ActionButtons } from '../actions/ActionButton';
import { LAYOUTS, type LayoutName } from '../chart/layouts';
import type { LabelMode } from '../chart/overlays';
import { PrintControls } from '../print/PrintControls';
import { useChart, useWorkspace } from '../store/WorkspaceContext';

/**
 * The chart's second row: the layout and label choices (view settings in the store), then the
 * buttons of the actions placed in 'chartbar' and 'export' (../actions).
 * data-testids: layout-select, label-mode; the buttons' from their actions.
 */
export function ChartBar() {
  const { ops, actions } = useWorkspace();
  const layout = useChart((s) => s.view.layout);
  const labels = useChart((s) => s.view.labels);
  const exports = ops?.analyst && actions.some((a) => a.placements?.includes('export'));
  return (
    <div className="chartbar" role="toolbar" aria-label="Chart tools">
      <label className="field-inline">
        <span>Layout</span>
        <select data-testid="layout-select" value={layout} onChange={(e) => ops?.setLayout(e.target.value as LayoutName)} title="Lay the chart out again (L re-runs)">
          {LAYOUTS.map((l) => (
            <option key={l.name} value={l.name} title={l.hint}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <span className="sep" aria-hidden="true" />
      <ActionButtons place="chartbar" />
      <span className="sep" aria-hidden="true" />
      <label className="field-inline">
        <span>Labels</span>
        <select data-testid="label-mode" value={labels} onChange={(e) => ops?.setLabels(e.target.value as LabelMode)}>
          <option value="name">name / registration / number</option>
          <option value="id">id</option>
          <option value="none">none</option>
        </select>
      </label>
      {exports && (
        <span className="export-group" role="group" aria-label="Export (audited)">
          <span className="muted small">Export</span>
          <PrintControls />
          <ActionButtons place="export" />
        </span>
      )}
      <ActionButtons place="chartbar-end" />
    </div>
  );
}
