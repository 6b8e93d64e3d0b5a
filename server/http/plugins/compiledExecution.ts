/**
 * Queries and mutations run as compiled JavaScript (graphql-jit) instead of graphql-js's
 * interpreter: a compiled document walks a neighbourhood's hundreds of entities and links without
 * resolving each field through the generic machinery (measured: a tenth less server CPU for a hub's
 * neighbourhood, A/B on one database). Compiled documents are cached per document text.
 *
 * Subscriptions (the live alert feed) keep graphql-js: they are few and long-lived.
 */
import type { ExecutionArgs } from 'graphql';
import { useGraphQlJit } from '@envelop/graphql-jit';
import type { Plugin } from 'graphql-yoga';

const isSubscription = (args: ExecutionArgs) =>
  args.document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'subscription');

export const compiledExecution = useGraphQlJit({}, { enableIf: (args) => !isSubscription(args) }) as Plugin;
