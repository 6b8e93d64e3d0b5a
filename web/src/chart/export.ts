import cytoscape from 'cytoscape';
import svgExport from 'cytoscape-svg';
import { CANVAS_BG } from './style';

cytoscape.use(svgExport);

export { csv, exportedElements, graphml } from './dataExport';

export function pngBlob(cy: cytoscape.Core): Blob {
  // The whole chart at a resolution fit for a briefing slide, on the canvas colour.
  return cy.png({ output: 'blob', full: true, bg: CANVAS_BG, scale: 2, maxWidth: 6000, maxHeight: 6000 }) as unknown as Blob;
}

export function svgText(cy: cytoscape.Core): string {
  return (cy as unknown as { svg(o: Record<string, unknown>): string }).svg({ full: true, bg: CANVAS_BG, scale: 1 });
}

/** Offers a file to the browser as a download. */
export function download(name: string, data: Blob | string, type: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
