/**
 * The workspace's actions in a real Chromium: the right-click menu on entities, links, notes and the
 * empty chart; moving around the chart from the keyboard (Tab reaches it); the sortable table of the
 * chart's entities and its audited CSV export; notes and arrows drawn on the chart, saved with it
 * and back when it is reopened; the header at 1280x720 without sideways overflow. Screenshots in
 * test-results/workspace-actions-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, RESULTS, signIn } from '../support/browser.js';
import { testDatabase } from '../support/client.js';

const DEMO_PERSON_ID = 'per-s001';
const CHART_NAME = `Annotated chart ${Date.now()}`;
const NOTE_TEXT = 'Garage raided in 2011 — ask about the keys';
const STARTED = new Date().toISOString();

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: path.join(RESULTS, `workspace-actions-${name}.png`) });

const cyEval = <T>(fn: string, arg?: unknown): Promise<T> =>
  page.evaluate(({ fn, arg }) => new Function('cy', 'arg', fn)((window as any).__cy, arg), { fn, arg }) as Promise<T>;
const selectedIds = () => cyEval<string[]>('return cy.$(":selected").map(e => e.id()).sort()');

/** Where an entity (or a link's middle) is on the page. */
async function pagePoint(id: string): Promise<{ x: number; y: number }> {
  return cyEval<{ x: number; y: number }>(
    `const el = cy.getElementById(arg);
     let p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
     // Off screen (or at its very edge): bring it to the middle first.
     if (p.x < 40 || p.y < 40 || p.x > cy.width() - 40 || p.y > cy.height() - 40) {
       cy.center(el);
       p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
     }
     const b = cy.container().getBoundingClientRect();
     return { x: b.left + p.x, y: b.top + p.y };`,
    id,
  );
}

async function rightClick(id: string, exact = true) {
  const p = await pagePoint(id);
  await page.mouse.click(p.x, p.y, { button: 'right' });
  await page.getByTestId('context-menu').waitFor({ timeout: 5_000 });
  const on = await page.evaluate(() => (window as any).__workspace.store.getState().session.menu?.targetId as string | null);
  if (exact && on !== id) throw new Error(`the right-click at ${id} opened the menu on ${on}`);
}

const idle = () => expect.poll(() => page.getByTestId('loading').count(), { timeout: 30_000 }).toBe(0);

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signIn(page, 'analyst');
  await page.waitForFunction(() => ((window as any).__cy?.nodes().length ?? 0) > 20, undefined, { timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="loading"]'), undefined, { timeout: 30_000 });
  // The suspect in the middle of the view, so that right-clicks land on it.
  await cyEval('cy.center(cy.getElementById(arg))', DEMO_PERSON_ID);
});

afterAll(async () => {
  await browser?.close();
});

describe('workspace actions', () => {
  it('right-click menu on an entity: hide, pin, details, expand by a link type in words', async () => {
    await rightClick(DEMO_PERSON_ID);
    const menu = page.getByTestId('context-menu');
    for (const name of ['expand', 'expand-by-type', 'paths-from', 'details', 'open-record', 'hide', 'pin', 'remove', 'arrow-from']) {
      expect(await menu.getByTestId(`menu-${name}`).count(), name).toBe(1);
    }
    await shot('menu-entity');
    await menu.getByTestId('menu-hide').click();
    await expect.poll(() => page.getByTestId('context-menu').count()).toBe(0);
    expect(await cyEval<boolean>('return cy.getElementById(arg).hasClass("hidden")', DEMO_PERSON_ID)).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cyEval<boolean>('return cy.getElementById(arg).hasClass("hidden")', DEMO_PERSON_ID)).toBe(false);

    await rightClick(DEMO_PERSON_ID);
    await page.getByTestId('menu-pin').click();
    expect(await cyEval<boolean>('return cy.getElementById(arg).locked()', DEMO_PERSON_ID)).toBe(true);

    await rightClick(DEMO_PERSON_ID);
    await page.getByTestId('menu-details').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('details-panel');
    expect(await selectedIds()).toEqual([DEMO_PERSON_ID]);

    // Expand by type: the choices are in words, grouped, and one of them expands.
    await rightClick(DEMO_PERSON_ID);
    await page.getByTestId('menu-expand-by-type').click();
    const choices = page.locator('[data-testid^="menu-choice-"]');
    expect(await choices.count()).toBeGreaterThan(3);
    for (const text of await choices.allTextContents()) expect(text).not.toMatch(/[A-Z]{2,}_|^[A-Z_]+$/);
    await shot('menu-expand-by-type');
    await page.getByTestId('menu-choice-CURRENT_ADDRESS').click();
    await idle();
    expect(await cyEval<number>('return cy.getElementById(arg).connectedEdges("[type = \'CURRENT_ADDRESS\']").length', DEMO_PERSON_ID)).toBeGreaterThan(0);
  });

  it('right-click menu on a link selects both ends; "Paths from here" then "Paths to here" asks for the paths', async () => {
    const edge = await cyEval<{ id: string; ends: string[] }>(
      'const e = cy.getElementById(arg).connectedEdges().filter(e => e.visible())[0]; return { id: e.id(), ends: [e.source().id(), e.target().id()].sort() }',
      DEMO_PERSON_ID,
    );
    await rightClick(edge.id, false);
    // Links cross: the menu is on whichever link is on top at that point.
    const onLink = await page.evaluate(() => (window as any).__workspace.store.getState().session.menu.targetId as string);
    const ends = await cyEval<string[]>('const e = cy.getElementById(arg); return e.isEdge() ? [e.source().id(), e.target().id()].sort() : []', onLink);
    expect(ends).toHaveLength(2);
    await page.getByTestId('menu-select-ends').click();
    expect(await selectedIds()).toEqual(ends);

    const other = await cyEval<string>(
      'return cy.getElementById(arg).neighborhood().nodes().filter(n => n.visible() && n.data("sk") === "Person")[0].id()',
      DEMO_PERSON_ID,
    );
    await cyEval('cy.$(":selected").unselect()');
    await rightClick(DEMO_PERSON_ID);
    await page.getByTestId('menu-paths-from').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/Paths from .*Paths to here/);
    await rightClick(other);
    expect(await page.getByTestId('menu-paths-to').textContent()).toMatch(/^Paths to here from /);
    await page.getByTestId('menu-paths-to').click();
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 90_000 }).toMatch(/(path|route)s? .*between|No path/i);
    await shot('paths-to');
  }, 120_000);

  it('the first Tab offers "Skip to the chart", and Enter on it puts the keyboard on the chart', async () => {
    // Start the keyboard at the top of the page, as after loading it (a focused element removed from
    // the start of the body leaves the sequential focus starting point there).
    await page.evaluate(() => {
      const start = document.createElement('button');
      document.body.prepend(start);
      start.focus();
      start.remove();
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-to-chart');
    expect(await page.getByTestId('skip-to-chart').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chart');
  });

  it('Tab reaches the chart; arrow keys go round the linked entities, Enter moves on, Up goes back, D opens details', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await cyEval('cy.$(":selected").unselect(); cy.getElementById(arg).select()', DEMO_PERSON_ID);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'chart');
    }
    expect(reached).toBe(true);
    const neighbours = await cyEval<string[]>('return cy.getElementById(arg).neighborhood().nodes().filter(n => n.visible() && n.data("entity")).map(n => n.id())', DEMO_PERSON_ID);
    expect(neighbours.length).toBeGreaterThan(1);

    await page.keyboard.press('ArrowRight');
    const first = await selectedIds();
    expect(first).toHaveLength(1);
    expect(neighbours).toContain(first[0]);
    await expect.poll(() => page.getByTestId('chart-announce').textContent()).toMatch(new RegExp(`1 of ${neighbours.length} linked to`));
    await page.keyboard.press('ArrowRight');
    const second = await selectedIds();
    expect(neighbours).toContain(second[0]);
    expect(second).not.toEqual(first);
    await page.keyboard.press('ArrowLeft');
    expect(await selectedIds()).toEqual(first);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('chart-announce').textContent()).toMatch(/linked (entity|entities)/);
    await page.keyboard.press('ArrowUp');
    expect(await selectedIds()).toEqual([DEMO_PERSON_ID]);
    await shot('keyboard');

    // Shift+F10 opens the menu of the selection from the keyboard; Escape closes it.
    await page.keyboard.press('Shift+F10');
    await page.getByTestId('context-menu').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('context-menu').count()).toBe(0);

    await page.getByTestId('chart').focus();
    await page.keyboard.press('d');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('details-panel');

    // The help lists the chart keys, from the same actions.
    await page.keyboard.press('?');
    const help = await page.getByTestId('shortcut-help').textContent();
    expect(help).toMatch(/select the next entity linked/);
    expect(help).toMatch(/Shift\+F10/);
    await page.keyboard.press('Escape');
  });

  it('lists the chart’s entities in a table: sorts by column, selects on click, exports CSV (audited)', async () => {
    await page.getByTestId('table-toggle').click();
    const table = page.getByTestId('entity-table');
    await table.waitFor();
    const onChart = await cyEval<number>('return cy.nodes().filter(n => n.data("entity")).length');
    expect(await table.getByTestId('table-row').count()).toBe(onChart);

    // Default: most linked first.
    const links = (await table.locator('tbody td.num').allTextContents()).map(Number);
    expect(links).toEqual([...links].sort((a, b) => b - a));
    await table.getByTestId('table-sort-label').click();
    const labels = await table.locator('tbody tr td:nth-child(2) button').allTextContents();
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })));
    expect(await table.locator('th[aria-sort="ascending"]').textContent()).toMatch(/Name/);
    await table.getByTestId('table-sort-label').click();
    const desc = await table.locator('tbody tr td:nth-child(2) button').allTextContents();
    expect(desc[0]).toBe(labels.at(-1));

    const row = table.getByTestId('table-row').nth(3);
    const rowId = await row.getAttribute('data-id');
    await row.click();
    expect(await selectedIds()).toEqual([rowId]);
    await shot('table');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), table.getByTestId('table-export').click()]);
    const file = path.join(RESULTS, 'workspace-actions-table.csv');
    await download.saveAs(file);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('"id","kind","label","links_on_chart","date","state","pinned"');
    expect(lines).toHaveLength(onChart + 1);
    // In the order shown: labels descending.
    expect(lines[1]).toContain(`"${desc[0]}"`);
    const db = testDatabase();
    const rows = await db.read(
      "MATCH (a:AuditEntry) WHERE a.operation = 'Mutation.recordExport' AND a.username = $u AND a.at >= $since RETURN a.args AS args",
      { u: inject('stack').users.analyst.username, since: STARTED },
    );
    await db.close();
    expect(rows.map((r) => JSON.parse(r.args as string).format)).toContain('CSV');
    await page.getByTestId('table-toggle').click();
  });

  it('draws a note and an arrow on the chart; they are saved with it and come back when it is reopened', async () => {
    // A note on an empty spot of the chart (its top-left corner after fitting).
    await page.getByTestId('toolbar-fit').click();
    const box = (await page.getByTestId('chart').boundingBox())!;
    await page.mouse.click(box.x + 60, box.y + 30, { button: 'right' });
    await page.getByTestId('menu-add-note').click();
    await page.getByTestId('note-editor').fill(NOTE_TEXT);
    await page.keyboard.press('Enter');
    const note = page.getByTestId('note');
    await expect.poll(() => note.textContent()).toBe(NOTE_TEXT);

    // An arrow from the note to the suspect.
    await note.click({ button: 'right' });
    await page.getByTestId('menu-arrow-from').click();
    await rightClick(DEMO_PERSON_ID);
    await page.getByTestId('menu-arrow-to').click();
    await expect.poll(() => page.getByTestId('arrow').count()).toBe(1);

    // Dragging the note moves it (in chart coordinates).
    const before = (await note.boundingBox())!;
    await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await page.mouse.down();
    await page.mouse.move(before.x + before.width / 2 + 80, before.y + before.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    const after = (await note.boundingBox())!;
    expect(Math.round(after.x - before.x)).toBe(80);
    await page.waitForTimeout(300);
    await shot('note');

    await page.getByTestId('side-tab-charts').click();
    await page.getByTestId('chart-name').fill(CHART_NAME);
    await page.getByTestId('save-chart').click();
    const entry = page.locator(`[data-testid="saved-chart"][data-name="${CHART_NAME}"]`);
    await entry.waitFor({ timeout: 15_000 });
    const db = testDatabase();
    const [saved] = await db.read('MATCH (c:SavedChart {name: $name}) RETURN c.state AS state', { name: CHART_NAME });
    await db.close();
    expect(JSON.parse(saved!.state as string).annotations.notes[0].text).toBe(NOTE_TEXT);

    await page.getByTestId('toolbar-clear').click();
    await expect.poll(() => page.getByTestId('note').count()).toBe(0);
    await entry.getByTestId('saved-chart-open').click();
    await page.getByTestId('purpose-submit').click();
    await expect.poll(() => page.getByTestId('note').textContent(), { timeout: 20_000 }).toBe(NOTE_TEXT);
    await expect.poll(() => page.getByTestId('arrow').count()).toBe(1);
    await shot('note-reopened');
  });

  it('has no sideways overflow at 1280x720: the title shows and Sign out is whole', async () => {
    for (const [width, height] of [
      [1280, 720],
      [1600, 1000],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(400);
      const m = await page.evaluate(() => {
        const r = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
        return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, logout: r('[data-testid="logout"]'), brand: r('.topbar .brand'), toolbar: r('.topbar .toolbar'), alerts: document.querySelector('.topbar .alerts-button')?.getBoundingClientRect() ?? null };
      });
      expect(m.scroll, `${width}x${height}`).toBeLessThanOrEqual(m.inner);
      expect(m.logout.left).toBeGreaterThanOrEqual(0);
      expect(m.logout.right).toBeLessThanOrEqual(m.inner);
      expect(m.brand.width).toBeGreaterThan(60);
      // The chart buttons are not covered by what follows them.
      if (m.alerts) expect(m.toolbar.right).toBeLessThanOrEqual(m.alerts.left);
      await shot(`header-${width}x${height}`);
    }
    expect(pageErrors).toEqual([]);
  });
});
