import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { placeLabels, shortPlaceLabel } from '../chart/mapLabels';
import { fetchMapStyle } from '../api/graph';
import './MapPanel.css';

/** MapLibre is loaded only when a base map is configured. */
const BaseMap = lazy(() => import('./BaseMap'));

export interface Place {
  id: string;
  label: string;
  lat: number;
  lon: number;
  hotspot: boolean;
  /** Records linked to the place on the chart. */
  count: number;
  outOfView: boolean;
}

interface Props {
  places: Place[];
  selected: Set<string>;
  onSelect(id: string, add: boolean): void;
}

const PAD = 22;

/**
 * Places on the chart. With a base map configured (MAP_STYLE_URL, see BaseMap.tsx) on that map;
 * otherwise, and whenever MapLibre cannot start, on a plain projection of their coordinates: no map
 * tiles, nothing fetched from the internet. Circle size says how many records on the chart are
 * linked to the place; hotspots have a red ring; names are shown wherever they fit without
 * overlapping (selected places first). Click selects on the chart (Shift+click adds).
 * data-testids: map (data-renderer plain | maplibre), map-point (data-id, data-count), map-label,
 * map-empty, map-fallback.
 */
export function MapPanel({ places, selected, onSelect }: Props) {
  const [styleUrl, setStyleUrl] = useState<string | null>(null);
  const [baseMapFailed, setBaseMapFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void fetchMapStyle().then((u) => live && setStyleUrl(u));
    return () => {
      live = false;
    };
  }, []);
  const useBaseMap = !!styleUrl && !baseMapFailed && places.length > 0;
  return (
    <div className="map" data-testid="map" data-renderer={useBaseMap ? 'maplibre' : 'plain'}>
      <div className="dock-head">
        <span>
          Places <span className="muted small">({places.length} · size = linked records)</span>
        </span>
        {baseMapFailed && (
          <span className="muted small" data-testid="map-fallback" title={baseMapFailed}>
            base map unavailable: plain map
          </span>
        )}
      </div>
      {useBaseMap ? (
        <Suspense fallback={<p className="muted dock-empty">Loading the base map…</p>}>
          <BaseMap styleUrl={styleUrl} places={places} selected={selected} onSelect={onSelect} onFail={setBaseMapFailed} />
        </Suspense>
      ) : (
        <PlainMap places={places} selected={selected} onSelect={onSelect} />
      )}
    </div>
  );
}

function PlainMap({ places, selected, onSelect }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 360, h: 190 });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: Math.max(200, el.clientWidth), h: Math.max(120, el.clientHeight) }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const proj = useMemo(() => {
    if (!places.length) return null;
    const lats = places.map((p) => p.lat);
    const lons = places.map((p) => p.lon);
    const [la0, la1, lo0, lo1] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
    // Equirectangular, with longitude shrunk by cos(latitude) so a street grid keeps its shape.
    const k = Math.cos((((la0 + la1) / 2) * Math.PI) / 180);
    const spanX = Math.max((lo1 - lo0) * k, 0.002);
    const spanY = Math.max(la1 - la0, 0.002);
    const scale = Math.min((size.w - 2 * PAD) / spanX, (size.h - 2 * PAD) / spanY);
    const cx = (lo0 + lo1) / 2;
    const cyy = (la0 + la1) / 2;
    return {
      x: (lon: number) => size.w / 2 + (lon - cx) * k * scale,
      y: (lat: number) => size.h / 2 - (lat - cyy) * scale,
      // A scale bar of a round number of metres (1 degree of latitude ≈ 111 km).
      metresPerPx: 111_000 / scale,
    };
  }, [places, size]);

  const maxCount = Math.max(1, ...places.map((p) => p.count));
  const radius = (p: Place) => 4 + 10 * Math.sqrt(p.count / maxCount);
  const bar = proj ? [50, 100, 200, 500, 1000, 2000, 5000].find((m) => m / proj.metresPerPx >= 40) ?? 5000 : 0;
  const labels = useMemo(
    () =>
      proj
        ? placeLabels(
            places.map((p) => {
              const sel = selected.has(p.id);
              return { id: p.id, x: proj.x(p.lon), y: proj.y(p.lat), r: radius(p), text: shortPlaceLabel(p.label), priority: (sel ? 1e6 : 0) + (p.hotspot ? 1e3 : 0) + p.count - (p.outOfView ? 500 : 0), must: sel };
            }),
            size.w,
            // Clear of the scale bar at the bottom.
            size.h - 20,
          )
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [proj, places, selected, size],
  );

  return (
    <div className="plain-map" ref={box}>
      {!proj && (
        <p className="muted dock-empty" data-testid="map-empty">
          No place with coordinates on the chart. Locations appear here when they are on the chart.
        </p>
      )}
      {proj && (
        <svg width={size.w} height={size.h} role="img" aria-label="Map of places on the chart">
          <rect x={0} y={0} width={size.w} height={size.h} className="map-bg" />
          {places.map((p) => {
            const r = radius(p);
            const cls = `map-point${p.hotspot ? ' hot' : ''}${selected.has(p.id) ? ' sel' : ''}${p.outOfView ? ' out' : ''}`;
            return (
              <g key={p.id} className={cls} data-testid="map-point" data-id={p.id} data-count={p.count} onClick={(e) => onSelect(p.id, e.shiftKey)} role="button" aria-label={`${p.label}: ${p.count} linked`}>
                <title>{`${p.label}${p.hotspot ? ' — hotspot' : ''}\n${p.count} linked record${p.count === 1 ? '' : 's'} on the chart`}</title>
                <circle cx={proj.x(p.lon)} cy={proj.y(p.lat)} r={r} />
                {p.count > 1 && (
                  <text x={proj.x(p.lon)} y={proj.y(p.lat) + 4} textAnchor="middle">
                    {p.count}
                  </text>
                )}
              </g>
            );
          })}
          {labels.map((l) => (
            <text key={l.id} x={l.x} y={l.y} textAnchor={l.anchor} className={`map-label${selected.has(l.id) ? ' sel' : ''}`} data-testid="map-label" data-id={l.id}>
              {l.text}
            </text>
          ))}
          <g className="map-scale">
            <line x1={10} x2={10 + bar / proj.metresPerPx} y1={size.h - 10} y2={size.h - 10} />
            <text x={10} y={size.h - 14}>
              {bar >= 1000 ? `${bar / 1000} km` : `${bar} m`}
            </text>
          </g>
        </svg>
      )}
    </div>
  );
}
