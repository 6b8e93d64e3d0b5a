/**
 * vCard contact lists (a handset download's contacts) as rows: one row per telephone number of each
 * card, with the columns below, numbered by the card's place in the file.
 *
 * vCard 3.0 and 4.0 are read by ical.js. ical.js does not read vCard 2.1 (what most handsets and
 * forensic tools still write: bare parameters such as `TEL;CELL:`, quoted-printable values), so a
 * 2.1 card is first rewritten into 3.0 syntax here (parameters as TYPE=…, quoted-printable decoded
 * in its charset) and then read by ical.js like the others.
 */
import ICAL from 'ical.js';
import type { SourceRow } from './readers.js';

export const VCARD_COLUMNS = ['name', 'number', 'type', 'email', 'org', 'note'] as const;

/** Quoted-printable bytes to text in the given charset (UTF-8 unless said otherwise). */
function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  const cs = charset.toLowerCase();
  try {
    return new TextDecoder(cs === 'utf8' ? 'utf-8' : cs).decode(new Uint8Array(bytes));
  } catch {
    return Buffer.from(bytes).toString('utf8');
  }
}

/** Escapes text for a 3.0 text value (what ical.js will unescape). */
const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,');

/** Rewrites one vCard 2.1 card (its unfolded lines) into vCard 3.0 syntax. */
function from21(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const [name, ...params] = line.slice(0, colon).split(';');
    let value = line.slice(colon + 1);
    const upper = name!.toUpperCase();
    if (upper === 'VERSION') {
      out.push('VERSION:3.0');
      continue;
    }
    const types: string[] = [];
    const kept: string[] = [];
    let encoding = '';
    let charset = 'utf-8';
    for (const p of params) {
      const eq = p.indexOf('=');
      if (eq < 0) {
        if (/^(QUOTED-PRINTABLE|BASE64|8BIT|7BIT)$/i.test(p)) encoding = p.toUpperCase();
        else if (p) types.push(p.toUpperCase());
        continue;
      }
      const k = p.slice(0, eq).toUpperCase();
      const v = p.slice(eq + 1);
      if (k === 'ENCODING') encoding = v.toUpperCase();
      else if (k === 'CHARSET') charset = v;
      else if (k === 'TYPE') types.push(...v.split(',').map((t) => t.toUpperCase()));
      else kept.push(`${k}=${v}`);
    }
    if (encoding === 'BASE64' || encoding === 'B') continue; // photos: not contact data
    if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, charset);
    // Structured values (N, ADR, ORG) keep their ';' parts; each part escaped for commas.
    if (['FN', 'NOTE', 'TITLE'].includes(upper)) value = escapeText(value);
    else if (['N', 'ADR', 'ORG'].includes(upper)) value = value.split(';').map(escapeText).join(';');
    out.push(`${name}${types.length ? `;TYPE=${types.join(',')}` : ''}${kept.length ? `;${kept.join(';')}` : ''}:${value}`);
  }
  return out;
}

/** Physical lines to logical ones: folded lines (CRLF + space) and quoted-printable soft breaks (= at the end). */
function unfold(text: string): string[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: string[] = [];
  for (const line of raw) {
    const last = out.length - 1;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last >= 0) out[last] += line.slice(1);
    else if (last >= 0 && /QUOTED-PRINTABLE/i.test(out[last]!.split(':')[0]!) && out[last]!.endsWith('=')) out[last] = out[last]!.slice(0, -1) + line;
    else out.push(line);
  }
  return out;
}

type JCardProp = [string, Record<string, unknown>, string, ...unknown[]];

const text = (v: unknown): string => (Array.isArray(v) ? v.map(text).filter(Boolean).join(' ') : v == null ? '' : String(v)).trim();

/** Every card of a file as rows (one per number); a card that cannot be read is a row with its problem. */
export function readVCards(file: string): SourceRow[] {
  const lines = unfold(file);
  const rows: SourceRow[] = [];
  let card: string[] | null = null;
  let n = 0;
  for (const line of lines) {
    if (/^BEGIN:VCARD$/i.test(line.trim())) {
      card = [];
      continue;
    }
    if (/^END:VCARD$/i.test(line.trim())) {
      if (card) rows.push(...cardRows(card, ++n));
      card = null;
      continue;
    }
    if (card && line.trim()) card.push(line);
  }
  return rows;
}

function cardRows(lines: string[], n: number): SourceRow[] {
  const version = lines.find((l) => /^VERSION:/i.test(l))?.split(':')[1]?.trim() ?? '3.0';
  const body = version === '2.1' ? from21(lines) : lines;
  let props: JCardProp[];
  try {
    const parsed = ICAL.parse(['BEGIN:VCARD', ...body, 'END:VCARD'].join('\r\n')) as unknown as [string, JCardProp[], unknown[]];
    props = parsed[1];
  } catch (e) {
    return [{ row: n, cells: VCARD_COLUMNS.map(() => ''), problem: `contact ${n} could not be read as vCard ${version}: ${(e as Error).message}` }];
  }
  const get = (name: string) => props.filter((p) => p[0] === name);
  const values = (p: JCardProp) => p.slice(3);
  const fn = text(get('fn').map((p) => values(p)[0]));
  const nParts = get('n').map((p) => values(p)[0])[0];
  const nName = Array.isArray(nParts) ? text([nParts[1], nParts[2], nParts[0]]) : text(nParts);
  const org = text(get('org').map((p) => values(p)[0]));
  const name = fn || nName || org;
  const email = text(get('email').map((p) => values(p)[0])[0]);
  const note = text(get('note').map((p) => values(p)[0])[0]);
  const tels = get('tel');
  if (!tels.length) return [{ row: n, cells: [name, '', '', email, org, note] }];
  return tels.map((t) => {
    const type = t[1].type;
    const number = text(values(t)[0]).replace(/^tel:/i, '');
    return { row: n, cells: [name, number, Array.isArray(type) ? type.join(',').toLowerCase() : text(type).toLowerCase(), email, org, note] };
  });
}
