/**
 * Labels on paper. On screen, label sizes follow the zoom and labels that would overlap are hidden
 * until hovered (labels.ts); paper has no hover and one scale. So the printed labels are sized for
 * the sheet (never under MIN_PT points, whatever the screen's zoom was) and the same fitting picks
 * the ones that can be drawn without covering another label or an entity.
 */
import type { Scene } from './chartScene';
import { labelBox } from './chartSvg';
import { fitLabels } from './labels';

/** The smallest label that reads on paper, in points. */
export const MIN_PT = 6.5;
/** Cytoscape's base label size at 1:1 (style.ts). */
const BASE_FONT = 13;

/**
 * Rescales the scene's labels from the screen's zoom (`screenScale`, the factor labels.ts applied)
 * to the sheet's scale (`printScale`, points per model unit), then drops node labels that would
 * overlap. Returns how many names were left out.
 */
export function fitLabelsForPrint(scene: Scene, screenScale: number, printScale: number): number {
  const grow = Math.max(1, MIN_PT / (BASE_FONT * printScale)) / (screenScale || 1);
  for (const n of [...scene.nodes, ...scene.groups]) {
    n.fontSize *= grow;
    n.labelMargin *= grow;
    n.labelMarginX *= grow;
    if (Number.isFinite(n.labelMaxWidth)) n.labelMaxWidth *= grow;
  }
  for (const e of scene.edges) e.fontSize *= grow;
  const labelled = scene.nodes.filter((n) => n.label);
  const candidates = labelled.map((n) => ({
    id: n.id,
    box: labelBox(n),
    // Bold labels (the selected, the child a meeting is about) first, then bigger entities.
    priority: (n.fontWeight === 'bold' || Number(n.fontWeight) >= 600 ? 1000 : 0) + n.w,
  }));
  const obstacles = scene.nodes.map((n) => ({ owner: n.id, box: { x1: n.x - n.w / 2, y1: n.y - n.h / 2, x2: n.x + n.w / 2, y2: n.y + n.h / 2 } }));
  const shown = fitLabels(candidates, obstacles, 2);
  let left = 0;
  for (const n of labelled) {
    if (shown.has(n.id)) continue;
    n.label = '';
    left++;
  }
  return left;
}
