import { defineConfig } from 'vitest/config';

/**
 * Three tiers, one run (`npm test`), or one at a time (`npm run test:unit` = `vitest run --project unit`):
 *  - unit: pure logic (test/unit, test/web): no database, no browser, no global setup; seconds.
 *  - integration (test/integration): the real Neo4j + server of the global setup; no web build.
 *  - browser (test/browser): real Chromium against the same stack, with the web app built.
 * The global setup is the integration and browser projects' own, so a unit-only run starts nothing;
 * when both run, they share one stack (test/support/globalSetup.ts starts it once per run).
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: two test files at a time, so the database and Chromium are not starved.
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/web/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // One real Neo4j + server for the run, on its own data directory and ports.
          globalSetup: ['test/support/globalSetup.ts'],
          // Each file starts from the first screen: the shared analyst's autosaved working chart is cleared.
          setupFiles: ['test/support/freshWorkingChart.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/globalSetup.ts'],
          setupFiles: ['test/support/freshWorkingChart.ts'],
        },
      },
    ],
  },
});
