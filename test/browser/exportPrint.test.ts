/**
 * Print and export in a real Chromium against the real server: the SVG holds a shape of the right
 * kind for every entity drawn (incidents, places, phones included) and the export logs no console
 * error; the PNG is a light sheet with a title block; the PDF (A4 and A3 landscape) carries the
 * title, the key, the date, the author and the handling marking as text; Print shows the sheet
 * alone. Every export is in the audit log. Screenshots and renders in test-results/export-*.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, RESULTS, signIn } from '../support/browser.js';
import { testDatabase } from '../support/client.js';
import { DEMO_IDS } from '../../seeds/demo.js';

const STARTED = new Date().toISOString();
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

const cyEval = <T>(fn: string, arg?: unknown): Promise<T> =>
  page.evaluate(({ fn, arg }) => new Function('cy', 'arg', fn)((window as any).__cy, arg), { fn, arg }) as Promise<T>;

async function downloadOf(testId: string, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()]);
  const file = path.join(RESULTS, name);
  await download.saveAs(file);
  return file;
}

async function pdfText(file: string): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  return (await new PDFParse({ data: new Uint8Array(fs.readFileSync(file)) }).getText()).text.replace(/\s+/g, ' ');
}

/** Today as the sheet prints it ("2 Dec 2026"), for the date check. */
function printedDay(d = new Date()): string {
  return `${d.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await signIn(page, 'analyst');
  await page.waitForFunction(() => ((window as any).__cy?.nodes().length ?? 0) > 20, undefined, { timeout: 30_000 });
  // Places and phones on the chart too: the operation's incidents with where they happened, a suspect's phones.
  const before = await cyEval<number>('return cy.nodes().length');
  await page.evaluate((ids) => (window as any).__workspace.ops.expand(ids, ['OCCURRED_AT', 'HAS_PHONE']), [DEMO_IDS.missingAtTakeaway, DEMO_IDS.searchableSuspect]);
  await page.waitForFunction((n) => (window as any).__cy.nodes().length > n, before, { timeout: 30_000 });
  await page.getByTestId('loading').waitFor({ state: 'detached', timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('print and export', () => {
  it('SVG: a shape of the right kind for every entity drawn, pictograms, and no console error', async () => {
    const errorsBefore = consoleErrors.length;
    const onChart = await cyEval<{ kind: string; shape: string }[]>(
      'return cy.nodes(":visible").filter(n => n.data("entity") && !n.isParent()).map(n => ({ kind: n.data("sk"), shape: n.style("shape") }))',
    );
    const kinds = [...new Set(onChart.map((n) => n.kind))];
    expect(kinds).toEqual(expect.arrayContaining(['Person', 'Incident', 'Location', 'Phone']));
    const svg = fs.readFileSync(await downloadOf('export-svg', 'export-chart.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>$/);
    const drawn = [...svg.matchAll(/class="node-shape" data-shape="([^"]+)" data-kind="([^"]*)" d="M[^"]+"/g)].map((m) => ({ shape: m[1], kind: m[2] }));
    // Group boxes are drawn too (kind ''); every entity once.
    expect(drawn.filter((d) => d.kind !== '').length).toBe(onChart.length);
    for (const kind of kinds) {
      const shape = onChart.find((n) => n.kind === kind)!.shape;
      expect(drawn.filter((d) => d.kind === kind && d.shape === shape).length, `${kind} drawn as ${shape}`).toBe(onChart.filter((n) => n.kind === kind).length);
    }
    // Each entity carries its pictogram, as on screen (inlined as a nested SVG).
    expect((svg.match(/<svg [^>]*preserveAspectRatio="xMidYMid meet"/g) ?? []).length).toBeGreaterThanOrEqual(onChart.length);
    expect(svg).toContain('OFFICIAL-SENSITIVE');
    expect(consoleErrors.slice(errorsBefore)).toEqual([]);
  });

  it('SVG: the analyst’s notes and arrows are printed with the chart', async () => {
    const noteText = `Garage raided in 2011, ask about the keys ${Date.now()}`;
    await page.evaluate(({ text, id }) => {
      const { store } = (window as any).__workspace;
      const cy = (window as any).__cy;
      const p = cy.getElementById(id).position();
      const note = { id: 'note:print-test', text, x: p.x + 80, y: p.y - 120 };
      const arrow = { id: 'arrow:print-test', from: { kind: 'note', id: note.id }, to: { kind: 'entity', id } };
      store.setState((s: any) => ({ view: { ...s.view, annotations: { notes: [note], arrows: [arrow] } } }));
    }, { text: noteText, id: DEMO_IDS.searchableSuspect });
    const svg = fs.readFileSync(await downloadOf('export-svg', 'export-chart-notes.svg'), 'utf8');
    expect(svg).toContain('class="annotation-note"');
    expect(svg).toContain('class="annotation-arrow"');
    // Wrapped onto lines, every word there.
    const printed = [...svg.matchAll(/<g class="annotation-note">([\s\S]*?)<\/g>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ')).join(' ');
    for (const word of noteText.split(' ')) expect(printed).toContain(word.replace(/,$/, ''));
    await page.evaluate(() => {
      const { store } = (window as any).__workspace;
      store.setState((s: any) => ({ view: { ...s.view, annotations: { notes: [], arrows: [] } } }));
    });
  });

  it('PNG: a light sheet with the title block on top', async () => {
    const file = await downloadOf('export-png', 'export-chart.png');
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Sample the picture in the page: corners white, the page mostly light, ink and red in the title band.
    const stats = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = (x: number, y: number) => Array.from(ctx.getImageData(x, y, 1, 1).data);
      const band = ctx.getImageData(0, 0, c.width, Math.round(c.height * 0.1)).data;
      let dark = 0;
      let red = 0;
      for (let i = 0; i < band.length; i += 4) {
        if (band[i]! < 80 && band[i + 1]! < 80 && band[i + 2]! < 80) dark++;
        if (band[i]! > 130 && band[i + 1]! < 60 && band[i + 2]! < 80) red++;
      }
      const all = ctx.getImageData(0, 0, c.width, c.height).data;
      let light = 0;
      for (let i = 0; i < all.length; i += 4 * 97) if (all[i]! + all[i + 1]! + all[i + 2]! > 600) light++;
      return { w: c.width, h: c.height, corners: [px(2, 2), px(c.width - 3, c.height - 3)], dark, red, lightShare: light / (all.length / (4 * 97)) };
    }, bytes.toString('base64'));
    expect(stats.w).toBeGreaterThanOrEqual(2000);
    for (const c of stats.corners) expect(c.slice(0, 3)).toEqual([255, 255, 255]);
    expect(stats.lightShare).toBeGreaterThan(0.75);
    expect(stats.dark).toBeGreaterThan(500); // the title and byline
    expect(stats.red).toBeGreaterThan(50); // the marking
  });

  for (const size of ['A4', 'A3'] as const) {
    it(`PDF ${size} landscape: title, key, date, author and marking as text, one page`, async () => {
      await page.getByTestId('print-page').selectOption(size);
      const file = await downloadOf('export-pdf', `export-chart-${size}.pdf`);
      const raw = fs.readFileSync(file).toString('latin1');
      expect(raw.startsWith('%PDF-')).toBe(true);
      // jsPDF writes the sizes with long decimals (841.8899999999999864).
      expect(raw).toMatch(size === 'A4' ? /\/MediaBox \[0 0 841\.(89|88999)\d* 595\.(28|27999)\d*\]/ : /\/MediaBox \[0 0 1190\.(55|54999)\d* 841\.(89|88999)\d*\]/);
      const text = await pdfText(file);
      expect(text).toContain('Operation Central'); // the title: the operation on screen
      expect(text).toContain('Key');
      for (const entry of ['Person', 'Incident', 'Location', 'Phone']) expect(text).toContain(entry);
      expect(text).toContain(`Printed ${printedDay()}`);
      expect(text).toContain('by test-analyst');
      expect((text.match(/OFFICIAL-SENSITIVE/g) ?? []).length).toBe(2);
    });
  }

  it('the marking can be changed, and Print shows the sheet alone', async () => {
    await page.getByTestId('print-marking').selectOption('OFFICIAL');
    await page.getByTestId('print-page').selectOption('A4');
    const text = await pdfText(await downloadOf('export-pdf', 'export-chart-official.pdf'));
    expect(text).toContain('OFFICIAL');
    expect(text).not.toContain('OFFICIAL-SENSITIVE');
    await page.getByTestId('print-marking').selectOption('OFFICIAL-SENSITIVE');
    // Headless Chromium has no print dialog: record the call, and look at the page as print media.
    await page.evaluate(() => {
      (window as any).__printed = 0;
      window.print = () => {
        (window as any).__printed = document.querySelector('.print-sheet svg')?.outerHTML.length ?? -1;
      };
    });
    await page.getByTestId('print').click();
    await expect.poll(() => page.evaluate(() => (window as any).__printed), { timeout: 20_000 }).toBeGreaterThan(1000);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(RESULTS, 'export-print-media.png') });
    const shown = await page.evaluate(() => ({
      sheet: getComputedStyle(document.querySelector('.print-sheet')!).display,
      app: getComputedStyle(document.querySelector('#root')!).display,
    }));
    expect(shown).toEqual({ sheet: 'block', app: 'none' });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('.print-sheet').count()).toBe(0);
  });

  it('every export is in the audit log, and the controls fit at 1600x1000 and 1280x720', async () => {
    const db = testDatabase();
    const rows = await db.read("MATCH (a:AuditEntry) WHERE a.operation = 'Mutation.recordExport' AND a.username = 'test-analyst' AND a.at >= $since RETURN a.args AS args", { since: STARTED });
    await db.close();
    expect(rows.map((r) => JSON.parse(r.args as string).format)).toEqual(expect.arrayContaining(['SVG', 'PNG', 'PDF', 'PRINT']));
    await page.screenshot({ path: path.join(RESULTS, 'export-chartbar-1600.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(RESULTS, 'export-chartbar-1280.png') });
    const box = await page.getByTestId('print').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  });
});
