import { useEffect, useRef } from 'react';

export const SHORTCUTS: [string, string][] = [
  ['/', 'Search'],
  ['Double-click', 'Expand an entity'],
  ['E', 'Expand the selected entity'],
  ['S', 'Shortest paths between the two selected entities'],
  ['N', 'Connecting network of the selected entities'],
  ['H', 'Hide the selection (stays on the chart)'],
  ['U', 'Show everything hidden'],
  ['P', 'Pin / unpin the selection'],
  ['G', 'Group the selection'],
  ['Shift+G', 'Ungroup'],
  ['Del', 'Take the selection off the chart'],
  ['L', 'Lay the chart out again'],
  ['F', 'Fit the chart to the window'],
  ['T', 'Show / hide the timeline and map'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Y or Ctrl+Shift+Z', 'Redo'],
  ['Shift+click, Shift+drag', 'Select several'],
  ['Esc', 'Deselect, close this help'],
  ['?', 'This help'],
];

/** The keyboard shortcuts, over the chart. data-testid: shortcut-help. */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="shortcut-title" data-testid="shortcut-help" onClick={onClose}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcut-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">Shortcuts do nothing while you type in a field.</p>
        <button ref={close} className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
