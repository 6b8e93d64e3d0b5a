/**
 * What a query asks of a field's answer, so that a resolver can leave out work nobody asked for
 * (a search's per-hit context is one more database read). Fragments and inline fragments count;
 * directives (@skip/@include) are not evaluated: a field under one counts as asked, which only
 * ever does the work when it might not have been needed.
 */
import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function selectsIn(set: SelectionSetNode | undefined, name: string, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  if (!set) return false;
  for (const s of set.selections) {
    if (s.kind === 'Field' && s.name.value === name) return true;
    if (s.kind === 'InlineFragment' && selectsIn(s.selectionSet, name, fragments, seen)) return true;
    if (s.kind === 'FragmentSpread' && !seen.has(s.name.value)) {
      seen.add(s.name.value);
      if (selectsIn(fragments[s.name.value]?.selectionSet, name, fragments, seen)) return true;
    }
  }
  return false;
}

/** True when the query asks for `name` directly under the field being resolved (or when unsure: no info). */
export function asksFor(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> | undefined, name: string): boolean {
  if (!info) return true;
  return info.fieldNodes.some((node) => selectsIn(node.selectionSet, name, info.fragments, new Set()));
}
