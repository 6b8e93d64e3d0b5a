/**
 * The chart on paper, made in the browser from what the user sees: the sheet (printSheet.ts) as an
 * SVG file, a PNG, a PDF page (A4 or A3 landscape, vector: jsPDF + svg2pdf.js) or the browser's print
 * dialog. No new data leaves the server for this; callers record the export in the audit first.
 */
import type cytoscape from 'cytoscape';
import type { Annotations } from './annotations';
import { readScene, type Scene } from './chartScene';
import { PRINT_FONT, setTextMeasure } from './chartSvg';
import { annotationsForPrint, annotationsSvg, notesBounds } from './printNotes';
import { chartLegend } from './printLegend';
import { fitLabelsForPrint } from './printLabels';
import { chartFrame, PAGES, sheetSvg, type PageName, type SheetMeta } from './printSheet';

/**
 * The chart's scene as it will be printed on `page` (or a sheet as tall as needed): labels cut where
 * the printed font (Helvetica or its metric twin, measured here) ends them, sized for paper and
 * fitted so none overlaps (printLabels.ts).
 */
function sceneForPrint(cy: cytoscape.Core, page?: PageName, annotations?: Annotations): Scene {
  const ctx = document.createElement('canvas').getContext('2d');
  if (ctx) {
    setTextMeasure((text, size, bold) => {
      ctx.font = `${bold ? 'bold ' : ''}100px ${PRINT_FONT}`;
      return (ctx.measureText(text).width * size) / 100;
    });
  }
  const scene = readScene(cy);
  if (annotations) {
    const { notes, arrows } = annotationsForPrint(cy, annotations);
    const nb = notesBounds(notes);
    if (nb) scene.bounds = { x1: Math.min(scene.bounds.x1, nb.x1), y1: Math.min(scene.bounds.y1, nb.y1), x2: Math.max(scene.bounds.x2, nb.x2), y2: Math.max(scene.bounds.y2, nb.y2) };
    if (notes.length || arrows.length) scene.annotations = annotationsSvg(notes, arrows);
  }
  // labels.ts keeps the factor it sized labels by for the current zoom in the chart's scratch.
  const screenScale = Number(cy.scratch('labelScale')) || 1;
  fitLabelsForPrint(scene, screenScale, chartFrame(scene.bounds, 12, page ? PAGES[page] : undefined).scale);
  return scene;
}

/** The sheet of the visible chart. Without `page` it is as tall as the chart needs. */
export function chartSheet(cy: cytoscape.Core, meta: SheetMeta, opts: { page?: PageName; pixelWidth?: number } = {}) {
  const scene = sceneForPrint(cy, opts.page, meta.annotations);
  return sheetSvg(scene, chartLegend(cy, scene), meta, { ...(opts.page ? { page: PAGES[opts.page] } : {}), ...(opts.pixelWidth ? { pixelWidth: opts.pixelWidth } : {}) });
}

/** The SVG file: the sheet at twice A4 width in pixels (a viewer scales it freely; it is vector). */
export function sheetSvgFile(cy: cytoscape.Core, meta: SheetMeta): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${chartSheet(cy, meta, { pixelWidth: 1684 }).svg}`;
}

async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.decoding = 'async';
  img.src = url;
  await img.decode();
  return img;
}

/**
 * The PNG: the sheet rasterised on white. Wide enough that one model unit of the chart is about
 * one pixel (labels as legible as on screen at 1:1), within 4000 px wide and 16 megapixels, so
 * encoding stays quick on a modest machine.
 */
export async function sheetPng(cy: cytoscape.Core, meta: SheetMeta): Promise<Blob> {
  const scene = sceneForPrint(cy, undefined, meta.annotations);
  const chartW = scene.bounds.x2 - scene.bounds.x1;
  const { width, height } = sheetSvg(scene, [], meta);
  // The chart frame is about 78% of the sheet's width.
  const px = Math.min(4000, Math.max(2000, (chartW / 0.78) * 1.2), Math.sqrt((16e6 * width) / height));
  const { svg } = sheetSvg(scene, chartLegend(cy, scene), meta, { pixelWidth: px });
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(px);
    canvas.height = Math.round((px * height) / width);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the picture (no canvas).');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be made.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The PDF: one landscape page of `page` size, the chart and its key as vector paths and text. */
export async function sheetPdf(cy: cytoscape.Core, meta: SheetMeta, page: PageName): Promise<Blob> {
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  const { svg, width, height } = chartSheet(cy, meta, { page });
  const doc = new jsPDF({ orientation: 'landscape', unit: 'pt', format: page.toLowerCase(), compress: true });
  doc.setProperties({ title: meta.title, author: meta.author, subject: meta.marking, creator: 'Link chart' });
  const el = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  // svg2pdf reads computed styles: the element must be in the document while it is drawn.
  const holder = document.createElement('div');
  holder.style.cssText = 'position:fixed;left:-100000px;top:0;width:1px;height:1px;overflow:hidden';
  holder.appendChild(document.importNode(el, true));
  document.body.appendChild(holder);
  try {
    await svg2pdf(holder.firstElementChild as Element, doc, { x: 0, y: 0, width, height });
  } finally {
    holder.remove();
  }
  return doc.output('blob');
}

/**
 * The browser's print dialog with the sheet alone on the page (its own print stylesheet: the app
 * hidden, @page landscape, no margins: the sheet has its own). The sheet is removed after printing.
 */
export function printSheet(cy: cytoscape.Core, meta: SheetMeta, page: PageName = 'A4'): void {
  document.querySelector('.print-sheet')?.remove();
  const sheet = document.createElement('div');
  sheet.className = 'print-sheet';
  sheet.setAttribute('data-page', page);
  sheet.innerHTML = chartSheet(cy, meta, { page }).svg;
  document.body.appendChild(sheet);
  const style = document.createElement('style');
  style.textContent = [
    `@page { size: ${page} landscape; margin: 0; }`,
    '.print-sheet { display: none; }',
    '@media print { body > *:not(.print-sheet) { display: none !important; } .print-sheet { display: block; } .print-sheet svg { display: block; width: 100vw; height: 100vh; } }',
  ].join('\n');
  sheet.appendChild(style);
  const done = () => {
    sheet.remove();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
