/**
 * The link types offered when expanding an entity by type: in words, in the groups the Analysis
 * panel uses for paths (chart/pathScope.ts), and only those that can touch an entity of its labels
 * (DESIGN.md §4, "from → to").
 */
import { LINK_TYPES } from '../vocabulary';
import { LINK_WORDS } from '../chart/linkWords';
import { LINK_GROUPS } from '../chart/pathScope';
import { ANY_LABEL, LINK_ENDS } from '../../../server/domain/linkEnds';

type LinkType = (typeof LINK_TYPES)[number];

export interface ExpandGroup {
  name: string;
  options: { type: string; words: string }[];
}

/** Whether a link of `type` can have an entity with these labels at one end. */
function touches(type: LinkType, labels: string[] | null): boolean {
  if (!labels) return true;
  const [from, to] = LINK_ENDS[type];
  return [...from, ...to].some((l) => l === ANY_LABEL || labels.includes(l));
}

/**
 * The grouped choices for entities with these labels (null: any entity, as for a multiple
 * selection). Types in no group still appear, last, so a new vocabulary type is never lost.
 */
export function expandGroups(labels: string[] | null): ExpandGroup[] {
  const grouped = new Set<string>(LINK_GROUPS.flatMap((g) => g.types));
  const rest: LinkType[] = LINK_TYPES.filter((t) => !grouped.has(t));
  const all = [...LINK_GROUPS, ...(rest.length ? [{ name: 'Other', types: rest }] : [])];
  return all
    .map((g) => ({ name: g.name, options: g.types.filter((t) => touches(t, labels)).map((type) => ({ type, words: LINK_WORDS[type] ?? type.toLowerCase().replace(/_/g, ' ') })) }))
    .filter((g) => g.options.length > 0);
}
