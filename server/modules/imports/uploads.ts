/**
 * Uploaded files, kept under DATA_DIR/uploads/<id>/ (the file and a small JSON of what it is) until
 * imported; each belongs to the user who uploaded it: another user's upload id answers as unknown.
 * Size limit: IMPORT_MAX_BYTES (default 100 MB); the HTTP layer lets a multipart request of that
 * size through (http/app.ts) and a larger one is refused with a clear error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../config.js';
import { badInput } from '../../http/errors.js';
import { countRows, detectKind, openRows, sheetNames, type FileKind } from './readers.js';
import { estimateRows, fileSha256, type ImportFile } from './runImport.js';

/** Largest file an analyst may upload (bytes). */
export const MAX_UPLOAD_BYTES = Math.max(1_000_000, Number(process.env.IMPORT_MAX_BYTES ?? 100 * 1024 * 1024) || 100 * 1024 * 1024);

export interface UploadMeta {
  id: string;
  fileName: string;
  fileKind: FileKind;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export function uploadsDir(): string {
  return path.join(loadConfig().dataDir, 'uploads');
}

const ID = /^[0-9a-f-]{36}$/;

/** A file name as shown back: no directories, no control characters, at most 200 characters. */
const cleanName = (name: string) =>
  path
    .basename(name.replace(/\\/g, '/'))
    .split('')
    .filter((c) => c.charCodeAt(0) >= 32)
    .join('')
    .slice(0, 200) || 'upload';

/** Stores an uploaded file (a web File from graphql-yoga's multipart handling). */
export async function storeUpload(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }, username: string): Promise<UploadMeta> {
  if (file.size > MAX_UPLOAD_BYTES) throw badInput(`The file is ${(file.size / 1e6).toFixed(1)} MB; at most ${(MAX_UPLOAD_BYTES / 1e6).toFixed(0)} MB can be uploaded. Split it, or import it with \`npm run import -- <file> --mapping <file>\`.`);
  if (file.size === 0) throw badInput('The file is empty.');
  const buf = Buffer.from(await file.arrayBuffer());
  const kind = detectKind(file.name, buf.subarray(0, 4096));
  if (!kind) throw badInput(`"${cleanName(file.name)}" is not a CSV, Excel (.xlsx) or vCard file (an old .xls workbook must be saved as .xlsx or CSV first).`);
  const id = randomUUID();
  const dir = path.join(uploadsDir(), id);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, 'file');
  fs.writeFileSync(target, buf, { mode: 0o600 });
  const meta: UploadMeta = { id, fileName: cleanName(file.name), fileKind: kind, size: buf.length, sha256: await fileSha256(target), uploadedBy: username, uploadedAt: new Date().toISOString() };
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(meta), { mode: 0o600 });
  return meta;
}

/** Stores a file read from disk (the command line and tests), as an upload of `username`. */
export async function storeLocalFile(file: string, username: string): Promise<UploadMeta> {
  const buf = fs.readFileSync(file);
  return storeUpload({ name: path.basename(file), size: buf.length, arrayBuffer: async () => buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer }, username);
}

/** The caller's upload by id; anyone else's, or none, is "no such upload". */
export function readUpload(id: string, username: string): UploadMeta & { path: string } {
  const unknown = () => badInput('No such upload: upload the file again (uploadImportFile).');
  if (!ID.test(id)) throw unknown();
  const dir = path.join(uploadsDir(), id);
  let meta: UploadMeta;
  try {
    meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')) as UploadMeta;
  } catch {
    throw unknown();
  }
  if (meta.uploadedBy !== username) throw unknown();
  return { ...meta, path: path.join(dir, 'file') };
}

export const asImportFile = (u: UploadMeta & { path: string }): ImportFile => ({ path: u.path, kind: u.fileKind, fileName: u.fileName, sha256: u.sha256 });

/** What the upload screen shows: sheets, columns of the first sheet, a few rows, the row count. */
export async function describeUpload(u: UploadMeta & { path: string }) {
  const sheets = await sheetNames(u.path, u.fileKind).catch(() => [] as string[]);
  let columns: string[];
  const sampleRows: string[][] = [];
  try {
    const opened = await openRows(u.path, u.fileKind, {});
    columns = opened.columns;
    for await (const chunk of opened.rows) {
      for (const r of chunk) {
        if (sampleRows.length >= 5) break;
        sampleRows.push(r.cells);
      }
      if (sampleRows.length >= 5) break;
    }
  } catch (e) {
    throw badInput(`The file could not be read: ${(e as Error).message}`);
  }
  const rowCount = u.fileKind === 'xlsx' ? await countRows(u.path, 'xlsx').catch(() => null) : await estimateRows(asImportFile(u), 1).catch(() => null);
  return { id: u.id, fileName: u.fileName, fileKind: u.fileKind, sheets, columns, rowCount, sampleRows };
}
