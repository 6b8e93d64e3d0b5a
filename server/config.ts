import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  /** HTTP port of the GraphQL server and web app. */
  port: number;
  /** Where the local Neo4j keeps its store, password and runtime files. */
  dataDir: string;
  /** An existing database to use instead of the local one (NEO4J_URI etc.). */
  external?: { uri: string; user: string; password: string };
  /** Load the demo dataset on first start (DEMO=0 turns it off). */
  demo: boolean;
  /** With the demo dataset, create one demo account per role (not in tests). */
  createDemoUsers: boolean;
  /** Maximum JVM heap of the local Neo4j (NEO4J_HEAP, e.g. 1g). */
  neo4jHeap: string;
  /** Page cache of the local Neo4j (NEO4J_PAGECACHE, e.g. 256m). */
  neo4jPageCache: string;
  logLevel: string;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before they are cut (ms). */
  shutdownDrainMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const uri = env.NEO4J_URI?.trim();
  return {
    port,
    dataDir: path.resolve(ROOT, env.DATA_DIR ?? 'var'),
    external: uri
      ? { uri, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '' }
      : undefined,
    demo: env.DEMO !== '0' && env.DEMO !== 'false',
    createDemoUsers: env.DEMO_USERS !== '0',
    neo4jHeap: env.NEO4J_HEAP ?? '1g',
    neo4jPageCache: env.NEO4J_PAGECACHE ?? '256m',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' || env.VITEST ? 'warn' : 'info'),
    shutdownDrainMs: nonNegative(env.SHUTDOWN_DRAIN_MS, 10_000, 'SHUTDOWN_DRAIN_MS'),
  };
}

function nonNegative(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of milliseconds, got "${value}"`);
  return n;
}
