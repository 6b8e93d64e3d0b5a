/**
 * The file import as an attacker tried it (issue 22, found by an adversarial pass), on the run's
 * real Neo4j with the demo data:
 * - a call already imported under another agency's conditions (withheld from the importer) is not
 *   there for them: their import of the same call makes its own record, and takes nothing of the
 *   withheld one;
 * - saved mappings belong to the agency that saved them: another agency neither lists, uses nor
 *   replaces them (a handset mapping holds the handset's number and its owner);
 * - a report's file name and ref are free text: a licensing user never reads them next to a child
 *   (a handset download named after the child it came from);
 * - a mapping cannot take protection away (child, restricted) or set what the service decides.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { GraphQLClient, gql, gqlOk, testDatabase, tokenFor } from '../support/client.js';
import { upsertUser } from '../../server/modules/auth/users.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const db = testDatabase();
afterAll(() => db.close());
const U = randomBytes(3).toString('hex');

async function upload(name: string, body: string, token: string) {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadImportFile(file: $f) { id } }', variables: { f: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.f'] }));
  form.set('0', new Blob([body]), name);
  const res = await fetch(`${inject('stack').url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const r = (await res.json()) as { data?: { uploadImportFile: { id: string } }; errors?: unknown };
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.uploadImportFile.id;
}

const JOB = 'id status createdEntities createdLinks matched rejectedCount reportId importedBefore error';
type Ok = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, any>>;
async function importAndWait(client: { gqlOk: Ok }, uploadId: string, mapping: string, source: Record<string, unknown>) {
  const { startImport } = await client.gqlOk(`mutation ($u: ID!, $m: String!, $s: ImportSourceInput!) { startImport(uploadId: $u, mapping: $m, source: $s) { ${JOB} } }`, { u: uploadId, m: mapping, s: source });
  for (let i = 0; i < 240; i++) {
    const { importJob } = await client.gqlOk(`query ($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id: startImport.id });
    if (importJob.status === 'done' || importJob.status === 'failed') return importJob;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('import did not finish');
}

const police = { gqlOk: (q: string, v: Record<string, unknown> = {}) => gqlOk(q, v, 'analyst') };
const SOURCE = { sourceType: 'police', sourceGrade: 1, intelGrade: 'A', handling: 'P', ownerAgency: 'Police', receivedOn: '2010-11-02' };

describe('a withheld call is not there for the importer', () => {
  it('makes its own record of a call another agency holds under conditions, and takes nothing of it', async () => {
    const n = 100 + Math.floor(Math.random() * 800);
    const row = `01632 960${n},07700 900902,02/05/2010 11:${String(n % 60).padStart(2, '0')}:00,60`;
    // The Youth Service's copy, under conditions: the (Police) analyst may not read it.
    const held = await importAndWait(police, await upload(`held-${U}.csv`, `caller,called,start,duration,cell\n${row},YS-CELL`, await tokenFor('analyst')), 'builtin:call-records', {
      ...SOURCE, sourceType: 'partner', handling: 'C', conditions: 'Youth Service only', ownerAgency: 'Youth Service',
    });
    expect(held.status).toBe('done');
    const [heldCall] = await db.read('MATCH (c:PhoneCall) WHERE $rid IN c.sources RETURN c.id AS id', { rid: held.reportId });

    // The analyst's own copy of the same call, open.
    const own = await importAndWait(police, await upload(`own-${U}.csv`, `caller,called,start,duration,cell\n${row},POLICE-CELL`, await tokenFor('analyst')), 'builtin:call-records', SOURCE);
    expect(own.status).toBe('done');
    const [ownCall] = await db.read('MATCH (c:PhoneCall) WHERE $rid IN c.sources RETURN c.id AS id, c.cell_site AS cell, c.sources AS sources', { rid: own.reportId });
    expect(ownCall!.id).not.toBe(heldCall!.id);
    expect(ownCall!.cell).toBe('POLICE-CELL');
    expect(ownCall!.sources).toEqual([own.reportId]);
    const [withheld] = await db.read('MATCH (c:PhoneCall {id: $id}) RETURN c.sources AS sources, c.cell_site AS cell', { id: heldCall!.id });
    expect(withheld).toEqual({ sources: [held.reportId], cell: 'YS-CELL' });
    // And the analyst reads their call in full.
    const { entity } = await gqlOk('query ($id: ID!) { entity(id: $id) { kind properties } }', { id: ownCall!.id });
    expect(entity.kind).toBe('PhoneCall');
    expect(entity.properties.cell_site).toBe('POLICE-CELL');
  });
});

describe('saved mappings belong to the agency that saved them', () => {
  it('are neither listed to, used by nor replaced by another agency', async () => {
    const password = randomBytes(12).toString('base64url');
    await upsertUser(db, `council-analyst-${U}`, 'analyst', password, 'Council');
    const council = new GraphQLClient(inject('stack').url, { ...inject('stack').users, analyst: { username: `council-analyst-${U}`, password } });
    const text = fs.readFileSync(path.join(ROOT, 'data/mappings/handset-contacts.yaml'), 'utf8').replace('"07700 900000"', '"07700 900727"');
    const name = `Handset of per-c03 ${U}`;
    const { saveImportMapping: saved } = await gqlOk('mutation ($n: String!, $t: String!) { saveImportMapping(name: $n, text: $t) { id name } }', { n: name, t: text });

    const listed = (await council.gqlOk('{ importMappings { id name builtIn } }')).importMappings;
    expect(listed.map((m: any) => m.name)).not.toContain(name);
    expect(listed.filter((m: any) => m.builtIn).length).toBeGreaterThanOrEqual(3);
    // Named by its id, it is not theirs: read as a mapping's text, which it is not.
    const up = await upload(`c-${U}.csv`, 'name,number\nX,07700 900111', await council.tokenFor('analyst'));
    const used = await council.gql('query ($u: ID!, $m: String!) { previewImport(uploadId: $u, mapping: $m) { entityCount } }', { u: up, m: saved.id });
    expect(used.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The same name saved by the council is the council's own, and the police mapping is unchanged.
    const { saveImportMapping: theirs } = await council.gqlOk('mutation ($n: String!, $t: String!) { saveImportMapping(name: $n, text: $t) { id } }', { n: name, t: text.replace('07700 900727', '07700 900111') });
    expect(theirs.id).not.toBe(saved.id);
    const mine = (await gqlOk('{ importMappings { id text } }')).importMappings.find((m: any) => m.id === saved.id);
    expect(mine.text).toContain('07700 900727');
  });
});

describe('a report is free text to licensing', () => {
  it('never shows a handset download named after the child it came from', async () => {
    const vcf = fs.readFileSync(path.join(ROOT, 'data/demo-intake/handset-per-c03.vcf'), 'utf8') + `BEGIN:VCARD\r\nVERSION:2.1\r\nN:;Zed${U};;;\r\nFN:Zed${U}\r\nTEL;CELL:07700 900${String(Math.floor(Math.random() * 900) + 100)}\r\nEND:VCARD\r\n`;
    const mapping = fs.readFileSync(path.join(ROOT, 'data/mappings/handset-contacts.yaml'), 'utf8').replace('"07700 900000"', '"07700 900727"');
    const job = await importAndWait(police, await upload(`handset-per-c03-${U}.vcf`, vcf, await tokenFor('analyst')), mapping, SOURCE);
    expect(job.status).toBe('done');
    const { entity: analystView } = await gqlOk('query ($id: ID!) { entity(id: $id) { label properties } }', { id: job.reportId });
    expect(analystView.properties.fileName).toBe(`handset-per-c03-${U}.vcf`);
    const { entity: licensingView } = await gqlOk('query ($id: ID!) { entity(id: $id) { label properties } }', { id: job.reportId }, 'licensing');
    expect(JSON.stringify(licensingView)).not.toMatch(/per-c03/);
    expect(licensingView.properties.textWithheld).toEqual(expect.arrayContaining(['fileName', 'ref']));
  });
});

describe('a mapping cannot take protection away or set what the service decides', () => {
  it.each([
    ['child from a column', 'child: c', /child can only be set to the fixed value true/],
    ['child false', 'child: { value: false }', /child can only be set to the fixed value true/],
    ['restricted from a column', 'restricted: c', /restricted can only be set/],
    ['a pseudonym', 'pseudonym: c', /pseudonym is set by the service/],
    ['who holds it', 'ownerAgency: c', /ownerAgency is set by the service/],
  ])('refuses %s', async (_, property, message) => {
    const up = await upload(`p-${U}.csv`, 'name,c\nAnna,false', await tokenFor('analyst'));
    const mapping = `entities:\n  p:\n    kind: Person\n    properties:\n      name: name\n      ${property}\n`;
    const r = await gql('query ($u: ID!, $m: String!) { previewImport(uploadId: $u, mapping: $m) { entityCount } }', { u: up, m: mapping });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(message);
  });

  it('takes protection added as the fixed value true', async () => {
    const up = await upload(`p2-${U}.csv`, 'name\nAnna', await tokenFor('analyst'));
    const { previewImport } = await gqlOk('query ($u: ID!, $m: String!) { previewImport(uploadId: $u, mapping: $m) { entityCount } }', { u: up, m: 'entities:\n  p:\n    kind: Person\n    properties:\n      name: name\n      restricted: { value: true }\n' });
    expect(previewImport.entityCount).toBe(1);
  });
});

describe('a file imported again', () => {
  it('says it was imported before, and that the grading given now was not used', async () => {
    const csv = `name,nhs\nOrla Venn${U},${String(Math.floor(Math.random() * 9e9) + 1e9)}`;
    const mapping = 'entities:\n  p:\n    kind: Person\n    properties:\n      name: name\n      nhs_no: nhs\n';
    const first = await importAndWait(police, await upload(`again-${U}.csv`, csv, await tokenFor('analyst')), mapping, SOURCE);
    expect(first).toMatchObject({ status: 'done', importedBefore: false, createdEntities: 1 });
    const again = await importAndWait(police, await upload(`again-${U}.csv`, csv, await tokenFor('analyst')), mapping, { ...SOURCE, intelGrade: 'E' });
    expect(again).toMatchObject({ status: 'done', importedBefore: true, createdEntities: 0, reportId: first.reportId });
    const [report] = await db.read('MATCH (r:Report {id: $id}) RETURN r.intelGrade AS grade', { id: first.reportId });
    expect(report!.grade).toBe('A');
  });
});

describe('dates of a source', () => {
  it('refuses a day that does not exist', async () => {
    const up = await upload(`d-${U}.csv`, 'name\nAnna', await tokenFor('analyst'));
    const r = await gql('mutation ($u: ID!, $m: String!, $s: ImportSourceInput!) { startImport(uploadId: $u, mapping: $m, source: $s) { id } }', {
      u: up, m: 'entities:\n  p:\n    kind: Person\n    properties:\n      name: name\n', s: { ...SOURCE, receivedOn: '2010-02-31' },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/not a real date/);
  });
});
