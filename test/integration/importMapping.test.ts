/**
 * Intake from what analysts receive (issue 22), over HTTP on the run's real Neo4j with the demo data:
 * the demo intake files (data/demo-intake/) uploaded (multipart), previewed and imported through the
 * built-in mappings — call records (CSV), a handset download (vCard 2.1) and a sightings workbook
 * (Excel) — and small files made here for the rules: rejected rows with row and column, matching on
 * strong keys only (two persons of one name stay two), re-imports that add nothing, provenance on
 * every element written, a handling C import withheld from other agencies, the progress feed, and
 * licensing refused every import operation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { gql, gqlOk, testDatabase, tokenFor, type Role } from '../support/client.js';
import { openEventStream } from '../support/sse.js';
import { readPhone } from '../../server/modules/imports/formats.js';
import { intakeFiles } from '../../seeds/intakeFiles.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO = path.join(ROOT, 'data/demo-intake');
const db = testDatabase();
afterAll(() => db.close());

const SOURCE = { sourceType: 'police', sourceGrade: 1, intelGrade: 'A', handling: 'P', ownerAgency: 'Police', receivedOn: '2010-11-02' };

async function upload(name: string, body: Buffer | string, as: Role = 'analyst') {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadImportFile(file: $f) { id fileName fileKind sheets columns rowCount sampleRows } }', variables: { f: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.f'] }));
  form.set('0', new Blob([typeof body === 'string' ? body : new Uint8Array(body)]), name);
  const res = await fetch(`${inject('stack').url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${await tokenFor(as)}` }, body: form });
  return (await res.json()) as { data?: { uploadImportFile: { id: string; fileName: string; fileKind: string; sheets: string[]; columns: string[]; rowCount: number | null; sampleRows: string[][] } }; errors?: { message: string; extensions?: { code?: string } }[] };
}
const uploadOk = async (name: string, body: Buffer | string) => {
  const r = await upload(name, body);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.uploadImportFile;
};

const JOB = 'id status rowsDone rowsTotal createdEntities createdLinks matched rejectedCount rejected { row column message values } reportId error';
async function importAndWait(uploadId: string, mapping: string, source: Record<string, unknown> = SOURCE) {
  const { startImport } = await gqlOk(`mutation ($u: ID!, $m: String!, $s: ImportSourceInput!) { startImport(uploadId: $u, mapping: $m, source: $s) { ${JOB} } }`, { u: uploadId, m: mapping, s: source });
  for (let i = 0; i < 240; i++) {
    const { importJob } = await gqlOk(`query ($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id: startImport.id });
    if (importJob.status === 'done' || importJob.status === 'failed') return importJob;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('import did not finish');
}

const PREVIEW = `query ($u: ID!, $m: String!, $n: Int) { previewImport(uploadId: $u, mapping: $m, rows: $n) {
  entityCount linkCount matchedCount rejected { row column message values }
  rows { row entities { key kind label properties match { key reason entity { id kind label } } } links { type from to properties } } } }`;

/** Every node and relationship the report's import wrote must carry it (and a date where it has one). */
async function provenanceGaps(reportId: string) {
  const [r] = await db.read(
    `MATCH (rep:Report {id: $rid})
     OPTIONAL MATCH (rep)-[:MENTIONS]->(n)
     WITH rep, collect(n) AS mentioned
     CALL { WITH mentioned UNWIND mentioned AS n WITH n WHERE NOT $rid IN coalesce(n.sources, []) RETURN count(n) AS unsourced }
     CALL { MATCH (n:Entity) WHERE $rid IN n.sources AND NOT EXISTS { (:Report {id: $rid})-[:MENTIONS]->(n) } RETURN count(n) AS unmentioned }
     CALL { MATCH ()-[l]->() WHERE $rid IN coalesce(l.sources, []) RETURN count(l) AS links }
     CALL { WITH mentioned UNWIND mentioned AS n MATCH (n)-[l]-() WHERE NOT type(l) IN ['MENTIONS'] AND l.sources IS NULL AND n.id STARTS WITH 'call-imp-' RETURN count(l) AS unsourcedCallLinks }
     RETURN size(mentioned) AS mentioned, unsourced, unmentioned, links, unsourcedCallLinks, rep.datedOn AS reportDatedOn`,
    { rid: reportId },
  );
  return r!;
}

describe('call records (CSV)', () => {
  const text = fs.readFileSync(path.join(DEMO, 'call-records.csv'), 'utf8');
  let reportId = '';
  let first: any;

  it('uploads, previews with the matches and why, and rejects the bad rows with row and column', async () => {
    const up = await uploadOk('call-records.csv', text);
    expect(up).toMatchObject({ fileName: 'call-records.csv', fileKind: 'csv', sheets: [], columns: ['caller', 'called', 'start', 'duration', 'cell'], rowCount: 382 });
    expect(up.sampleRows).toHaveLength(5);
    const { previewImport: p } = await gqlOk(PREVIEW, { u: up.id, m: 'builtin:call-records', n: 200 });
    expect(p.rows).toHaveLength(200);
    const phone = p.rows[0].entities.find((e: any) => e.kind === 'Phone');
    expect(phone.match.reason).toMatch(/^same phone number \+447700900\d{3}$/);
    expect(phone.match.entity.kind).toBe('Phone');
    expect(p.rows[0].links.map((l: any) => l.type)).toEqual(['CALLER', 'CALLED']);
    expect(p.matchedCount).toBeGreaterThan(10);
    const all = await gqlOk(PREVIEW, { u: up.id, m: 'builtin:call-records', n: 200 }); // the same answer twice: nothing written
    expect(all.previewImport.entityCount).toBe(p.entityCount);
  });

  it('imports each call with CALLER / CALLED and one CONTACTED link per pair, counted right', async () => {
    const up = await uploadOk('call-records.csv', text);
    first = await importAndWait(up.id, 'builtin:call-records');
    expect(first.status).toBe('done');
    reportId = first.reportId;
    expect(first.rowsDone).toBe(382);
    expect(first.rejectedCount).toBe(2);
    expect(first.rejected).toEqual([
      { row: 382, column: 'caller', message: 'not a phone number: "withheld"', values: expect.arrayContaining(['withheld']) },
      { row: 383, column: 'start', message: 'not a real date as DD/MM/YYYY HH:mm:ss: "31/02/2010 22:05:10"', values: expect.any(Array) },
    ]);
    // What the file says, worked out here independently of the import.
    const pairs = new Map<string, { calls: number; seconds: number; first: string; last: string }>();
    let calls = 0;
    for (const line of text.trim().split('\n').slice(1)) {
      const [caller, called, start, duration] = line.split(',');
      if (caller === 'withheld' || start!.startsWith('31/02')) continue;
      const [a, b] = [readPhone(caller!, 'GB').phoneNo, readPhone(called!, 'GB').phoneNo].sort();
      const day = `${start!.slice(6, 10)}-${start!.slice(3, 5)}-${start!.slice(0, 2)}`;
      const p = pairs.get(`${a}|${b}`) ?? { calls: 0, seconds: 0, first: day, last: day };
      p.calls++;
      p.seconds += Number(duration);
      if (day < p.first) p.first = day;
      if (day > p.last) p.last = day;
      pairs.set(`${a}|${b}`, p);
      calls++;
    }
    expect(first.createdEntities).toBe(calls); // the calls; every phone was already known
    expect(first.createdLinks).toBe(2 * calls + pairs.size);
    const stored = await db.read(
      `MATCH (a:Phone)-[c:CONTACTED]->(b:Phone) WHERE $rid IN c.sources
       RETURN a.phoneNo AS a, b.phoneNo AS b, a.id < b.id AS ordered, c.calls AS calls, c.totalSeconds AS seconds, c.firstOn AS first, c.lastOn AS last, c.from AS from, c.datedOn AS datedOn`,
      { rid: reportId },
    );
    expect(stored).toHaveLength(pairs.size);
    for (const s of stored) {
      const want = pairs.get([s.a as string, s.b as string].sort().join('|'))!;
      expect({ calls: s.calls, seconds: s.seconds, first: s.first, last: s.last }).toEqual(want);
      expect(s.ordered).toBe(true);
      expect([s.from, s.datedOn]).toEqual([want.first, want.first]);
    }
    // callPattern: the same pair as calls per day and per hour.
    const [top] = await db.read('MATCH (a:Phone)-[c:CONTACTED]->(b:Phone) WHERE $rid IN c.sources RETURN a.id AS a, b.id AS b, c.calls AS calls, c.totalSeconds AS seconds ORDER BY c.calls DESC, a.id LIMIT 1', { rid: reportId });
    const { callPattern } = await gqlOk('query ($a: ID!, $b: ID!) { callPattern(a: $a, b: $b) { a b calls callsFromA totalSeconds firstOn lastOn perDay { day calls seconds } perHour { hour calls } } }', { a: top!.a, b: top!.b });
    expect(callPattern.calls).toBe(top!.calls);
    expect(callPattern.totalSeconds).toBe(top!.seconds);
    expect(callPattern.perDay.reduce((n: number, d: any) => n + d.calls, 0)).toBe(top!.calls);
    expect(callPattern.perHour).toHaveLength(24);
    expect(callPattern.perHour.reduce((n: number, h: any) => n + h.calls, 0)).toBe(top!.calls);
  });

  it('carries the report on every element it wrote, and the as-of date', async () => {
    const g = await provenanceGaps(reportId);
    expect(g.mentioned).toBeGreaterThan(380);
    expect([g.unsourced, g.unmentioned, g.unsourcedCallLinks]).toEqual([0, 0, 0]);
    expect(g.reportDatedOn).toBe('2010-11-02');
    const [{ undated }] = await db.read("MATCH (c:PhoneCall)-[l:CALLER|CALLED]->() WHERE $rid IN c.sources AND (c.datedOn IS NULL OR l.datedOn IS NULL OR c.datedOn <> c.call_date) RETURN count(*) AS undated", { rid: reportId });
    expect(undated).toBe(0);
    const { entity } = await gqlOk('query ($id: ID!) { entity(id: $id) { id kind ... on Report { sourceGrade intelGrade handling } properties } }', { id: reportId });
    expect(entity).toMatchObject({ kind: 'Report', sourceGrade: 1, intelGrade: 'A', handling: 'P' });
    expect(entity.properties.fileName).toBe('call-records.csv');
  });

  it('adds nothing when the same file is imported again (counts unchanged)', async () => {
    // What the report stands behind (other test files write to the same database meanwhile).
    const count = async () =>
      (
        await db.read(
          `CALL { MATCH (n:Entity) WHERE $rid IN n.sources RETURN count(n) AS nodes }
           CALL { MATCH ()-[r]->() WHERE $rid IN r.sources RETURN count(r) AS rels, sum(CASE WHEN type(r) = 'CONTACTED' THEN r.calls ELSE 0 END) AS calls, sum(CASE WHEN type(r) = 'CONTACTED' THEN r.totalSeconds ELSE 0 END) AS seconds }
           CALL { MATCH (:Report {id: $rid})-[m:MENTIONS]->() RETURN count(m) AS mentions }
           CALL { MATCH (c:PhoneCall) RETURN count(c) AS allCalls }
           RETURN nodes, rels, calls, seconds, mentions, allCalls`,
          { rid: reportId },
        )
      )[0];
    const before = await count();
    const again = await importAndWait((await uploadOk('calls-again.csv', text)).id, 'builtin:call-records');
    expect(again).toMatchObject({ status: 'done', reportId, createdEntities: 0, createdLinks: 0, rejectedCount: 2 });
    expect(await count()).toEqual(before);
  });
});

describe('handset download (vCard 2.1) and whoIs', () => {
  const f = intakeFiles();
  const mapping = fs.readFileSync(path.join(ROOT, 'data/mappings/handset-contacts.yaml'), 'utf8').replace('number: "07700 900000"', `number: "${f.handsetNumber}"`);

  it("makes HAS_CONTACT from the handset's owner with savedAs; whoIs then finds the man by the nickname; nothing is merged", async () => {
    const persons = async () => (await db.read('MATCH (p:Person) RETURN count(p) AS n'))[0]!.n;
    const before = await persons();
    const up = await uploadOk('handset-per-c03.vcf', fs.readFileSync(path.join(DEMO, 'handset-per-c03.vcf')));
    expect(up.fileKind).toBe('vcf');
    const { previewImport: p } = await gqlOk(PREVIEW, { u: up.id, m: mapping, n: 50 });
    const owner = p.rows[0].entities.find((e: any) => e.key === '$owner');
    expect(owner.match).toMatchObject({ entity: { id: f.handsetOwner }, reason: `named by its id ${f.handsetOwner}` });
    const job = await importAndWait(up.id, mapping);
    expect(job).toMatchObject({ status: 'done', rejectedCount: 0, rowsDone: 9 });
    const saved = await db.read('MATCH (o:Person {id: $o})-[c:HAS_CONTACT]->(ph:Phone) WHERE $rid IN c.sources RETURN c.savedAs AS savedAs, ph.phoneNo AS no', { o: f.handsetOwner, rid: job.reportId });
    expect(saved.map((s) => s.savedAs).sort()).toEqual([...Object.keys(f.nicknames), 'Dee new'].sort());
    for (const [nick, suspect] of Object.entries(f.nicknames)) {
      const { whoIs } = await gqlOk('query ($n: String!) { whoIs(nickname: $n) { entity { id } detail } }', { n: nick });
      expect(whoIs.map((w: any) => w.entity.id), nick).toContain(suspect);
    }
    // A nickname is evidence on the handset entry: no person, alias or merge came of it.
    expect(await persons()).toBe(before);
    const [{ aliases }] = await db.read('MATCH (p:Person {id: $id}) RETURN coalesce(p.aliases, []) AS aliases', { id: f.nicknames.Bigz });
    expect(aliases).not.toContain('Bigz');
    expect((await provenanceGaps(job.reportId)).unsourced).toBe(0);
  });

  it('refuses a handset whose owner the graph does not know, unless the mapping names the owner', async () => {
    const csv = 'name,number\nNew friend,01632 960001\n';
    const up = await uploadOk('unknown-handset.csv', csv);
    const unknown = mapping.replace(`number: "${f.handsetNumber}"`, 'number: "01632 960002"');
    const r = await gql(PREVIEW, { u: up.id, m: unknown, n: 5 });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/Nobody is recorded as having the handset's number \+441632960002.*handset\.owner/);
    await db.write("MERGE (p:Entity:Person {id: 'per-importtest-owner'}) SET p.name = 'Orla', p.surname = 'Pennistone'");
    const named = unknown.replace('# owner: per-c01', 'owner: per-importtest-owner');
    const job = await importAndWait(up.id, named);
    expect(job.status).toBe('done');
    const [{ basis }] = await db.read("MATCH (:Person {id: 'per-importtest-owner'})-[h:HAS_PHONE]->(:Phone {phoneNo: '+441632960002'}) RETURN h.basis AS basis");
    expect(basis).toBe('handset_download');
  });
});

describe('sightings (Excel)', () => {
  it('reads the sheet, matches vehicles by registration and places by postcode and first line, and rejects the bad date', async () => {
    const up = await uploadOk('sightings.xlsx', fs.readFileSync(path.join(DEMO, 'sightings.xlsx')));
    expect(up).toMatchObject({ fileKind: 'xlsx', sheets: ['Sightings', 'Notes'], rowCount: 25 });
    expect(up.columns).toContain('Registration');
    const { previewImport: p } = await gqlOk(PREVIEW, { u: up.id, m: 'builtin:sightings', n: 30 });
    const vehicle = p.rows[0].entities.find((e: any) => e.kind === 'Vehicle');
    expect(vehicle.match.reason).toMatch(/^same registration ZZ\w+$/);
    expect(p.rows[0].entities.find((e: any) => e.kind === 'Location').match.reason).toMatch(/^same postcode and first line of address/);
    expect(p.rejected).toEqual([{ row: 26, column: 'Date', message: 'not a real date as DD/MM/YYYY: "2010-13-45"', values: expect.arrayContaining(['ZZ00 NEW']) }]);
    const job = await importAndWait(up.id, 'builtin:sightings');
    expect(job).toMatchObject({ status: 'done', rowsDone: 25, rejectedCount: 1, createdEntities: 24 });
    const [{ n }] = await db.read("MATCH (v:Vehicle)-[r:INVOLVED_IN]->(i:Incident {kind: 'sighting'}) WHERE $rid IN r.sources AND $rid IN i.sources AND v.id STARTS WITH 'veh-0' RETURN count(*) AS n", { rid: job.reportId });
    expect(n).toBe(24);
    expect(await provenanceGaps(job.reportId)).toMatchObject({ unsourced: 0, unmentioned: 0 });
  });

  it('says which sheet is missing', async () => {
    const up = await uploadOk('sightings.xlsx', fs.readFileSync(path.join(DEMO, 'sightings.xlsx')));
    const m = fs.readFileSync(path.join(ROOT, 'data/mappings/sightings.yaml'), 'utf8').replace('sheet: Sightings', 'sheet: Sightingz');
    const r = await gql(PREVIEW, { u: up.id, m, n: 5 });
    expect(r.errors?.[0]?.message).toBe('no sheet "Sightingz" in the workbook (sheets: Sightings, Notes)');
  });
});

describe('mapping errors and matching', () => {
  it('reports a bad mapping with the path of each bad field, and a column the file lacks', async () => {
    const up = await uploadOk('people.csv', 'first,last,phone\nAnn,Smith,01632 960007\n');
    const bad = await gql(PREVIEW, { u: up.id, m: 'entities:\n  p:\n    kind: Persn\n    properties: { name: first }\n', n: 5 });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.errors?.[0]?.message).toContain('entities.p.kind: unknown kind "Persn"');
    const missing = await gql(PREVIEW, { u: up.id, m: 'entities:\n  p:\n    kind: Person\n    properties: { name: forename }\n', n: 5 });
    expect(missing.errors?.[0]?.message).toContain('entities.p.properties.name: no column "forename" in the file (its columns: first, last, phone)');
    const saved = await gql('mutation ($t: String!) { saveImportMapping(name: "broken", text: $t) { id } }', { t: 'entities: {}' });
    expect(saved.errors?.[0]?.message).toContain('entities: name at least one entity');
  });

  it('never matches a person on a name: two persons of one name stay two, and a strong key says why it matched', async () => {
    const [{ name, surname }] = await db.read("MATCH (p:Person {id: 'per-s001'}) RETURN p.name AS name, p.surname AS surname");
    // A person known by NHS number (made here, so that the demo persons stay as they are).
    const nhs = '943 476 5919';
    await db.write("MERGE (p:Entity:Person {id: 'per-importtest-nhs'}) SET p.name = 'Wilbur', p.surname = 'Threlkeld', p.nhs_no = $nhs", { nhs });
    const csv = `first,last,nhs,phone\n${name},${surname},,01632 960003\n${name},${surname},,01632 960004\nSomeone,Else,${nhs},\n`;
    const mapping = `name: People
entities:
  person:
    kind: Person
    properties: { name: first, surname: last, nhs_no: nhs }
  phone:
    kind: Phone
    optional: true
    properties: { phoneNo: { column: phone, format: phone } }
links:
  - { type: HAS_PHONE, from: person, to: phone }
`;
    const up = await uploadOk('namesakes.csv', csv);
    const { previewImport: p } = await gqlOk(PREVIEW, { u: up.id, m: mapping, n: 10 });
    const people = p.rows.map((r: any) => r.entities.find((e: any) => e.kind === 'Person'));
    expect(people[0].match).toBeNull();
    expect(people[1].match).toBeNull();
    expect(people[0].key).not.toBe(people[1].key);
    expect(people[2].match).toMatchObject({ entity: { id: 'per-importtest-nhs' }, reason: `same NHS number ${nhs}` });
    const job = await importAndWait(up.id, mapping, { ...SOURCE, receivedOn: '2010-11-03' });
    expect(job).toMatchObject({ status: 'done', matched: 1 });
    const namesakes = await db.read('MATCH (p:Person {name: $name, surname: $surname}) RETURN p.id AS id', { name, surname });
    expect(namesakes.map((r) => r.id)).toContain('per-s001');
    expect(namesakes.filter((r) => String(r.id).startsWith('per-imp-'))).toHaveLength(2); // two new records, never per-s001
    const [{ srcs }] = await db.read("MATCH (p:Person {id: 'per-importtest-nhs'}) RETURN p.sources AS srcs");
    expect(srcs).toContain(job.reportId);
  });
});

describe('access', () => {
  it('withholds a handling C import from users of other agencies: held items, no match, no call pattern', async () => {
    const csv = 'caller,called,start,duration,cell\n01632 960005,01632 960006,01/06/2010 21:00:00,30,X\n01632 960006,01632 960005,02/06/2010 22:30:00,40,X\n';
    const up = await uploadOk('partner-calls.csv', csv);
    const job = await importAndWait(up.id, 'builtin:call-records', { ...SOURCE, sourceType: 'partner', handling: 'C', conditions: 'Not to be shared outside the Youth Service', ownerAgency: 'Youth Service', receivedOn: '2010-06-03' });
    expect(job.status).toBe('done');
    const [{ a, b }] = await db.read("MATCH (a:Phone {phoneNo: '+441632960005'}), (b:Phone {phoneNo: '+441632960006'}) RETURN a.id AS a, b.id AS b");
    // The analyst (Police) sees only what the Youth Service holds, not what it says.
    const { entity } = await gqlOk('query ($id: ID!) { entity(id: $id) { id kind label } }', { id: a });
    expect(entity).toMatchObject({ kind: 'HeldItem', label: '1 item held by Youth Service, 2010-06-03' });
    const { entity: rep } = await gqlOk('query ($id: ID!) { entity(id: $id) { kind label properties } }', { id: job.reportId });
    expect(rep.label).toBe('1 item held by Youth Service, 2010-06-03');
    expect(JSON.stringify(rep)).not.toContain('partner-calls');
    expect((await gqlOk('query ($a: ID!, $b: ID!) { callPattern(a: $a, b: $b) { calls } }', { a, b })).callPattern).toBeNull();
    // A Police file with the same number does not match the withheld phone.
    const mine = await uploadOk('police-calls.csv', 'caller,called,start,duration,cell\n01632 960005,07700 900535,03/06/2010 20:00:00,10,X\n');
    const { previewImport: p } = await gqlOk(PREVIEW, { u: mine.id, m: 'builtin:call-records', n: 5 });
    const held = p.rows[0].entities.find((e: any) => e.properties?.phoneNo === '+441632960005');
    expect(held.match).toBeNull();
    expect(JSON.stringify(p)).not.toContain(a);
  });

  it('licensing (and safeguarding, admin) cannot use the import operations, the upload or the progress feed', async () => {
    for (const role of ['licensing', 'safeguarding', 'admin'] as Role[]) {
      const up = await upload('x.csv', 'a,b\n1,2\n', role);
      expect(up.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      for (const q of ['{ importMappings { id } }', '{ importJob(id: "x") { id } }', '{ previewImport(uploadId: "x", mapping: "builtin:call-records") { entityCount } }', '{ callPattern(a: "ph-0001", b: "ph-0002") { calls } }']) {
        expect((await gql(q, {}, role)).errors?.[0]?.extensions?.code, `${role}: ${q}`).toBe('FORBIDDEN');
      }
      const s = await openEventStream(inject('stack').url, await tokenFor(role), 'subscription { importProgress(jobId: "x") { id } }');
      for (let i = 0; i < 40 && !s.payloads.length && !s.ended(); i++) await new Promise((r) => setTimeout(r, 100));
      await s.close();
      expect(JSON.stringify(s.payloads), role).toContain('FORBIDDEN');
    }
  });

  it("follows an import's progress over server-sent events, to done; another user's upload is unknown", async () => {
    const up = await uploadOk('progress.csv', 'caller,called,start,duration,cell\n07700 900535,07700 900604,05/06/2010 20:00:00,10,X\n');
    const { startImport } = await gqlOk('mutation ($u: ID!, $s: ImportSourceInput!) { startImport(uploadId: $u, mapping: "builtin:call-records", source: $s) { id } }', { u: up.id, s: { ...SOURCE, receivedOn: '2010-06-06' } });
    const s = await openEventStream(inject('stack').url, await tokenFor('analyst'), `subscription { importProgress(jobId: "${startImport.id}") { id status rowsDone rejectedCount } }`);
    for (let i = 0; i < 100 && !s.ended(); i++) await new Promise((r) => setTimeout(r, 100));
    await s.close();
    const states = s.payloads.map((p) => p.data?.importProgress?.status).filter(Boolean);
    expect(states[states.length - 1]).toBe('done');
    expect(s.payloads.at(-1).data.importProgress.rowsDone).toBe(1);
    // Safeguarding cannot reach the analyst's upload at all (refused before any lookup).
    expect((await gql(PREVIEW, { u: up.id, m: 'builtin:call-records', n: 5 }, 'safeguarding')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a file that is no CSV, Excel or vCard, and lists the built-in mappings', async () => {
    const r = await upload('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const { importMappings } = await gqlOk('{ importMappings { id name builtIn text } }');
    expect(importMappings.filter((m: any) => m.builtIn).map((m: any) => m.id)).toEqual(['builtin:call-records', 'builtin:handset-contacts', 'builtin:sightings']);
  });
});
