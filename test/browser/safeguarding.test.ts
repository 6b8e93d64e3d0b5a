/**
 * The strategy-meeting view in a real Chromium: a safeguarding user signs in, chooses the child,
 * states the purpose, and sees the child's network, linked persons and chronology, with no other
 * child named anywhere on the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../../server/config.js';
import { gqlOk, testDatabase } from '../support/client.js';

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
});

describe('strategy-meeting view', () => {
  it('shows one child in full and no other child by name', async () => {
    const { username, password } = inject('stack').users.safeguarding;
    await page.goto(inject('stack').url, { waitUntil: 'load' });
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();

    await page.getByTestId('sg-child-select').selectOption('per-c01');
    await expect.poll(() => page.getByTestId('sg-show').isDisabled()).toBe(true); // no purpose yet
    await page.getByTestId('sg-purpose').fill('Strategy meeting for YP01');
    await page.getByTestId('sg-show').click();

    await expect.poll(() => page.getByTestId('sg-child-name').textContent(), { timeout: 20_000 }).toMatch(/Amy/);
    await expect.poll(() => page.getByTestId('sg-linked-person').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    expect(await page.getByTestId('sg-chronology-item').count()).toBeGreaterThan(5);
    await page.waitForFunction(() => ((window as any).__cy?.nodes().length ?? 0) > 10, undefined, { timeout: 20_000 });

    // Nothing on the page names another child (the picker lists them, so read the view only).
    const db = testDatabase();
    const others = await db.read("MATCH (c:Person) WHERE c.child = true AND c.id <> 'per-c01' RETURN c.pseudonym AS ps, c.name + ' ' + c.surname AS name");
    await db.close();
    const viewText = await page.evaluate(() => {
      const picker = document.querySelector('[data-testid="sg-child-select"]');
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelector('[data-testid="sg-child-select"]')?.remove();
      return (picker ? '' : '') + clone.innerText;
    });
    const chartLabels = await page.evaluate(() => (window as any).__cy.nodes().map((n: any) => String(n.data('label'))).join('\n'));
    for (const o of others) {
      expect(viewText, `page names ${o.name}`).not.toContain(o.name);
      expect(viewText).not.toContain(o.ps);
      expect(chartLabels).not.toContain(o.name);
    }

    await page.waitForTimeout(1200);
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'strategy-meeting.png') });
    expect(pageErrors).toEqual([]);
  });
});

describe('the printable pack', () => {
  it('prints the view as of a chosen date to a PDF download, and the generation is audited', async () => {
    const asOf = '2012-01-01';
    const purpose = 'Strategy meeting YP01 browser pack';
    await page.getByTestId('sg-asof').fill(asOf);
    await page.getByTestId('sg-purpose').fill(purpose);
    await page.getByTestId('sg-show').click();
    await expect.poll(() => page.getByTestId('sg-linked-person').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.sg-panel').textContent(), { timeout: 20_000 }).toContain('As of 1 Jan 2012');
    // The chronology stops at the as-of date.
    const { childConnections } = await gqlOk(
      'query ($c: ID!, $a: String, $p: String!) { childConnections(childId: $c, asOf: $a, purpose: $p) { chronology { id } } }',
      { c: 'per-c01', a: asOf, p: purpose },
      'safeguarding',
    );
    await expect.poll(() => page.getByTestId('sg-chronology-item').count()).toBe(childConnections.chronology.length);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('sg-print-pack').click()]);
    expect(download.suggestedFilename()).toBe(`strategy-pack-YP01-${asOf}.pdf`);
    const file = await download.path();
    const pdf = fs.readFileSync(file!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
    await expect.poll(() => page.getByTestId('sg-pack-done').textContent()).toMatch(/audit log/);
    const { auditLog } = await gqlOk('{ auditLog(entityId: "per-c01", username: "test-safeguarding", limit: 50) { operation purpose args } }', {}, 'admin');
    const entry = auditLog.find((e: any) => e.operation === 'Mutation.strategyPack' && e.purpose === purpose);
    expect(entry).toBeTruthy();
    expect(JSON.parse(entry.args)).toMatchObject({ childId: 'per-c01', asOf, hops: 2 });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'strategy-meeting-pack.png') });
    expect(pageErrors).toEqual([]);
  });
});

describe('need-to-know', () => {
  it('lists only the children assigned to the user, and opens another only with a reason', async () => {
    const db = testDatabase();
    const [u] = await db.read("MATCH (u:User {username: 'test-safeguarding'}) RETURN coalesce(u.assignedChildren, []) AS ids");
    const assigned = (u!.ids as string[]).slice().sort();
    const [other] = await db.read('MATCH (c:Person) WHERE c.child = true AND NOT c.id IN $ids RETURN c.id AS id, c.pseudonym AS ps ORDER BY c.id LIMIT 1', { ids: assigned });
    await db.close();
    expect(assigned).toContain('per-c01');
    expect(other).toBeTruthy();
    const listed = await page.getByTestId('sg-child-select').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(listed.slice().sort()).toEqual(assigned);

    const purpose = 'Strategy meeting cover, browser test';
    await page.getByTestId('sg-open-other').click();
    await page.getByTestId('sg-other-id').fill(String(other!.id));
    await page.getByTestId('sg-purpose').fill(purpose);
    await expect.poll(() => page.getByTestId('sg-other').textContent()).toMatch(/recorded in the audit log .* reviewed/);
    // No reason: the server refuses, and says so as it is.
    await page.getByTestId('sg-show').click();
    await expect.poll(() => page.getByTestId('sg-refusal').textContent(), { timeout: 15_000 }).toMatch(/^This child is not assigned to you/);
    for (const [w, h] of [[1600, 1000], [1280, 720]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: path.join(ROOT, 'test-results', `strategy-meeting-refused-${w}x${h}.png`) });
    }
    // Too short a reason is not sent.
    await page.getByTestId('sg-open-reason').fill('cover');
    await expect.poll(() => page.getByTestId('sg-show').isDisabled()).toBe(true);
    expect(await page.getByTestId('sg-show-hint').textContent()).toMatch(/at least 10 characters/);
    const reason = 'Covering for the allocated social worker at the meeting';
    await page.getByTestId('sg-open-reason').fill(reason);
    await page.getByTestId('sg-show').click();
    await page.getByTestId('sg-opened-with-reason').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('sg-refusal').count()).toBe(0);
    if (other!.ps) await expect.poll(() => page.locator('.sg-panel .sg-pseudonym').textContent()).toBe(String(other!.ps));
    await page.waitForFunction(() => ((window as any).__cy?.nodes().length ?? 0) > 1, undefined, { timeout: 20_000 });
    await page.waitForTimeout(1200);
    for (const [w, h] of [[1600, 1000], [1280, 720]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(ROOT, 'test-results', `strategy-meeting-open-with-reason-${w}x${h}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // Audited: the view with the purpose (sent as x-purpose) and the reason, flagged.
    const { auditLog } = await gqlOk(`{ auditLog(entityId: "${String(other!.id)}", username: "test-safeguarding", limit: 20) { operation purpose outcome } }`, {}, 'admin');
    const opened = auditLog.find((e: any) => e.operation === 'Query.childConnections' && e.outcome === 'opened-with-reason');
    expect(opened?.purpose).toBe(`${purpose} — opened with reason: ${reason}`);
    expect(pageErrors).toEqual([]);
  });
});

describe('admin screen', () => {
  it('lists users and verifies the audit chain, with no case data', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const admin = await context.newPage();
    const { username, password } = inject('stack').users.admin;
    await admin.goto(inject('stack').url, { waitUntil: 'load' });
    await admin.getByTestId('login-username').fill(username);
    await admin.getByTestId('login-password').fill(password);
    await admin.getByTestId('login-submit').click();
    await expect.poll(() => admin.getByTestId('no-case-data').textContent()).toMatch(/no case data/);
    expect(await admin.getByTestId('purpose-dialog').count()).toBe(0); // admin is not asked for a purpose
    await expect.poll(() => admin.getByTestId('admin-user-row').count()).toBeGreaterThanOrEqual(4);
    await admin.getByTestId('admin-tab-audit').click();
    await admin.getByTestId('audit-verify').click();
    await expect.poll(() => admin.getByTestId('audit-verify-result').textContent()).toMatch(/^Intact: \d+ entries$/);
    await context.close();
  });
});
