/**
 * `npm start`: the local Neo4j (or NEO4J_URI), schema, demo data on first run, the web app built
 * if needed, then web + GraphQL on http://localhost:${PORT:-4000}. Ctrl-C stops everything cleanly.
 */
import net from 'node:net';
import { loadConfig } from './config.js';
import { log } from './log.js';
import { startStack, type Stack } from './stack.js';
import { RuntimeSetupError } from './db/localNeo4j.js';
import { ensureWebBuilt } from './http/webBuild.js';

/** Fails fast, before the database starts, when the HTTP port is taken. */
function checkPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(new RuntimeSetupError(e.code === 'EADDRINUSE' ? `Port ${port} is already in use: stop the other program or set PORT to another port.` : e.message)),
    );
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });
}

function signInHelp(stack: Stack): string[] {
  if (stack.demoUsers.length) {
    return [
      '  Demo accounts (passwords shown this once; reset with `npm run user -- add <name> --role <role>`):',
      ...stack.demoUsers.map((u) => `    ${u.username.padEnd(20)} ${u.password}   (${u.role})`),
    ];
  }
  if (stack.userCount === 0) {
    return ['  No users yet: create one with `npm run user -- add <username> --role analyst` (password from stdin).'];
  }
  return ['  Sign in with your account; add one with `npm run user -- add <username> --role <role>`.'];
}

async function main() {
  const started = Date.now();
  const config = loadConfig();
  if (config.port !== 0) await checkPortFree(config.port);
  // SKIP_WEB_BUILD=1 serves the API alone (tests that start servers of their own set it).
  if (process.env.SKIP_WEB_BUILD !== '1') await ensureWebBuilt();

  let stack: Stack | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: closing the server and the database…');
    await stack?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  stack = await startStack(config);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const db = config.external ? config.external.uri : `local Neo4j (${stack.neo4j?.uri}, data in ${config.dataDir})`;
  console.log(
    [
      '',
      `  Link chart is ready in ${seconds} s`,
      `  App:      ${stack.url}/`,
      `  GraphQL:  ${stack.url}/graphql`,
      `  Database: ${db}${stack.demoLoaded ? ' — demo dataset loaded' : ''}`,
      ...signInHelp(stack),
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((e: unknown) => {
  // Setup problems are for people: one line, no stack trace.
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof RuntimeSetupError || /already in use/.test(message)) console.error(`Cannot start: ${message}`);
  else log.error({ err: e }, 'start failed');
  process.exit(1);
});
