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

export default async function setup(project: TestProject) {
  // The browser tests need the built app (rebuilt only when web/ changed); SKIP_WEB_BUILD=1 skips it.
  if (project.name === 'browser' && process.env.SKIP_WEB_BUILD !== '1') await ensureWebBuilt();
  const first = !holder[KEY];
  const shared = (holder[KEY] ??= { started: startTestStack({ demo: true }), projects: 0 });
  shared.projects += 1;
  const { info, stop } = await shared.started;
  project.provide('stack', info);
  console.log(`[test stack] ${project.name}: ${first ? 'started' : 'shares'} the stack at ${info.url} (Neo4j ${info.boltUri})`);
  return async () => {
    shared.projects -= 1;
    if (shared.projects > 0) return;
    delete holder[KEY];
    await stop();
  };
}
