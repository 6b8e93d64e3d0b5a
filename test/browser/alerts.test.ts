/**
 * A live alert in a real Chromium: licensing's inbox and the analyst's alert panel are open; a
 * notice is submitted on a licensed driver through GraphQL; the alert appears in both pages without
 * a reload, the header count goes up; licensing acknowledges it with a note in the page, and the
 * server then holds the alert as acknowledged and the notice as told to licensing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gqlOk, testDatabase } from '../support/client.js';
import { launchChromium, screenshot, signIn } from '../support/browser.js';

let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

const badge = async (page: Page) => {
  const b = page.getByTestId('alerts-badge').first();
  return (await b.count()) ? Number(await b.textContent()) : 0;
};

describe('a live alert', () => {
  it('reaches the open licensing inbox and the analyst without a reload, and is acknowledged with a note', async () => {
    const licensing = await newPage();
    await signIn(licensing, 'licensing');
    await licensing.getByTestId('lic-tab-alerts').click();
    await licensing.getByTestId('alerts-inbox').waitFor();
    await expect.poll(() => licensing.getByTestId('alerts-feed-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');

    const analyst = await newPage();
    await signIn(analyst, 'analyst');
    await analyst.getByTestId('alerts-button').click();
    await analyst.getByTestId('alerts-inbox').waitFor();
    await expect.poll(() => analyst.getByTestId('alerts-feed-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('live');

    // Marks on the pages that a reload would wipe.
    for (const p of [licensing, analyst]) await p.evaluate(() => ((window as any).__notReloaded = true));
    await expect.poll(() => licensing.getByTestId('alert-item').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const before = await badge(licensing);

    // A licensed driver with an active driver licence and no notice yet.
    const db = testDatabase();
    const [driver] = await db.read(
      `MATCH (p:Person)-[:HOLDS]->(l:Licence {kind: 'driver'}) WHERE coalesce(l.status, 'active') = 'active' AND NOT EXISTS { (:Notice)-[:SERVED_ON]->(p) }
       RETURN p.id AS id ORDER BY p.id DESC LIMIT 1`,
    );
    expect(driver).toBeTruthy();
    const input = {
      receivedOn: '2011-04-02', sourceType: 'police', sourceGrade: 1, intelGrade: 'A', handling: 'P', ownerAgency: 'police', summary: 'Child abduction notice served (browser test).',
      entities: [{ ref: 'notice', kind: 'Notice', properties: { kind: 'child_abduction', servedOn: '2011-04-02' } }],
      links: [{ type: 'SERVED_ON', from: 'notice', to: driver!.id }],
    };
    const { submitReport } = await gqlOk('mutation ($input: ReportInput!) { submitReport(input: $input) { entities { ref entity { id } } } }', { input }, 'analyst');
    const noticeId: string = submitReport.entities.find((e: any) => e.ref === 'notice').entity.id;

    // The alert arrives in both open pages.
    const item = (p: Page) => p.locator('[data-testid="alert-item"][data-rule="notice_on_licensed"]', { hasText: noticeId });
    await item(licensing).waitFor({ timeout: 30_000 });
    await item(analyst).waitFor({ timeout: 30_000 });
    expect(await item(licensing).getAttribute('data-status')).toBe('open');
    expect(await item(licensing).textContent()).toContain(driver!.id);
    await expect.poll(() => badge(licensing)).toBeGreaterThanOrEqual(before + 1);
    await expect.poll(() => badge(analyst)).toBeGreaterThan(0);
    for (const p of [licensing, analyst]) expect(await p.evaluate(() => (window as any).__notReloaded)).toBe(true);
    await screenshot(licensing, 'alerts-licensing-live.png');
    await screenshot(analyst, 'alerts-analyst-live.png');

    // Licensing acknowledges it in the page, with a note.
    const alertId = await item(licensing).getAttribute('data-alert-id');
    await item(licensing).getByTestId('alert-ack-open').click();
    await item(licensing).getByTestId('alert-note').fill('Driver suspended pending review (browser test)');
    await item(licensing).getByTestId('alert-ack-confirm').click();
    // Acknowledged alerts leave the "open" list; show all to see it.
    await licensing.getByTestId('alerts-filter-all').click();
    const acked = licensing.locator(`[data-testid="alert-item"][data-alert-id="${alertId}"]`);
    await expect.poll(() => acked.getAttribute('data-status'), { timeout: 20_000 }).toBe('acknowledged');
    expect(await acked.getByTestId('alert-note-text').textContent()).toBe('Driver suspended pending review (browser test)');
    await screenshot(licensing, 'alerts-licensing-acknowledged.png');

    const { alerts } = await gqlOk('{ alerts(limit: 1000) { id status acknowledgedBy note } }', {}, 'licensing');
    expect(alerts.find((a: any) => a.id === alertId)).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'test-licensing', note: 'Driver suspended pending review (browser test)' });
    const [notice] = await db.read('MATCH (n:Notice {id: $id}) RETURN n.licensingNotifiedOn AS told', { id: noticeId });
    await db.close();
    expect(notice!.told).toBe(new Date().toISOString().slice(0, 10));
    expect(pageErrors).toEqual([]);
  });
});
