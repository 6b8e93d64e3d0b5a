/** The mapping form's model and its YAML (web/src/import/mappingModel.ts), and the import screen's address. */
import { describe, expect, it } from 'vitest';
import { checkModel, guessColumn, modelFromYaml, suggestModel, yamlFromModel, type MappingModel } from '../../web/src/import/mappingModel';
import { parseAppPath, pathFor } from '../../web/src/routing/paths';

const calls: MappingModel = {
  entities: [
    { key: 'caller', kind: 'Phone', identify: ['phoneNo'], properties: [{ name: 'phoneNo', column: 'Calling number', format: 'phone' }] },
    { key: 'called', kind: 'Phone', identify: ['phoneNo'], properties: [{ name: 'phoneNo', column: 'Called number', format: 'phone' }] },
  ],
  links: [{ type: 'CONTACTED', from: 'caller', to: 'called', properties: [{ name: 'date', column: 'Start', format: 'datetime' }] }],
};

describe('mapping model and YAML', () => {
  it('round-trips the form through its YAML', () => {
    const text = yamlFromModel(calls, 'name: Calls\n');
    expect(text).toMatch(/^name: Calls\n/);
    const back = modelFromYaml(text);
    expect(back).toEqual({ model: calls });
  });

  it('keeps the text’s other keys when the form writes', () => {
    const text = yamlFromModel(calls, 'name: Calls\nsheet: Sheet2\noptions:\n  phoneRegion: GB\n');
    expect(text).toContain('sheet: Sheet2');
    expect(text).toContain('phoneRegion: GB');
  });

  it('reads a property written as just its column', () => {
    const m = modelFromYaml('entities:\n  p:\n    kind: Person\n    properties:\n      name: Full name\n');
    expect(m).toEqual({ model: { entities: [{ key: 'p', kind: 'Person', identify: [], properties: [{ name: 'name', column: 'Full name', format: '' }] }], links: [] } });
  });

  it('says why it cannot show a mapping written otherwise', () => {
    expect(modelFromYaml('entities: [1, 2]')).toHaveProperty('unsupported');
    expect(modelFromYaml('links: {a: 1}')).toHaveProperty('unsupported');
    expect(modelFromYaml('entities:\n  a: [x\n')).toHaveProperty('unsupported');
    expect(modelFromYaml('   ')).toEqual({ model: { entities: [], links: [] } });
  });

  it('suggests entities from the columns’ names, nothing for the rest', () => {
    expect(guessColumn('Calling number')).toMatchObject({ kind: 'Phone', property: 'phoneNo' });
    expect(guessColumn('Duration')).toBeNull();
    expect(guessColumn('VRM')).toMatchObject({ kind: 'Vehicle', property: 'reg' });
    const m = suggestModel(['Calling number', 'Called number', 'Start', 'Duration', 'Cell ID']);
    expect(m.entities.map((e) => [e.key, e.kind, e.properties[0]!.column])).toEqual([
      ['calling_number', 'Phone', 'Calling number'],
      ['called_number', 'Phone', 'Called number'],
    ]);
    expect(m.links).toEqual([]);
  });

  it('lists what is incomplete, by path', () => {
    const broken: MappingModel = {
      entities: [
        { key: 'a', kind: '', identify: [], properties: [{ name: 'phoneNo', column: 'Nope', format: '' }] },
        { key: 'a', kind: 'Phone', identify: [], properties: [] },
      ],
      links: [{ type: '', from: 'a', to: 'a', properties: [] }],
    };
    const paths = checkModel(broken, ['Calling number']).map((p) => p.path);
    expect(paths).toEqual(['entities.a.kind', 'entities.a.properties', 'entities.a', 'entities.a.properties', 'links.0.type', 'links.0.to']);
    expect(checkModel(calls, ['Calling number', 'Called number', 'Start'])).toEqual([]);
  });
});

describe('the import screen’s address', () => {
  it('is /import, and nothing under it', () => {
    expect(parseAppPath('/import')).toEqual({ page: 'import' });
    expect(pathFor({ page: 'import' })).toBe('/import');
    expect(parseAppPath('/import/x')).toBeNull();
  });
});
