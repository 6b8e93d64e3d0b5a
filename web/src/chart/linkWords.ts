/**
 * Link types in words for the chart ("lives with", "phone contact"). The table lives with the
 * server's vocabulary (server/domain/linkWords.ts) so the strategy-meeting PDF and the chart read the
 * same; that file is pure data, safe in the browser bundle.
 */
import type cytoscape from 'cytoscape';
import { linkWords } from '../../../server/domain/linkWords';

export { LINK_WORDS, linkWords } from '../../../server/domain/linkWords';

/** A chart edge's words, from its data (`type` and the link's properties). */
export function edgeWords(e: cytoscape.EdgeSingular): string {
  const link = e.data('link') as { properties?: Record<string, unknown> } | undefined;
  return linkWords(String(e.data('type') ?? ''), link?.properties ?? {});
}
