/**
 * The analyst workspace in a real headless Chromium: search → add → expand → paths between two
 * nodes → filter by date (inputs and timeline brush) → map and timeline select on the chart →
 * save the chart → reopen it → undo / redo → export PNG (the download checked) and CSV, with a
 * screenshot of every step in test-results/workspace-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { statePurpose, testPurpose } from '../support/browser.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../../server/config.js';
import { gqlOk, testDatabase } from '../support/client.js';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS = path.join(ROOT, 'test-results');
const DEMO_PERSON_ID = 'per-s001';
const CHART_NAME = `Browser test chart ${Date.now()}`;
const STARTED = new Date().toISOString();
const REOPEN_PURPOSE = `Reviewing the saved network ${Date.now()}`;

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: path.join(RESULTS, `workspace-${name}.png`) });

// Reads from the chart in the page (window.__cy is the Cytoscape instance).
const cyEval = <T>(fn: string, arg?: unknown): Promise<T> =>
  page.evaluate(({ fn, arg }) => new Function('cy', 'arg', fn)((window as any).__cy, arg), { fn, arg }) as Promise<T>;
const nodeCount = () => cyEval<number>('return cy.nodes().length');

beforeAll(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(inject('stack').url, { waitUntil: 'load' });
  const { username, password } = inject('stack').users.analyst;
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('purpose-dialog').waitFor({ timeout: 20_000 });
  await statePurpose(page, testPurpose('analyst'));
  await page.waitForFunction(() => ((window as any).__cy?.nodes().length ?? 0) > 20, undefined, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('analyst workspace', () => {
  it('shows the demo operation with the timeline, the map and the analysis panel (README screenshot)', async () => {
    await page.getByTestId('rank-measure').selectOption('DEGREE');
    await expect.poll(() => cyEval<number>('return cy.nodes(".ranked").length'), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByTestId('colour-communities').check();
    await expect.poll(() => cyEval<number>('return cy.nodes(".in-community").length'), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByTestId('never-actioned').click();
    await expect.poll(() => page.getByTestId('coverage-text').textContent(), { timeout: 15_000 }).toMatch(/\d+ of 80 suspects never actioned/);
    expect(await cyEval<number>('return cy.nodes(".hl").length')).toBeGreaterThan(40);
    // Expand every incident on the operation's chart by OCCURRED_AT at once: the places appear on the map.
    await cyEval('cy.$(":selected").unselect(); cy.nodes("[sk = \'Incident\'], [sk = \'Crime\']").select()');
    await page.getByTestId('expand-link-type').selectOption('OCCURRED_AT');
    await page.getByTestId('details-expand').click();
    await expect.poll(() => page.getByTestId('map-point').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    await expect.poll(() => page.getByTestId('loading').count(), { timeout: 20_000 }).toBe(0);
    await cyEval('cy.$(":selected").unselect()');
    await page.waitForTimeout(1200);
    await page.screenshot({ path: path.join(RESULTS, 'workspace-demo-operation.png') });
    // Back to plain styling for the steps that follow.
    await page.getByTestId('highlight').selectOption('none');
    await page.getByTestId('colour-communities').uncheck();
    await page.getByTestId('rank-measure').selectOption('');
    expect(await cyEval<number>('return cy.nodes(".ranked, .in-community, .dim").length')).toBe(0);
  });

  it('search → add → expand', async () => {
    await page.getByTestId('toolbar-clear').click();
    expect(await nodeCount()).toBe(0);
    await page.getByTestId('search-input').fill('Kershaw Hil');
    const hit = page.getByTestId('search-result').filter({ hasText: 'Darren Kershaw' }).first();
    await hit.waitFor({ timeout: 15_000 });
    await hit.click();
    await page.waitForFunction((id) => (window as any).__cy.getElementById(id).length > 0, DEMO_PERSON_ID, { timeout: 15_000 });
    await shot('01-added');

    await cyEval('cy.getElementById(arg).emit("dbltap")', DEMO_PERSON_ID);
    await page.waitForFunction(() => (window as any).__cy.nodes().length > 5, undefined, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('loading').count(), { timeout: 20_000 }).toBe(0);
    // Links carry the number of reports behind them, and their grade once the reports are known.
    await expect.poll(() => cyEval<number>('return cy.edges("[strength]").length'), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await cyEval<number>('return cy.edges("[nsources > 0]").length')).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    await shot('02-expanded');
  });

  it('details show the reports behind a link with their 3x5x2 grades', async () => {
    const edgeId = await cyEval<string>('return cy.edges("[nsources > 0]")[0].id()');
    await cyEval('cy.$(":selected").unselect(); cy.getElementById(arg).select()', edgeId);
    const reports = page.getByTestId('details-panel').getByTestId('report');
    await expect.poll(() => reports.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const grade = await reports.first().getAttribute('data-grade');
    expect(grade).toMatch(/^([123]\/[A-E]\/[PC]|withheld)$/);
    await expect.poll(() => page.getByTestId('details-panel').textContent()).toMatch(/received \d{4}-\d{2}-\d{2}|held by/);
  });

  it('writes a version of a record’s text for sharing, or says which agency can', async () => {
    const ids = await cyEval<string[]>('return cy.nodes().filter(n => typeof n.data("entity")?.properties?.summary === "string").map(n => n.id())');
    expect(ids.length).toBeGreaterThan(0);
    const db = testDatabase();
    const rows = await db.read(
      'MATCH (n:Entity) WHERE n.id IN $ids OPTIONAL MATCH (r:Report) WHERE r.id IN coalesce(n.sources, []) RETURN n.id AS id, collect(DISTINCT r.ownerAgency) AS owners ORDER BY n.id',
      { ids },
    );
    await db.close();
    const others = rows.find((r) => (r.owners as string[]).length > 0 && !(r.owners as string[]).includes('Police'));
    const own = rows.find((r) => (r.owners as string[]).length === 0 || (r.owners as string[]).includes('Police'));
    expect(others ?? own).toBeTruthy();
    const release = async (id: string) => {
      await cyEval('cy.$(":selected").unselect(); cy.getElementById(arg).select()', id);
      const panel = page.getByTestId('details-panel');
      await panel.getByTestId('release-text').locator('summary').click();
      await panel.getByTestId('release-input').fill('A version for sharing, written by the browser test.');
      await panel.getByTestId('release-submit').click();
      return panel;
    };
    if (others) {
      const panel = await release(String(others.id));
      await expect.poll(() => panel.getByTestId('release-error').textContent(), { timeout: 15_000 }).toMatch(/^Only .+ can release this record's text\.$/);
      await shot('02b-release-refused');
    }
    if (own) {
      const panel = await release(String(own.id));
      await expect.poll(() => panel.getByTestId('release-done').textContent(), { timeout: 15_000 }).toMatch(/Released/);
    }
    await cyEval('cy.$(":selected").unselect()');
  });

  it('paths between two selected nodes are added and highlighted', async () => {
    // Two neighbours of the suspect that are not linked to each other: a path runs through him at least.
    const pair = await cyEval<[string, string]>(`
      const s = cy.getElementById(arg);
      // Neighbours over evidential links only: paths never run through the operation's bookkeeping.
      const bookkeeping = ['ON_CHART', 'PART_OF', 'MENTIONS', 'RAISED_AT', 'DISCUSSED_AT', 'INVESTIGATED_BY', 'HAS_POSTCODE', 'LOCATION_IN_AREA', 'POSTCODE_IN_AREA'];
      const ns = s.connectedEdges().filter(e => !bookkeeping.includes(e.data('link')?.type)).connectedNodes().filter(n => n.id() !== s.id() && !n.data('isGroup'));
      for (let i = 0; i < ns.length; i++) for (let j = i + 1; j < ns.length; j++)
        if (ns[i].edgesWith(ns[j]).empty()) return [ns[i].id(), ns[j].id()];
      return null;`, DEMO_PERSON_ID);
    expect(pair).toBeTruthy();
    await cyEval('cy.$(":selected").unselect(); cy.getElementById(arg[0]).select(); cy.getElementById(arg[1]).select()', pair);
    await page.getByTestId('side-tab-analysis').click();
    await page.getByTestId('analysis-paths').click();
    await expect.poll(() => page.getByTestId('notice').textContent(), { timeout: 20_000 }).toMatch(/shortest routes? of \d+ hops? between/);
    const marked = await cyEval<{ nodes: string[]; edges: number }>('return { nodes: cy.nodes(".path-hl").map(n => n.id()), edges: cy.edges(".path-hl").length }');
    expect(marked.nodes).toEqual(expect.arrayContaining(pair));
    expect(marked.edges).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(600);
    await shot('03-paths');
  });

  it('filters by date without removing anything, and the timeline brush sets the range', async () => {
    const before = await nodeCount();
    const dated = await cyEval<number>('return cy.nodes().filter(n => n.data("entity") && ["date","servedOn","grantedOn","startedOn","receivedOn","from"].some(k => typeof n.data("entity").properties[k] === "string")).length');
    expect(dated).toBeGreaterThan(0);
    await page.getByTestId('side-tab-filters').click();
    await page.getByTestId('filter-from').fill('2010-06-01');
    await page.getByTestId('filter-to').fill('2010-12-31');
    await expect.poll(() => page.getByTestId('filter-status').textContent()).toMatch(/Filtered out: \d+ entities/);
    const filtered = await cyEval<number>('return cy.nodes(".filtered").length + cy.edges(".filtered").length');
    expect(filtered).toBeGreaterThan(0);
    expect(await nodeCount()).toBe(before); // hidden, not removed
    // Every visible dated record is inside the range.
    const outside = await cyEval<string[]>(`
      return cy.nodes(':visible').filter(n => {
        const p = n.data('entity')?.properties ?? {};
        const d = ['date','servedOn','grantedOn','startedOn','receivedOn','from'].map(k => p[k]).find(v => typeof v === 'string');
        return d && (d.slice(0, 10) < '2010-06-01' || d.slice(0, 10) > '2010-12-31');
      }).map(n => n.id());`);
    expect(outside).toEqual([]);
    await expect.poll(() => page.getByTestId('filter-flag').textContent()).toMatch(/Filtered/);
    await shot('04-date-filter');

    // Brushing the timeline replaces the range.
    await page.getByTestId('filter-clear').click();
    expect(await cyEval<number>('return cy.elements(".filtered").length')).toBe(0);
    const items = await page.getByTestId('timeline-item').count();
    expect(items).toBeGreaterThan(0);
    const box = (await page.getByTestId('timeline-brush').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + 30);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 40, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('filter-from').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('filter-to').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await shot('05-timeline-brush');

    // Back to the explicit range for the chart that is saved next.
    await page.getByTestId('filter-from').fill('2010-06-01');
    await page.getByTestId('filter-to').fill('2010-12-31');
  });

  it('clicking a timeline item or a map point selects it on the chart', async () => {
    await page.getByTestId('filter-clear').click();
    const item = page.getByTestId('timeline-item').first();
    const id = await item.getAttribute('data-id');
    await item.click();
    await expect.poll(() => cyEval<string[]>('return cy.$(":selected").map(e => e.id())')).toEqual([id]);

    // Add a place with coordinates if the chart has none yet: expand the suspect's addresses.
    if ((await page.getByTestId('map-point').count()) === 0) {
      await cyEval('cy.$(":selected").unselect(); cy.getElementById(arg).select()', DEMO_PERSON_ID);
      await page.getByTestId('expand-link-type').selectOption('CURRENT_ADDRESS');
      await page.getByTestId('details-expand').click();
    }
    const point = page.getByTestId('map-point').first();
    await point.waitFor({ timeout: 15_000 });
    const placeId = await point.getAttribute('data-id');
    expect(Number(await point.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    await point.click();
    await expect.poll(() => cyEval<string[]>('return cy.$(":selected").map(e => e.id())')).toEqual([placeId]);
    await page.getByTestId('filter-from').fill('2010-06-01');
    await page.getByTestId('filter-to').fill('2010-12-31');
  });

  it('saves the chart, reopens it after clearing, and undo / redo step between the two', async () => {
    // Hide one entity and pin another: both must survive the round trip.
    const [hiddenId, pinnedId] = await cyEval<[string, string]>(`
      const ns = cy.nodes().filter(n => n.data('entity') && n.id() !== arg);
      return [ns[0].id(), ns[1].id()];`, DEMO_PERSON_ID);
    // Shortcuts are ignored while a field has focus (the date filter was typed into last).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await cyEval('cy.$(":selected").unselect(); cy.getElementById(arg).select()', hiddenId);
    await page.keyboard.press('h');
    await cyEval('cy.$(":selected").unselect(); cy.getElementById(arg).select()', pinnedId);
    await page.keyboard.press('p');
    expect(await cyEval<boolean>('return cy.getElementById(arg).locked()', pinnedId)).toBe(true);

    const saved = await cyEval<{ n: number; pos: { x: number; y: number } }>('return { n: cy.nodes().length, pos: cy.getElementById(arg).position() }', DEMO_PERSON_ID);
    await page.getByTestId('side-tab-charts').click();
    await page.getByTestId('chart-name').fill(CHART_NAME);
    await page.getByTestId('chart-share-agency').check(); // shared with the analyst's agency
    await page.getByTestId('save-chart').click();
    const entry = page.locator(`[data-testid="saved-chart"][data-name="${CHART_NAME}"]`);
    await entry.waitFor({ timeout: 15_000 });
    await entry.getByTestId('saved-chart-shared').waitFor();
    expect(await entry.getByTestId('saved-chart-owner').textContent()).toBe('yours');
    await shot('06-saved');

    const db = testDatabase();
    const [row] = await db.read('MATCH (c:SavedChart {name: $name}) RETURN c.nodeCount AS n, c.createdBy AS by, c.owner AS owner, c.sharedWithAgency AS agency', { name: CHART_NAME });
    await db.close();
    expect(row).toMatchObject({ n: saved.n, by: 'test-analyst', owner: 'test-analyst', agency: 'Police' });

    await page.getByTestId('toolbar-clear').click();
    expect(await nodeCount()).toBe(0);
    await entry.getByTestId('saved-chart-open').click();
    // Opening a chart: keep the purpose, or change it for this chart.
    await page.getByTestId('purpose-dialog').waitFor();
    expect(await page.getByTestId('purpose-input').inputValue()).toBe(testPurpose('analyst'));
    expect(await page.getByTestId('purpose-submit').textContent()).toBe('Keep and open');
    await page.getByTestId('purpose-input').fill(REOPEN_PURPOSE);
    expect(await page.getByTestId('purpose-submit').textContent()).toBe('Change and open');
    await shot('07a-open-purpose');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot('07a-open-purpose-1280x720');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByTestId('purpose-submit').click();
    await expect.poll(() => nodeCount(), { timeout: 20_000 }).toBe(saved.n);
    expect(await page.getByTestId('purpose-current').textContent()).toBe(REOPEN_PURPOSE);
    const { auditLog } = await gqlOk('{ auditLog(username: "test-analyst", limit: 50) { operation purpose } }', {}, 'admin');
    expect(auditLog.find((e: any) => e.operation === 'Query.savedChart')?.purpose).toBe(REOPEN_PURPOSE);
    const pos = await cyEval<{ x: number; y: number }>('return cy.getElementById(arg).position()', DEMO_PERSON_ID);
    expect(Math.abs(pos.x - saved.pos.x)).toBeLessThan(1.5);
    expect(Math.abs(pos.y - saved.pos.y)).toBeLessThan(1.5);
    expect(await cyEval<boolean>('return cy.getElementById(arg).hasClass("hidden")', hiddenId)).toBe(true);
    expect(await cyEval<boolean>('return cy.getElementById(arg).locked()', pinnedId)).toBe(true);
    // The saved date filter came back with it.
    await expect.poll(() => page.getByTestId('filter-flag').textContent()).toMatch(/Filtered/);
    expect(await page.getByTestId('current-chart').textContent()).toContain(CHART_NAME);
    await page.waitForTimeout(500);
    await shot('07-reopened');

    // Undo returns to the cleared chart, redo to the reopened one.
    await page.getByTestId('undo').click();
    await expect.poll(() => nodeCount()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => nodeCount()).toBe(saved.n);
  });

  it('exports PNG (audited first, then downloaded), CSV, SVG and GraphML', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-png').click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const file = path.join(RESULTS, 'workspace-export.png');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/Exported PNG .* recorded in the audit log/);

    const [csvDownload] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-csv').click()]);
    const csvFile = path.join(RESULTS, 'workspace-export.csv');
    await csvDownload.saveAs(csvFile);
    const text = fs.readFileSync(csvFile, 'utf8');
    expect(text.split('\r\n')[0]).toBe('"record","id","kind_or_type","label","source","target","sources","properties"');
    expect(text).toContain(`"entity","${DEMO_PERSON_ID}"`);

    const [svgDownload] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-svg').click()]);
    const svgFile = path.join(RESULTS, 'workspace-export.svg');
    await svgDownload.saveAs(svgFile);
    expect(fs.readFileSync(svgFile, 'utf8')).toMatch(/<svg[\s\S]*<\/svg>/);

    const [gmlDownload] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-graphml').click()]);
    const gmlFile = path.join(RESULTS, 'workspace-export.graphml');
    await gmlDownload.saveAs(gmlFile);
    const gml = fs.readFileSync(gmlFile, 'utf8');
    expect(gml).toContain(`<node id="${DEMO_PERSON_ID}">`);
    expect((gml.match(/<edge /g) ?? []).length).toBeGreaterThan(0);

    const db = testDatabase();
    const rows = await db.read(
      "MATCH (a:AuditEntry) WHERE a.operation = 'Mutation.recordExport' AND a.username = 'test-analyst' AND a.at >= $since RETURN a.args AS args, a.entityIds AS ids ORDER BY a.seq",
      { since: STARTED },
    );
    // The audit keeps the chart's name only as its length (the analyst's words are case text).
    for (const r of rows) expect(r.args as string).not.toContain(CHART_NAME);
    await db.close();
    expect(rows.map((r) => JSON.parse(r.args as string).format)).toEqual(expect.arrayContaining(['PNG', 'CSV', 'SVG', 'GRAPHML']));
    expect(rows[0]!.ids as string[]).toContain(DEMO_PERSON_ID);
    await shot('08-exported');
  });

  it('groups, renames and ungroups; every layout runs; labels switch', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const ids = await cyEval<string[]>('return cy.nodes(":visible").filter(n => n.data("entity")).slice(0, 3).map(n => n.id())');
    await cyEval('cy.$(":selected").unselect(); arg.forEach(id => cy.getElementById(id).select())', ids);
    await page.keyboard.press('g');
    const gid = await cyEval<string>('return cy.nodes("[?isGroup]")[0].id()');
    expect(await cyEval<string[]>('return cy.getElementById(arg).children().map(n => n.id()).sort()', gid)).toEqual([...ids].sort());
    await cyEval('cy.$(":selected").unselect(); cy.getElementById(arg).select()', gid);
    await page.getByTestId('group-name').fill('Dunmere Road lot');
    await page.getByTestId('group-rename').click();
    expect(await cyEval<string>('return cy.getElementById(arg).data("label")', gid)).toBe('Dunmere Road lot');
    await page.waitForTimeout(300);
    await shot('09-group');
    await page.getByTestId('undo').click();
    expect(await cyEval<string>('return cy.getElementById(arg).data("label")', gid)).toMatch(/^Group \d+/);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await cyEval('cy.$(":selected").unselect(); cy.getElementById(arg).select()', gid);
    await page.keyboard.press('Shift+G');
    expect(await cyEval<number>('return cy.nodes("[?isGroup]").length')).toBe(0);
    expect(await cyEval<boolean>('return arg.every(id => cy.getElementById(id).nonempty())', ids)).toBe(true);

    for (const layout of ['concentric', 'breadthfirst', 'grid', 'fcose']) {
      const before = await cyEval<string>('return JSON.stringify(cy.nodes(":visible").filter(n => !n.locked()).map(n => n.position()))');
      await page.getByTestId('layout-select').selectOption(layout);
      await expect.poll(() => page.getByTestId('loading').count(), { timeout: 30_000 }).toBe(0);
      await page.waitForTimeout(700); // the animation
      const after = await cyEval<string>('return JSON.stringify(cy.nodes(":visible").filter(n => !n.locked()).map(n => n.position()))');
      expect(after, layout).not.toBe(before);
    }
    await page.getByTestId('label-mode').selectOption('id');
    expect(await cyEval<string>('return cy.getElementById(arg).style("label")', DEMO_PERSON_ID)).toBe(DEMO_PERSON_ID);
    await page.getByTestId('label-mode').selectOption('name');
    expect(await cyEval<string>('return cy.getElementById(arg).style("label")', DEMO_PERSON_ID)).toMatch(/^Darren Kershaw/);
  });

  it('deletes a saved chart after a second press', async () => {
    await page.getByTestId('side-tab-charts').click();
    const entry = page.locator(`[data-testid="saved-chart"][data-name="${CHART_NAME}"]`);
    await entry.getByTestId('saved-chart-delete').click();
    await expect.poll(() => entry.getByTestId('saved-chart-delete').textContent()).toMatch(/Really delete/);
    await entry.getByTestId('saved-chart-delete').click();
    await expect.poll(() => entry.count(), { timeout: 15_000 }).toBe(0);
  });

  it('lists the keyboard shortcuts on "?" and closes on Escape', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').waitFor();
    expect(await page.getByTestId('shortcut-help').textContent()).toMatch(/Undo.*Redo/s);
    await shot('10-help');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('shortcut-help').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
