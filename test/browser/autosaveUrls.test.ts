/**
 * Work never lost, and links that work — in a real Chromium against the real server and Neo4j:
 * the analyst's working chart comes back after a reload, after signing out and in, and after a
 * session that ended under it; leaving a named chart with changes not saved under its name asks
 * first; a saved chart, an entity, a licensing page and a strategy-meeting view each have an
 * address that opens it (signed out too: after signing in), back and forward move between them,
 * and an address that names no page shows "Not found". Screenshots at 1600x1000 and 1280x720 in
 * test-results/autosave-*.png.
 *
 * The analyst here is one of its own (not the shared test analyst), so its working chart is
 * nobody else's first screen.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, ownAnalyst, RESULTS, statePurpose } from '../support/browser.js';
import { testDatabase } from '../support/client.js';
import { DEMO_IDS } from '../../seeds/demo.js';

const stamp = Date.now().toString(36);
const OWN = ownAnalyst('autosave');
const ANALYST = OWN.user;
const CHART_NAME = `Autosave chart ${stamp}`;
const url = (p: string) => `${inject('stack').url}${p}`;

// Sign-ins, restores and whole driver records on a machine shared with other test runs.
vi.setConfig({ testTimeout: 180_000 });

let browser: Browser;
const pageErrors: string[] = [];

async function newPage(width = 1600, height = 1000): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { context, page };
}

/** Signs in on the form shown (at whatever address), stating a purpose when asked. */
async function signInHere(page: Page, user: { username: string; password: string }, purpose = 'Browser test (autosave and addresses)') {
  await page.getByTestId('login-username').waitFor({ timeout: 60_000 });
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="purpose-dialog"], [data-testid="current-user"]').first().waitFor({ timeout: 30_000 });
  if (await page.getByTestId('purpose-dialog').count()) await statePurpose(page, purpose);
  await page.getByTestId('current-user').first().waitFor({ timeout: 30_000 });
}

const cyEval = <T,>(page: Page, fn: string, arg?: unknown): Promise<T> =>
  page.evaluate(({ fn, arg }) => new Function('cy', 'arg', fn)((window as any).__cy, arg), { fn, arg }) as Promise<T>;

/** The chart as the analyst sees it: entity ids and positions (groups left out). */
const picture = (page: Page) =>
  cyEval<{ ids: string[]; positions: Record<string, [number, number]> }>(
    page,
    `const nodes = cy.nodes().filter((n) => !n.data('isGroup'));
     const positions = {};
     nodes.forEach((n) => { positions[n.id()] = [Math.round(n.position('x')), Math.round(n.position('y'))]; });
     return { ids: nodes.map((n) => n.id()).sort(), positions };`,
  );

const settled = (page: Page) => page.waitForFunction(() => !document.querySelector('[data-testid="loading"]') && ((window as any).__cy?.nodes().length ?? 0) > 0, undefined, { timeout: 30_000 });

/** Waits for the autosave to have saved the latest change. */
const autosaved = (page: Page) => expect.poll(() => page.getByTestId('autosave-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('saved');

/**
 * Drags an entity on the chart with the mouse, by (dx, dy) screen pixels. The entity is brought to
 * the middle of the chart first: where the layout puts it depends on what other test files added
 * to the operation, and under a panel or off the canvas the mouse would drag nothing.
 */
async function drag(page: Page, id: string, dx: number, dy: number) {
  await cyEval(page, 'cy.center(cy.getElementById(arg));', id);
  const at = await cyEval<{ x: number; y: number }>(page, 'const p = cy.getElementById(arg).renderedPosition(); const r = cy.container().getBoundingClientRect(); return { x: r.left + p.x, y: r.top + p.y };', id);
  const onChart = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.chart'), at);
  expect(onChart, `entity ${id} is under something else at ${at.x},${at.y}`).toBe(true);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + dx / 2, at.y + dy / 2, { steps: 4 });
  await page.mouse.move(at.x + dx, at.y + dy, { steps: 4 });
  await page.mouse.up();
}

async function shots(page: Page, name: string) {
  for (const [w, h] of [[1600, 1000], [1280, 720]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(RESULTS, `autosave-${name}-${w}x${h}.png`) });
  }
  await page.setViewportSize({ width: 1600, height: 1000 });
}

beforeAll(async () => {
  await OWN.create();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await OWN.remove();
});

describe('the working chart is never lost', () => {
  let page: Page;
  let moved: string;
  let before: Awaited<ReturnType<typeof picture>>;

  it('comes back after a reload: the same entities in the same places', async () => {
    ({ page } = await newPage());
    await page.goto(url('/'), { waitUntil: 'load' });
    await signInHere(page, ANALYST);
    await page.waitForFunction(() => ((window as any).__cy?.nodes().length ?? 0) > 20, undefined, { timeout: 30_000 });
    await settled(page);
    // Take one entity off the chart (select it, Delete) and drag another somewhere else.
    const first = await picture(page);
    const [gone, other] = first.ids.filter((id) => id.startsWith('per-')).slice(-2);
    await cyEval(page, 'cy.$(":selected").unselect(); cy.getElementById(arg).select();', gone);
    await page.locator('.chart').first().focus().catch(() => undefined);
    await page.keyboard.press('Delete');
    await expect.poll(() => cyEval<number>(page, 'return cy.getElementById(arg).length', gone)).toBe(0);
    moved = other!;
    await drag(page, moved, 140, 90);
    await autosaved(page);
    before = await picture(page);
    expect(before.ids).not.toContain(gone);
    expect(before.positions[moved]).not.toEqual(first.positions[moved]);

    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('current-user').waitFor({ timeout: 30_000 });
    await settled(page);
    await expect.poll(async () => (await picture(page)).ids, { timeout: 30_000 }).toEqual(before.ids);
    expect((await picture(page)).positions).toEqual(before.positions);
    await shots(page, 'restored');
  });

  it('comes back after signing out and in again', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor({ timeout: 15_000 });
    await signInHere(page, ANALYST);
    await settled(page);
    await expect.poll(async () => (await picture(page)).ids, { timeout: 30_000 }).toEqual(before.ids);
    expect((await picture(page)).positions).toEqual(before.positions);
  });

  it('keeps the changes made up to the moment a session ends, and brings them back after signing in', async () => {
    await drag(page, moved, -200, 40);
    const changed = await picture(page);
    // The session ends on the server (as at expiry) before the autosave has gone out.
    const token = await page.evaluate(() => localStorage.getItem('token'));
    await fetch(url('/graphql'), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: 'mutation { logout }' }) });
    // The autosave is refused: the sign-in form says the session ended.
    await page.getByTestId('login-form').waitFor({ timeout: 20_000 });
    await signInHere(page, ANALYST);
    await settled(page);
    await expect.poll(async () => (await picture(page)).positions[moved], { timeout: 30_000 }).toEqual(changed.positions[moved]);
    expect((await picture(page)).ids).toEqual(changed.ids);
    // And it is on the server now, not only in this page: a reload shows it too.
    await autosaved(page).catch(() => undefined);
    await page.reload({ waitUntil: 'load' });
    await settled(page);
    await expect.poll(async () => (await picture(page)).positions[moved], { timeout: 30_000 }).toEqual(changed.positions[moved]);
    before = await picture(page);
  });

  it('asks before leaving a named chart with changes not saved under its name', async () => {
    await page.getByTestId('side-tab-charts').click().catch(() => undefined);
    await page.getByTestId('chart-name').fill(CHART_NAME);
    await page.getByTestId('save-chart').click();
    await expect.poll(() => page.evaluate(() => location.pathname), { timeout: 20_000 }).toMatch(/^\/chart\/chart-/);
    // Saved under its name: leaving asks nothing.
    let asked = 0;
    const onDialog = (d: { type(): string; accept(): Promise<void> }) => {
      if (d.type() === 'beforeunload') asked++;
      void d.accept();
    };
    page.on('dialog', onDialog);
    await page.reload({ waitUntil: 'load' });
    await settled(page);
    expect(asked).toBe(0);
    // Changed since: leaving asks first.
    await drag(page, moved, 60, 60);
    await autosaved(page);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => asked, { timeout: 10_000 }).toBe(1);
    page.off('dialog', onDialog);
    await settled(page);
  });
});

describe('addresses', () => {
  let chartPath: string;
  let page: Page;

  it('opens a saved chart from its address, in a new window after signing in there', async () => {
    const db = testDatabase();
    const [row] = await db.read('MATCH (c:SavedChart {owner: $u, name: $n}) RETURN c.id AS id, c.entityIds AS ids', { u: ANALYST.username, n: CHART_NAME });
    await db.close();
    chartPath = `/chart/${encodeURIComponent(row!.id as string)}`;
    ({ page } = await newPage());
    await page.goto(url(chartPath), { waitUntil: 'load' });
    await page.getByTestId('login-form').waitFor({ timeout: 20_000 });
    await signInHere(page, ANALYST);
    await settled(page);
    await expect.poll(() => page.getByTestId('current-chart').textContent(), { timeout: 30_000 }).toContain(CHART_NAME);
    expect((await picture(page)).ids).toEqual([...(row!.ids as string[])].sort());
    expect(await page.evaluate(() => location.pathname)).toBe(chartPath);
    await shots(page, 'chart-link');
  });

  it('opens an entity from its address with its neighbours, selected', async () => {
    const id = DEMO_IDS.searchableSuspect;
    await page.goto(url(`/entity/${id}`), { waitUntil: 'load' });
    await settled(page);
    await expect.poll(() => cyEval<boolean>(page, 'return cy.getElementById(arg).selected()', id), { timeout: 30_000 }).toBe(true);
    expect(await cyEval<number>(page, 'return cy.getElementById(arg).neighborhood("node").length', id)).toBeGreaterThan(2);
    expect(await page.getByTestId('details-panel').textContent()).toContain('Kershaw');
    await shots(page, 'entity-link');
  });

  it('says an unknown entity is not found (as it would for one the user may not see)', async () => {
    await page.goto(url('/entity/per-no-such-person'), { waitUntil: 'load' });
    await settled(page);
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 30_000 }).toMatch(/no entity .*this address/i);
  });

  it('goes back and forward between the pages visited', async () => {
    await page.goBack();
    await expect.poll(() => cyEval<boolean>(page, 'return cy.getElementById(arg).selected()', DEMO_IDS.searchableSuspect), { timeout: 30_000 }).toBe(true);
    expect(await page.evaluate(() => location.pathname)).toBe(`/entity/${DEMO_IDS.searchableSuspect}`);
    await page.goBack();
    expect(await page.evaluate(() => location.pathname)).toBe(chartPath);
    await page.goForward();
    expect(await page.evaluate(() => location.pathname)).toBe(`/entity/${DEMO_IDS.searchableSuspect}`);
  });

  it('shows Not found for an address that names no page; the server answers it 404, and files and /api with a plain 404', async () => {
    await page.goto(url('/no/such/page'), { waitUntil: 'load' });
    await page.getByTestId('not-found').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('not-found').textContent()).toContain('/no/such/page');
    await shots(page, 'not-found');
    await page.getByTestId('not-found-home').click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/');
    await page.getByTestId('current-user').waitFor({ timeout: 30_000 });

    const status = async (p: string) => {
      const r = await fetch(url(p));
      return `${r.status} ${r.headers.get('content-type')?.split(';')[0]}`;
    };
    expect(await status('/')).toBe('200 text/html');
    expect(await status('/chart/anything')).toBe('200 text/html');
    expect(await status('/licensing/operator/opr-3')).toBe('200 text/html');
    expect(await status('/no/such/page')).toBe('404 text/html');
    expect(await status('/api/charts')).toBe('404 text/plain');
    expect(await status('/assets/no-such-file.js')).toBe('404 text/plain');
  });
});

describe('addresses of the other roles’ pages', () => {
  it('licensing: an operator’s page and a driver’s record have addresses, reached signed out, with back and forward', async () => {
    const { page } = await newPage();
    await page.goto(url(`/licensing/operator/${DEMO_IDS.revokedOperator}`), { waitUntil: 'load' });
    await signInHere(page, inject('stack').users.licensing);
    await expect.poll(() => page.getByTestId('operator-name').textContent(), { timeout: 30_000 }).toMatch(/Dunmere Cars/);
    await page.getByTestId('lic-tab-successors').click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/licensing/successors');
    await page.goBack();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe(`/licensing/operator/${DEMO_IDS.revokedOperator}`);
    await expect.poll(() => page.getByTestId('operator-name').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.goto(url(`/licensing/driver/${DEMO_IDS.searchableSuspect}`), { waitUntil: 'load' });
    await page.getByTestId('renewal-check').waitFor({ timeout: 90_000 }); // a driver's whole record: slow on a busy machine
    await shots(page, 'licensing-driver-link');
    // An analyst's page is no page for licensing.
    await page.goto(url('/chart/anything'), { waitUntil: 'load' });
    await page.getByTestId('not-found').waitFor({ timeout: 20_000 });
    await page.context().close();
  }, 240_000);

  it('safeguarding: a child’s strategy-meeting view has an address', async () => {
    const { page } = await newPage();
    await page.goto(url(`/safeguarding/child/${DEMO_IDS.demoChild}`), { waitUntil: 'load' });
    await signInHere(page, inject('stack').users.safeguarding);
    // The child is chosen; the purpose is asked for before anything is shown.
    await expect.poll(() => page.getByTestId('sg-child-select').inputValue(), { timeout: 20_000 }).toBe(DEMO_IDS.demoChild);
    await page.getByTestId('sg-purpose').fill('Strategy meeting, browser test of addresses');
    await page.getByTestId('sg-show').click();
    await expect.poll(() => page.getByTestId('sg-child-name').textContent(), { timeout: 30_000 }).toMatch(/Amy/);
    // Another child: the address follows; back returns to the first child's view.
    const other = await page.getByTestId('sg-child-select').evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value).find((v) => v && v !== 'per-c01'));
    await page.getByTestId('sg-child-select').selectOption(other!);
    await page.getByTestId('sg-show').click();
    await expect.poll(() => page.evaluate(() => location.pathname), { timeout: 20_000 }).toBe(`/safeguarding/child/${other}`);
    await page.goBack();
    await expect.poll(() => page.getByTestId('sg-child-name').textContent(), { timeout: 30_000 }).toMatch(/Amy/);
    expect(await page.evaluate(() => location.pathname)).toBe(`/safeguarding/child/${DEMO_IDS.demoChild}`);
    await shots(page, 'safeguarding-link');
    await page.context().close();
  }, 240_000);

  it('left no errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
