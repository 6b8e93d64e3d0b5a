/**
 * Paths, timeline counts and the map in a real Chromium against the real server: a path between two
 * suspects of Operation Central does not pass through the operation; the link choice (chart filters
 * by default, or types ticked) reaches the server; the routes are stepped through; the timeline
 * shows counts per period and keeps the brush; the plain map names its places without overlaps and
 * fetches nothing from outside; MapLibre draws the map only when a base map is configured.
 * Screenshots at 1600x1000 and 1280x720: test-results/paths-*.png.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, RESULTS, signIn } from '../support/browser.js';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
/** Every address the page asked for: nothing may leave the app's own origin. */
const requested: string[] = [];

const cyEval = <T>(fn: string, arg?: unknown): Promise<T> =>
  page.evaluate(({ fn, arg }) => new Function('cy', 'ws', 'arg', fn)((window as any).__cy, (window as any).__workspace, arg), { fn, arg }) as Promise<T>;
const shot = async (name: string) => {
  for (const [w, h] of [
    [1600, 1000],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(RESULTS, `paths-${name}-${w}x${h}.png`) });
  }
  await page.setViewportSize({ width: 1600, height: 1000 });
};
/** Nothing in flight (the busy indicator gone). */
const idle = () => page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'), undefined, { timeout: 30_000 });

/** Two suspects of Operation Central whose shortest link is the operation itself (ON_CHART), and more. */
const [S1, S2] = ['per-s010', 'per-s073'];

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => requested.push(r.url()));
  await signIn(page, 'analyst');
  await page.waitForFunction(() => !!(window as any).__workspace && ((window as any).__cy?.nodes().length ?? 0) > 20, undefined, { timeout: 60_000 });
  await idle();
  // The operation's chart, whatever the working chart brought back.
  if (!(await cyEval<boolean>('return cy.getElementById(arg[0]).nonempty() && cy.getElementById(arg[1]).nonempty()', [S1, S2]))) {
    await cyEval('ws.ops.clear(); ws.ops.loadOperationChart()');
    await page.waitForFunction((ids) => ids.every((id) => (window as any).__cy.getElementById(id).nonempty()), [S1, S2], { timeout: 60_000 });
    await idle();
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('paths that mean something', () => {
  it('finds the routes between two suspects without passing through the operation, and steps through them', async () => {
    expect(await cyEval<boolean>('return cy.nodes("[sk = \'Operation\']").nonempty()')).toBe(true);
    await cyEval('cy.$(":selected").unselect(); cy.getElementById(arg[0]).select(); cy.getElementById(arg[1]).select()', [S1, S2]);
    await page.getByTestId('side-tab-analysis').click();
    await expect(page.getByTestId('path-scope-filters').isChecked()).resolves.toBe(true);
    expect(await page.getByTestId('path-scope-text').textContent()).toMatch(/evidential links/);
    await page.getByTestId('analysis-paths').click();
    await expect.poll(() => page.getByTestId('route-count').count(), { timeout: 30_000 }).toBe(1);
    const count = Number((await page.getByTestId('route-count').textContent())!.match(/^(\d+) routes?$/)![1]);
    expect(count).toBeGreaterThan(0);
    expect(await page.getByTestId('route-item').count()).toBe(count);
    expect(await page.getByTestId('notice').textContent()).toMatch(/shortest routes? of \d+ hops? between .* over evidential links/);
    const marked = await cyEval<{ nodes: string[]; kinds: string[]; types: string[] }>(
      'return { nodes: cy.nodes(".path-hl").map(n => n.id()), kinds: cy.nodes(".path-hl").map(n => n.data("sk")), types: cy.edges(".path-hl").map(e => e.data("type")) }',
    );
    expect(marked.nodes).toEqual(expect.arrayContaining([S1, S2]));
    expect(marked.kinds).not.toContain('Operation');
    expect(marked.types).not.toContain('ON_CHART');
    expect(marked.types.length).toBeGreaterThanOrEqual(2);

    // One route at a time: only its entities stay marked.
    if (count > 1) {
      await page.getByTestId('route-next').click();
      await expect.poll(() => page.locator('[data-testid="route-item"].current').getAttribute('data-index')).toBe('0');
      const one = await cyEval<string[]>('return cy.nodes(".path-hl").map(n => n.id())');
      expect(one.length).toBeLessThan(marked.nodes.length + 1);
      const text = await page.locator('[data-testid="route-item"].current').textContent();
      for (const id of one) expect(text).toContain(await cyEval<string>('return cy.getElementById(arg).data("label")', id));
      await page.getByTestId('route-next').click();
      await expect.poll(() => page.locator('[data-testid="route-item"].current').getAttribute('data-index')).toBe('1');
    }
    await cyEval('ws.ops.fit && ws.ops.fit()');
    await shot('path-between-suspects');
    await page.getByTestId('route-all').click().catch(() => undefined);
  });

  it('follows the link types ticked: record keeping alone goes through the operation', async () => {
    await page.getByTestId('path-scope-chosen').click();
    expect(await page.getByTestId('path-group').count()).toBeGreaterThan(4);
    // Untick every group but record keeping, then tick "on operation".
    const groups = page.getByTestId('path-group');
    for (let i = 0; i < (await groups.count()); i++) {
      const box = groups.nth(i).locator('.path-group-name input');
      if (await box.isChecked()) await box.uncheck();
    }
    await page.locator('[data-testid="path-type"][data-type="ON_CHART"]').check();
    await page.getByTestId('analysis-paths').click();
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 30_000 }).toMatch(/over on operation links/);
    expect(await page.getByTestId('route-count').textContent()).toBe('1 route');
    expect(await page.getByTestId('route-item').first().textContent()).toMatch(/Operation Central/);
    // Back to the chart's filters; a link-type filter narrows what paths follow.
    await page.getByTestId('path-scope-filters').click();
    await cyEval('ws.ops.setFilters(f => ({ ...f, linkTypes: ["HAS_CONTACT"] }))');
    await expect.poll(() => page.getByTestId('path-scope-text').textContent()).toMatch(/\d+ link types/);
    await cyEval('ws.ops.setFilters(f => ({ ...f, linkTypes: [] }))');
  });
});

describe('timeline counts', () => {
  it('shows counts per period that add up to the dated events, and keeps the brush', async () => {
    await cyEval('cy.$(":selected").unselect()');
    // Incidents and their places: dated events for the timeline, places for the map.
    await cyEval('ws.ops.expand(cy.nodes("[sk = \'Incident\'], [sk = \'Crime\']").map(n => n.id()), ["OCCURRED_AT"])');
    await idle();
    await expect.poll(() => page.getByTestId('timeline-bar').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    const items = await page.getByTestId('timeline-item').count();
    const counts = await page.getByTestId('timeline-bar').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(items);
    expect(await page.getByTestId('timeline-unit').textContent()).toMatch(/per (day|week|month|year)/);
    // Brush across the middle of the axis: the date filter is set and the brush stays drawn.
    const svg = page.getByTestId('timeline-brush');
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.35, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 12, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('timeline-clear').count()).toBe(1);
    expect(await svg.locator('.tl-brush').count()).toBe(1);
    // Bars out of the range are faint (fewer in view than in all), and so are the events.
    await expect.poll(() => svg.locator('.tl-item.out').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => svg.locator('.tl-bar-in').count(), { timeout: 10_000 }).toBeLessThan(counts.filter((c) => c > 0).length);
    expect(await page.getByTestId('timeline-bar').count()).toBe(counts.length);
    await shot('timeline-counts');
    await page.getByTestId('timeline-clear').click();
  });
});

describe('the map', () => {
  it('names places on the plain map without overlaps and fetches nothing from outside', async () => {
    await expect.poll(() => page.getByTestId('map-point').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    expect(await page.getByTestId('map').getAttribute('data-renderer')).toBe('plain');
    await expect.poll(() => page.getByTestId('map-label').count()).toBeGreaterThan(2);
    const boxes = await page.getByTestId('map-label').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().toJSON() as DOMRect));
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    // A selected place is named.
    const placeId = await page.getByTestId('map-point').first().getAttribute('data-id');
    await page.getByTestId('map-point').first().click();
    await expect.poll(() => page.locator(`[data-testid="map-label"][data-id="${placeId}"]`).count()).toBe(1);
    await shot('map-labels');
    const origin = new URL(inject('stack').url).origin;
    expect(requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('draws the places on a MapLibre base map when a style is configured', async () => {
    // The server of this run has no MAP_STYLE_URL: the answer naming one is given in the page, and the
    // style (a plain background, no tiles) from the app's own origin, so nothing is fetched from outside.
    // A context of its own: a fresh sign-in, and the answers below given only to it.
    const own = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const p = await own.newPage();
    const origin = new URL(inject('stack').url).origin;
    const style = { version: 8, sources: {}, layers: [{ id: 'land', type: 'background', paint: { 'background-color': '#e8eadf' } }] };
    await p.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('query MapStyle')) await route.fulfill({ json: { data: { health: { mapStyle: `${origin}/test-base-map/style.json` } } } });
      else await route.continue();
    });
    await p.route('**/test-base-map/style.json', (route) => route.fulfill({ json: style }));
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    const saved = page;
    page = p;
    try {
      await signIn(p, 'analyst');
      await p.waitForFunction(() => ((window as any).__cy?.nodes().length ?? 0) > 20, undefined, { timeout: 60_000 });
      await idle();
      await cyEval('ws.ops.expand(cy.nodes("[sk = \'Incident\'], [sk = \'Crime\']").map(n => n.id()), ["OCCURRED_AT"])');
      await idle();
      await expect.poll(() => p.getByTestId('map').getAttribute('data-renderer'), { timeout: 30_000 }).toBe('maplibre');
      await expect.poll(() => p.locator('[data-testid="base-map"] .maplibregl-canvas').count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => p.locator('[data-testid="base-map"] [data-testid="map-point"]').count(), { timeout: 30_000 }).toBeGreaterThan(3);
      expect(await p.getByTestId('map-fallback').count()).toBe(0);
      await p.waitForTimeout(800);
      await p.screenshot({ path: path.join(RESULTS, 'paths-base-map-1600x1000.png') });
      expect(errors).toEqual([]);
    } finally {
      page = saved;
      await own.close();
    }
  });
});
