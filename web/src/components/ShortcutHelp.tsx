import { useEffect, useRef } from 'react';
import { helpRows } from '../actions/manager';
import type { Action } from '../actions/types';

/** Mouse gestures and keys handled outside the actions (the search box's own "/"). */
const GESTURES: { keys: string; what: string }[] = [
  { keys: '/', what: 'Search' },
  { keys: 'Double-click', what: 'Expand an entity' },
  { keys: 'Right-click', what: 'Menu of what can be done with an entity or link' },
  { keys: 'Shift+click, Shift+drag', what: 'Select several' },
];

/** The keyboard shortcuts, generated from the same actions the keys run. data-testid: shortcut-help. */
export function ShortcutHelp({ actions, analyst, onClose }: { actions: readonly Action[]; analyst: boolean; onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const rows = [...GESTURES, ...helpRows(actions, analyst)];
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="shortcut-title" data-testid="shortcut-help" onClick={onClose}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcut-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {rows.map(({ keys, what }) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
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
