/**
 * `npm run import -- <dir> [--preset pole]`: loads CSV files with neo4j-admin import headers into
 * the running instance of this DATA_DIR (or NEO4J_URI). Idempotent; bad rows are listed with file,
 * line and reason in a report file under DATA_DIR/imports/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../../config.js';
import { Database } from '../../db/database.js';
import { findRunningLocal } from '../../db/localNeo4j.js';
import { applySchema } from '../../db/schema.js';
import { importDirectory } from './csvImport.js';
import { runAlertRules } from '../alerts/rules.js';
import { PRESETS } from './presets.js';
import { importFileCli } from '../imports/cli.js';

function fail(message: string): never {
  console.error(`Import failed: ${message}`);
  process.exit(1);
}

async function main() {
  // One file through a column mapping (issue 22): server/modules/imports/cli.ts.
  if (process.argv.slice(2).some((a) => a === '--mapping' || a.startsWith('--mapping='))) return importFileCli(process.argv.slice(2));
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { preset: { type: 'string' } } });
  const dir = positionals[0];
  if (!dir) fail('usage: npm run import -- <dir> [--preset pole], or npm run import -- <file> --mapping <file> (docs/import.md)');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) fail(`${dir} is not a directory`);
  const preset = values.preset ? PRESETS[values.preset] : undefined;
  if (values.preset && !preset) fail(`unknown preset "${values.preset}" (known: ${Object.keys(PRESETS).join(', ')})`);

  const config = loadConfig();
  const target = config.external ?? findRunningLocal(config.dataDir);
  if (!target) fail(`no running instance for DATA_DIR ${config.dataDir}: start it with \`npm start\` first (or set NEO4J_URI).`);
  const db = Database.connect(target.uri, target.user, target.password);
  try {
    await db.waitUntilReady(10_000);
    await applySchema(db); // the MERGEs need the id constraints
    const bar = process.stdout.isTTY ? new SingleBar({ format: ' {bar} {percentage}% | {value}/{total} rows | {eta_formatted} left' }, Presets.shades_classic) : undefined;
    let started = false;
    const summary = await importDirectory(db, path.resolve(dir), {
      preset,
      onProgress: (done, total) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
    });
    bar?.stop();
    // The alert rules look at the whole graph after an import (the running server's inbox shows them).
    // The data is in whatever the rules say: a rule that fails is reported, not taken for a failed import.
    await runAlertRules(db, null).then(
      (alerts) => alerts.length && console.log(`  ${alerts.length} new alert(s) raised by the imported data`),
      (e) => console.log(`  the alert rules did not run: ${(e as Error).message}`),
    );

    let reportNote = '';
    if (summary.rejected.length) {
      const reports = path.join(config.dataDir, 'imports');
      fs.mkdirSync(reports, { recursive: true });
      const file = path.join(reports, `rejected-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`);
      const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
      fs.writeFileSync(file, ['file,line,reason', ...summary.rejected.map((r) => `${quote(r.file)},${r.line},${quote(r.reason)}`)].join('\n') + '\n');
      reportNote = `\n  rejected rows are listed in ${file}`;
      for (const r of summary.rejected.slice(0, 10)) console.log(`  rejected ${r.file}:${r.line} — ${r.reason}`);
      if (summary.rejected.length > 10) console.log(`  … and ${summary.rejected.length - 10} more`);
    }
    console.log(
      `Imported ${summary.files} files in ${summary.seconds.toFixed(1)} s (${summary.rowsPerSecond} rows/s): ` +
        `${summary.nodes} node rows, ${summary.relationships} relationship rows, ${summary.rejected.length} rejected.\n` +
        `  the graph gained ${summary.added.nodes} nodes and ${summary.added.relationships} relationships` +
        (summary.added.nodes === 0 && summary.added.relationships === 0 ? ' (all already present)' : '') +
        reportNote,
    );
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
