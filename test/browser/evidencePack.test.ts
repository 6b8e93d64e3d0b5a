/**
 * Issue 20, items 7 and 8 in a real Chromium: the "Evidence pack" action on a person (the analyst's
 * details panel, the licensing driver record) downloads a PDF whose text has the pack's sections and
 * no child's name; the strategy-meeting view shows the child's indicators with their sources and
 * what is not known. Screenshots in test-results/evidence-pack-*.png and strategy-meeting-indicators.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_IDS } from '../../seeds/demo/index.js';
import { childIdentities, launchChromium, RESULTS, screenshot, signIn } from '../support/browser.js';

let browser: Browser;
let identities: { strings: string[]; values: string[] };
const pageErrors: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

async function pdfText(file: string): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parsed = await new PDFParse({ data: new Uint8Array(fs.readFileSync(file)) }).getText();
  return parsed.text.replace(/\s+/g, ' ');
}

/** Opens the action, states what the pack is for, and saves the download; returns the file. */
async function makePack(page: Page, purpose: string, name: string): Promise<string> {
  await page.getByTestId('evidence-pack-open').click();
  await expect.poll(() => page.getByTestId('evidence-pack-make').isDisabled()).toBe(true); // no purpose yet
  await page.getByTestId('evidence-pack-purpose').fill(purpose);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('evidence-pack-make').click()]);
  const file = path.join(RESULTS, name);
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^evidence-pack-per-s001-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect.poll(() => page.getByTestId('evidence-pack-done').textContent(), { timeout: 90_000 }).toMatch(/Saved evidence-pack-.*\d+ entries, \d+ left out/);
  return file;
}

function expectPackText(text: string) {
  expect(text).toContain('Evidence pack: Darren Kershaw');
  expect(text).toMatch(/How this pack was built: it stands without the child's testimony/);
  expect(text).toMatch(/Summary \d+ entries/);
  expect(text).toMatch(/Evidence in time order \(\d+\)/);
  expect(text).toMatch(/Excluded, with reasons \(\d+\)/);
  expect(text).toMatch(/child A \(/);
  expect(text).toContain('OFFICIAL-SENSITIVE');
  for (const s of identities.strings) expect(text, `the pack names "${s}"`).not.toContain(s);
}

beforeAll(async () => {
  browser = await launchChromium();
  identities = await childIdentities();
});
afterAll(async () => {
  await browser?.close();
});

describe('evidence pack', () => {
  it("downloads from the analyst's details panel: the sections, no child's name", async () => {
    const page = await newPage();
    await signIn(page, 'analyst', 'Civil injunction application (browser test)');
    await page.waitForFunction(() => ((window as any).__cy?.nodes().length ?? 0) > 20, undefined, { timeout: 90_000 });
    await page.getByTestId('search-input').fill('Kershaw');
    const hit = page.getByTestId('search-result').filter({ hasText: 'Darren Kershaw' }).first();
    await hit.waitFor({ timeout: 60_000 });
    await hit.click();
    await page.waitForFunction((id) => (window as any).__cy.getElementById(id).length > 0, DEMO_IDS.searchableSuspect, { timeout: 60_000 });
    await page.evaluate((id) => {
      const cy = (window as any).__cy;
      cy.$(':selected').unselect();
      cy.getElementById(id).select();
    }, DEMO_IDS.searchableSuspect);
    await page.getByTestId('evidence-pack-open').waitFor({ timeout: 60_000 });
    const file = await makePack(page, 'Civil injunction application, Darren Kershaw', 'evidence-pack-analyst.pdf');
    await screenshot(page, 'evidence-pack-analyst.png');
    expectPackText(await pdfText(file));
    // A child on the chart offers no pack.
    await page.evaluate(() => {
      const cy = (window as any).__cy;
      cy.$(':selected').unselect();
      cy.nodes('[?child]').first().select();
    });
    await page.waitForTimeout(300);
    expect(await page.getByTestId('evidence-pack-open').count()).toBe(0);
    await page.context().close();
  }, 300_000);

  it('downloads from the licensing driver record, for a licence condition, with no child identified', async () => {
    const page = await newPage();
    await signIn(page, 'licensing', 'Driver licence review (browser test)');
    await page.goto(`${inject('stack').url}/licensing/driver/${DEMO_IDS.searchableSuspect}`, { waitUntil: 'load' });
    await expect.poll(() => page.getByTestId('driver-record').getAttribute('data-id'), { timeout: 90_000 }).toBe(DEMO_IDS.searchableSuspect);
    await page.getByTestId('evidence-pack-open').click();
    expect(await page.getByTestId('evidence-pack-use').inputValue()).toBe('licence_condition');
    await page.getByRole('button', { name: 'Close' }).click();
    const file = await makePack(page, 'Driver licence review, Darren Kershaw', 'evidence-pack-licensing.pdf');
    await screenshot(page, 'evidence-pack-licensing.png');
    const text = await pdfText(file);
    expectPackText(text);
    expect(text).toContain('For: a condition on a licence');
    const pageText = await page.evaluate(() => document.body.innerText);
    for (const s of identities.strings) expect(pageText, `the page names "${s}"`).not.toContain(s);
    await page.context().close();
  }, 300_000);

  it("shows the child's indicators in the strategy-meeting view, with sources and what is not known", async () => {
    const page = await newPage();
    await signIn(page, 'safeguarding');
    await page.getByTestId('sg-child-select').selectOption(DEMO_IDS.demoChild);
    await page.getByTestId('sg-purpose').fill('Strategy meeting for YP01');
    await page.getByTestId('sg-show').click();
    await expect.poll(() => page.getByTestId('ci-indicator').count(), { timeout: 90_000 }).toBe(8);
    const statuses = await page.getByTestId('ci-indicator').evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-status')]));
    expect(Object.fromEntries(statuses)).toMatchObject({ missing_episodes: 'present', school_absence: 'present', health_flag: 'present', place_of_concern: 'present' });
    const missing = page.locator('[data-testid="ci-indicator"][data-key="missing_episodes"]');
    await expect.poll(() => missing.textContent()).toMatch(/Missing episodes.*missing episodes, \d+ repeats? after the first; return interview for \d+ of \d+/);
    await expect.poll(() => missing.getByTestId('ci-sources').first().textContent()).toMatch(/Sources: .*graded \d[A-E]/);
    expect(await page.getByTestId('ci-not-known').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('ci-not-known').first().textContent()).toMatch(/^Not known: /);
    await page.getByTestId('ci-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'strategy-meeting-indicators.png');
    const panel = await page.getByTestId('ci-panel').innerText();
    const db = identities.strings.filter((s) => !['per-c01', 'YP01'].includes(s) && !s.startsWith('Amy '));
    for (const s of db) expect(panel, `the indicators name "${s}"`).not.toContain(s);
    await page.context().close();
  }, 300_000);

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
