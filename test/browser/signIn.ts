/**
 * Signing in for the browser tests, now that analysts and licensing are asked what the work is for
 * right after signing in (the purpose dialog; the purpose is sent as `x-purpose` and audited).
 */
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import type { Role } from '../support/client.js';

/** The purpose the browser tests state after signing in. */
export const testPurpose = (role: Role) => `Browser test (${role})`;

/** Fills and submits the purpose dialog that is open. */
export async function statePurpose(page: Page, purpose: string): Promise<void> {
  await page.getByTestId('purpose-input').fill(purpose);
  await page.getByTestId('purpose-submit').click();
  await page.getByTestId('purpose-dialog').waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * Signs in as the test user of `role`; when the purpose dialog comes up (analyst, licensing) states
 * `purpose` (default: testPurpose(role)). Resolves once the role's home shows who is signed in.
 */
export async function signIn(page: Page, role: Role, purpose: string = testPurpose(role)): Promise<void> {
  const { username, password } = inject('stack').users[role];
  await page.goto(inject('stack').url, { waitUntil: 'load' });
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="purpose-dialog"], [data-testid="current-user"]').first().waitFor({ timeout: 20_000 });
  if (await page.getByTestId('purpose-dialog').count()) await statePurpose(page, purpose);
  await page.getByTestId('current-user').first().waitFor({ timeout: 20_000 });
}
