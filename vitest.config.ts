import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real Neo4j + server for the whole run, on its own data directory and ports.
    globalSetup: ['test/support/globalSetup.ts'],
    // Each file starts from the first screen: the shared analyst's autosaved working chart is cleared.
    setupFiles: ['test/support/freshWorkingChart.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: two test files at a time, so the database and Chromium are not starved.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
