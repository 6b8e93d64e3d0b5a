import { useEffect, useMemo, useRef, useState } from 'react';
import { kindStyle } from '../chart/kinds';
import { TIMELINE_LANES, type DatedEvent } from '../chart/dates';

interface Props {
  events: DatedEvent[];
  /** Ids out of view now (filtered or hidden): drawn faint. */
  outOfView: Set<string>;
  selected: Set<string>;
  from: string;
  to: string;
  /** Brushing a range sets the date filter; '' clears it. */
  onRange(from: string, to: string): void;
  onSelect(id: string, add: boolean): void;
}

const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const LANE_H = 22;
const AXIS_H = 22;
const LEFT = 118;

/**
 * The chart's dated records on a time axis, one lane per kind of event. Drag across the axis to set
 * the date filter; click an item to select it on the chart (Shift+click adds). A small SVG of its
 * own: no timeline library to fit to React 19, and it redraws 5,000 items without trouble.
 * data-testids: timeline, timeline-item (data-id), timeline-brush, timeline-clear, timeline-empty.
 */
export function TimelinePanel({ events, outOfView, selected, from, to, onRange, onSelect }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(300, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const lanes = useMemo(() => TIMELINE_LANES.filter((l) => events.some((e) => e.lane === l)), [events]);
  const [t0, t1] = useMemo(() => {
    if (!events.length) return [0, 1];
    const lo = toMs(events[0]!.date);
    const hi = Math.max(...events.map((e) => toMs(e.endDate ?? e.date)));
    const pad = Math.max(15 * DAY, (hi - lo) * 0.03);
    return [lo - pad, hi + pad];
  }, [events]);

  const plotW = width - LEFT - 12;
  const x = (ms: number) => LEFT + ((ms - t0) / (t1 - t0)) * plotW;
  const msAt = (px: number) => t0 + ((Math.min(Math.max(px, LEFT), LEFT + plotW) - LEFT) / plotW) * (t1 - t0);
  const height = AXIS_H + lanes.length * LANE_H + 6;

  const ticks = useMemo(() => {
    const y0 = new Date(t0).getUTCFullYear();
    const y1 = new Date(t1).getUTCFullYear();
    const years = y1 - y0;
    const out: { ms: number; label: string }[] = [];
    if (years >= 2) {
      const step = Math.ceil(years / 10);
      for (let y = y0 + 1; y <= y1; y += step) out.push({ ms: Date.UTC(y, 0, 1), label: String(y) });
    } else {
      const start = new Date(Date.UTC(y0, new Date(t0).getUTCMonth() + 1, 1));
      for (let m = start.getTime(); m < t1; m = Date.UTC(new Date(m).getUTCFullYear(), new Date(m).getUTCMonth() + 1, 1)) {
        out.push({ ms: m, label: new Date(m).toLocaleDateString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }) });
      }
    }
    return out;
  }, [t0, t1]);

  if (!events.length) {
    return (
      <div className="timeline" ref={box} data-testid="timeline">
        <p className="muted dock-empty" data-testid="timeline-empty">
          No dated events on the chart. Incidents, missing episodes, notices, meetings and licence events appear here when they are on the chart.
        </p>
      </div>
    );
  }

  const localX = (e: React.MouseEvent) => e.clientX - (e.currentTarget as SVGElement).getBoundingClientRect().left;
  const rangeX = from || to ? { a: x(from ? toMs(from) : t0), b: x(to ? toMs(to) + DAY : t1) } : null;
  const brush = drag ? { a: Math.min(drag.x0, drag.x1), b: Math.max(drag.x0, drag.x1) } : rangeX;

  return (
    <div className="timeline" ref={box} data-testid="timeline">
      <div className="dock-head">
        <span>
          Timeline <span className="muted small">({events.length} dated · drag to filter by date)</span>
        </span>
        {(from || to) && (
          <button className="link-button" data-testid="timeline-clear" onClick={() => onRange('', '')}>
            clear {from || '…'} – {to || '…'}
          </button>
        )}
      </div>
      <svg
        width={width}
        height={height}
        data-testid="timeline-brush"
        role="img"
        aria-label="Timeline of dated events"
        onMouseDown={(e) => {
          if ((e.target as Element).closest('.tl-item')) return;
          const px = localX(e);
          setDrag({ x0: px, x1: px });
        }}
        onMouseMove={(e) => drag && setDrag({ ...drag, x1: localX(e) })}
        onMouseUp={() => {
          if (!drag) return;
          const a = Math.min(drag.x0, drag.x1);
          const b = Math.max(drag.x0, drag.x1);
          setDrag(null);
          if (b - a < 4) return; // a click, not a brush
          onRange(toIso(msAt(a)), toIso(msAt(b)));
        }}
        onMouseLeave={() => setDrag(null)}
      >
        {ticks.map((t) => (
          <g key={t.ms}>
            <line x1={x(t.ms)} x2={x(t.ms)} y1={AXIS_H - 4} y2={height} className="tl-grid" />
            <text x={x(t.ms) + 3} y={14} className="tl-tick">
              {t.label}
            </text>
          </g>
        ))}
        {lanes.map((l, i) => (
          <text key={l} x={6} y={AXIS_H + i * LANE_H + 15} className="tl-lane">
            {l}
          </text>
        ))}
        {brush && <rect x={brush.a} y={AXIS_H - 4} width={Math.max(1, brush.b - brush.a)} height={height - AXIS_H + 4} className="tl-brush" />}
        {events.map((ev) => {
          const lane = lanes.indexOf(ev.lane);
          const cy = AXIS_H + lane * LANE_H + 11;
          const xa = x(toMs(ev.date));
          const xb = ev.endDate ? x(toMs(ev.endDate)) : xa;
          const colour = kindStyle(ev.kind).color;
          const cls = `tl-item${outOfView.has(ev.id) ? ' out' : ''}${selected.has(ev.id) ? ' sel' : ''}`;
          return (
            <g
              key={ev.id}
              className={cls}
              data-testid="timeline-item"
              data-id={ev.id}
              onClick={(e) => onSelect(ev.id, e.shiftKey)}
              role="button"
              aria-label={`${ev.lane}: ${ev.label}, ${ev.date}`}
            >
              <title>{`${ev.label} — ${ev.date}${ev.endDate ? ` to ${ev.endDate}` : ''}`}</title>
              {xb - xa > 3 && <rect x={xa} y={cy - 3} width={xb - xa} height={6} rx={3} fill={colour} opacity={0.5} />}
              <circle cx={xa} cy={cy} r={5.5} fill={colour} />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
