import type { Highlight } from '../chart/overlays';
import type { RankMeasure } from '../api/analysis';
import { PathScopeChoice, RouteStepper } from './PathRoutes';
import type { PathChoice } from '../chart/pathScope';

interface Props {
  /** Entities selected on the chart. */
  selectedNodes: number;
  /** Rank, communities and coverage are analyst-only on the server; licensing sees paths only. */
  analyst: boolean;
  rank: RankMeasure | '';
  onRank(m: RankMeasure | ''): void;
  communities: boolean;
  onCommunities(on: boolean): void;
  /** Communities found on the chart, when colouring by community. */
  communityCount: number | null;
  highlight: Highlight;
  onHighlight(h: Highlight): void;
  onPaths(): void;
  onConnecting(): void;
  onNeverActioned(): void;
  /** "12 of 80 never actioned" after the coverage question, else null. */
  coverageText: string | null;
  operationName: string | null;
  /** Which links paths and connecting networks follow (the choice is shown when this is given). */
  pathChoice?: PathChoice;
  onPathChoice?(c: PathChoice): void;
  /** The chart filters' choice in words ("evidential links, as of 2010-06-30"). */
  filtersScopeText?: string;
  /** The routes of the last path search, in words; null before one. */
  routes?: string[] | null;
  /** The route marked on its own, or null when all are. */
  routeIndex?: number | null;
  onRouteIndex?(i: number | null): void;
}

/**
 * Questions asked of the graph from the chart, and how the chart is styled by their answers.
 * data-testids: analysis-paths, analysis-connecting, rank-measure, colour-communities, highlight,
 * never-actioned, coverage-text; the link choice and routes: see PathRoutes.tsx.
 */
export function AnalysisPanel(p: Props) {
  return (
    <section className="panel-section" aria-label="Analysis">
      <h3>Between the selected</h3>
      <div className="button-row">
        <button
          className="primary"
          data-testid="analysis-paths"
          disabled={p.selectedNodes !== 2}
          onClick={p.onPaths}
          title="All shortest routes (up to 4 hops) between the two selected entities, over the links chosen below (S)"
        >
          Shortest paths
        </button>
        <button
          data-testid="analysis-connecting"
          disabled={p.selectedNodes < 2 || p.selectedNodes > 10}
          onClick={p.onConnecting}
          title="Everything that joins the selected entities (2 to 10) within 4 hops, over the links chosen below (N)"
        >
          Connecting network
        </button>
      </div>
      <p className="muted small">
        {p.selectedNodes < 2
          ? 'Select two entities (Shift+click) for paths; two to ten for a connecting network.'
          : `${p.selectedNodes} selected.`}
      </p>
      {/* The answer first (it is what the analyst just asked for), then what the next search follows. */}
      {p.routes && p.onRouteIndex && <RouteStepper routes={p.routes} index={p.routeIndex ?? null} onIndex={p.onRouteIndex} />}
      {p.pathChoice && p.onPathChoice && <PathScopeChoice choice={p.pathChoice} onChange={p.onPathChoice} filtersText={p.filtersScopeText ?? 'evidential links'} />}

      {p.analyst && (
        <>
          <h3>Style by analysis</h3>
          <label className="field">
            <span>Size by rank</span>
            <select data-testid="rank-measure" value={p.rank} onChange={(e) => p.onRank(e.target.value as RankMeasure | '')}>
              <option value="">no ranking</option>
              <option value="DEGREE">most connected (degree)</option>
              <option value="BETWEENNESS">brokers (betweenness)</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" data-testid="colour-communities" checked={p.communities} onChange={(e) => p.onCommunities(e.target.checked)} />
            Colour by community
            {p.communities && p.communityCount !== null && <span className="muted small"> — {p.communityCount} on the chart</span>}
          </label>
        </>
      )}
      <label className="field">
        <span>Highlight</span>
        <select data-testid="highlight" value={p.highlight} onChange={(e) => p.onHighlight(e.target.value as Highlight)}>
          <option value="none">nothing</option>
          <option value="children">children</option>
          <option value="notices">abduction notices</option>
          <option value="hotspots">hotspots</option>
          {p.analyst && <option value="never-actioned">never actioned (operation)</option>}
        </select>
      </label>

      {p.analyst && p.operationName && (
        <>
          <h3>{p.operationName}</h3>
          <button data-testid="never-actioned" onClick={p.onNeverActioned} title="Who on the operation's chart had nothing done: no arrest, charge, notice or licensing action">
            Never actioned on this operation
          </button>
          {p.coverageText && (
            <p className="coverage" data-testid="coverage-text">
              {p.coverageText}
            </p>
          )}
        </>
      )}
    </section>
  );
}
