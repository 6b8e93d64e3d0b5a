import { kindStyle } from '../chart/kinds';
import { KindBadge } from './KindBadge';

interface Props {
  /** Style keys of the kinds on the chart, in vocabulary order. */
  kinds: string[];
  hasChild: boolean;
  hasHotspot: boolean;
  /** A link held under conditions is on the chart. */
  hasHeldLink?: boolean;
}

/** A key to what is on the chart now, not to the whole vocabulary: fewer things to read at 2 a.m. */
export function Legend({ kinds, hasChild, hasHotspot, hasHeldLink = false }: Props) {
  if (kinds.length === 0) return null;
  return (
    <div className="legend" aria-label="Key">
      {kinds.map((k) => (
        <span key={k} className="legend-item" data-testid={`legend-${k}`}>
          <KindBadge kind={k} /> {kindStyle(k).name}
        </span>
      ))}
      {hasChild && (
        <span className="legend-item">
          <span className="mark mark-child" aria-hidden="true" /> Child
        </span>
      )}
      {hasHeldLink && (
        <span className="legend-item" data-testid="legend-held-link" title="A link held under conditions by another agency: ask them for access">
          <span className="mark-line mark-held" aria-hidden="true" /> Held link
        </span>
      )}
      {hasHotspot && (
        <span className="legend-item">
          <span className="mark mark-hotspot" aria-hidden="true" /> Hotspot
        </span>
      )}
    </div>
  );
}
