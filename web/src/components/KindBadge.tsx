import { glyphImage, kindStyle } from '../chart/kinds';

/** The kind's pictogram in its chart colour: the same cue on the chart, in search results, details and the legend. */
export function KindBadge({ kind }: { kind: string }) {
  const k = kindStyle(kind);
  return (
    <span
      className={`glyph glyph-image glyph-${k.key}`}
      style={{ backgroundColor: k.color, backgroundImage: `url("${glyphImage(k)}")` }}
      title={k.name}
      aria-hidden="true"
    />
  );
}
