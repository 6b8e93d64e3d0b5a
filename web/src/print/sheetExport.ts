/**
 * The picture exports of the chart, all as the printed sheet (light page, title, date, author,
 * marking, key): SVG, PNG, PDF (A4 or A3 landscape) and the browser's print. The caller has already
 * recorded the export in the audit log.
 */
import type cytoscape from 'cytoscape';
import { fetchMe } from '../api/session';
import { download } from '../chart/export';
import { printSheet, sheetPdf, sheetPng, sheetSvgFile } from '../chart/printExport';
import type { Annotations } from '../chart/annotations';
import type { SheetMeta } from '../chart/printSheet';
import { printSettings } from './printSettings';

export type SheetFormat = 'PNG' | 'SVG' | 'PDF' | 'PRINT';
export const isSheetFormat = (f: string): f is SheetFormat => f === 'PNG' || f === 'SVG' || f === 'PDF' || f === 'PRINT';

/** Who printed it: the signed-in user as the server knows them (not what the page may claim). */
async function author(): Promise<string> {
  try {
    return (await fetchMe())?.username ?? 'unknown user';
  } catch {
    return 'unknown user';
  }
}

/** The sheet's title: the chart's name, else the one operation on the chart, else a plain one. */
export function sheetTitle(cy: cytoscape.Core, chartName: string | null): string {
  if (chartName?.trim()) return chartName.trim();
  const operations = cy.nodes('[sk = "Operation"]').filter((n) => n.visible());
  return operations.length === 1 ? String(operations[0]!.data('label')) : 'Link chart';
}

export async function sheetMeta(title: string, annotations?: Annotations): Promise<SheetMeta> {
  return { title, author: await author(), when: new Date(), marking: printSettings().marking, ...(annotations ? { annotations } : {}) };
}

/** Makes and offers the file (or opens the print dialog). `base` is the file name without extension. */
export async function exportSheet(cy: cytoscape.Core, format: SheetFormat, chartName: string | null, base: string, annotations?: Annotations): Promise<void> {
  const meta = await sheetMeta(sheetTitle(cy, chartName), annotations);
  const { page } = printSettings();
  if (format === 'SVG') download(`${base}.svg`, sheetSvgFile(cy, meta), 'image/svg+xml');
  else if (format === 'PNG') download(`${base}.png`, await sheetPng(cy, meta), 'image/png');
  else if (format === 'PDF') download(`${base}-${page}.pdf`, await sheetPdf(cy, meta, page), 'application/pdf');
  else printSheet(cy, meta, page);
}
