/**
 * Big charts through the app's own paths, in a real Chromium against the real server and Neo4j: a
 * working chart of 2,001 elements comes back after a reload, and a saved chart of 2,201 opened from
 * its address replaces it. Both arrive a chunk per frame (merge.ts mergeSubgraphPaced: never in one
 * batch), every entity and link arrives, the stored positions are put back only once all of it is
 * there, and the chart is usable afterwards: an entity clicked is selected, Undo returns to the
 * working chart.
 *
 * The graph is the file's own (ids `bca-<stamp>-`, invented addresses: locations in one area), as is
 * the analyst whose working and saved charts they are; both go in afterAll.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadDataset } from '../../server/db/bulkLoad.js';
import type { Dataset } from '../../seeds/dataset.js';
import { launchChromium, ownAnalyst, screenshot, signInAs } from '../support/browser.js';
import { testDatabase } from '../support/client.js';

vi.setConfig({ testTimeout: 240_000 });

const stamp = Date.now().toString(36);
const OWN = ownAnalyst('bigchartapp');
const PURPOSE = 'Browser test (big chart in the app)';
const PREFIX = `bca-${stamp}-`;
/** Locations on the saved chart; the working chart has the first WORKING of them. */
const LOCATIONS = 1_100;
const WORKING = 1_000;

const area = `${PREFIX}area`;
const loc = (i: number) => `${PREFIX}loc-${i}`;
const lnk = (i: number) => `${PREFIX}in-${i}`;
const dataset: Dataset = {
  nodes: [
    { id: area, labels: ['Area'], props: { name: `Quietmarsh ${stamp}` } },
    ...Array.from({ length: LOCATIONS }, (_, i) => ({ id: loc(i), labels: ['Location'], props: { address: `${i + 1} Quietmarsh Lane`, postcode: 'QX9 7ZZ', kind: 'other' } })),
  ],
  links: Array.from({ length: LOCATIONS }, (_, i) => ({ id: lnk(i), type: 'LOCATION_IN_AREA', start: loc(i), end: area, props: {} })),
};

/** The first `n` locations, their area and links: ids and a view state placing them on a grid. */
function chartOf(n: number, offset: number) {
  const entityIds = [area, ...Array.from({ length: n }, (_, i) => loc(i))];
  const linkIds = Array.from({ length: n }, (_, i) => lnk(i));
  const positions: Record<string, [number, number]> = { [area]: [-200 + offset, -200] };
  for (let i = 0; i < n; i++) positions[loc(i)] = [(i % 40) * 70 + offset, Math.floor(i / 40) * 70];
  const state = { version: 1, positions, hidden: [], pinned: [], groups: [], filters: {}, styling: { rank: '', communities: false, highlight: 'none', labels: 'name', layout: 'fcose' }, viewport: { zoom: 1, pan: { x: 0, y: 0 } } };
  return { entityIds, linkIds, state, elements: entityIds.length + linkIds.length };
}
const working = chartOf(WORKING, 0);
const saved = chartOf(LOCATIONS, 35);

let browser: Browser;
let page: Page;

/** The app's own GraphQL endpoint, as the signed-in analyst. */
async function api<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const body = await page.evaluate(
    async ({ query, variables, purpose }) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${localStorage.getItem('token')}`, 'x-purpose': purpose },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    { query, variables, purpose: PURPOSE },
  );
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

const cyEval = <T,>(fn: string, arg?: unknown): Promise<T> =>
  page.evaluate(({ fn, arg }) => new Function('cy', 'arg', fn)((window as any).__cy, arg), { fn, arg }) as Promise<T>;

/** The element count of the chart at each animation frame where it changed (installed before the app runs). */
function countFrames(): void {
  const w = window as any;
  w.__frameCounts = [] as number[];
  const tick = () => {
    const n = w.__cy && !w.__cy.destroyed() ? w.__cy.elements().length : 0;
    const log = w.__frameCounts as number[];
    if (log[log.length - 1] !== n) log.push(n);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const frameCounts = () => page.evaluate(() => [...((window as any).__frameCounts as number[])]);
const settled = (count: number) =>
  page.waitForFunction((count) => !document.querySelector('[data-testid="loading"]') && (window as any).__cy?.elements().length === count, count, { timeout: 120_000 });
const chartIds = () => cyEval<{ nodes: string[]; links: string[] }>('return { nodes: cy.nodes().map((n) => n.id()).sort(), links: cy.edges().map((e) => e.data("linkId")).sort() };');

beforeAll(async () => {
  await OWN.create();
  const db = testDatabase();
  try {
    await loadDataset(db, dataset);
  } finally {
    await db.close();
  }
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.addInitScript(countFrames);
  await signInAs(page, OWN.user, PURPOSE);
  // The first screen (the operation chart) is autosaved: let that land before the test's own working chart does.
  await page.waitForFunction(() => ((window as any).__cy?.nodes().length ?? 0) > 0 && !document.querySelector('[data-testid="loading"]'), undefined, { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="autosave-status"]')?.getAttribute('data-state') === 'saved', undefined, { timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  // Leave the analyst's working chart small before it is removed.
  await page?.evaluate(() => (window as any).__cy?.elements().remove()).catch(() => {});
  await browser?.close();
  await OWN.remove();
  const db = testDatabase();
  try {
    await db.write('MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: PREFIX });
  } finally {
    await db.close();
  }
});

describe('a big chart in the app', () => {
  it('restores a big working chart and opens a big saved chart a chunk per frame, complete and usable', async () => {
    expect(working.elements).toBeGreaterThan(1_500);
    expect(saved.elements).toBeGreaterThan(working.elements);
    await api('mutation ($e: [ID!]!, $l: [ID!], $s: JSON!) { saveWorkingChart(entityIds: $e, linkIds: $l, state: $s) { updatedAt } }', { e: working.entityIds, l: working.linkIds, s: working.state });
    const { saveChart } = await api<{ saveChart: { id: string } }>('mutation ($n: String!, $e: [ID!]!, $l: [ID!], $s: JSON!) { saveChart(name: $n, entityIds: $e, linkIds: $l, state: $s) { id } }', {
      n: `Quietmarsh ${stamp}`,
      e: saved.entityIds,
      l: saved.linkIds,
      s: saved.state,
    });

    // The saved chart's address: the working chart comes back first, then the saved chart replaces it.
    await page.goto(`${inject('stack').url}/chart/${encodeURIComponent(saveChart.id)}`, { waitUntil: 'load' });
    await page.getByTestId('current-user').first().waitFor({ timeout: 60_000 });
    await settled(saved.elements);
    await expect.poll(() => page.evaluate(() => location.pathname), { timeout: 30_000 }).toBe(`/chart/${encodeURIComponent(saveChart.id)}`);

    // Every element of both, and each arrived over more than one frame.
    const counts = await frameCounts();
    const whole = counts.indexOf(working.elements);
    expect(whole, `frame counts ${counts.join(',')}`).toBeGreaterThan(0);
    const restoring = counts.slice(0, whole).filter((n) => n > 0 && n < working.elements);
    const opening = counts.slice(whole + 1, counts.indexOf(saved.elements, whole)).filter((n) => n > 0 && n < saved.elements);
    console.log(`big chart in the app: working chart arrived over ${restoring.length + 1} frames (${restoring.join(', ')}, ${working.elements}); saved chart over ${opening.length + 1}`);
    expect(restoring.length, `working chart frames ${counts.join(',')}`).toBeGreaterThan(0);
    expect(opening.length, `saved chart frames ${counts.join(',')}`).toBeGreaterThan(0);
    const ids = await chartIds();
    expect(ids.nodes).toEqual([...saved.entityIds].sort());
    expect(ids.links).toEqual([...saved.linkIds].sort());

    // Laid out as saved: the positions were put back after the last chunk, not before.
    const at = await cyEval<Record<string, { x: number; y: number }>>('const o = {}; for (const id of arg) o[id] = cy.getElementById(id).position(); return o;', [area, loc(0), loc(LOCATIONS - 1)]);
    for (const id of [area, loc(0), loc(LOCATIONS - 1)]) expect([Math.round(at[id]!.x), Math.round(at[id]!.y)], id).toEqual(saved.state.positions[id]);
    await screenshot(page, 'big-chart-app-opened.png');

    // Usable: an entity clicked is selected.
    const target = loc(LOCATIONS - 1);
    await cyEval('cy.zoom(1.2); cy.center(cy.getElementById(arg));', target);
    await page.waitForTimeout(300);
    const point = await cyEval<{ x: number; y: number }>('const p = cy.getElementById(arg).renderedPosition(); const r = cy.container().getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y };', target);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => cyEval<string[]>('return cy.$(":selected").map((e) => e.id())'), { timeout: 10_000 }).toEqual([target]);

    // Undo returns to the working chart as it was restored (one step: the whole open).
    await page.locator('.chart').first().focus().catch(() => undefined);
    await page.keyboard.press('Control+z');
    await settled(working.elements);
    const back = await chartIds();
    expect(back.nodes).toEqual([...working.entityIds].sort());
    expect(back.links).toEqual([...working.linkIds].sort());
    const p0 = await cyEval<{ x: number; y: number }>('return cy.getElementById(arg).position();', loc(0));
    expect([Math.round(p0.x), Math.round(p0.y)]).toEqual(working.state.positions[loc(0)]);
  });
});
