/**
 * Chart rendering in headless Chromium (Debian's, via playwright-core, software rendering: WebGL
 * and compositing run on SwiftShader, see SOFTWARE_GPU). The page runs the app's own chart code (web/src/chart/cy.ts: createChart with
 * the app's stylesheet, addElementsInChunks, setRenderMode) and its layout worker
 * (web/src/chart/layout.worker.ts), bundled here with esbuild, so the figures are the app's.
 *
 * For each size (1k, 5k, 10k, 20k elements by default), three runs side by side:
 * - `canvas, at once`: the canvas renderer, every element added in one batch (how charts were drawn
 *   before issue 17);
 * - `canvas, in chunks` and `webgl, in chunks`: the renderer forced, elements added a chunk per frame.
 * Each run times the first draw (add to drawn) and the longest main-thread block during it (longest
 * long task, and longest gap between frames), then the layout in the worker up to the positions
 * drawn, then frames per second while the mouse drags the chart for two seconds (charts of 5k up).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT } from '../server/config.js';

export interface BrowserResult {
  elements: number;
  nodes: number;
  /** Renderer used: 'canvas' or 'webgl'. */
  renderer: string;
  /** 'at once' (one batch) or 'in chunks' (a chunk per frame). */
  adding: string;
  /** First draw and layout together, ms (the figure earlier reports called "render + layout"). */
  layoutMs: number;
  /** From the first element added to all of them drawn, ms. */
  firstDrawMs: number;
  /** Longest main-thread task during the first draw (PerformanceObserver 'longtask'), ms. */
  longestTaskMs: number;
  /** Longest gap between two frames during the first draw, ms. */
  longestFrameGapMs: number;
  /** The layout alone: worker started to positions applied and drawn, ms. */
  layoutOnlyMs: number;
  /** Longest main-thread task while the layout ran and its positions were applied, ms. */
  layoutLongestTaskMs: number;
  /** Frames per second while dragging the chart (charts of `panFrom` elements and more). */
  panFps?: number;
}

const IN_PAGE = fs.readFileSync(path.join(ROOT, 'bench', 'chartInPage.js'), 'utf8').trim();

/** The app's chart code and its layout worker, bundled for a plain page. */
async function bundles(): Promise<{ page: string; worker: string }> {
  const common = { bundle: true, write: false, format: 'iife' as const, platform: 'browser' as const, target: 'es2022', logLevel: 'silent' as const, minify: true };
  const page = await build({
    ...common,
    globalName: 'LinkChart',
    stdin: {
      contents: `export { createChart, destroyChart, addElementsInChunks, setRenderMode, renderModeOf } from './web/src/chart/cy.ts';
                 export { KIND_STYLES } from './web/src/chart/kinds.ts';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
  });
  const worker = await build({ ...common, entryPoints: [path.join(ROOT, 'web', 'src', 'chart', 'layout.worker.ts')] });
  return { page: page.outputFiles![0]!.text, worker: worker.outputFiles![0]!.text };
}

/**
 * Software rendering with SwiftShader standing in for the GPU, for WebGL and the compositor alike.
 * With --disable-gpu the compositor is software too and reads every WebGL frame back on the main
 * thread, which then waits for SwiftShader to finish drawing it: a 20k WebGL chart held the main
 * thread ~1 s a frame that way, against ~0.1-0.3 s with this (measured under load, issue 17).
 */
export const SOFTWARE_GPU = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

export const VARIANTS = [
  { renderer: 'canvas', adding: 'at once' },
  { renderer: 'canvas', adding: 'in chunks' },
  { renderer: 'webgl', adding: 'in chunks' },
] as const;

export async function benchBrowser(sizes: number[] = [1_000, 5_000, 10_000, 20_000], panFrom = 5_000): Promise<BrowserResult[]> {
  const code = await bundles();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', ...SOFTWARE_GPU, '--disable-background-networking'] });
  try {
    const out: BrowserResult[] = [];
    for (const elements of sizes) {
      for (const v of VARIANTS) {
        // A fresh page per run: textures, caches and garbage of the last run do not weigh on this one.
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        try {
          await page.setContent('<html><body style="margin:0"><div id="cy" style="width:1600px;height:1000px"></div></body></html>');
          await page.addScriptTag({ content: code.page });
          await page.evaluate((src) => ((window as unknown as { __layoutWorkerSrc: string }).__layoutWorkerSrc = src), code.worker);
          const pan = elements >= panFrom;
          const r = (await page.evaluate(`${IN_PAGE}(${JSON.stringify({ elements, renderer: v.renderer, adding: v.adding, pan })})`)) as BrowserResult;
          if (pan) {
            // Pan as a user does, dragging the background: the viewport shortcuts the app turns on for
            // big canvas charts (textures, links hidden while moving) apply to gestures only.
            const start = Date.now();
            await page.mouse.move(800, 500);
            await page.mouse.down();
            for (let i = 0; Date.now() - start < 2_000; i++) await page.mouse.move(800 + 200 * Math.sin(i / 10), 500 + 120 * Math.cos(i / 10));
            await page.mouse.up();
            const frames = (await page.evaluate('window.__counting = false, window.__frames')) as number;
            r.panFps = Math.round(frames / ((Date.now() - start) / 1000));
          }
          out.push(r);
        } finally {
          await page.close();
        }
      }
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** The browser part of the report as a Markdown table, canvas and WebGL side by side. */
export function browserTable(rows: BrowserResult[]): string {
  const head = ['chart in Chromium (headless, software rendering)', 'renderer', 'adding', 'first draw ms', 'longest block ms (task / frame gap)', 'layout ms (worker)', 'render + layout ms', 'fps while dragging'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const b of rows) {
    lines.push(
      `| ${[`${b.elements.toLocaleString('en-GB')} elements (${b.nodes.toLocaleString('en-GB')} nodes)`, b.renderer, b.adding, b.firstDrawMs, `${b.longestTaskMs} / ${b.longestFrameGapMs}`, b.layoutOnlyMs, b.layoutMs, b.panFps ?? '—'].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
