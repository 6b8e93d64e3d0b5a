/**
 * `npm run import -- <file> --mapping <file> [--source <yaml/json file>] [source flags]
 *  [--handset <number>] [--owner <person id>]`: one CSV, Excel or vCard file through a column mapping
 * into the running instance of this DATA_DIR (or NEO4J_URI), as one graded report. Progress bar on
 * a terminal; rejected rows listed with row, column and reason in DATA_DIR/imports/.
 * The source flags: --ref, --source-type, --source-grade, --intel-grade, --handling, --conditions,
 * --owner-agency, --received-on, --summary (they override the --source file's fields).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../../config.js';
import { Database } from '../../db/database.js';
import { findRunningLocal } from '../../db/localNeo4j.js';
import { applySchema } from '../../db/schema.js';
import { runAlertRules } from '../alerts/rules.js';
import { parseMapping, MappingError } from './mapping.js';
import { detectKind } from './readers.js';
import { estimateRows, fileSha256, runImport } from './runImport.js';
import { sourceInput } from './source.js';

const FLAGS = {
  mapping: { type: 'string' },
  source: { type: 'string' },
  handset: { type: 'string' },
  owner: { type: 'string' },
  ref: { type: 'string' },
  'source-type': { type: 'string' },
  'source-grade': { type: 'string' },
  'intel-grade': { type: 'string' },
  handling: { type: 'string' },
  conditions: { type: 'string' },
  'owner-agency': { type: 'string' },
  'received-on': { type: 'string' },
  summary: { type: 'string' },
} as const;

const USAGE = 'usage: npm run import -- <file> --mapping <mapping.yaml> --source <source.yaml> (or --source-type police --source-grade 2 --intel-grade B --handling P --owner-agency Police --received-on 2010-03-01) [--handset <number>] [--owner <person id>]';

function fail(message: string): never {
  console.error(`Import failed: ${message}`);
  process.exit(1);
}

export async function importFileCli(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: FLAGS });
  const file = positionals[0];
  if (!file || !values.mapping) fail(USAGE);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) fail(`${file} is not a file`);
  if (!fs.existsSync(values.mapping)) fail(`no mapping file ${values.mapping}`);
  let mapping;
  try {
    const text = fs.readFileSync(values.mapping, 'utf8');
    const m = parseMapping(text);
    if (values.handset) m.handset = { ...(m.handset ?? {}), number: values.handset };
    if (values.owner) m.handset = { ...(m.handset ?? { number: '' }), owner: values.owner };
    mapping = parseMapping(JSON.stringify(m)); // checked again with the command line's handset
  } catch (e) {
    fail(e instanceof MappingError ? e.message : (e as Error).message);
  }
  const fromFile = values.source ? (YAML.parse(fs.readFileSync(values.source, 'utf8')) as Record<string, unknown>) : {};
  const flag = (k: keyof typeof FLAGS) => values[k] as string | undefined;
  const raw = {
    ...fromFile,
    ...(flag('ref') ? { ref: flag('ref') } : {}),
    ...(flag('source-type') ? { sourceType: flag('source-type') } : {}),
    ...(flag('source-grade') ? { sourceGrade: Number(flag('source-grade')) } : {}),
    ...(flag('intel-grade') ? { intelGrade: flag('intel-grade') } : {}),
    ...(flag('handling') ? { handling: flag('handling') } : {}),
    ...(flag('conditions') ? { conditions: flag('conditions') } : {}),
    ...(flag('owner-agency') ? { ownerAgency: flag('owner-agency') } : {}),
    ...(flag('received-on') ? { receivedOn: flag('received-on') } : {}),
    ...(flag('summary') ? { summary: flag('summary') } : {}),
  };
  const source = sourceInput.safeParse(raw);
  if (!source.success) fail(`the source of the file (--source or flags): ${source.error.issues.map((i) => `${i.path.join('.') || 'source'}: ${i.message}`).join('; ')}\n${USAGE}`);

  const head = Buffer.alloc(4096);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const kind = detectKind(file, head);
  if (!kind) fail(`${file} is not a CSV, Excel (.xlsx) or vCard file`);

  const config = loadConfig();
  const target = config.external ?? findRunningLocal(config.dataDir);
  if (!target) fail(`no running instance for DATA_DIR ${config.dataDir}: start it with \`npm start\` first (or set NEO4J_URI).`);
  const db = Database.connect(target.uri, target.user, target.password);
  const rejectedFile = path.join(config.dataDir, 'imports', `rejected-${path.basename(file).replace(/[^\w.-]/g, '_')}-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`);
  let out: fs.WriteStream | null = null;
  const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
  try {
    await db.waitUntilReady(10_000);
    await applySchema(db);
    const importFile = { path: path.resolve(file), kind, fileName: path.basename(file), sha256: await fileSha256(file) };
    const rowsTotal = await estimateRows(importFile, mapping.headerRow);
    const bar = process.stdout.isTTY ? new SingleBar({ format: ' {bar} {percentage}% | {value}/{total} rows | {eta_formatted} left' }, Presets.shades_classic) : undefined;
    bar?.start(rowsTotal ?? 0, 0);
    const shown: string[] = [];
    const result = await runImport(db, importFile, mapping, source.data, {
      viewer: null,
      importedBy: `command line (${os.userInfo().username})`,
      rowsTotal,
      onProgress: (p) => bar?.update(p.rowsDone),
      onRejected: (r) => {
        if (!out) {
          fs.mkdirSync(path.dirname(rejectedFile), { recursive: true });
          out = fs.createWriteStream(rejectedFile);
          out.write('row,column,reason,values\n');
        }
        out.write(`${r.row},${cell(r.column ?? '')},${cell(r.message)},${cell(r.values.join(' | '))}\n`);
        if (shown.length < 10) shown.push(`  rejected row ${r.row}${r.column ? `, column ${r.column}` : ''} — ${r.message}`);
      },
    });
    bar?.stop();
    await new Promise<void>((resolve) => ((out as fs.WriteStream | null) ? out!.end(resolve) : resolve()));
    await runAlertRules(db, null).then(
      (alerts) => alerts.length && console.log(`  ${alerts.length} new alert(s) raised by the imported data`),
      (e) => console.log(`  the alert rules did not run: ${(e as Error).message}`),
    );
    for (const s of shown) console.log(s);
    if (result.rejectedCount > shown.length) console.log(`  … and ${result.rejectedCount - shown.length} more`);
    const rate = Math.round(result.rowsDone / Math.max(result.seconds, 0.001));
    console.log(
      `Imported ${path.basename(file)} as report ${result.reportId}${result.reportExisted ? ' (imported before: the report was already there)' : ''} in ${result.seconds.toFixed(1)} s (${rate} rows/s): ` +
        `${result.rowsDone} rows, ${result.rejectedCount} rejected; ${result.createdEntities} entities and ${result.createdLinks} links created, ${result.matched} existing entities matched.` +
        (result.rejectedCount ? `\n  rejected rows are listed in ${rejectedFile}` : ''),
    );
  } catch (e) {
    fail((e as Error).message);
  } finally {
    await db.close();
  }
}
