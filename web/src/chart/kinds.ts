import type cytoscape from 'cytoscape';

/**
 * How each kind of entity looks. Shape, colour and a one- or two-letter glyph all differ, so kinds
 * stay distinguishable for colour-blind users, on a projector, and in a greyscale printout.
 */
export interface KindStyle {
  /** Key used in chart data and style selectors ('other' for anything outside the vocabulary). */
  key: string;
  /** Human name shown in legends and the details panel. */
  name: string;
  glyph: string;
  color: string;
  shape: cytoscape.Css.NodeShape;
  /** Node diameter in model units. */
  size: number;
  /** A drawn symbol instead of the glyph letters (an SVG data URI): the held item's lock. */
  image?: string;
}

const K = (key: string, name: string, glyph: string, color: string, shape: cytoscape.Css.NodeShape, size = 44): KindStyle => ({
  key,
  name,
  glyph,
  color,
  shape,
  size,
});

/** Colours are mid-light tones that keep dark glyphs readable and sit calmly on the dark canvas. */
export const KIND_STYLES: readonly KindStyle[] = [
  K('Person', 'Person', 'P', '#7fb2f0', 'ellipse'),
  K('Officer', 'Officer', 'Of', '#a7a3f5', 'octagon'),
  K('Phone', 'Phone', 'Ph', '#6fd3c5', 'round-rectangle', 40),
  K('Email', 'Email', '@', '#9fd8f5', 'round-tag', 40),
  K('Vehicle', 'Vehicle', 'V', '#f2c46d', 'barrel'),
  K('Location', 'Location', 'L', '#94d69a', 'round-pentagon'),
  K('Incident', 'Incident', 'I', '#f5a373', 'round-diamond', 46),
  K('Crime', 'Crime', 'C', '#f07f7f', 'diamond', 46),
  K('Operator', 'Operator', 'Op', '#d5a9f5', 'round-hexagon', 48),
  K('Licence', 'Licence', 'Li', '#e3d98a', 'cut-rectangle', 40),
  K('Notice', 'Notice', 'N', '#f59ac4', 'round-triangle', 48),
  K('Meeting', 'Meeting', 'M', '#b8c8d8', 'heptagon'),
  K('Operation', 'Operation', 'Opn', '#ffd36e', 'concave-hexagon', 64),
  K('Report', 'Report', 'R', '#c8ccd2', 'rectangle', 38),
  K('PhoneCall', 'Phone call', 'Ca', '#8fc9bf', 'rhomboid', 36),
  K('Object', 'Object', 'Ob', '#c9b79c', 'bottom-round-rectangle', 38),
  K('PostCode', 'Postcode', 'Pc', '#a9c9a0', 'tag', 36),
  K('Area', 'Area', 'A', '#9fbf9a', 'hexagon', 40),
  K('other', 'Other', '?', '#9aa4b1', 'vee', 40),
  // Something held under conditions by another agency (DESIGN.md §6): neutral grey, square, a lock,
  // drawn with a dashed outline (style.ts) so it never reads as a kind of thing.
  { ...K('HeldItem', 'Held item', '', '#8b949e', 'rectangle', 40), image: lockImage() },
];

const byKey = new Map(KIND_STYLES.map((k) => [k.key, k]));

/** The style key for an entity kind; unknown labels share the generic 'other' look. */
export function styleKey(kind: string): string {
  return byKey.has(kind) ? kind : 'other';
}

export function kindStyle(kind: string): KindStyle {
  return byKey.get(styleKey(kind)) ?? (byKey.get('other') as KindStyle);
}

/**
 * The glyph drawn inside a node, as an SVG data URI. Canvas can only draw one label per node and
 * that label is the entity's name, so the glyph goes in as a background image instead. Width and
 * height are explicit because Firefox will not draw an SVG without them onto a canvas.
 */
export function glyphImage(k: KindStyle): string {
  if (k.image) return k.image;
  const fontSize = k.glyph.length >= 3 ? 30 : k.glyph.length === 2 ? 38 : 50;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">` +
    `<text x="50" y="52" text-anchor="middle" dominant-baseline="central" ` +
    `font-family="Segoe UI, Helvetica Neue, Arial, sans-serif" font-weight="700" font-size="${fontSize}" ` +
    `fill="#0d1117">${escapeXml(k.glyph)}</text></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** A padlock, dark on the held item's grey, in the glyphs' 100x100 box. */
function lockImage(): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">` +
    `<path d="M35 47 V35 a15 15 0 0 1 30 0 V47" fill="none" stroke="#0d1117" stroke-width="8"/>` +
    `<rect x="25" y="46" width="50" height="36" rx="5" fill="#0d1117"/>` +
    `<circle cx="50" cy="61" r="5" fill="#8b949e"/><rect x="47.5" y="62" width="5" height="10" fill="#8b949e"/></svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
