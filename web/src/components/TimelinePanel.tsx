import { useEffect, useMemo, useRef, useState } from 'react';
import { kindStyle } from '../chart/kinds';
import { TIMELINE_LANES, type DatedEvent } from '../chart/dates';
import { histogram, periodLabel } from '../chart/timelineBins';
import './TimelinePanel.css';

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
/** The histogram of counts per period, between the axis and the lanes. */
const HIST_H = 46;
const LEFT = 118;

/**
 * The chart's dated records on a time axis: how many per period (bars per day, week or month as the
 * range asks; faint where filtered out), then one lane per kind of event. Drag across the axis to
 * set the date filter, or click a bar for its period; click an item to select it on the chart
 * (Shift+click adds). A small SVG of its own: no timeline library to fit to React 19, and it redraws
 * 5,000 items without trouble.
 * data-testids: timeline, timeline-item (data-id), timeline-bar (data-start, data-count),
 * timeline-unit, timeline-brush, timeline-clear, timeline-empty.
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
  const LANES_Y = AXIS_H + HIST_H;
  const height = LANES_Y + lanes.length * LANE_H + 6;
  const counts = useMemo(() => histogram(events, t0, t1, outOfView), [events, t0, t1, outOfView]);
  const maxCount = Math.max(1, ...counts.bins.map((b) => b.count));

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
          if ((e.target as Element).closest('.tl-item, .tl-bar')) return;
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
          <text key={l} x={6} y={LANES_Y + i * LANE_H + 15} className="tl-lane">
            {l}
          </text>
        ))}
        <text x={6} y={AXIS_H + 16} className="tl-lane" data-testid="timeline-unit">
          per {counts.unit}
        </text>
        <text x={LEFT - 6} y={AXIS_H + 8} className="tl-count-max" textAnchor="end">
          {maxCount}
        </text>
        <line x1={LEFT} x2={LEFT + plotW} y1={LANES_Y - 2} y2={LANES_Y - 2} className="tl-hist-base" />
        {counts.bins.map((b) => {
          if (!b.count) return null;
          const xa = x(Math.max(b.start, t0));
          const w = Math.max(1.5, x(Math.min(b.end, t1)) - xa - 1);
          const h = Math.max(2, ((HIST_H - 8) * b.count) / maxCount);
          const hIn = (h * b.inView) / b.count;
          const last = new Date(b.end - DAY).toISOString().slice(0, 10);
          return (
            <g
              key={b.start}
              className="tl-bar"
              data-testid="timeline-bar"
              data-start={toIso(b.start)}
              data-count={b.count}
              onClick={() => onRange(toIso(b.start), last)}
              role="button"
              aria-label={`${periodLabel(b.start, counts.unit)}: ${b.count} dated`}
            >
              <title>{`${periodLabel(b.start, counts.unit)}: ${b.count} dated${b.inView < b.count ? ` (${b.count - b.inView} filtered out)` : ''} — click to filter to it`}</title>
              <rect x={xa} y={LANES_Y - 2 - h} width={w} height={h} className="tl-bar-out" />
              {hIn > 0 && <rect x={xa} y={LANES_Y - 2 - hIn} width={w} height={hIn} className="tl-bar-in" />}
            </g>
          );
        })}
        {brush && <rect x={brush.a} y={AXIS_H - 4} width={Math.max(1, brush.b - brush.a)} height={height - AXIS_H + 4} className="tl-brush" />}
        {events.map((ev) => {
          const lane = lanes.indexOf(ev.lane);
          const cy = LANES_Y + lane * LANE_H + 11;
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
