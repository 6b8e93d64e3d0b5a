import type cytoscape from 'cytoscape';
import { KIND_STYLES, glyphImage } from './kinds';
import { scaled } from './labels';
import { edgeWords } from './linkWords';
import { BANDS } from './operationBoxes';

/** Canvas background; labels get an outline in this colour so they stay legible over links. */
export const CANVAS_BG = '#151a21';

const CHILD_BORDER = '#5ee6ff';
const HOTSPOT = '#ff5252';
const SELECTED = '#ffe27a';

type Block = { selector: string; style: Record<string, string | number | ((ele: cytoscape.SingularElementArgument) => number)> };

/**
 * The chart's stylesheet. Node data used by selectors (set in merge.ts): `sk` style key, `child`,
 * `hotspot`, `restricted`; edge data: `type`, `nsources` (number of Reports behind the link).
 */
export function chartStyle(): cytoscape.StylesheetJson {
  const blocks: Block[] = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: '#e7ecf2',
        // Label sizes follow the zoom below 1:1 (labels.ts), so names stay legible on a fitted chart.
        'font-size': scaled(13),
        'font-family': 'Segoe UI, Helvetica Neue, Arial, sans-serif',
        // Names to the right of the node, on one line: a chart in rows (the operation's boxes) then
        // has room for every name, and a long one ends in an ellipsis rather than in the next node.
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': scaled(5),
        'text-wrap': 'ellipsis',
        'text-max-width': scaled(88),
        'text-outline-color': CANVAS_BG,
        'text-outline-width': scaled(1.6),
        // Names vanish when the chart is zoomed far out: at that scale they are noise, and drawing
        // thousands of labels is what makes big charts slow.
        'min-zoomed-font-size': 7,
        'background-color': '#9aa4b1',
        'background-fit': 'none',
        'background-width': '62%',
        'background-height': '62%',
        'background-clip': 'none',
        'border-width': 2,
        'border-color': '#0b0e13',
        'border-opacity': 0.9,
        width: 44,
        height: 44,
      },
    },
    ...KIND_STYLES.map(
      (k): Block => ({
        selector: `node[sk = "${k.key}"]`,
        style: {
          shape: k.shape,
          'background-color': k.color,
          'background-image': glyphImage(k),
          width: k.size,
          height: k.size,
        },
      }),
    ),
    {
      // Held under conditions by another agency: a grey square with a lock, outlined dashed, its
      // label ("1 item held by …") in grey italics. Neutral: it says nothing about what is held.
      selector: 'node[sk = "HeldItem"]',
      style: {
        'background-color': '#3b434e',
        'background-width': '78%',
        'background-height': '78%',
        'border-style': 'dashed',
        'border-width': 2.5,
        'border-color': '#b7c0cb',
        'border-opacity': 1,
        color: '#b7c0cb',
        'font-style': 'italic',
      },
    },
    {
      // A protected address or placement: dashed, so nobody reads it out in a meeting by accident.
      selector: 'node[?restricted]',
      style: { 'border-style': 'dashed', 'border-width': 3, 'border-color': '#f4f6f8' },
    },
    {
      // Children must never be missed on a chart: a thick double cyan ring, unlike any kind colour.
      selector: 'node[?child]',
      style: { 'border-style': 'double', 'border-width': 7, 'border-color': CHILD_BORDER, 'border-opacity': 1 },
    },
    {
      // Hotspot locations glow red behind the node, which still leaves the border free for other marks.
      selector: 'node[?hotspot]',
      style: {
        'underlay-color': HOTSPOT,
        'underlay-padding': 12,
        'underlay-opacity': 0.5,
        'underlay-shape': 'ellipse',
      },
    },
    {
      // Another child shown only as a descriptor ('looked-after girl, 15'): never a name.
      selector: 'node.descriptor',
      style: { 'font-style': 'italic', color: '#a8eefb' },
    },
    {
      // A child's own phone in a strategy meeting: never to be called (it could warn an abuser).
      selector: 'node.no-contact',
      style: { 'border-style': 'solid', 'border-width': 4, 'border-color': '#ff7b72', 'border-opacity': 1 },
    },
    {
      // The child a strategy meeting is about: larger, with a soft cyan halo, findable at a glance.
      selector: 'node.focal',
      style: {
        width: 66,
        height: 66,
        'underlay-color': CHILD_BORDER,
        'underlay-padding': 16,
        'underlay-opacity': 0.28,
        'underlay-shape': 'ellipse',
        'font-size': scaled(17),
        'font-weight': 'bold',
        'min-zoomed-font-size': 0,
        'z-index': 15,
      },
    },
    {
      selector: 'edge',
      style: {
        // More independent Reports behind a link make it thicker (DESIGN §6).
        width: 'mapData(nsources, 0, 4, 1.6, 5)',
        'line-color': '#5f6f84',
        'target-arrow-color': '#5f6f84',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        // In words ("knows (lives with)"), level so the label-fitting boxes match what is drawn.
        label: edgeWords as unknown as string,
        'font-size': scaled(10),
        color: '#b3bfcd',
        'text-rotation': 'none',
        'text-background-color': CANVAS_BG,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        // Link types only appear once zoomed in past 1:1; zoomed out they would bury the names.
        'min-zoomed-font-size': 8,
      },
    },
    {
      // Operation membership shown by its box (operationBoxes.ts): the link itself would be one of
      // eighty spokes to the operation.
      selector: 'edge.boxed',
      style: { display: 'none' },
    },
    {
      // A link held under conditions by another agency: grey, finely dashed, no direction, whatever
      // its grade would say (it has no visible report to grade).
      selector: 'edge[type = "HELD"]',
      style: {
        'line-color': '#8b949e',
        'line-style': 'dashed',
        'line-dash-pattern': [4, 4] as unknown as number,
        'target-arrow-shape': 'none',
        width: 1.8,
        opacity: 0.9,
        label: 'held',
        color: '#b7c0cb',
        'font-style': 'italic',
      },
    },
    {
      // A contested link (issue 20 item 6): the reports behind it disagree (one grades it A-C,
      // another E). Drawn two-tone, amber and blue, whatever its grade would say: both assessments
      // stand, and a low grade never hides it. The legend explains it.
      selector: 'edge[?contested]',
      style: {
        'line-fill': 'linear-gradient',
        'line-gradient-stop-colors': '#f0a830 #f0a830 #4aa3ff #4aa3ff',
        'line-gradient-stop-positions': '0% 50% 50% 100%',
        'line-style': 'solid',
        'target-arrow-color': '#4aa3ff',
        width: 3.4,
        label: 'contested',
        color: '#f3c77a',
      },
    },
    {
      // Links of the selected node, so its connections stand out in a dense chart.
      selector: 'edge.of-selected',
      style: { 'line-color': '#a9bdd6', 'target-arrow-color': '#a9bdd6', color: '#e7ecf2', 'z-index': 5 },
    },
    {
      selector: 'node:selected',
      style: {
        'outline-width': 4,
        'outline-color': SELECTED,
        'outline-offset': 3,
        'outline-opacity': 1,
        color: SELECTED,
        'font-size': scaled(15),
        'font-weight': 'bold',
        'min-zoomed-font-size': 0,
        'z-index': 20,
      },
    },
    {
      selector: 'edge:selected',
      style: {
        'line-color': SELECTED,
        'target-arrow-color': SELECTED,
        color: SELECTED,
        'font-size': scaled(11),
        'min-zoomed-font-size': 0,
        'z-index': 20,
      },
    },
    {
      // The analyst's own hide, and what filters take out of view: gone from the canvas (their links
      // too), still on the chart, back when shown again or the filter is lifted.
      selector: '.hidden, .filtered',
      style: { display: 'none' },
    },
    {
      // A group of entities (compound node): a tinted, outlined box with its name above it, so a
      // group reads as a thing on the chart (and in a greyscale printout).
      selector: 'node[?isGroup]',
      style: {
        shape: 'round-rectangle',
        'background-color': '#8fb4ff',
        'background-opacity': 0.1,
        'background-image': 'none',
        'border-width': 2,
        'border-style': 'solid',
        'border-color': '#8fb4ff',
        'border-opacity': 0.75,
        padding: '22px',
        // The box hugs its members, not their (zoom-sized, maybe hidden) names: boxes side by side
        // stay apart at any zoom.
        'compound-sizing-wrt-labels': 'exclude',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': scaled(-4),
        'text-wrap': 'none',
        'font-size': scaled(15),
        'font-weight': 'bold',
        color: '#cfe0ff',
        'min-zoomed-font-size': 5,
      },
    },
    // A band of an operation (operationBoxes.ts) in its own tint: convicted, charged, victims… Told
    // by the box's id, which a saved or restored chart keeps.
    ...BANDS.map(
      (b): Block => ({
        selector: `node[?isGroup][id ^= "box:"][id $= ":${b.key}"]`,
        style: { 'background-color': b.colour, 'border-color': b.colour, color: b.colour },
      }),
    ),
    {
      // Size by a rank measure (DEGREE, BETWEENNESS): `rank` is the score scaled to 0-1.
      selector: 'node.ranked',
      style: { width: 'mapData(rank, 0, 1, 28, 110)', height: 'mapData(rank, 0, 1, 28, 110)' },
    },
    {
      // Colour by community (Louvain): glyph and shape still say the kind.
      selector: 'node.in-community',
      style: { 'background-color': 'data(commColor)' },
    },
    {
      // Pinned: layouts leave it where the analyst put it.
      selector: 'node.pinned',
      style: { 'border-width': 4, 'border-style': 'solid', 'border-color': '#ffd36e', 'border-opacity': 1 },
    },
    {
      selector: '.dim',
      style: { opacity: 0.16 },
    },
    {
      selector: 'node.hl',
      style: { 'underlay-color': '#ffe27a', 'underlay-padding': 14, 'underlay-opacity': 0.45, 'underlay-shape': 'ellipse', 'z-index': 12 },
    },
    {
      // A path or connecting network the analyst asked for.
      selector: 'edge.path-hl',
      style: { 'line-color': '#ff9f43', 'target-arrow-color': '#ff9f43', width: 6, 'z-index': 14, color: '#ffd1a3', 'min-zoomed-font-size': 0 },
    },
    {
      selector: 'node.path-hl',
      style: { 'outline-width': 4, 'outline-color': '#ff9f43', 'outline-offset': 3, 'outline-opacity': 1, 'z-index': 14 },
    },
    {
      // Grading (3x5x2) of the best report behind a link: a weaker link is drawn lighter, never hidden.
      selector: 'edge[strength = "fair"]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 5] as unknown as number },
    },
    {
      selector: 'edge[strength = "doubtful"]',
      style: { 'line-style': 'dotted', opacity: 0.8 },
    },
    {
      // Label fitting (labels.ts): a label that would overlap another is not drawn…
      selector: '.label-off',
      style: { 'text-opacity': 0 },
    },
    {
      // …until the pointer is on its element (or a neighbour), or the element is selected.
      selector: '.label-hover, :selected',
      style: { 'text-opacity': 1, 'min-zoomed-font-size': 0, 'z-index': 30 },
    },
    {
      // The entity under the pointer, or selected, shows its whole name (wrapped, not cut short by
      // the ellipsis that keeps neighbouring names apart), on a backing that reads over the links.
      selector: 'node.label-hover, node:selected',
      style: {
        'text-wrap': 'wrap',
        'text-max-width': '240px',
        'text-background-color': '#0d1117',
        'text-background-opacity': 0.88,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
      },
    },
    {
      // Brief highlight of what an expansion or search just added.
      selector: '.fresh',
      style: { 'overlay-color': '#ffe27a', 'overlay-opacity': 0.14, 'overlay-padding': 8, 'overlay-shape': 'ellipse' },
    },
  ];
  return blocks as unknown as cytoscape.StylesheetJson;
}
