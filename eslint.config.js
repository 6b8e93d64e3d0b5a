// ESLint (flat config): `npm run lint` = `eslint . --max-warnings 0`, run by `npm test` and so by CI.
//
// Not type-aware: typescript-eslint's recommendedTypeChecked roughly doubles the run (52 s against
// 25 s for server, web and tests on the 2-core machine) and reports about 3,300 findings, nearly all
// no-unsafe-* on JSON answers read as `any`; `npm run typecheck` (strict tsc) already runs beside it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    // Generated or built output, data and local scratch: not ours to lint.
    ignores: [
      'dist/**',
      'node_modules/**',
      'neo4j/target/**',
      'var/**',
      'test-results/**',
      'bench/results/**',
      'web/src/gql/**',
      'server/generated/**',
      '.prof/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    // A disable comment that no longer disables anything is an error: stale ones do not pile up.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberately unused (a field left out of a rest copy, a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // A `let` read by a shutdown handler made before it is assigned (server/main.ts's stack) stays a
      // `let`: as a const, a signal arriving during start-up would hit its temporal dead zone.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests read GraphQL answers and database rows as untyped JSON and reach into them; a type per
    // answer would say nothing a failing assertion does not.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}', 'test/web/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // v7's recommended set: the rules of hooks, exhaustive deps and the React Compiler's rules.
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      // Off for now, each with its reason (follow-ups, not wrong rules):
      // - refs: the app keeps "latest value" refs (`ref.current = onDismiss` during render, read by
      //   listeners and timers registered once), React's documented pattern before useEffectEvent.
      //   Moving the 8 of them to useEffectEvent changes when those handlers see new props, which
      //   only the browser suite can check.
      'react-hooks/refs': 'off',
      // - set-state-in-effect: the data-loading effects reset their busy/error state before fetching
      //   (12 places); turning each into an event handler or a keyed component is a behaviour change
      //   for its own issue.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // Evaluated inside the page by the bench's Chromium: the file is one expression, whose value
    // (the function's promise) the bench reads.
    files: ['bench/chartInPage.js'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
