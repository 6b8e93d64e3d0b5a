import { useState } from 'react';
import { legendContent, NO_FACTS, type LegendFacts, type Mark } from '../chart/legend';
import { KindBadge } from './KindBadge';
import './Legend.css';

interface Props {
  /** What is on the chart (chart/legend.ts `legendFacts`). */
  facts?: LegendFacts;
  /** Older callers: the kinds and marks only. */
  kinds?: string[];
  hasChild?: boolean;
  hasHotspot?: boolean;
  hasHeldLink?: boolean;
  /**
   * 'strip': a collapsible band under the chart, outside the canvas (the workspace); 'overlay': a
   * small box over the chart's corner (views with no room for a strip).
   */
  placement?: 'strip' | 'overlay';
}

function MarkIcon({ mark }: { mark: Mark }) {
  switch (mark.type) {
    case 'kind':
      return <KindBadge kind={mark.kind} />;
    case 'line':
      return (
        <svg className="legend-line" width="34" height="12" aria-hidden="true">
          <line
            x1="2"
            y1="6"
            x2="32"
            y2="6"
            stroke={mark.colour}
            strokeWidth={mark.width}
            strokeDasharray={mark.dash === 'dashed' ? '7 4' : mark.dash === 'dotted' ? '1.5 3' : undefined}
            strokeLinecap={mark.dash === 'dotted' ? 'round' : 'butt'}
          />
          {mark.colour2 && <line x1="17" y1="6" x2="32" y2="6" stroke={mark.colour2} strokeWidth={mark.width} />}
        </svg>
      );
    case 'swatch':
      return <span className="legend-swatch" style={{ background: mark.colour }} aria-hidden="true" />;
    case 'ring':
      return <span className={`legend-ring legend-ring-${mark.style}`} style={{ borderColor: mark.colour, color: mark.colour }} aria-hidden="true" />;
    case 'box':
      return <span className="legend-box" style={{ borderColor: mark.colour, background: `${mark.colour}22` }} aria-hidden="true" />;
  }
}

/**
 * The chart's key: only what is on the chart now (fewer things to read at 2 a.m.), in sections —
 * kinds, marks, links (thickness and dashes), boxes, community colours, analysis rings. As a strip
 * it sits under the chart, never over a node, and folds away to one line.
 */
export function Legend({ facts, kinds = [], hasChild = false, hasHotspot = false, hasHeldLink = false, placement = 'overlay' }: Props) {
  // Open where there is room for it; on a short window the key starts folded to one line.
  const [open, setOpen] = useState(() => placement === 'overlay' || typeof window === 'undefined' || window.innerHeight >= 900);
  const f = facts ?? { ...NO_FACTS, kinds, child: hasChild, hotspot: hasHotspot, heldLink: hasHeldLink };
  const sections = legendContent(f);
  if (sections.length === 0) return null;
  return (
    <div className={`legend legend-${placement}${open ? '' : ' legend-closed'}`} aria-label="Key" data-testid="legend">
      {placement === 'strip' && (
        <button className="legend-toggle" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="legend-toggle" title={open ? 'Fold the key away' : 'Show the key'}>
          Key {open ? '▾' : '▸'}
        </button>
      )}
      {!open && <span className="legend-folded">{sections.map((s) => s.title.toLowerCase()).join(', ')}</span>}
      {open &&
        sections.map((s) => (
          <div key={s.key} className="legend-section" data-testid={`legend-section-${s.key}`}>
            {placement === 'strip' && <span className="legend-title">{s.title}</span>}
            {s.items.map((it) => (
              <span key={it.key} className="legend-item" data-testid={`legend-${it.key.replace(/^kind-/, '')}`} title={it.hint}>
                <MarkIcon mark={it.mark} /> {it.label}
              </span>
            ))}
          </div>
        ))}
    </div>
  );
}
