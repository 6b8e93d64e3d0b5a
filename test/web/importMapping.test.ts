/** The mapping form's model and its YAML (web/src/import/mappingModel.ts), the server's mapping errors placed, and the import screen's address. */
import { describe, expect, it } from 'vitest';
import { serverProblems } from '../../web/src/import/errors';
import { checkModel, guessColumn, matchedOn, modelFromYaml, suggestModel, yamlFromModel, type FormProperty, type MappingModel } from '../../web/src/import/mappingModel';
import { parseAppPath, pathFor } from '../../web/src/routing/paths';

const prop = (name: string, column: string, format = '', extra: Record<string, unknown> = {}): FormProperty => ({ name, column, format, extra });

const calls: MappingModel = {
  entities: [
    { key: 'caller', kind: 'Phone', keyColumns: [], optional: false, properties: [prop('phoneNo', 'Calling number', 'phone')], extra: {} },
    { key: 'called', kind: 'Phone', keyColumns: [], optional: false, properties: [prop('phoneNo', 'Called number', 'phone')], extra: {} },
    { key: 'call', kind: 'PhoneCall', keyColumns: ['Calling number', 'Called number', 'Start'], optional: false, properties: [prop('call_date', 'Start', 'DD/MM/YYYY HH:mm:ss', { part: 'date' })], extra: { scope: 'global' } },
  ],
  links: [{ type: 'CALLER', from: 'call', to: 'caller', properties: [prop('from', 'Start', 'DD/MM/YYYY HH:mm:ss', { part: 'date' })] }],
  handset: null,
};

describe('mapping model and YAML', () => {
  it('round-trips the form through its YAML, keeping what the form does not edit', () => {
    const text = yamlFromModel(calls, 'name: Calls\nphoneRegion: GB\n');
    expect(text).toMatch(/^name: Calls\nphoneRegion: GB\n/);
    expect(text).toContain('scope: global');
    expect(text).toContain('part: date');
    expect(modelFromYaml(text)).toEqual({ model: calls });
    // As the built-in mappings are written: a property's spec and the key columns on one line.
    expect(text).toContain('phoneNo: { column: Calling number, format: phone }');
    expect(text).toContain('key: [ Calling number, Called number, Start ]');
  });

  it('reads every built-in mapping (data/mappings) and writes it back to the same mapping', () => {
    const files = import.meta.glob<string>('../../data/mappings/*.yaml', { query: '?raw', import: 'default', eager: true });
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(3);
    for (const [f, text] of Object.entries(files)) {
      const read = modelFromYaml(text);
      expect(read, f).toHaveProperty('model');
      const model = (read as { model: MappingModel }).model;
      expect(model.entities.length, f).toBeGreaterThan(0);
      expect(modelFromYaml(yamlFromModel(model, text)), f).toEqual({ model });
    }
  });

  it('writes a property as its column alone when that is all it is, and keeps a fixed value', () => {
    const m = modelFromYaml('entities:\n  s:\n    kind: Incident\n    properties:\n      kind: { value: sighting }\n      summary: What was seen\n');
    expect(m).toEqual({
      model: { entities: [{ key: 's', kind: 'Incident', keyColumns: [], optional: false, properties: [prop('kind', '', '', { value: 'sighting' }), prop('summary', 'What was seen')], extra: {} }], links: [], handset: null },
    });
    const text = yamlFromModel((m as { model: MappingModel }).model);
    expect(text).toContain('kind: { value: sighting }');
    expect(text).toContain('summary: What was seen');
  });

  it('keeps the handset and offers its owner as a link end', () => {
    const text = 'handset:\n  number: "07700 900000"\nentities:\n  contact:\n    kind: Phone\n    properties:\n      phoneNo: { column: number, format: phone }\nlinks:\n  - type: HAS_CONTACT\n    from: $owner\n    to: contact\n';
    const model = (modelFromYaml(text) as { model: MappingModel }).model;
    expect(model.handset).toEqual({ number: '07700 900000', owner: '' });
    expect(checkModel(model, ['name', 'number'])).toEqual([]);
    expect(checkModel({ ...model, handset: { number: ' ', owner: '' } }, ['name', 'number']).map((p) => p.path)).toEqual(['handset.number']);
    expect(yamlFromModel({ ...model, handset: { number: '07700 900111', owner: 'per-c03' } }, text)).toMatch(/handset:\n {2}number: 07700 900111\n {2}owner: per-c03/);
  });

  it('says why it cannot show a mapping written otherwise', () => {
    expect(modelFromYaml('entities: [1, 2]')).toHaveProperty('unsupported');
    expect(modelFromYaml('links: {a: 1}')).toHaveProperty('unsupported');
    expect(modelFromYaml('entities:\n  a: [x\n')).toHaveProperty('unsupported');
    expect(modelFromYaml('   ')).toEqual({ model: { entities: [], links: [], handset: null } });
  });

  it('suggests entities from the columns’ names, one place for address and postcode, nothing linked', () => {
    expect(guessColumn('Calling number')).toMatchObject({ kind: 'Phone', property: 'phoneNo' });
    expect(guessColumn('Duration')).toBeNull();
    expect(guessColumn('Registration')).toMatchObject({ kind: 'Vehicle', property: 'reg' });
    const m = suggestModel(['caller', 'called', 'start', 'duration', 'cell', 'Address', 'Postcode']);
    expect(m.entities.map((e) => [e.key, e.kind, e.properties.map((p) => p.column).join('+')])).toEqual([
      ['caller', 'Phone', 'caller'],
      ['called', 'Phone', 'called'],
      ['address', 'Location', 'Address+Postcode'],
    ]);
    expect(m.links).toEqual([]);
  });

  it('says what existing entities are matched on, never a name', () => {
    expect(matchedOn('Phone', ['phoneNo'])).toBe('the phone number');
    expect(matchedOn('Location', ['address'])).toBeNull();
    expect(matchedOn('Location', ['address', 'postcode'])).toBe('the postcode and address');
    expect(matchedOn('Person', ['name', 'surname'])).toBeNull();
  });

  it('lists what is incomplete, by path; columns compare without case', () => {
    const broken: MappingModel = {
      entities: [
        { key: 'a', kind: '', keyColumns: [], optional: false, properties: [prop('phoneNo', 'Nope')], extra: {} },
        { key: 'a', kind: 'Phone', keyColumns: ['gone'], optional: false, properties: [], extra: {} },
      ],
      links: [{ type: '', from: 'a', to: 'a', properties: [] }],
      handset: null,
    };
    const paths = checkModel(broken, ['Calling number']).map((p) => p.path);
    expect(paths).toEqual(['entities.a.kind', 'entities.a.properties', 'entities.a', 'entities.a.key', 'links.0.type', 'links.0.to']);
    expect(checkModel(calls, ['calling number ', 'Called number', 'START'])).toEqual([]);
  });
});

describe('the server’s mapping errors, each in its place', () => {
  const text = ['name: Calls', 'entities:', '  caller:', '    kind: Phnoe', '    properties:', '      phoneNo: { column: caller, format: phnoe }', 'links:', '  - type: CALLER', '    from: call', '    to: caller', ''].join('\n');

  it('splits the one message into problems with their fields and lines', () => {
    const p = serverProblems(
      [{ message: 'The mapping is not valid — entities.caller.kind: unknown kind "Phnoe" (the kinds: Officer, Person, Crime, Incident, Phone, Email, Vehicle, Location, PhoneCall, Object, PostCode, Area, Operator, Licence, Notice, Meeting, Operation); entities.caller.properties.phoneNo.format: unknown format "phnoe" (text, int, number); links.0.from: no entity "call" (entities: caller)', extensions: { code: 'BAD_USER_INPUT' } }],
      text,
      'x',
    );
    expect(p).toEqual([
      { path: 'entities.caller.kind', line: 4, message: 'Unknown kind "Phnoe" (the kinds: Officer, Person, Crime, Incident, Phone, Email, Vehicle, Location, PhoneCall, Object, PostCode, Area, Operator, Licence, Notice, Meeting, Operation)' },
      { path: 'entities.caller.properties.phoneNo.format', line: 6, message: 'Unknown format "phnoe" (text, int, number)' },
      { path: 'links.0.from', line: 9, message: 'No entity "call" (entities: caller)' },
    ]);
  });

  it('places a YAML error by its line', () => {
    expect(serverProblems([{ message: 'The mapping is not valid — line 3: bad indentation of a mapping entry' }], text, 'x')).toEqual([{ path: null, line: 3, message: 'Line 3: bad indentation of a mapping entry' }]);
  });
});

describe('the import screen’s address', () => {
  it('is /import, and nothing under it', () => {
    expect(parseAppPath('/import')).toEqual({ page: 'import' });
    expect(pathFor({ page: 'import' })).toBe('/import');
    expect(parseAppPath('/import/x')).toBeNull();
  });
});
