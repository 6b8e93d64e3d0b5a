import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A row of tabs as ARIA describes it: the current tab is the one in the tab order, arrow keys,
 * Home and End move between tabs and focus the one opened. Tab `k` is `<prefix>-tab-k` (also its
 * test id) and controls the panel `<prefix>-panel-k`, which the caller renders.
 */
export function TabList<K extends string>(props: {
  tabs: readonly { key: K; label: string }[];
  current: K;
  onOpen(key: K): void;
  prefix: string;
  label: string;
  className: string;
  tabClassName: string;
  /** Rendered after a tab's label (a count, a badge). */
  after?(key: K): ReactNode;
  as?: 'div' | 'nav';
}) {
  const { tabs, current, onOpen, prefix } = props;
  const refs = useRef<Partial<Record<K, HTMLButtonElement | null>>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.key === current);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    const t = next === null ? undefined : tabs[next];
    if (!t) return;
    e.preventDefault();
    onOpen(t.key);
    refs.current[t.key]?.focus();
  };
  const Container = props.as ?? 'div';
  return (
    <Container className={props.className} role="tablist" aria-label={props.label} onKeyDown={onKey}>
      {tabs.map((t) => (
        <button
          key={t.key}
          ref={(el) => {
            refs.current[t.key] = el;
          }}
          type="button"
          role="tab"
          id={`${prefix}-tab-${t.key}`}
          data-testid={`${prefix}-tab-${t.key}`}
          className={props.tabClassName}
          aria-selected={current === t.key}
          aria-controls={`${prefix}-panel-${t.key}`}
          tabIndex={current === t.key ? 0 : -1}
          onClick={() => onOpen(t.key)}
        >
          {t.label}
          {props.after?.(t.key)}
        </button>
      ))}
    </Container>
  );
}
