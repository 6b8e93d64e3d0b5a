/** Small text helpers shared by the workspace, its panels and its actions. */

/** "1 entity", "3 entities". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A file name part from a chart name: letters, digits, dashes; "chart" when nothing is left. */
export const fileBase = (name: string | null): string =>
  (name ?? 'chart').replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-') || 'chart';

/** Today as YYYY-MM-DD, for file names. */
export const today = (): string => new Date().toISOString().slice(0, 10);
