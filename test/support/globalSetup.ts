/**
 * Starts the stack once for the test run (see testStack.ts); tests reach it through `inject('stack')`.
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

export default async function setup(project: TestProject) {
  // The browser tests need the built app; SKIP_WEB_BUILD=1 saves the build when running others.
  if (process.env.SKIP_WEB_BUILD !== '1') await ensureWebBuilt();
  const { info, stop } = await startTestStack({ demo: true });
  project.provide('stack', info);
  return stop;
}
