/**
 * The local database runtime: builds the embedded Neo4j launcher with Maven (once; the jars stay in
 * neo4j/target/lib) and runs it as a child JVM with its store under DATA_DIR/neo4j.
 * See neo4j/src/main/java/org/osint/linkchart/Launcher.java for the other side of the protocol.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { ROOT } from '../config.js';
import { log } from '../log.js';

const NEO4J_DIR = path.join(ROOT, 'neo4j');
const LIB_DIR = path.join(NEO4J_DIR, 'target', 'lib');
const CLASSES_DIR = path.join(NEO4J_DIR, 'target', 'classes');
const LAUNCHER_SOURCE = path.join(NEO4J_DIR, 'src/main/java/org/osint/linkchart/Launcher.java');
const LAUNCHER_CLASS = path.join(CLASSES_DIR, 'org/osint/linkchart/Launcher.class');

/** A failure the user can act on: printed as one line, without a stack trace. */
export class RuntimeSetupError extends Error {
  override name = 'RuntimeSetupError';
}

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  boltPort: number;
  /** The JVM's process id. */
  pid: number;
  /** Stops the DBMS and waits until the JVM has exited (its store is then safe to reuse). */
  stop(): Promise<void>;
}

/** The file through which other commands (import, user) find the running instance of a DATA_DIR. */
export const runtimeFile = (dataDir: string) => path.join(dataDir, 'neo4j', 'running.json');

function commandWorks(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** Builds the launcher and copies Neo4j's jars unless that was done already for this source. */
export function ensureLauncherBuilt(): void {
  if (!commandWorks('java', ['-version'])) {
    throw new RuntimeSetupError('Java was not found: install a JDK 17 or newer (e.g. `apt-get install openjdk-17-jdk-headless`) or set NEO4J_URI to use an existing Neo4j.');
  }
  const built =
    fs.existsSync(LAUNCHER_CLASS) &&
    fs.existsSync(LIB_DIR) &&
    fs.readdirSync(LIB_DIR).some((f) => f.startsWith('neo4j-kernel-')) &&
    fs.statSync(LAUNCHER_CLASS).mtimeMs >= fs.statSync(LAUNCHER_SOURCE).mtimeMs &&
    fs.statSync(LAUNCHER_CLASS).mtimeMs >= fs.statSync(path.join(NEO4J_DIR, 'pom.xml')).mtimeMs;
  if (built) return;
  if (!commandWorks('mvn', ['-v'])) {
    throw new RuntimeSetupError('Maven was not found: install it (e.g. `apt-get install maven`) so Neo4j can be fetched from Maven Central, or set NEO4J_URI to use an existing Neo4j.');
  }
  log.info('Fetching Neo4j 5.26 from Maven Central and building the launcher (first run only; several minutes)…');
  const started = Date.now();
  const r = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: NEO4J_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    throw new RuntimeSetupError(`Building the Neo4j launcher failed (mvn exit ${r.status}); see the Maven output above.`);
  }
  log.info({ seconds: Math.round((Date.now() - started) / 1000) }, 'Neo4j runtime ready');
}

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The password of the local DBMS: generated once per data directory, readable by its owner only. */
function ensurePassword(dir: string): { file: string; password: string } {
  const file = path.join(dir, 'password');
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(18).toString('base64url') + '\n', { mode: 0o600 });
  }
  return { file, password: fs.readFileSync(file, 'utf8').trim() };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface StartOptions {
  dataDir: string;
  heap?: string;
  pageCache?: string;
  /** How long to wait for readiness. */
  timeoutMs?: number;
  /** Bolt port to listen on (default: a free one); a restart on the same port lets clients reconnect by themselves. */
  boltPort?: number;
}

/** Starts the local Neo4j for `dataDir` and resolves once Bolt accepts connections. */
export async function startLocalNeo4j(opts: StartOptions): Promise<LocalNeo4j> {
  ensureLauncherBuilt();
  const dir = path.join(opts.dataDir, 'neo4j');
  fs.mkdirSync(dir, { recursive: true });

  const running = runtimeFile(opts.dataDir);
  if (fs.existsSync(running)) {
    const prev = JSON.parse(fs.readFileSync(running, 'utf8')) as { pid: number; ownerPid: number };
    if (pidAlive(prev.pid)) {
      throw new RuntimeSetupError(`The data directory ${opts.dataDir} is in use by another running instance (Neo4j pid ${prev.pid}); stop it or use another DATA_DIR.`);
    }
    fs.rmSync(running); // left by a crash; the store lock will tell if anything still holds it
  }

  const { file: passwordFile, password } = ensurePassword(dir);
  const boltPort = opts.boltPort ?? (await freePort());
  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-cp',
    `${CLASSES_DIR}${path.delimiter}${LIB_DIR}/*`,
    'org.osint.linkchart.Launcher',
    '--home', path.join(dir, 'home'),
    '--port', String(boltPort),
    '--password-file', passwordFile,
    '--pagecache', opts.pageCache ?? '256m',
  ];
  const started = Date.now();
  // stdin stays a pipe: when this process dies, the JVM sees end-of-input and shuts down cleanly.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stderrTail: string[] = [];
  child.stderr!.on('data', (d: Buffer) => {
    stderrTail.push(d.toString());
    if (stderrTail.length > 20) stderrTail.shift();
  });

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new RuntimeSetupError(`Neo4j did not become ready within ${(opts.timeoutMs ?? 300_000) / 1000} s; see ${dir}/home/logs/debug.log`));
    }, opts.timeoutMs ?? 300_000);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('NEO4J_READY')) {
        clearTimeout(timer);
        resolve();
      } else if (line.startsWith('NEO4J_ERROR')) {
        clearTimeout(timer);
        reject(new RuntimeSetupError(`Neo4j could not start: ${line.slice('NEO4J_ERROR '.length)}`));
      } else if (line.trim()) {
        log.debug({ neo4j: line }, 'neo4j');
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      const detail = stderrTail.join('').trim().split('\n').pop() ?? '';
      reject(new RuntimeSetupError(`Neo4j exited during start (code ${code})${detail ? `: ${detail}` : ''}`));
    });
  });

  const uri = `bolt://127.0.0.1:${boltPort}`;
  fs.writeFileSync(running, JSON.stringify({ uri, pid: child.pid, ownerPid: process.pid, startedAt: new Date().toISOString() }));
  log.info({ uri, seconds: +((Date.now() - started) / 1000).toFixed(1) }, 'local Neo4j ready');

  let stopping: Promise<void> | undefined;
  return {
    uri,
    user: 'neo4j',
    password,
    boltPort,
    pid: child.pid!,
    stop: () => (stopping ??= stopChild(child, exited, running)),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, running: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    // Bolt drains first, so a clean shutdown takes ~10 s; kill only if it hangs for a minute.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
  }
  fs.rmSync(running, { force: true });
}

/** Connection details of the instance running for `dataDir`, for the import and user commands. */
export function findRunningLocal(dataDir: string): { uri: string; user: string; password: string } | undefined {
  const running = runtimeFile(dataDir);
  if (!fs.existsSync(running)) return undefined;
  const info = JSON.parse(fs.readFileSync(running, 'utf8')) as { uri: string; pid: number };
  if (!pidAlive(info.pid)) return undefined;
  const password = fs.readFileSync(path.join(dataDir, 'neo4j', 'password'), 'utf8').trim();
  return { uri: info.uri, user: 'neo4j', password };
}
