import type cytoscape from 'cytoscape';
// Material Design Icons (Pictogrammers, Apache-2.0): each export is one 24x24 SVG path, so only the
// icons named here reach the bundle.
import {
  mdiAccount, mdiAccountGroup, mdiAlert, mdiCar, mdiCardAccountDetails, mdiCellphone, mdiEmail, mdiFileDocument,
  mdiFileDocumentAlert, mdiHandcuffs, mdiHelp, mdiHomeMapMarker, mdiLock, mdiMailbox, mdiMapOutline, mdiPackageVariant,
  mdiPhoneInTalk, mdiPoliceBadge, mdiShieldSearch, mdiTaxi,
} from '@mdi/js';

/**
 * How each kind of entity looks. Shape, colour and a pictogram all differ, so kinds stay
 * distinguishable for colour-blind users, on a projector, and in a greyscale printout. The letters
 * (`glyph`) remain for plain-text places (CSV, screen readers' titles).
 */
export interface KindStyle {
  /** Key used in chart data and style selectors ('other' for anything outside the vocabulary). */
  key: string;
  /** Human name shown in legends and the details panel. */
  name: string;
  glyph: string;
  /** The pictogram: an SVG path in a 24x24 box (Material Design Icons). */
  icon: string;
  color: string;
  shape: cytoscape.Css.NodeShape;
  /** Node diameter in model units. */
  size: number;
}

const K = (key: string, name: string, glyph: string, icon: string, color: string, shape: cytoscape.Css.NodeShape, size = 44): KindStyle => ({
  key,
  name,
  glyph,
  icon,
  color,
  shape,
  size,
});

/** Colours are mid-light tones that keep dark glyphs readable and sit calmly on the dark canvas. */
export const KIND_STYLES: readonly KindStyle[] = [
  K('Person', 'Person', 'P', mdiAccount, '#7fb2f0', 'ellipse'),
  K('Officer', 'Officer', 'Of', mdiPoliceBadge, '#a7a3f5', 'octagon'),
  K('Phone', 'Phone', 'Ph', mdiCellphone, '#6fd3c5', 'round-rectangle', 40),
  K('Email', 'Email', '@', mdiEmail, '#9fd8f5', 'round-tag', 40),
  K('Vehicle', 'Vehicle', 'V', mdiCar, '#f2c46d', 'barrel'),
  K('Location', 'Location', 'L', mdiHomeMapMarker, '#94d69a', 'round-pentagon'),
  K('Incident', 'Incident', 'I', mdiAlert, '#f5a373', 'round-diamond', 46),
  K('Crime', 'Crime', 'C', mdiHandcuffs, '#f07f7f', 'diamond', 46),
  K('Operator', 'Operator', 'Op', mdiTaxi, '#d5a9f5', 'round-hexagon', 48),
  K('Licence', 'Licence', 'Li', mdiCardAccountDetails, '#e3d98a', 'cut-rectangle', 40),
  K('Notice', 'Notice', 'N', mdiFileDocumentAlert, '#f59ac4', 'round-triangle', 48),
  K('Meeting', 'Meeting', 'M', mdiAccountGroup, '#b8c8d8', 'heptagon'),
  K('Operation', 'Operation', 'Opn', mdiShieldSearch, '#ffd36e', 'concave-hexagon', 64),
  K('Report', 'Report', 'R', mdiFileDocument, '#c8ccd2', 'rectangle', 38),
  K('PhoneCall', 'Phone call', 'Ca', mdiPhoneInTalk, '#8fc9bf', 'rhomboid', 36),
  K('Object', 'Object', 'Ob', mdiPackageVariant, '#c9b79c', 'bottom-round-rectangle', 38),
  K('PostCode', 'Postcode', 'Pc', mdiMailbox, '#a9c9a0', 'tag', 36),
  K('Area', 'Area', 'A', mdiMapOutline, '#9fbf9a', 'hexagon', 40),
  K('other', 'Other', '?', mdiHelp, '#9aa4b1', 'vee', 40),
  // Something held under conditions by another agency (DESIGN.md §6): neutral grey, square, a lock,
  // drawn with a dashed outline (style.ts) so it never reads as a kind of thing.
  K('HeldItem', 'Held item', '', mdiLock, '#8b949e', 'rectangle', 40),
];

const byKey = new Map(KIND_STYLES.map((k) => [k.key, k]));

/** The style key for an entity kind; unknown labels share the generic 'other' look. */
export function styleKey(kind: string): string {
  return byKey.has(kind) ? kind : 'other';
}

export function kindStyle(kind: string): KindStyle {
  return byKey.get(styleKey(kind)) ?? (byKey.get('other') as KindStyle);
}

/** A kind's pictogram as a standalone SVG document (dark on the node's colour), e.g. for SVG export. */
export function kindIconSvg(k: KindStyle, fill = '#0d1117'): string {
  // Width and height are explicit: Firefox will not draw an SVG without them onto a canvas.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 24 24"><path fill="${fill}" d="${k.icon}"/></svg>`;
}

/**
 * The pictogram drawn inside a node, as an SVG data URI. Canvas draws one label per node and that
 * label is the entity's name, so the pictogram goes in as a background image.
 */
export function glyphImage(k: KindStyle): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(kindIconSvg(k))}`;
}
