/**
 * The entities an import created or matched, onto the analyst's chart: what the import's report
 * mentions, with the links among them, as one undo step.
 */
import { fetchNeighbourhood } from '../api';
import { layoutAdded, selectOnly, viewportCentre } from '../chart/cy';
import { flashFresh, mergeSubgraphPaced } from '../chart/merge';
import type { ChartOps } from '../store/chartOps';

/** At most this many of the report's entities come onto the chart at once. */
export const OPEN_LIMIT = 500;

export function openReportOnChart(ops: ChartOps, reportId: string, what: string): Promise<void> {
  return ops.track(
    'Bringing the imported entities onto the chart…',
    async () => {
      const mentioned = await fetchNeighbourhood({ ids: [reportId], hops: 1, linkTypes: ['MENTIONS'], limit: OPEN_LIMIT + 1 });
      const ids = mentioned.nodes.map((n) => n.id).filter((id) => id !== reportId);
      if (ids.length === 0) {
        ops.say('The import’s report mentions no entity you can open.');
        return;
      }
      // Those entities and the links among them (no room for further neighbours).
      const sub = await fetchNeighbourhood({ ids, hops: 1, limit: ids.length });
      const cy = ops.cy;
      if (cy.destroyed()) return;
      ops.record(`Open ${what}`);
      const { addedNodes, addedEdges } = await mergeSubgraphPaced(cy, { ...sub, nodes: sub.nodes.filter((n) => ids.includes(n.id)) }, { around: viewportCentre(cy) });
      if (cy.destroyed()) return;
      flashFresh(addedNodes.union(addedEdges));
      await layoutAdded(cy, addedNodes);
      if (ids[0]) selectOnly(cy, ids[0]);
      cy.animate({ fit: { eles: cy.nodes().filter((n) => ids.includes(n.id())), padding: 40 } }, { duration: 300 });
      const more = mentioned.truncated ? ` (the first ${OPEN_LIMIT}; expand them for the rest)` : '';
      ops.say(`${what}: ${addedNodes.length} entities added to the chart, ${ids.length - addedNodes.length} already on it${more}.`);
    },
    () => void openReportOnChart(ops, reportId, what),
  );
}
