import type { ReactNode } from 'react';

export interface Tab {
  id: string;
  label: string;
  /** A count or mark shown on the tab (e.g. filters active). */
  badge?: string | undefined;
  content: ReactNode;
}

/** The left panel: one tab at a time. data-testids: side-tab-<id>, side-panel. */
export function SidePanel({ tabs, active, onActive }: { tabs: Tab[]; active: string; onActive(id: string): void }) {
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  return (
    <aside className="side" data-testid="side-panel" aria-label="Analysis, filters and saved charts">
      <div className="tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t.id} role="tab" aria-selected={t.id === current?.id} className={t.id === current?.id ? 'tab active' : 'tab'} data-testid={`side-tab-${t.id}`} onClick={() => onActive(t.id)}>
            {t.label}
            {t.badge && <span className="tab-badge">{t.badge}</span>}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel">
        {current?.content}
      </div>
    </aside>
  );
}
