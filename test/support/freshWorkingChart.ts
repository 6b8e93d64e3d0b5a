/**
 * Each test file starts from the first screen, as an analyst new to the service would: the shared
 * test analyst's working chart (autosaved by the web app, restored at sign-in) is removed before
 * and after every file, so one file's chart is not the next one's first screen. Tests of the
 * working chart itself use analysts of their own.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { testDatabase } from './client.js';

async function clearSharedWorkingCharts(): Promise<void> {
  const stack = inject('stack');
  if (!stack) return; // a run without the shared stack (the unit tier)
  const db = testDatabase();
  try {
    await db.write('MATCH (w:WorkingChart) WHERE w.owner IN $owners DETACH DELETE w', { owners: Object.values(stack.users).map((u) => u.username) });
  } finally {
    await db.close();
  }
}

beforeAll(clearSharedWorkingCharts);
afterAll(clearSharedWorkingCharts);
