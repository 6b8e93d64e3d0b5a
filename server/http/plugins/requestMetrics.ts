/**
 * Request metrics (server/metrics.ts): how long each operation took to execute, by its root fields,
 * and every error answered, by code. The operation label is built from the executed document's root
 * field names, which validation has checked against the schema: a closed set, whatever the client
 * calls its operation.
 */
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { countError, operationSeconds } from '../../metrics.js';

/** At most this many root fields name a series; more are summed up as "+n". */
const MAX_FIELDS_IN_LABEL = 3;

function selectedOperation(document: DocumentNode, name: string | null | undefined): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name ? ops.find((o) => o.name?.value === name) : ops[0];
}

/** `neighbourhood`, `childConnections+entity`, …: the root fields, sorted, without __typename. */
export function operationLabel(op: OperationDefinitionNode | undefined): string {
  if (!op) return 'unknown';
  const fields = [...new Set(op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD && s.name.value !== '__typename' ? [s.name.value] : s.kind === Kind.FIELD ? [] : ['(fragment)'])))].sort();
  if (!fields.length) return '__typename';
  const shown = fields.slice(0, MAX_FIELDS_IN_LABEL).join('+');
  return fields.length > MAX_FIELDS_IN_LABEL ? `${shown}+${fields.length - MAX_FIELDS_IN_LABEL}` : shown;
}

interface ResultLike {
  errors?: readonly { extensions?: Record<string, unknown> }[];
}

export const requestMetrics: Plugin = {
  onExecute({ args }) {
    const op = selectedOperation(args.document, args.operationName);
    const labels = { operation: operationLabel(op), type: op?.operation ?? 'query' };
    const stop = operationSeconds.startTimer(labels);
    return { onExecuteDone: () => void stop() };
  },
  onSubscribe({ args }) {
    const op = selectedOperation(args.document, args.operationName);
    const stop = operationSeconds.startTimer({ operation: operationLabel(op), type: 'subscription' });
    return { onSubscribeResult: () => void stop() };
  },
  // After error masking: the codes counted are the ones the client was answered with.
  onResultProcess({ result }) {
    const results = (Array.isArray(result) ? result : [result]) as unknown[];
    for (const r of results) {
      if (!r || typeof r !== 'object' || Symbol.asyncIterator in r) continue;
      for (const e of (r as ResultLike).errors ?? []) countError(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    }
  },
};
