import type { ReactNode } from 'react';

interface Props {
  nodes: number;
  links: number;
  selected: number;
  operation: string | null;
  /** More to say about the chart (whether the working chart is saved). */
  children?: ReactNode;
}

export function StatusBar({ nodes, links, selected, operation, children }: Props) {
  return (
    <footer className="statusbar">
      <span>
        <b data-testid="node-count">{nodes}</b> {nodes === 1 ? 'entity' : 'entities'} ·{' '}
        <b data-testid="link-count">{links}</b> {links === 1 ? 'link' : 'links'}
        {selected > 0 && <> · {selected} selected</>}
      </span>
      {operation && <span className="status-operation">Operation: {operation}</span>}
      {children}
      <span className="hint">
        Double-click to expand · <kbd>/</kbd> search · <kbd>E</kbd> expand · <kbd>Del</kbd> remove · <kbd>F</kbd> fit · <kbd>L</kbd> layout · <kbd>Ctrl+Z</kbd> undo · <kbd>?</kbd> all shortcuts
      </span>
    </footer>
  );
}
