// Runs before `npm start` and `npm test` (plain Node, no dependencies), so that a fresh machine
// needs nothing but the README's two commands:
//  - npm packages, when node_modules is missing or older than package-lock.json;
//  - with --system: Java and Maven (for the local Neo4j) and, with --browser, Debian's Chromium
//    (for the browser tests), through apt-get when they are missing and we may install them.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const args = new Set(process.argv.slice(2));
const run = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { stdio: 'inherit' }).status === 0;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

const stamp = 'node_modules/.package-lock.json';
if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync('package-lock.json').mtimeMs) {
  console.log('Installing npm packages (first run)…');
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) process.exit(1);
}

const wanted = [];
const usesLocalNeo4j = !process.env.NEO4J_URI;
if (args.has('--system') && usesLocalNeo4j) {
  if (!has('java')) wanted.push('openjdk-17-jdk-headless');
  if (!has('mvn')) wanted.push('maven');
}
if (args.has('--browser') && !existsSync('/usr/bin/chromium')) wanted.push('chromium');

if (wanted.length) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = root && has('apt-get');
  if (!apt) {
    console.error(`Missing: ${wanted.join(', ')}. Install them (Debian: apt-get install ${wanted.join(' ')}) and run again.`);
    process.exit(1);
  }
  console.log(`Installing ${wanted.join(', ')} from Debian's packages…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...wanted], { stdio: 'inherit', env }).status === 0;
  if (!ok) {
    console.error(`Could not install ${wanted.join(', ')} with apt-get; install them by hand and run again.`);
    process.exit(1);
  }
}
