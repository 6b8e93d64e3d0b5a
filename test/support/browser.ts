/** Shared pieces of the browser tests: Debian's Chromium driven by playwright-core, and signing in (with the purpose). */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { inject } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../../server/config.js';
import type { Role } from './client.js';
import { testDatabase } from './client.js';
import { upsertUser } from '../../server/modules/auth/users.js';

export const RESULTS = path.join(ROOT, 'test-results');

export async function launchChromium(): Promise<Browser> {
  fs.mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** The purpose the browser tests state after signing in (analysts and licensing are asked for one; it is audited). */
export const testPurpose = (role: Role) => `Browser test (${role})`;

/** Fills and submits the purpose dialog that is open. */
export async function statePurpose(page: Page, purpose: string): Promise<void> {
  await page.getByTestId('purpose-input').fill(purpose);
  await page.getByTestId('purpose-submit').click();
  await page.getByTestId('purpose-dialog').waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * Signs in as the test user of `role`; when the purpose dialog comes up (analyst, licensing) states
 * `purpose`. Resolves once the role's home shows who is signed in.
 */
export async function signIn(page: Page, role: Role, purpose: string = testPurpose(role)): Promise<void> {
  await signInAs(page, inject('stack').users[role], purpose);
}

/**
 * Signs in as a given user: a file that changes what its user keeps (the working chart) uses a
 * user of its own, so that another file running at the same time never opens on its changes.
 */
export async function signInAs(page: Page, { username, password }: { username: string; password: string }, purpose: string): Promise<void> {
  await page.goto(inject('stack').url, { waitUntil: 'load' });
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="purpose-dialog"], [data-testid="current-user"]').first().waitFor({ timeout: 20_000 });
  if (await page.getByTestId('purpose-dialog').count()) await statePurpose(page, purpose);
  await page.getByTestId('current-user').first().waitFor({ timeout: 20_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS, name), fullPage: false });
}

/**
 * What identifies a child, from the database the test runs against: `strings` (ids, pseudonyms,
 * full names) must appear nowhere; `values` (surnames no adult shares: a shared one may rightly name
 * a parent who drives) must never be a whole JSON value, as a child's surname field would be.
 */
export async function childIdentities(): Promise<{ strings: string[]; values: string[] }> {
  const db = testDatabase();
  try {
    const children = await db.read('MATCH (c:Person) WHERE c.child = true RETURN c.id AS id, c.pseudonym AS ps, c.name AS name, c.surname AS surname');
    const adults = new Set(
      (await db.read('MATCH (p:Person) WHERE coalesce(p.child, false) = false AND p.surname IS NOT NULL RETURN DISTINCT p.surname AS s')).map((r) => String(r.s)),
    );
    const strings = new Set<string>();
    const values = new Set<string>();
    for (const c of children) {
      strings.add(String(c.id));
      if (c.ps) strings.add(String(c.ps));
      if (c.name && c.surname) strings.add(`${c.name} ${c.surname}`);
      if (c.surname && !adults.has(String(c.surname))) values.add(`"${String(c.surname)}"`);
    }
    return { strings: [...strings].filter((s) => s.length >= 3), values: [...values] };
  } finally {
    await db.close();
  }
}

/**
 * An analyst of a test file's own, for files that change what their user keeps (the working chart,
 * saved charts): another file running at the same time never opens on those changes. `create` in
 * beforeAll, `remove` (its charts) in afterAll.
 */
export function ownAnalyst(prefix: string) {
  const user = { username: `${prefix}-${randomBytes(4).toString('hex')}`, password: randomBytes(12).toString('base64url') };
  const withDb = async (fn: (db: ReturnType<typeof testDatabase>) => Promise<unknown>) => {
    const db = testDatabase();
    try {
      await fn(db);
    } finally {
      await db.close();
    }
  };
  return {
    user,
    create: () => withDb((db) => upsertUser(db, user.username, 'analyst', user.password, 'Police')),
    remove: () =>
      withDb(async (db) => {
        await db.write('MATCH (w:WorkingChart {owner: $u}) DETACH DELETE w', { u: user.username });
        await db.write('MATCH (c:SavedChart {owner: $u}) DETACH DELETE c', { u: user.username });
      }),
  };
}
