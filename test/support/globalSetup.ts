/**
 * The global setup of the integration and browser projects (vitest.config.ts): starts the stack the
 * run shares (see testStack.ts); tests reach it through `inject('stack')`.
 *
 * Vitest runs a project's global setup once per run for each project that has test files in it
 * (and never for a project with none: `--project unit` starts nothing). Integration and browser both
 * list this file, and each loads it through its own module runner, so the one stack is kept on
 * `globalThis` (one Node process): the first project starts it, every project provides it, and the
 * last project's teardown stops it.
 */
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt } from '../../server/http/webBuild.js';
import { startTestStack, type StackInfo } from './testStack.js';

export type { StackInfo };

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

interface SharedStack {
  started: ReturnType<typeof startTestStack>;
  projects: number;
}

const KEY = Symbol.for('linkchart.test.sharedStack');
const holder = globalThis as unknown as Record<symbol, SharedStack | undefined>;

/**
 * Whether this run has browser tests: the browser project is selected (`--project` filters
 * `vitest.projects`) and the run's file filters, if any, reach into it.
 */
async function runsBrowserTests(project: TestProject): Promise<boolean> {
  const browser = project.vitest.projects.find((p) => p.name === 'browser');
  if (!browser) return false;
  // Vitest keeps the run's file filters here (internal); without them, assume the browser files run.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
  return (await browser.globTestFiles(filters)).testFiles.length > 0;
}

export default async function setup(project: TestProject) {
  const first = !holder[KEY];
  let web = '';
  if (first) {
    // The browser tests need the built app (rebuilt only when web/ changed), and it must be there
    // before the server starts: the server serves dist/web only if it found it at start (a fresh
    // clone has none). So the first setup builds it, whichever project comes first, when browser
    // tests are in the run; SKIP_WEB_BUILD=1 skips it.
    if (process.env.SKIP_WEB_BUILD !== '1' && (await runsBrowserTests(project))) {
      await ensureWebBuilt();
      web = ', web app built or up to date first';
    }
  }
  const shared = (holder[KEY] ??= { started: startTestStack({ demo: true }), projects: 0 });
  shared.projects += 1;
  const { info, stop } = await shared.started;
  project.provide('stack', info);
  console.log(`[test stack] ${project.name}: ${first ? 'started' : 'shares'} the stack at ${info.url} (Neo4j ${info.boltUri}${web})`);
  return async () => {
    shared.projects -= 1;
    if (shared.projects > 0) return;
    delete holder[KEY];
    await stop();
  };
}
