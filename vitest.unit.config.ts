import { defineConfig } from 'vitest/config';

/**
 * The unit tier (`npm run test:unit`): pure logic with no database and no browser — the access
 * rules' view and scrub, the audit arguments, identifiers, the demo generator, the web app's chart
 * functions. Starts in seconds; `npm test` runs it with the integration and browser tiers.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/web/**/*.test.ts'],
    testTimeout: 30_000,
    reporters: ['default'],
  },
});
