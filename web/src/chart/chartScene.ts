/**
 * The chart as plain drawing instructions (a "scene"): what is visible, where, in which shape and
 * colour, read from Cytoscape's computed style. Exports draw the scene as SVG (chartSvg.ts) instead
 * of asking a canvas-to-SVG shim to replay the renderer, which lost the rounded shapes (incident,
 * place, phone) and the glyphs. Reading happens here; drawing is pure and unit-tested.
 */
import type cytoscape from 'cytoscape';

export interface Pt {
  x: number;
  y: number;
}

export interface SceneNode {
  id: string;
  /** Style key of the kind ('Person', 'Phone', ...), '' for groups. */
  kind: string;
  x: number;
  y: number;
  w: number;
  h: number;
  shape: string;
  polygonPoints?: number[];
  fill: string;
  fillOpacity: number;
  border: { width: number; color: string; style: string; opacity: number };
  /** Background images (glyphs, pictograms): data or http URLs, each w*h fractions of the node. */
  images: { url: string; w: number; h: number }[];
  underlay: { color: string; padding: number; opacity: number } | null;
  outline: { color: string; width: number; offset: number } | null;
  label: string;
  labelColor: string;
  fontSize: number;
  fontWeight: string;
  fontStyle: string;
  /** Where the label sits against the node (Cytoscape's text-valign and text-halign). */
  labelAt: 'bottom' | 'top' | 'center';
  labelSide: 'left' | 'right' | 'center';
  /** Widest label before an ellipsis; Infinity when the style does not cut labels (text-wrap: none). */
  labelMaxWidth: number;
  /** text-margin-y and text-margin-x. */
  labelMargin: number;
  labelMarginX: number;
  opacity: number;
  isGroup: boolean;
}

export interface SceneEdge {
  id: string;
  /** Path: start, then either straight to end, or through quadratic control points as Cytoscape does. */
  points: Pt[];
  curve: 'straight' | 'bezier';
  width: number;
  color: string;
  lineStyle: string;
  dash: number[];
  opacity: number;
  targetArrow: { shape: string; color: string; size: number } | null;
  sourceArrow: { shape: string; color: string; size: number } | null;
  label: string;
  labelColor: string;
  fontSize: number;
  mid: Pt;
}

export interface Scene {
  /** Model-coordinate bounds of everything drawn, labels included. */
  bounds: { x1: number; y1: number; x2: number; y2: number };
  groups: SceneNode[];
  edges: SceneEdge[];
  nodes: SceneNode[];
  /** The analyst's notes and arrows, as SVG drawn over the chart (printNotes.ts); print only. */
  annotations?: string;
}

const num = (ele: cytoscape.SingularElementArgument, prop: string): number => {
  const v = (ele as unknown as { numericStyle(p: string): number }).numericStyle(prop);
  return Number.isFinite(v) ? v : 0;
};
const str = (ele: cytoscape.SingularElementArgument, prop: string): string => String(ele.style(prop) ?? '');

/** Cytoscape's arrow size rule: max((width * 13.37)^0.9, 29) * arrow-scale. */
const arrowSize = (width: number, scale: number) => Math.max(Math.pow(width * 13.37, 0.9), 29) * scale;

function readNode(n: cytoscape.NodeSingular): SceneNode {
  const isGroup = n.isParent();
  const bb = isGroup ? n.boundingBox({ includeLabels: false, includeOverlays: false } as cytoscape.BoundingBoxOptions) : null;
  const pos = n.position();
  const w = bb ? bb.w : n.width();
  const h = bb ? bb.h : n.height();
  const images: SceneNode['images'] = [];
  const bg = (n as unknown as { pstyle(p: string): { value: unknown } }).pstyle('background-image').value;
  const urls = (Array.isArray(bg) ? bg : [bg]).filter((u): u is string => typeof u === 'string' && u !== 'none' && u !== '');
  const pct = (prop: string) => {
    const s = str(n, prop);
    return s.endsWith('%') ? parseFloat(s) / 100 : s === 'auto' ? 1 : (parseFloat(s) || w) / w;
  };
  for (const url of urls) images.push({ url, w: pct('background-width'), h: pct('background-height') });
  const underlayOpacity = num(n, 'underlay-opacity');
  const outlineWidth = num(n, 'outline-width');
  const valign = str(n, 'text-valign');
  // A group's title sits above its box whatever the side setting says.
  const halign = isGroup ? 'center' : str(n, 'text-halign');
  const polygon = str(n, 'shape') === 'polygon' ? str(n, 'shape-polygon-points').split(/\s+/).map(Number) : undefined;
  return {
    id: n.id(),
    kind: isGroup ? '' : String(n.data('sk') ?? n.data('kind') ?? ''),
    x: bb ? (bb.x1 + bb.x2) / 2 : pos.x,
    y: bb ? (bb.y1 + bb.y2) / 2 : pos.y,
    w,
    h,
    shape: str(n, 'shape'),
    ...(polygon ? { polygonPoints: polygon } : {}),
    fill: str(n, 'background-color'),
    fillOpacity: num(n, 'background-opacity'),
    border: { width: num(n, 'border-width'), color: str(n, 'border-color'), style: str(n, 'border-style'), opacity: num(n, 'border-opacity') },
    images,
    underlay: underlayOpacity > 0 ? { color: str(n, 'underlay-color'), padding: num(n, 'underlay-padding'), opacity: underlayOpacity } : null,
    outline: outlineWidth > 0 ? { color: str(n, 'outline-color'), width: outlineWidth, offset: num(n, 'outline-offset') } : null,
    label: str(n, 'label'),
    labelColor: str(n, 'color'),
    fontSize: num(n, 'font-size') || 13,
    fontWeight: str(n, 'font-weight') || 'normal',
    fontStyle: str(n, 'font-style') || 'normal',
    labelAt: valign === 'top' ? 'top' : valign === 'center' ? 'center' : 'bottom',
    labelSide: halign === 'left' ? 'left' : halign === 'right' ? 'right' : 'center',
    labelMaxWidth: str(n, 'text-wrap') === 'ellipsis' ? num(n, 'text-max-width') || 200 : Infinity,
    labelMargin: Math.abs(num(n, 'text-margin-y')),
    labelMarginX: Math.abs(num(n, 'text-margin-x')),
    opacity: n.effectiveOpacity(),
    isGroup,
  };
}

function readEdge(e: cytoscape.EdgeSingular): SceneEdge {
  const src = e.sourceEndpoint();
  const tgt = e.targetEndpoint();
  const curveStyle = str(e, 'curve-style');
  const ctrl = curveStyle === 'bezier' || curveStyle === 'unbundled-bezier' ? e.controlPoints() : curveStyle === 'segments' ? e.segmentPoints() : undefined;
  const width = num(e, 'width');
  const arrowScale = num(e, 'arrow-scale') || 1;
  const arrow = (end: 'target' | 'source') => {
    const shape = str(e, `${end}-arrow-shape`);
    return shape && shape !== 'none' ? { shape, color: str(e, `${end}-arrow-color`), size: arrowSize(width, arrowScale) } : null;
  };
  const dash = str(e, 'line-dash-pattern')
    .split(/[\s,]+/)
    .map(Number)
    .filter((v) => Number.isFinite(v) && v > 0);
  return {
    id: e.id(),
    points: [src, ...(ctrl ?? []), tgt].map((p) => ({ x: p.x, y: p.y })),
    curve: ctrl && ctrl.length && curveStyle !== 'segments' ? 'bezier' : 'straight',
    width,
    color: str(e, 'line-color'),
    lineStyle: str(e, 'line-style'),
    dash,
    opacity: e.effectiveOpacity(),
    targetArrow: arrow('target'),
    sourceArrow: arrow('source'),
    label: str(e, 'label'),
    labelColor: str(e, 'color'),
    fontSize: num(e, 'font-size') || 9,
    mid: e.midpoint(),
  };
}

/** The visible chart as a scene. Hidden and filtered elements (display: none) are left out, as on screen. */
export function readScene(cy: cytoscape.Core): Scene {
  const visible = cy.elements().filter((el) => el.visible());
  const bb = visible.boundingBox({ includeLabels: true, includeOverlays: false } as cytoscape.BoundingBoxOptions);
  const nodes = visible.nodes().map((n) => readNode(n));
  return {
    bounds: { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 },
    // Outer groups first, so a nested group draws over its parent.
    groups: nodes.filter((n) => n.isGroup).sort((a, b) => b.w * b.h - a.w * a.h),
    edges: visible.edges().map((e) => readEdge(e)),
    nodes: nodes.filter((n) => !n.isGroup),
  };
}
