import type cytoscape from 'cytoscape';

/** Space left between a box's edge and an entity moved out of it (model units). */
const MARGIN = 36;

type Box = { x1: number; y1: number; x2: number; y2: number };
const inside = (b: Box, p: cytoscape.Position) => p.x > b.x1 && p.x < b.x2 && p.y > b.y1 && p.y < b.y2;

/**
 * Entities just added to the chart that the layout dropped onto a box they are not in (one of the
 * operation's disposition boxes, a group) are moved just outside it, across its nearest edge:
 * drawn inside "Suspects identified (72)", a licensing contact reads as a suspect. Members of a box
 * (its children) stay where they are.
 */
export function keepOutOfBoxes(cy: cytoscape.Core, added: cytoscape.NodeCollection): number {
  const boxes = cy.nodes().filter((n) => n.isParent());
  if (boxes.empty()) return 0;
  let moved = 0;
  added.forEach((n) => {
    if (n.isParent() || n.isChild() || n.locked()) return;
    // A few passes: moving out of one box may land in a neighbouring one.
    for (let pass = 0; pass < 4; pass++) {
      const p = n.position();
      const box = boxes.filter((b) => inside(b.boundingBox({ includeLabels: false }), p))[0];
      if (!box) break;
      const bb = box.boundingBox({ includeLabels: false });
      const ways = [
        { x: bb.x1 - MARGIN, y: p.y, d: p.x - bb.x1 },
        { x: bb.x2 + MARGIN, y: p.y, d: bb.x2 - p.x },
        { x: p.x, y: bb.y1 - MARGIN, d: p.y - bb.y1 },
        { x: p.x, y: bb.y2 + MARGIN, d: bb.y2 - p.y },
      ].sort((a, b) => a.d - b.d);
      n.position({ x: ways[0]!.x, y: ways[0]!.y });
      moved++;
    }
  });
  return moved;
}
