/** The preview as an analyst reads it: each row's entities and links in words. Pure. */
import type { Json } from '../api';
import type { ImportPreviewEntity, ImportPreviewLink, ImportPreviewRow } from './importApi';

/** A property value as one line of text. */
export function valueText(v: Json | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => valueText(x)).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** "phoneNo +447700900123 · raw 07700 900123", the label itself left out. */
export function propertiesText(props: Record<string, Json> | null | undefined, skip: readonly string[] = []): string {
  if (!props) return '';
  return Object.entries(props)
    .filter(([k, v]) => !skip.includes(k) && v !== null && v !== undefined && valueText(v) !== '')
    .map(([k, v]) => `${k} ${valueText(v)}`)
    .join(' · ');
}

/** What an entity of the preview will do: "new", or which existing entity it joins, and why. */
export function matchText(e: ImportPreviewEntity): string {
  if (!e.match) return 'New';
  const who = e.match.entity.label || e.match.entity.id;
  return `Matches existing ${e.match.entity.kind} “${who}” (${e.match.entity.id}): ${e.match.reason}`;
}

/** A link in words, its ends by the entities' labels in that row: "07700 900123 —CONTACTED→ 07700 900456". */
export function linkText(link: ImportPreviewLink, row: Pick<ImportPreviewRow, 'entities'>): string {
  const label = (key: string) => row.entities.find((e) => e.key === key)?.label || key;
  const props = propertiesText(link.properties);
  return `${label(link.from)} —${link.type}→ ${label(link.to)}${props ? ` (${props})` : ''}`;
}

/** The counts at the top of the preview, in words. */
export function previewSummary(p: { rows: unknown[]; entityCount: number; linkCount: number; matchedCount: number; rejected: unknown[] }): string {
  const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-GB')} ${k === 1 ? one : many}`;
  return `${n(p.rows.length, 'row', 'rows')} previewed: ${n(p.entityCount, 'entity', 'entities')} (${n(p.matchedCount, 'matches an existing one', 'match existing ones')}), ${n(p.linkCount, 'link', 'links')}, ${n(p.rejected.length, 'row rejected', 'rows rejected')}.`;
}
