/**
 * The evidence pack as a PDF (pdfkit, as the strategy pack): who it is about and why, how it was
 * built (without the child's testimony, children as descriptors), a summary, the evidence in time
 * order with grades and sources, and every exclusion with its reason; the marking on every page.
 */
import { PACK_MARKING, stampEveryPage } from '../safeguarding/pack.js';
import type { Evidence } from './resolvers.js';

const USE_WORDS: Record<string, string> = {
  civil_injunction: 'an application for a civil injunction',
  licence_condition: 'a condition on a licence (operator or driver)',
};

export async function renderEvidencePack(ev: Evidence, meta: { purpose: string; use: string; generatedBy: string; generatedAt: string }): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: `Evidence pack: ${ev.person.label}`, Author: meta.generatedBy } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(9).fillColor('#a00').text('For the application named below only. Do not copy or forward.', { align: 'center' });
  doc.moveDown().fillColor('black').fontSize(18).text(`Evidence pack: ${ev.person.label}`);
  doc.fontSize(10).text(
    [
      `For: ${USE_WORDS[meta.use] ?? meta.use}`,
      `Purpose: ${meta.purpose}`,
      `Generated ${meta.generatedAt} by ${meta.generatedBy}`,
    ].join('\n'),
  );
  doc.moveDown(0.5).fontSize(9).fillColor('#333').text(
    "How this pack was built: it stands without the child's testimony. Reports that are a child's own account (source type victim) are not relied on, and every such exclusion is listed at the end with its reason. " +
      'Children appear only as descriptors (child A, child B, ... lettered for this pack only). Reports another agency holds under conditions are not in it; they are listed as held, with who holds them and since when. ' +
      'Grades are the 3x5x2 model: source 1 reliable, 2 untested, 3 not reliable; intelligence A to E.',
  );
  doc.fillColor('black');

  doc.moveDown().fontSize(14).text('Summary');
  const byCategory = new Map<string, number>();
  for (const e of ev.entries) byCategory.set(e.category, (byCategory.get(e.category) ?? 0) + 1);
  doc.fontSize(10).text(
    ev.entries.length
      ? `${ev.entries.length} entries: ${[...byCategory].map(([c, n]) => `${n} ${c}`).join(', ')}. ${ev.exclusions.length} exclusions.`
      : `Nothing the pack may rely on was found. ${ev.exclusions.length} exclusions.`,
  );

  doc.moveDown().fontSize(14).text(`Evidence in time order (${ev.entries.length})`);
  doc.fontSize(9);
  if (!ev.entries.length) doc.text('None.');
  for (const e of ev.entries) {
    doc.font('Helvetica-Bold').text(`${e.date ?? 'undated'}  ${e.category}`);
    doc.font('Helvetica').text(e.text, { indent: 12 });
    doc.fillColor('#444').text(`Sources: ${e.sources.map((s) => s.label).join('; ') || 'none'}`, { indent: 12 });
    doc.fillColor('black').moveDown(0.3);
  }

  doc.moveDown().fontSize(14).text(`Excluded, with reasons (${ev.exclusions.length})`);
  doc.fontSize(9);
  if (!ev.exclusions.length) doc.text('Nothing was excluded.');
  for (const x of ev.exclusions) {
    doc.font('Helvetica-Bold').text(`${x.date ?? ''}${x.date ? '  ' : ''}${x.what}`);
    doc.font('Helvetica').fillColor('#444').text(`Reason (${x.reasonCode}): ${x.reason}`, { indent: 12 });
    doc.fillColor('black').moveDown(0.3);
  }

  stampEveryPage(doc, PACK_MARKING);
  doc.end();
  return done;
}
