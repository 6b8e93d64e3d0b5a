/** Builds the web app with Vite when dist/web is missing or older than its sources. */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config.js';
import { log } from '../log.js';
import { WEB_DIST } from './app.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export async function ensureWebBuilt(): Promise<void> {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'web')), fs.statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs);
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  log.info('building the web app…');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  log.info({ seconds: +((Date.now() - started) / 1000).toFixed(1) }, 'web app built');
}
