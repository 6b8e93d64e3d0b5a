/**
 * The column mapping without a database: parsing and validation (errors with the path of the bad
 * field), cell formats (dates, phone numbers with a default region, registrations, durations), rows
 * through a mapping (keys, rejected rows with row and column), vCard 2.1/3.0/4.0, and the built-in
 * mappings against the demo intake files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datePattern, FormatError, readCell, readDate, readDuration, readPhone, readReg } from '../../server/modules/imports/formats.js';
import { mappingHash, MappingError, parseMapping } from '../../server/modules/imports/mapping.js';
import { compileMapping } from '../../server/modules/imports/rows.js';
import { readVCards } from '../../server/modules/imports/vcard.js';
import { openRows } from '../../server/modules/imports/readers.js';
import { newEntityId } from '../../server/modules/imports/matching.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const builtIn = (name: string) => fs.readFileSync(path.join(ROOT, 'data/mappings', name), 'utf8');
const problems = (text: string) => {
  try {
    parseMapping(text);
  } catch (e) {
    if (e instanceof MappingError) return e.problems;
    throw e;
  }
  return [];
};

describe('mapping parser and validator', () => {
  it('reads YAML and JSON alike, with defaults', () => {
    const yaml = parseMapping('entities:\n  p:\n    kind: Phone\n    properties:\n      phoneNo: { column: number, format: phone }\n');
    const json = parseMapping(JSON.stringify({ entities: { p: { kind: 'Phone', properties: { phoneNo: { column: 'number', format: 'phone' } } } } }));
    expect(json).toEqual(yaml);
    expect(yaml.headerRow).toBe(1);
    expect(yaml.phoneRegion).toBe('GB');
    expect(yaml.links).toEqual([]);
    expect(mappingHash(yaml)).toBe(mappingHash(json));
  });

  it('names the path of every bad field', () => {
    const p = problems(`
entities:
  caller:
    kind: Fone
    properties:
      phoneNo: { column: caller, format: phnoe }
  call:
    kind: PhoneCall
    properties:
      id: callId
      start: { column: start, value: x }
links:
  - type: RANG
    from: call
    to: nobody
`);
    expect(p).toContain('entities.caller.kind: unknown kind "Fone" (the kinds: Officer, Person, Crime, Incident, Phone, Email, Vehicle, Location, PhoneCall, Object, PostCode, Area, Operator, Licence, Notice, Meeting, Operation)');
    expect(p.some((x) => x.startsWith('entities.caller.properties.phoneNo.format: unknown format "phnoe"'))).toBe(true);
    expect(p).toContain('entities.call.properties.id: id is set by the service, not by a mapping');
    expect(p.some((x) => x.startsWith('entities.call.properties.start') && x.includes('give either a column or a value'))).toBe(true);
    expect(p).toContain('links.0.type: unknown link type "RANG"');
    expect(p.some((x) => x.startsWith('links.0.to: no entity "nobody"'))).toBe(true);
  });

  it('says where YAML itself is broken, and refuses what is not a mapping', () => {
    expect(problems('entities: [\n')[0]).toMatch(/^line \d+:/);
    expect(problems('just words')).toEqual(['the mapping must be an object with entities (and links)']);
    expect(problems('entities: {}')).toEqual(['entities: name at least one entity']);
    expect(problems('entities:\n  x:\n    kind: Report\n')[0]).toContain('entities.x.kind');
    expect(problems('entities:\n  x:\n    kind: Person\n    colour: red\n')[0]).toMatch(/^entities\.x: Unrecognized key/);
  });

  it('needs handset.number for $owner and $handset', () => {
    const p = problems('entities:\n  c:\n    kind: Phone\n    properties: { phoneNo: { column: n, format: phone } }\nlinks:\n  - { type: HAS_CONTACT, from: $owner, to: c }\n');
    expect(p).toEqual(["links.0.from: $owner needs handset.number (the handset's own number)"]);
  });

  it('validates every built-in mapping', () => {
    for (const f of fs.readdirSync(path.join(ROOT, 'data/mappings'))) expect(problems(builtIn(f)), f).toEqual([]);
  });
});

describe('cell formats', () => {
  it('reads dates by pattern, and ISO dates whatever the pattern', () => {
    const dmy = datePattern('DD/MM/YYYY')!;
    expect(readDate('04/03/2010', dmy)).toEqual({ date: '2010-03-04', time: null });
    expect(readDate('2010-03-04T21:15:00', dmy)).toEqual({ date: '2010-03-04', time: '21:15:00' });
    const full = datePattern('YYYY-MM-DD HH:mm:ss')!;
    expect(readDate('2010-03-04 21:15:07', full)).toEqual({ date: '2010-03-04', time: '21:15:07' });
    expect(readCell('4 Mar 2010', 'D MMM YYYY', { region: 'GB' })).toBe('2010-03-04');
    expect(readCell('04/03/2010 21:15:07', 'DD/MM/YYYY HH:mm:ss', { region: 'GB' })).toBe('2010-03-04T21:15:07');
    expect(readCell('04/03/2010 21:15:07', 'DD/MM/YYYY HH:mm:ss', { region: 'GB', part: 'date' })).toBe('2010-03-04');
    expect(readCell('04/03/2010 21:15:07', 'DD/MM/YYYY HH:mm:ss', { region: 'GB', part: 'time' })).toBe('21:15:07');
    expect(readCell('04/03/10', 'DD/MM/YY', { region: 'GB' })).toBe('2010-03-04');
  });

  it('rejects dates that do not exist or do not fit, saying so', () => {
    const dmy = datePattern('DD/MM/YYYY')!;
    expect(() => readDate('31/02/2010', dmy)).toThrow('not a real date as DD/MM/YYYY: "31/02/2010"');
    expect(() => readDate('2010/02/03', dmy)).toThrow(FormatError);
    expect(() => readDate('yesterday', dmy)).toThrow('not a date as DD/MM/YYYY: "yesterday"');
    expect(() => readCell('04/03/2010 25:00:00', 'DD/MM/YYYY HH:mm:ss', { region: 'GB' })).toThrow('not a real time');
    expect(datePattern('text')).toBeNull();
  });

  it('normalises phone numbers to E.164 with the default region, keeps raw, and refuses what is no number', () => {
    expect(readPhone('07700 900123', 'GB')).toEqual({ phoneNo: '+447700900123', raw: '07700 900123' });
    expect(readPhone('(07700) 900-123', 'GB').phoneNo).toBe('+447700900123');
    expect(readPhone('+44 7700 900123', 'US').phoneNo).toBe('+447700900123');
    expect(readPhone('0044 7700 900123', 'GB').phoneNo).toBe('+447700900123');
    expect(readPhone('01632 960987', 'GB').phoneNo).toBe('+441632960987');
    // Another default region reads a national number as that country's.
    expect(readPhone('(202) 555-0143', 'US').phoneNo).toBe('+12025550143');
    expect(() => readPhone('withheld', 'GB')).toThrow('not a phone number: "withheld"');
    expect(() => readPhone('123', 'GB')).toThrow(FormatError);
    // Digits that parse as no possible number are kept cleaned (DESIGN.md §4).
    expect(readPhone('1234-567-8901', 'GB').phoneNo).toBe('12345678901');
  });

  it('upper-cases registrations without spaces, reads durations and other formats', () => {
    expect(readReg('zz09 qmx')).toBe('ZZ09QMX');
    expect(readReg('ZZ-09-QMX')).toBe('ZZ09QMX');
    expect(() => readReg('!!')).toThrow('not a registration');
    expect(readDuration('754')).toBe(754);
    expect(readDuration('12:34')).toBe(754);
    expect(readDuration('1:02:03')).toBe(3723);
    expect(() => readDuration('long')).toThrow(FormatError);
    expect(readCell('Yes', 'bool', { region: 'GB' })).toBe(true);
    expect(readCell('1,234', 'int', { region: 'GB' })).toBe(1234);
    expect(readCell('s601aa', 'postcode', { region: 'GB' })).toBe('S60 1AA');
    expect(readCell('A@Example.org ', 'email', { region: 'GB' })).toBe('a@example.org');
    expect(readCell('Kas; Kassy', 'list', { region: 'GB' })).toEqual(['Kas', 'Kassy']);
  });
});

describe('rows through a mapping', () => {
  const cdr = parseMapping(builtIn('call-records.yaml'));
  const columns = ['caller', 'called', 'start', 'duration', 'cell'];

  it('makes two phones, a call and its links; the same number in any format is the same phone', () => {
    const m = compileMapping(cdr, columns);
    const a = m.mapRow({ row: 2, cells: ['07700 900123', '+447700900456', '04/03/2010 21:15:00', '1:05', 'ROT-1'] });
    const b = m.mapRow({ row: 3, cells: ['+44 7700 900123', '07700900456', '04/03/2010 21:15:00', '65', 'ROT-1'] });
    if ('rejected' in a || 'rejected' in b) throw new Error('rejected');
    expect(a.entities.map((e) => [e.name, e.kind, e.key])).toEqual([
      ['caller', 'Phone', 'Phone:phoneNo:+447700900123'],
      ['called', 'Phone', 'Phone:phoneNo:+447700900456'],
      ['call', 'PhoneCall', expect.stringContaining('PhoneCall:global:')],
    ]);
    expect(a.entities[0]!.props).toEqual({ phoneNo: '+447700900123', raw: '07700 900123' });
    expect(a.entities[2]!.props).toMatchObject({ call_date: '2010-03-04', call_time: '21:15:00', from: '2010-03-04', call_duration: 65, cell_site: 'ROT-1' });
    expect(a.links.map((l) => l.type)).toEqual(['CALLER', 'CALLED']);
    // The same call written differently is the same call (its key is read through the formats).
    expect(b.entities.map((e) => e.key)).toEqual(a.entities.map((e) => e.key));
    expect(newEntityId('PhoneCall', a.entities[2]!.key, 'global', 'rep-1')).toBe(newEntityId('PhoneCall', b.entities[2]!.key, 'global', 'rep-2'));
  });

  it('rejects a row with its number and the column at fault', () => {
    const m = compileMapping(cdr, columns);
    expect(m.mapRow({ row: 7, cells: ['withheld', '07700 900456', '04/03/2010 21:15:00', '60', 'X'] })).toEqual({
      row: 7,
      rejected: { row: 7, column: 'caller', message: 'not a phone number: "withheld"', values: ['withheld', '07700 900456', '04/03/2010 21:15:00', '60', 'X'] },
    });
    const bad = m.mapRow({ row: 8, cells: ['07700 900123', '07700 900456', '31/02/2010 21:15:00', '60', 'X'] });
    expect('rejected' in bad && bad.rejected.column).toBe('start');
    const missing = m.mapRow({ row: 9, cells: ['', '07700 900456', '04/03/2010 21:15:00', '60', 'X'] });
    expect('rejected' in missing && missing.rejected).toMatchObject({ column: 'caller', message: 'missing identifying column caller (for caller)' });
  });

  it('says which columns the file lacks, and compares names without case and spaces', () => {
    expect(() => compileMapping(cdr, ['caller', 'called'])).toThrow(/entities\.call\.key: no column "start" in the file/);
    expect(() => compileMapping(cdr, [' Caller ', 'CALLED', 'Start', 'Duration', 'Cell'])).not.toThrow();
  });

  it('never identifies a person by a name: without a key each row is its own person', () => {
    const m = compileMapping(parseMapping('entities:\n  p:\n    kind: Person\n    properties: { name: first, surname: last }\n'), ['first', 'last']);
    const a = m.mapRow({ row: 2, cells: ['Ann', 'Smith'] });
    const b = m.mapRow({ row: 3, cells: ['Ann', 'Smith'] });
    if ('rejected' in a || 'rejected' in b) throw new Error('rejected');
    expect(a.entities[0]!.key).not.toBe(b.entities[0]!.key);
    expect(a.entities[0]!.strong).toBeNull();
    const withNhs = compileMapping(parseMapping('entities:\n  p:\n    kind: Person\n    properties: { name: first, nhs_no: nhs }\n'), ['first', 'nhs']).mapRow({ row: 2, cells: ['Ann', '943 476 5919'] });
    expect('entities' in withNhs && withNhs.entities[0]!.strong).toEqual({ by: 'nhs_no', value: '943 476 5919' });
    // Without its NHS number the person is not matched, and not rejected either: a new record.
    const noNhs = compileMapping(parseMapping('entities:\n  p:\n    kind: Person\n    properties: { name: first, nhs_no: nhs }\n'), ['first', 'nhs']).mapRow({ row: 3, cells: ['Ann', ''] });
    expect('entities' in noNhs && noNhs.entities[0]).toMatchObject({ key: 'Person:p:row:3', strong: null, props: { name: 'Ann' } });
  });

  it('skips an optional entity without its identifying value, and its links', () => {
    const m = compileMapping(parseMapping(builtIn('sightings.yaml')), ['Date', 'Time', 'Registration', 'Colour', 'Make', 'Address', 'Postcode', 'What was seen', 'Reported by']);
    const r = m.mapRow({ row: 5, cells: ['04/03/2010', '21:00', '', '', '', '53 Canal Side', 'S60 8DC', 'seen', 'warden'] });
    if ('rejected' in r) throw new Error(r.rejected.message);
    expect(r.entities.map((e) => e.kind)).toEqual(['Incident', 'Location']);
    expect(r.links.map((l) => l.type)).toEqual(['OCCURRED_AT']);
    expect(r.entities[1]!.strong).toEqual({ by: 'postcode+address', value: 'S60 8DC|53 canal side' });
  });
});

describe('vCard', () => {
  it('reads 2.1 (bare parameters, quoted-printable), 3.0 and 4.0: one row per number', () => {
    const file = [
      'BEGIN:VCARD', 'VERSION:2.1', 'N:;Kas;;;', 'FN:Kas', 'TEL;CELL;PREF:07700 900123', 'TEL;HOME:01632 960111', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:2.1', 'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Mo =C3=A9=', 'x', 'TEL;CELL:+447700900456', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Big\\, Man', 'TEL;TYPE=CELL:07700 900999', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Taz', 'TEL;TYPE=cell;VALUE=uri:tel:+44-7700-900777', 'END:VCARD',
    ].join('\r\n');
    expect(readVCards(file).map((r) => [r.row, r.cells[0], r.cells[1], r.cells[2]])).toEqual([
      [1, 'Kas', '07700 900123', 'cell,pref'],
      [1, 'Kas', '01632 960111', 'home'],
      [2, 'Mo éx', '+447700900456', 'cell'],
      [3, 'Big, Man', '07700 900999', 'cell'],
      [4, 'Taz', '+44-7700-900777', 'cell'],
    ]);
  });

  it('reads the demo handset download, and its CSV twin says the same', async () => {
    const vcf = await openRows(path.join(ROOT, 'data/demo-intake/handset-per-c03.vcf'), 'vcf');
    const csv = await openRows(path.join(ROOT, 'data/demo-intake/handset-per-c03.csv'), 'csv');
    const rows = async (o: typeof vcf) => {
      const out: string[][] = [];
      for await (const c of o.rows) for (const r of c) out.push([r.cells[o.columns.indexOf('name')]!, readPhone(r.cells[o.columns.indexOf('number')]!, 'GB').phoneNo]);
      return out;
    };
    const fromVcf = await rows(vcf);
    expect(fromVcf.length).toBe(9);
    expect(fromVcf).toEqual(await rows(csv));
  });
});
