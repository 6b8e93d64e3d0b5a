import { kindStyle } from '../chart/kinds';

/** The kind's glyph in its chart colour: the same cue in search results, details and the legend. */
export function KindBadge({ kind }: { kind: string }) {
  const k = kindStyle(kind);
  if (k.image) {
    return <span className={`glyph glyph-image glyph-${k.key}`} style={{ backgroundColor: k.color, backgroundImage: `url("${k.image}")` }} title={k.name} aria-hidden="true" />;
  }
  return (
    <span className="glyph" style={{ background: k.color }} title={k.name} aria-hidden="true">
      {k.glyph}
    </span>
  );
}
