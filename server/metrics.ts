/**
 * The server's figures for operators, as Prometheus metrics (prom-client), served at GET /metrics
 * (server/http/metrics.ts, admins only). Numbers about this process only: no case data, no user
 * names, no ids. Labels are drawn from closed sets (the schema's root fields, the error codes), so
 * no caller can make a series of their own.
 *
 * One registry per process: every part that records (the request plugin, the audit writer, the
 * database door, the HTTP server's stream count) imports its family from here, as it imports `log`.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();

// Process figures (CPU, resident memory, heap, GC, event-loop lag, handles) under their usual names.
collectDefaultMetrics({ register: registry });

/** Latency buckets (seconds) from a cached lookup to a long analysis. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const operationSeconds = new Histogram({
  name: 'linkchart_graphql_operation_duration_seconds',
  help: 'Time to execute a GraphQL operation, by its root field(s) and type (query, mutation, subscription set-up).',
  labelNames: ['operation', 'type'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const errorsTotal = new Counter({
  name: 'linkchart_graphql_errors_total',
  help: 'GraphQL errors answered, by code (BAD_USER_INPUT, FORBIDDEN, DATABASE_UNAVAILABLE, INTERNAL_SERVER_ERROR, ...).',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const auditCommitSeconds = new Histogram({
  name: 'linkchart_audit_commit_duration_seconds',
  help: 'Time to commit one group of audit entries to the hash chain (one transaction).',
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const auditEntriesTotal = new Counter({
  name: 'linkchart_audit_entries_total',
  help: 'Audit entries committed to the chain.',
  registers: [registry],
});

/** Database sessions open now, across the Database objects of this process (see db/database.ts). */
export const dbSessionsInUse = new Gauge({
  name: 'linkchart_db_sessions_in_use',
  help: 'Database sessions in use (each holds a pooled Bolt connection while it runs).',
  registers: [registry],
});

export const dbPoolSize = new Gauge({
  name: 'linkchart_db_pool_max',
  help: 'Most Bolt connections the driver keeps to the database (maxConnectionPoolSize).',
  registers: [registry],
});

export const eventStreamsOpen = new Gauge({
  name: 'linkchart_event_streams_open',
  help: 'Server-sent event streams open now (the live alert feed).',
  registers: [registry],
});

export const httpInFlight = new Gauge({
  name: 'linkchart_http_requests_in_flight',
  help: 'HTTP requests being answered now, event streams not included.',
  registers: [registry],
});

/** Error codes that get a series of their own; anything else is counted as OTHER. */
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND',
  'TOO_MANY_ATTEMPTS', 'DATABASE_UNAVAILABLE', 'QUERY_TOO_LARGE', 'AUDIT_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'REQUEST_TOO_LARGE',
]);

export function countError(code: unknown): void {
  errorsTotal.inc({ code: typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'OTHER' });
}
