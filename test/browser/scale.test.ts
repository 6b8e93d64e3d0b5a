/**
 * A 5,000-element chart in a real headless Chromium (2,500 entities and 2,500 links generated in the
 * page): the layout runs off the main thread and completes in bounded time, the page keeps
 * answering while it runs, labels are not drawn when zoomed out, and the renderer's shortcuts for
 * big charts are on. Timings are measured and printed; the bounds asserted are generous (the
 * machine is shared and noisy).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { statePurpose, testPurpose } from '../support/browser.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../../server/config.js';

const RESULTS = path.join(ROOT, 'test-results');
const NODES = 2500;
const EDGES = 2500;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(inject('stack').url, { waitUntil: 'load' });
  const { username, password } = inject('stack').users.analyst;
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('purpose-dialog').waitFor({ timeout: 20_000 });
  await statePurpose(page, testPurpose('analyst'));
  await page.waitForFunction(() => ((window as any).__cy?.nodes().length ?? 0) > 20, undefined, { timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'), undefined, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('a 5,000-element chart', () => {
  it('lays out off the main thread in bounded time, stays responsive, and hides labels when zoomed out', async () => {
    // Long tasks (main thread busy > 50 ms) from here on, and a heartbeat that notes the longest gap.
    const addMs = await page.evaluate(
      ({ nodes, edges }) => {
        const w = window as any;
        w.__longTasks = [] as number[];
        new PerformanceObserver((list) => {
          // Entries arrive late: keep their start times, so each phase counts only its own.
          for (const e of list.getEntries()) {
            w.__longTasks.push(e.duration);
            (w.__ltAt ??= []).push([e.startTime, e.duration]);
          }
        }).observe({ type: 'longtask', buffered: false });
        const cy = w.__cy;
        cy.elements().remove();
        const els: any[] = [];
        for (let i = 0; i < nodes; i++) {
          const id = `gen-${i}`;
          const entity = { id, kind: 'Person', label: `Generated person ${i}`, labels: ['Person'], properties: { name: `Generated ${i}` }, sources: [] };
          els.push({ group: 'nodes', data: { id, label: entity.label, kind: 'Person', sk: 'Person', child: false, hotspot: false, restricted: false, entity }, position: { x: (i % 50) * 60, y: Math.floor(i / 50) * 60 } });
        }
        // A sparse random graph of communities: links mostly inside blocks of 50.
        let seed = 7;
        const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
        for (let i = 0; i < edges; i++) {
          const a = Math.floor(rnd() * nodes);
          const b = rnd() < 0.85 ? Math.floor(a / 50) * 50 + Math.floor(rnd() * 50) : Math.floor(rnd() * nodes);
          if (a === b) continue;
          const link = { id: `gen-l${i}`, type: 'KNOWS', source: `gen-${a}`, target: `gen-${b}`, properties: {}, sources: [] };
          els.push({ group: 'edges', data: { id: `link:${link.id}`, linkId: link.id, source: link.source, target: link.target, type: 'KNOWS', nsources: i % 4, link } });
        }
        const t = performance.now();
        cy.add(els);
        return performance.now() - t;
      },
      { nodes: NODES, edges: EDGES },
    );
    const elements = await page.evaluate(() => (window as any).__cy.elements().length);
    expect(elements).toBeGreaterThan(4_900);

    // What adding 5,000 elements costs the main thread (the first draw and the panels' refresh),
    // measured apart from the layout: wait for it to settle first.
    await page.waitForTimeout(1500);
    const addTasks = await page.evaluate(() => Math.round(Math.max(0, ...(window as any).__longTasks)));
    // Heartbeat every 50 ms while the layout runs: the longest gap is the longest freeze seen.
    await page.evaluate(() => {
      const w = window as any;
      w.__layoutStart = performance.now();
      w.__gaps = [] as number[];
      let last = performance.now();
      w.__beat = setInterval(() => {
        const now = performance.now();
        w.__gaps.push(now - last);
        last = now;
      }, 50);
    });
    const run = await page.evaluate(() => (window as any).__workspace.layout('fcose'));
    await page.waitForTimeout(400); // long-task entries are delivered after the fact
    const timing = await page.evaluate(() => {
      const w = window as any;
      clearInterval(w.__beat);
      const during = (w.__ltAt ?? []).filter(([start]: [number, number]) => start >= w.__layoutStart).map(([, d]: [number, number]) => d);
      return { longest: Math.max(0, ...during), longTasks: during.length, maxGap: Math.max(0, ...w.__gaps) };
    });
    // Nodes left their generated grid cells: the layout's positions were applied.
    const moved = await page.evaluate(() =>
      (window as any).__cy.nodes().filter((n: any) => {
        const i = Number(n.id().slice(4));
        const p = n.position();
        return Math.abs(p.x - (i % 50) * 60) > 1 || Math.abs(p.y - Math.floor(i / 50) * 60) > 1;
      }).length,
    );
    console.log(
      `5k chart: ${elements} elements; add ${Math.round(addMs)} ms (longest main-thread task after it, first draw and panels: ${addTasks} ms); layout ${Math.round(run.ms)} ms in ${run.where}; ` +
        `longest main-thread task during layout ${Math.round(timing.longest)} ms (${timing.longTasks} long tasks); longest heartbeat gap ${Math.round(timing.maxGap)} ms`,
    );
    expect(run.where).toBe('worker');
    expect(run.ms).toBeLessThan(60_000);
    // Generous bound on a shared 2-core machine; the target (and what the report measures) is < 1 s.
    expect(timing.maxGap).toBeLessThan(5_000);
    expect(timing.longest).toBeLessThan(5_000);
    expect(moved).toBeGreaterThan(2_000);
    // Renderer shortcuts for big charts: pan and zoom move a texture, without redrawing links.
    const renderer = await page.evaluate(() => {
      const r = (window as any).__cy.renderer();
      return { texture: r.textureOnViewport, hideEdges: r.hideEdgesOnViewport };
    });
    expect(renderer).toEqual({ texture: true, hideEdges: true });

    // Fitted, the chart is zoomed far out: a label's on-screen size is under the style's
    // min-zoomed-font-size, so Cytoscape skips drawing it. Zoomed in, it is drawn again.
    const labels = await page.evaluate(() => {
      const cy = (window as any).__cy;
      cy.fit(undefined, 30);
      const n = cy.getElementById('gen-0');
      const size = parseFloat(n.style('font-size'));
      const min = parseFloat(n.style('min-zoomed-font-size'));
      const out = { zoom: cy.zoom(), shown: size * cy.zoom() >= min };
      cy.zoom({ level: 1.5, position: n.position() });
      const inn = { zoom: cy.zoom(), shown: size * cy.zoom() >= min };
      cy.fit(undefined, 30);
      return { out, inn, min };
    });
    expect(labels.min).toBeGreaterThan(0);
    expect(labels.out.shown).toBe(false);
    expect(labels.inn.shown).toBe(true);

    // Still interactive: a pan-and-zoom round trip answers quickly enough to measure.
    const interact = await page.evaluate(async () => {
      const cy = (window as any).__cy;
      const t = performance.now();
      for (let i = 0; i < 10; i++) {
        cy.panBy({ x: 20, y: 10 });
        await new Promise((r) => requestAnimationFrame(r));
      }
      return (performance.now() - t) / 10;
    });
    console.log(`5k chart: ${Math.round(interact)} ms per pan frame`);
    expect(interact).toBeLessThan(2_000);
    await page.screenshot({ path: path.join(RESULTS, 'scale-5k.png') });
  });
});
