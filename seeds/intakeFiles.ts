/**
 * `npx tsx seeds/intakeFiles.ts [outDir]` writes the demo intake files (data/demo-intake/) from the
 * demo dataset (seeds/demo.ts, read through its exported generator): what an analyst on the demo
 * operation would receive (issue 22, docs/import.md):
 *  - call-records.csv: a phone company's call records among the operation's phones (a few hundred
 *    calls, 2009–2010), with two bad rows (a withheld number, a date that does not exist);
 *  - handset-<child>.vcf (vCard 2.1, as handsets write it) and handset-<child>.csv: the contact list of
 *    one demo child's handset, the men saved under invented nicknames, plus a number nobody holds;
 *  - sightings.xlsx: a partner's spreadsheet of vehicles seen at demo premises, with one row whose
 *    date does not parse.
 * Deterministic: the same demo seed gives the same files, byte for byte (the workbook's dates fixed).
 * Everything is invented (DESIGN.md §7): drama phone numbers, ZZ registrations, demo addresses.
 */
import fs from 'node:fs';
import path from 'node:path';
import seedrandom from 'seedrandom';
import ExcelJS from 'exceljs';
import { generateDemo } from './demo.js';
import type { Dataset } from './dataset.js';

/** The child whose handset was downloaded. */
export const HANDSET_CHILD = 'per-c03';

const pad = (n: number) => String(n).padStart(2, '0');
const national = (e164: string) => `0${e164.slice(3, 7)} ${e164.slice(7)}`;

export interface IntakeFiles {
  calls: string;
  vcf: string;
  contactsCsv: string;
  handsetNumber: string;
  handsetOwner: string;
  /** Nickname → the suspect whose number it is saved as. */
  nicknames: Record<string, string>;
  sightings: { date: string; time: string; reg: string; colour: string; make: string; address: string; postcode: string; seen: string; by: string }[];
}

const NICKNAMES = ['Bigz', 'Shadz', 'Kizzy', 'Uncle T', 'Blaze', 'Rocko', 'Mister Z', 'Spanner'];

export function intakeFiles(data: Dataset = generateDemo()): IntakeFiles {
  const rng = seedrandom('demo-intake');
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const phonesOf = new Map<string, string[]>();
  const ownersOf = new Map<string, string[]>();
  for (const l of data.links) {
    if (l.type !== 'HAS_PHONE' || !byId.get(l.start)?.labels.includes('Person')) continue;
    const no = String(byId.get(l.end)?.props.phoneNo ?? '');
    if (!no.startsWith('+447700900')) continue;
    phonesOf.set(l.start, [...(phonesOf.get(l.start) ?? []), no]);
    ownersOf.set(no, [...(ownersOf.get(no) ?? []), l.start]);
  }
  const onChart = data.links.filter((l) => l.type === 'ON_CHART').map((l) => ({ person: l.start, role: String(l.props.role ?? '') }));
  const suspects = onChart.filter((c) => c.role === 'suspect' && phonesOf.has(c.person)).map((c) => c.person);
  const victims = onChart.filter((c) => c.role !== 'suspect' && phonesOf.has(c.person)).map((c) => c.person);
  // Numbers held by exactly one person, so the handset and the calls point at one person each.
  const single = (p: string) => (phonesOf.get(p) ?? []).filter((no) => ownersOf.get(no)!.length === 1);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rng() * xs.length)]!;

  // ---- call records: a core of suspects calling each other and a few children
  const core = suspects.slice(0, 14).filter((p) => single(p).length);
  const kids = victims.slice(0, 4).filter((p) => single(p).length);
  const lines = ['caller,called,start,duration,cell'];
  const CELLS = ['ROT-0141', 'ROT-0172', 'ROT-0203', 'SHF-1180', 'ROT-0099'];
  for (let i = 0; i < 380; i++) {
    const a = pick(core);
    const b = rng() < 0.2 ? pick(kids) : pick(core.filter((p) => p !== a));
    const [from, to] = rng() < 0.5 ? [a, b] : [b, a];
    const day = new Date(Date.UTC(2009, 8, 1) + Math.floor(rng() * 400) * 86_400_000);
    const hour = rng() < 0.6 ? 18 + Math.floor(rng() * 6) : Math.floor(rng() * 24);
    const start = `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()} ${pad(hour)}:${pad(Math.floor(rng() * 60))}:${pad(Math.floor(rng() * 60))}`;
    const caller = pick(single(from));
    const called = pick(single(to));
    // Numbers as the network writes them: national format for some, international for others.
    const fmt = (no: string) => (rng() < 0.5 ? national(no) : no);
    lines.push(`${fmt(caller)},${fmt(called)},${start},${5 + Math.floor(rng() * 900)},${pick(CELLS)}`);
  }
  lines.push(`withheld,${national(single(core[0]!)[0]!)},03/02/2010 21:14:00,45,ROT-0141`);
  lines.push(`${single(core[1]!)[0]},${single(core[2]!)[0]},31/02/2010 22:05:10,120,ROT-0172`);

  // ---- a child's handset: the men under nicknames, one number nobody holds
  const owner = HANDSET_CHILD;
  const handsetNumber = single(owner)[0] ?? (phonesOf.get(owner) ?? [])[0]!;
  const saved = suspects.filter((p) => single(p).length).slice(2, 2 + NICKNAMES.length);
  const nicknames: Record<string, string> = {};
  const entries = saved.map((p, i) => {
    nicknames[NICKNAMES[i]!] = p;
    return { name: NICKNAMES[i]!, number: single(p)[0]! };
  });
  // A number the demo data does not hold: the import creates its Phone.
  const used = new Set(data.nodes.map((n) => String(n.props.phoneNo ?? '')));
  let unheld = 990;
  while (used.has(`+447700900${unheld}`)) unheld++;
  entries.push({ name: 'Dee new', number: `+447700900${unheld}` });
  const vcf = entries
    .map((e, i) => [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N:;${e.name};;;`,
      `FN:${e.name}`,
      `TEL;CELL${i === 0 ? ';PREF' : ''}:${i % 2 ? national(e.number) : e.number}`,
      'END:VCARD',
    ].join('\r\n'))
    .join('\r\n') + '\r\n';
  const contactsCsv = ['name,number', ...entries.map((e, i) => `${e.name},${i % 2 ? e.number : national(e.number)}`)].join('\n') + '\n';

  // ---- sightings at demo premises (not protected places), vehicles by registration as written
  const places = data.nodes.filter((n) => n.labels.includes('Location') && n.props.restricted !== true && ['takeaway', 'park', 'hotel', 'shop'].includes(String(n.props.kind))).slice(0, 6);
  const vehicles = data.nodes.filter((n) => n.labels.includes('Vehicle') && /^ZZ/.test(String(n.props.reg))).slice(0, 8);
  const sightings: IntakeFiles['sightings'] = [];
  for (let i = 0; i < 24; i++) {
    const v = pick(vehicles);
    const p = pick(places);
    const reg = String(v.props.reg);
    const written = rng() < 0.5 ? `${reg.slice(0, 4)} ${reg.slice(4)}` : reg.toLowerCase();
    const day = new Date(Date.UTC(2009, 9, 1) + Math.floor(rng() * 300) * 86_400_000);
    sightings.push({
      date: `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`,
      time: `${pad(19 + Math.floor(rng() * 5))}:${pad(Math.floor(rng() * 60))}`,
      reg: written,
      colour: String(v.props.colour ?? ''),
      make: String(v.props.make ?? ''),
      address: String(p.props.address),
      postcode: String(p.props.postcode),
      seen: pick(['Girls getting into the car', 'Car parked with engine running', 'Driver talking to a group of girls', 'Two girls dropped off']),
      by: pick(['Youth outreach', 'Night-time economy patrol', 'Community warden']),
    });
  }
  sightings.push({ date: '2010-13-45', time: '23:10', reg: 'ZZ00 NEW', colour: 'black', make: 'Ford', address: 'Car park behind the station', postcode: '', seen: 'Unknown car seen twice', by: 'Community warden' });
  return { calls: lines.join('\n') + '\n', vcf, contactsCsv, handsetNumber, handsetOwner: owner, nicknames, sightings };
}

/** The sightings as an Excel workbook (fixed dates in its properties, so the bytes stay the same). */
export async function sightingsWorkbook(rows: IntakeFiles['sightings']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'linkchart demo';
  wb.created = new Date(Date.UTC(2010, 11, 1));
  wb.modified = new Date(Date.UTC(2010, 11, 1));
  const ws = wb.addWorksheet('Sightings');
  ws.addRow(['Date', 'Time', 'Registration', 'Colour', 'Make', 'Address', 'Postcode', 'What was seen', 'Reported by']);
  for (const r of rows) ws.addRow([r.date, r.time, r.reg, r.colour, r.make, r.address, r.postcode, r.seen, r.by]);
  wb.addWorksheet('Notes').addRow(['Sightings reported to the partnership, October 2009 – July 2010. Invented demo data.']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeIntakeFiles(dir: string): Promise<IntakeFiles> {
  const f = intakeFiles();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'call-records.csv'), f.calls);
  fs.writeFileSync(path.join(dir, `handset-${f.handsetOwner}.vcf`), f.vcf);
  fs.writeFileSync(path.join(dir, `handset-${f.handsetOwner}.csv`), f.contactsCsv);
  fs.writeFileSync(path.join(dir, 'sightings.xlsx'), await sightingsWorkbook(f.sightings));
  fs.writeFileSync(
    path.join(dir, 'README.md'),
    [
      '# Demo intake files',
      '',
      'Invented files an analyst on the demo operation might receive, written by `npx tsx seeds/intakeFiles.ts`',
      'from the demo dataset (deterministic). How to import them: docs/import.md.',
      '',
      `- \`call-records.csv\`: ${f.calls.trim().split('\n').length - 1} calls (mapping \`data/mappings/call-records.yaml\`); two rows are bad on purpose (a withheld number, 31/02/2010).`,
      `- \`handset-${f.handsetOwner}.vcf\` (vCard 2.1) and \`handset-${f.handsetOwner}.csv\`: the contacts of the demo child ${f.handsetOwner}'s handset, number ${f.handsetNumber} (mapping \`data/mappings/handset-contacts.yaml\` with \`handset.number: "${f.handsetNumber}"\`). Nicknames: ${Object.keys(f.nicknames).join(', ')}, and "Dee new", a number nobody holds.`,
      `- \`sightings.xlsx\`: ${f.sightings.length} sightings of demo vehicles at demo premises, sheet "Sightings" (mapping \`data/mappings/sightings.yaml\`); the last row's date does not exist.`,
      '',
    ].join('\n'),
  );
  return f;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const dir = process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'data', 'demo-intake');
  writeIntakeFiles(dir).then((f) => console.log(`wrote ${dir}: handset ${f.handsetNumber} of ${f.handsetOwner}; nicknames ${JSON.stringify(f.nicknames)}`));
}
