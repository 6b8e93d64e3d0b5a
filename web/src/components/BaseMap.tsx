/**
 * The places on a real base map, drawn by MapLibre GL JS from the configured style (MAP_STYLE_URL).
 * Loaded only when a style is configured (MapPanel imports this lazily), so the plain map costs the
 * app nothing. Places are HTML markers (a dot sized by linked records, a red ring for hotspots); their
 * labels are placed without overlap after every move, as on the plain map (chart/mapLabels.ts).
 * data-testids: base-map, map-point (data-id, data-count), map-label.
 */
import { useEffect, useRef } from 'react';
import { LngLatBounds, Map as MapLibreMap, Marker, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { placeLabels, shortPlaceLabel } from '../chart/mapLabels';
import type { Place } from './MapPanel';
import './MapPanel.css';

// The worker is served from the app's own files (CSP: worker-src 'self').
setWorkerUrl(workerUrl);

interface Props {
  styleUrl: string;
  places: Place[];
  selected: Set<string>;
  onSelect(id: string, add: boolean): void;
  /** MapLibre could not start (no WebGL, style unreachable): the panel falls back to the plain map. */
  onFail(reason: string): void;
}

interface PlaceMarker {
  place: Place;
  marker: Marker;
  label: HTMLElement;
  r: number;
}

/** Places the markers' labels without overlap for the map's current view, selected places first. */
function relabel(m: MapLibreMap, markers: PlaceMarker[], selected: Set<string>): void {
  const { clientWidth: w, clientHeight: h } = m.getContainer();
  const points = markers.map(({ place, marker, r }) => {
    const at = m.project(marker.getLngLat());
    const sel = selected.has(place.id);
    return { id: place.id, x: at.x, y: at.y, r, text: shortPlaceLabel(place.label), priority: (sel ? 1e6 : 0) + (place.hotspot ? 1e3 : 0) + place.count, must: sel };
  });
  // Clear of the zoom buttons (top right) and the attribution (bottom right).
  const shown = new Map(placeLabels(points, w - 44, h - 20).map((l) => [l.id, l]));
  for (const { place, label } of markers) {
    const l = shown.get(place.id);
    label.hidden = !l;
    label.dataset.side = l?.anchor === 'end' ? 'left' : l?.anchor === 'middle' ? (l.y < (points.find((p) => p.id === place.id)?.y ?? 0) ? 'above' : 'below') : 'right';
  }
}

export default function BaseMap({ styleUrl, places, selected, onSelect, onFail }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const markers = useRef<PlaceMarker[]>([]);
  const latest = useRef({ onSelect, onFail, selected });
  latest.current = { onSelect, onFail, selected };

  useEffect(() => {
    if (!box.current) return;
    let m: MapLibreMap;
    try {
      m = new MapLibreMap({ container: box.current, style: styleUrl, attributionControl: { compact: true }, center: [0, 0], zoom: 1 });
    } catch (e) {
      latest.current.onFail(e instanceof Error ? e.message : String(e));
      return;
    }
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    m.on('error', (e) => {
      // A style that cannot be loaded leaves a blank map: say so and use the plain one.
      if (!m.isStyleLoaded()) latest.current.onFail(e.error?.message ?? 'the base map could not be loaded');
    });
    map.current = m;
    return () => {
      map.current = null;
      m.remove();
    };
  }, [styleUrl]);

  // Places as markers, the view fitted to them.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    for (const x of markers.current) x.marker.remove();
    const maxCount = Math.max(1, ...places.map((p) => p.count));
    markers.current = places.map((place) => {
      const el = document.createElement('div');
      el.className = `bm-place${place.hotspot ? ' hot' : ''}${place.outOfView ? ' out' : ''}`;
      el.dataset.testid = 'map-point';
      el.dataset.id = place.id;
      el.dataset.count = String(place.count);
      el.title = `${place.label}${place.hotspot ? ' — hotspot' : ''}\n${place.count} linked record${place.count === 1 ? '' : 's'} on the chart`;
      const d = 8 + 20 * Math.sqrt(place.count / maxCount);
      el.style.width = el.style.height = `${d}px`;
      const dot = document.createElement('span');
      dot.className = 'bm-dot';
      const label = document.createElement('span');
      label.className = 'bm-label';
      label.dataset.testid = 'map-label';
      label.textContent = shortPlaceLabel(place.label);
      el.append(dot, label);
      if (place.count > 1) {
        const count = document.createElement('span');
        count.className = 'bm-count';
        count.textContent = String(place.count);
        el.append(count);
      }
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        latest.current.onSelect(place.id, e.shiftKey);
      });
      const marker = new Marker({ element: el }).setLngLat([place.lon, place.lat]).addTo(m);
      return { place, marker, label, r: d / 2 };
    });
    if (places.length) {
      const b = new LngLatBounds();
      for (const p of places) b.extend([p.lon, p.lat]);
      m.fitBounds(b, { padding: 40, maxZoom: 16, duration: 0 });
    }
    relabel(m, markers.current, latest.current.selected);
  }, [places]);

  // Selection rings, and labels placed again after every move or zoom.
  useEffect(() => {
    for (const { place, marker } of markers.current) marker.getElement().classList.toggle('sel', selected.has(place.id));
    if (map.current) relabel(map.current, markers.current, selected);
  }, [selected]);
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const onView = () => relabel(m, markers.current, latest.current.selected);
    m.on('moveend', onView);
    m.on('resize', onView);
    return () => {
      m.off('moveend', onView);
      m.off('resize', onView);
    };
  }, [styleUrl]);

  return <div ref={box} className="base-map" data-testid="base-map" />;
}
