interface Props {
  onLayout(): void;
  onFit(): void;
  onRemoveSelected(): void;
  onClear(): void;
  onReload(): void;
  canRemove: boolean;
}

/** Chart actions, labelled in words; each shortcut is in its tooltip. Nothing here deletes data. */
export function Toolbar({ onLayout, onFit, onRemoveSelected, onClear, onReload, canRemove }: Props) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Chart">
      <button data-testid="toolbar-layout" onClick={onLayout} title="Re-run the layout (L)">
        Layout
      </button>
      <button data-testid="toolbar-fit" onClick={onFit} title="Fit the chart to the window (F)">
        Fit
      </button>
      <button
        data-testid="toolbar-remove"
        onClick={onRemoveSelected}
        disabled={!canRemove}
        title="Take the selected items off the chart (Delete); nothing is deleted from the database"
      >
        Remove selected
      </button>
      <button data-testid="toolbar-clear" onClick={onClear} title="Empty the chart (can be undone); nothing is deleted from the database">
        Clear chart
      </button>
      <button data-testid="toolbar-reload" onClick={onReload} title="Add the operation's chart back">
        Operation chart
      </button>
    </div>
  );
}
