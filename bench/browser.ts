/**
 * Chart rendering in headless Chromium (Debian's, via playwright-core): for charts of 1k, 5k and 10k
 * elements, the time to render and lay out (fcose with the settings the app uses for a chart that
 * size, web/src/chart/cy.ts), then frames per second while panning the 5k chart for two seconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from '../server/config.js';

export interface BrowserResult {
  elements: number;
  nodes: number;
  layoutMs: number;
  panFps?: number;
}

const IN_PAGE = fs.readFileSync(path.join(ROOT, 'bench', 'chartInPage.js'), 'utf8').trim();

const UMD = ['cytoscape/dist/cytoscape.min.js', 'layout-base/layout-base.js', 'cose-base/cose-base.js', 'cytoscape-fcose/cytoscape-fcose.js'];

export async function benchBrowser(sizes: number[], panAt = 5_000): Promise<BrowserResult[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.setContent('<html><body style="margin:0"><div id="cy" style="width:1600px;height:1000px"></div></body></html>');
    for (const f of UMD) await page.addScriptTag({ path: path.join(ROOT, 'node_modules', f) });
    const out: BrowserResult[] = [];
    for (const elements of sizes) {
      const r = (await page.evaluate(`${IN_PAGE}(${JSON.stringify({ elements, pan: elements === panAt })})`)) as BrowserResult;
      if (elements === panAt) {
        // Pan as a user does, dragging the background: the viewport optimisations the app turns on
        // for big charts (textures, edges hidden while moving) apply to gestures only.
        const start = Date.now();
        await page.mouse.move(800, 500);
        await page.mouse.down();
        for (let i = 0; Date.now() - start < 2_000; i++) await page.mouse.move(800 + 200 * Math.sin(i / 10), 500 + 120 * Math.cos(i / 10));
        await page.mouse.up();
        const frames = (await page.evaluate('window.__counting = false, window.__frames')) as number;
        r.panFps = Math.round(frames / ((Date.now() - start) / 1000));
      }
      out.push(r);
    }
    return out;
  } finally {
    await browser.close();
  }
}
