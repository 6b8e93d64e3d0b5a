/**
 * Restrictions in a real Chromium on the demo data (issue 20 items 4 and 6): an analyst outside the
 * holding teams opens the man both police teams work on; the Drugs Team's associate and the CSE
 * Team's incident are on the chart only as existence flags (who holds them, since when, review
 * due), in the details panel with "Request access", and in search results; the request is sent.
 * The CSE Team's analyst then sees the overdue review and the request on the Restrictions screen and
 * grants it. The contested acquaintance is drawn two-tone, explained in the legend, its two
 * assessments side by side in the details. No answer the outsider received holds restricted content.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, signInAs } from '../support/browser.js';
import { gqlOk, testDatabase } from '../support/client.js';
import { upsertUser } from '../../server/modules/auth/users.js';
import { RESTRICTION_DEMO as D } from '../../seeds/demo/restrictions.js';

const url = (p: string) => `${inject('stack').url}${p}`;
const suffix = Math.random().toString(36).slice(2, 8);
const outsider = { username: `rb-out-${suffix}`, password: 'restrictions-browser-1' };
const cse = { username: `rb-cse-${suffix}`, password: 'restrictions-browser-2' };
const SECRETS = ['Kestrel', 'Ashdale', 'Corwin', 'Finch', 'grey van', 'INT/2011/S014', 'INT/2011/K001', 'residential unit after dark'];

let browser: Browser;
let page: Page;
const answers: Promise<string>[] = [];
const pageErrors: string[] = [];

const cyEval = <T,>(fn: string, arg?: unknown): Promise<T> => page.evaluate(({ fn, arg }) => new Function('cy', 'arg', fn)((window as any).__cy, arg), { fn, arg }) as Promise<T>;
const settled = () => page.waitForFunction(() => !document.querySelector('[data-testid="loading"]') && ((window as any).__cy?.nodes().length ?? 0) > 1, undefined, { timeout: 30_000 });
const select = (id: string) => cyEval('cy.$(":selected").unselect(); cy.getElementById(arg).select()', id);

beforeAll(async () => {
  const db = testDatabase();
  try {
    await upsertUser(db, outsider.username, 'analyst', outsider.password, 'Police');
    await upsertUser(db, cse.username, 'analyst', cse.password, 'Police');
  } finally {
    await db.close();
  }
  await gqlOk('mutation ($u: String!) { setUserTeam(username: $u, team: "CSE Team") { team } }', { u: cse.username }, 'admin');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('response', (r) => {
    if (!r.url().endsWith('/graphql') || r.request().method() !== 'POST') return;
    if ((r.headers()['content-type'] ?? '').includes('text/event-stream')) return;
    answers.push(r.text().catch(() => ''));
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('the existence flag', () => {
  it('shows restricted records on the chart as flags, with whom to contact and Request access', async () => {
    await signInAs(page, outsider, 'Browser test (restrictions)');
    await page.goto(url(`/entity/${D.person}`), { waitUntil: 'load' });
    await settled();
    await expect.poll(() => cyEval<boolean>('return cy.getElementById(arg).length > 0', D.associate), { timeout: 30_000 }).toBe(true);
    // The chart node is the flag: its label says who holds it, since when, review due.
    expect(await cyEval<string>('return cy.getElementById(arg).data("label")', D.associate)).toBe('1 item held by Drugs Team (Police), since 2011-09-02, review due 2027-03-01');
    expect(await cyEval<string>('return cy.getElementById(arg).data("kind")', D.operationIncident)).toBe('HeldItem');
    await select(D.associate);
    const flag = page.locator('[data-testid="details-panel"] [data-testid="restriction-flag"]:visible').first();
    await flag.waitFor({ timeout: 15_000 });
    expect(await flag.textContent()).toMatch(/Held by Drugs Team \(Police\) since 2 Sep 2011 · review due 1 Mar 2027/);
    await screenshot(page, 'restrictions-flag-1600.png');
    await flag.getByTestId('request-access').click();
    await flag.getByTestId('access-reason').fill('Same man in my case: need to deconflict before arrest');
    await flag.getByTestId('access-send').click();
    await expect.poll(() => flag.getByTestId('access-requested').textContent(), { timeout: 15_000 }).toMatch(/Access requested \(pending\)/);
    // The CSE Team's incident, too: its flag and the HELD link to it.
    await select(D.operationIncident);
    await expect.poll(() => flag.textContent(), { timeout: 15_000 }).toMatch(/CSE Team \(Police\).*review due 4 Apr 2012.*overdue/);
    await flag.getByTestId('request-access').click();
    await flag.getByTestId('access-reason').fill('Our Drugs case touches him');
    await flag.getByTestId('access-send').click();
    await flag.getByTestId('access-requested').waitFor({ timeout: 15_000 });
  });

  it('shows, beside a search hit, the restricted records linked to it and whom to contact', async () => {
    const { entity } = await gqlOk('query ($id: ID!) { entity(id: $id) { label } }', { id: D.person });
    await page.getByTestId('search-input').fill(entity.label);
    const hit = page.locator(`[data-testid="search-result"][data-entity-id="${D.person}"]`);
    await hit.waitFor({ timeout: 20_000 });
    await expect.poll(() => hit.getByTestId('search-result-restricted').count(), { timeout: 15_000 }).toBe(2);
    const flags = (await hit.getByTestId('search-result-restricted').allTextContents()).join('\n');
    expect(flags).toContain('held by Drugs Team (Police), since 2011-09-02, review due 2027-03-01');
    expect(flags).toContain('held by CSE Team (Police), since 2011-04-04, review due 2012-04-04');
    await screenshot(page, 'restrictions-search.png');
    // The restricted associate is never found by his own name (the search would spell it out).
    await page.getByTestId('search-input').fill('Corwin Ashdale');
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('search-result').filter({ hasText: 'Ashdale' }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('draws the contested link two-tone, explains it in the legend, and lists both assessments', async () => {
    const edge = `link:KNOWS:${D.contestedFrom}:${D.contestedTo}`;
    await expect.poll(() => cyEval<boolean>('return cy.getElementById(arg).data("contested") === true', edge), { timeout: 20_000 }).toBe(true);
    expect(await cyEval<string>('return cy.getElementById(arg).style("line-fill")', edge)).toBe('linear-gradient');
    await select(edge);
    const table = page.locator('[data-testid="details-panel"] [data-testid="contested-assessments"]:visible').first();
    await table.waitFor({ timeout: 15_000 });
    const rows = await table.getByTestId('assessment').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/Police.*rep-r03.*1B/);
    expect(rows[1]).toMatch(/Children's Social Care.*rep-r04.*3E/);
    expect(await page.locator('body').textContent()).toContain('Contested (two-tone)');
    await screenshot(page, 'restrictions-contested-1600.png');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'restrictions-contested-1280.png');
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  it('sent the outsider nothing of what the restrictions hold', async () => {
    const bodies = (await Promise.all(answers)).join('\n').toLowerCase();
    for (const s of SECRETS) expect(bodies, s).not.toContain(s.toLowerCase());
    expect(pageErrors).toEqual([]);
  });
});

describe('the holder’s screen', () => {
  it('lists the overdue review and the requests to answer; a grant is recorded', async () => {
    await page.getByTestId('logout').click();
    await signInAs(page, cse, 'Browser test (restrictions, holder)');
    await page.goto(url('/restrictions'), { waitUntil: 'load' });
    await page.getByTestId('restrictions-screen').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('review-due').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('review-due').textContent()).toMatch(/whole operation op-2.*4 Apr 2012.*overdue/);
    const requests = page.getByTestId('request-to-answer');
    await expect.poll(() => requests.count()).toBeGreaterThanOrEqual(2);
    const mine = requests.filter({ hasText: outsider.username });
    expect(await mine.textContent()).toContain('Our Drugs case touches him');
    await screenshot(page, 'restrictions-holder-1600.png');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'restrictions-holder-1280.png');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await mine.getByRole('button', { name: 'Grant' }).click();
    await expect.poll(() => requests.filter({ hasText: outsider.username }).count(), { timeout: 15_000 }).toBe(0);
    const { accessRequests } = await gqlOk('{ accessRequests(status: "granted") { requester restrictionId } }', {}, 'analyst');
    expect(accessRequests).toEqual([]); // the test analyst is in no team and asked nothing
  });
});
