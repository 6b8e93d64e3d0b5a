/**
 * Concerns per year as small inline bars: one bar per year of the shared range, so operators can be
 * compared row by row. The numbers are in the title and the accessible label.
 */
export function Trend({ trend, years, max }: { trend: Record<string, number>; years: string[]; max: number }) {
  if (years.length === 0) return <span className="muted">—</span>;
  const w = 10;
  const gap = 2;
  const h = 28;
  const words = years.filter((y) => trend[y]).map((y) => `${y}: ${trend[y]}`).join(', ') || 'no concerns';
  return (
    <svg
      className="trend"
      width={years.length * (w + gap)}
      height={h}
      viewBox={`0 0 ${years.length * (w + gap)} ${h}`}
      role="img"
      aria-label={`Concerns per year, ${years[0]} to ${years[years.length - 1]}: ${words}`}
      data-testid="operator-trend"
    >
      <title>{words}</title>
      {years.map((y, i) => {
        const n = trend[y] ?? 0;
        const bh = n === 0 ? 1 : Math.max(3, Math.round((n / Math.max(1, max)) * (h - 2)));
        return <rect key={y} x={i * (w + gap)} y={h - bh} width={w} height={bh} rx={1} className={n === 0 ? 'trend-zero' : 'trend-bar'} />;
      })}
    </svg>
  );
}

/** Every year from the earliest to the latest in any of the trends, and the largest count. */
export function trendScale(trends: Record<string, number>[]): { years: string[]; max: number } {
  const all = trends.flatMap((t) => Object.keys(t)).filter((y) => /^\d{4}$/.test(y)).map(Number);
  if (!all.length) return { years: [], max: 0 };
  const years: string[] = [];
  for (let y = Math.min(...all); y <= Math.max(...all); y++) years.push(String(y));
  const max = Math.max(0, ...trends.flatMap((t) => Object.values(t)));
  return { years, max };
}
