import { ActionButtons } from '../actions/ActionButton';

/**
 * The header's chart buttons, generated from the actions placed in 'toolbar' (../actions); each
 * shortcut is in its tooltip. Nothing here deletes data.
 */
export function Toolbar() {
  return (
    <div className="toolbar" role="toolbar" aria-label="Chart">
      <ActionButtons place="toolbar" />
    </div>
  );
}
