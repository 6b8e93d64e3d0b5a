/**
 * The printable pack of a strategy-meeting view (PDF, pdfkit): the child, the purpose and as-of
 * date, the persons linked to the child with their routes, the chronology, and the network diagram
 * (packDiagram.ts). Built from the view already redacted for the caller's role, so a pack never
 * carries more than the screen would. Words, not codes: link types and values read as sentences.
 */
import type PDFKit from 'pdfkit';
import { linkWords } from '../../domain/linkWords.js';
import { isLinkType } from '../../domain/vocabulary.js';
import { drawNetworkDiagram, type DiagramLink } from './packDiagram.js';

/** The handling marking printed at the top and bottom of every page. */
export const PACK_MARKING = 'OFFICIAL-SENSITIVE';

/** A stored value or route as words: link codes (KNOWS_LW) in words, snake_case values spaced out. */
export function inWords(text: string): string {
  return text
    .replace(/\b[A-Z][A-Z]+(?:_[A-Z]+)*\b/g, (code) => (isLinkType(code) ? linkWords(code) : code))
    .replace(/\b([a-z]+)_([a-z_]+)\b/g, (w) => w.replace(/_/g, ' '));
}

interface PackEntity {
  id: string;
  kind: string;
  label: string;
  properties: Record<string, unknown>;
}
export interface PackView {
  child: PackEntity;
  network: { nodes: PackEntity[]; links: DiagramLink[] };
  chronology: PackEntity[];
  linkedPersons: { entity: PackEntity; score: number; detail: Record<string, unknown> }[];
}

export async function renderPack(view: PackView, meta: { purpose: string; asOf: string; hops: number; generatedBy: string; generatedAt: string }): Promise<Buffer> {
  // Loaded at the first pack, not at start: PDFKit and its fonts are about 13 MB of a server's memory.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: `Strategy meeting pack ${view.child.label}`, Author: meta.generatedBy } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const c = view.child.properties;
  doc.fontSize(9).fillColor('#a00').text('For the strategy meeting named below only. Do not copy or forward.', { align: 'center' });
  doc.moveDown().fillColor('black').fontSize(18).text(`Strategy meeting pack: ${view.child.label}`);
  doc.fontSize(10).text(
    [
      `Purpose: ${meta.purpose}`,
      `As of: ${meta.asOf} · network within ${meta.hops} links · generated ${meta.generatedAt} by ${meta.generatedBy}`,
      `Child: ${[c.pseudonym, c.age !== undefined ? `age ${c.age}` : null, c.lookedAfter ? 'looked after' : null].filter(Boolean).join(', ')}`,
      `Network: ${view.network.nodes.length} entities, ${view.network.links.length} links. Other children appear only as descriptors.`,
    ].join('\n'),
  );

  doc.moveDown().fontSize(14).text(`Persons linked to the child (${view.linkedPersons.length})`);
  doc.fontSize(9);
  if (!view.linkedPersons.length) doc.text('None found by the derived-link rules.');
  for (const p of view.linkedPersons) {
    const d = p.detail;
    const composite = p.score > 1 ? ' — COMPOSITE: linked by more than one independent route' : '';
    doc.font('Helvetica-Bold').text(`${p.entity.label}${composite}`);
    doc.font('Helvetica').text(
      [
        `Routes: ${((d.routes as string[]) ?? []).map(inWords).join('; ')}`,
        `Sources: ${d.sources ?? 0} report(s) · other children linked: ${d.otherChildren ?? 0} · notices served on them: ${d.notices ?? 0}`,
      ].join('\n'),
      { indent: 12 },
    );
    doc.moveDown(0.3);
  }

  doc.moveDown().fontSize(14).text(`Chronology (${view.chronology.length})`);
  doc.fontSize(9);
  for (const e of view.chronology) {
    const p = e.properties;
    const what = inWords([p.kind ?? e.kind, p.summary ?? p.title ?? e.label].filter(Boolean).join(': '));
    const found = p.foundAt ? ` Found at: ${p.foundAt}.` : '';
    const ri = p.kind === 'missing' ? (p.returnInterviewOn ? ` Return interview ${p.returnInterviewOn}.` : ' No return interview recorded.') : '';
    doc.text(`${p.chronologyDate ?? ''}  ${what}.${found}${ri}`, { indent: 0 });
  }

  drawNetworkDiagram(doc, { childId: view.child.id, nodes: view.network.nodes, links: view.network.links, linkedPersonIds: view.linkedPersons.map((p) => p.entity.id), title: `Network diagram: ${view.child.label} (within ${meta.hops} links, as of ${meta.asOf})` });
  stampEveryPage(doc, PACK_MARKING);
  doc.end();
  return done;
}

/** The marking at the top and bottom of every page, with the page number (pages are buffered). */
export function stampEveryPage(doc: PDFKit.PDFDocument, marking: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    const bottom = margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#a3001b');
    doc.text(marking, 0, 16, { width, align: 'center', lineBreak: false });
    doc.text(marking, 0, height - 24, { width, align: 'center', lineBreak: false });
    doc.font('Helvetica').fontSize(7).fillColor('#555555').text(`Page ${i - start + 1} of ${count}`, width - 100, height - 24, { width: 64, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
