/** The import screen's pure parts (web/src/import): multipart form, grading, steps, preview words, rejected rows, error places. */
import { describe, expect, it } from 'vitest';
import { dayBars, hourBars, patternSummary } from '../../web/src/import/callPattern';
import { lineOfPath, problemsAt, serverProblems, yamlProblems } from '../../web/src/import/errors';
import { checkSource, defaultSource, gradeText, isRequired, sourceInput } from '../../web/src/import/grading';
import { multipartBody, multipartFields } from '../../web/src/import/multipart';
import type { ImportPreviewRow } from '../../web/src/import/importApi';
import { linkText, matchText, previewSummary, propertiesText } from '../../web/src/import/preview';
import { rejectedCsv, rejectedFileName } from '../../web/src/import/rejected';
import { nextStep, stepStates, type WizardFacts } from '../../web/src/import/steps';

describe('GraphQL multipart request', () => {
  it('nulls the file variable and maps form field 0 to it', () => {
    const { operations, map } = multipartFields('mutation($file: File!) { u(file: $file) { id } }', { file: { not: 'sent' }, keep: 1 }, ['file']);
    expect(JSON.parse(operations)).toEqual({ query: 'mutation($file: File!) { u(file: $file) { id } }', variables: { file: null, keep: 1 } });
    expect(JSON.parse(map)).toEqual({ '0': ['variables.file'] });
  });

  it('places files inside lists and objects', () => {
    const { operations, map } = multipartFields('q', { input: { files: [null, null] } }, ['input.files.0', 'input.files.1']);
    expect(JSON.parse(operations).variables).toEqual({ input: { files: [null, null] } });
    expect(JSON.parse(map)).toEqual({ '0': ['variables.input.files.0'], '1': ['variables.input.files.1'] });
  });

  it('sends operations, map, then the file under its name, in that order', async () => {
    const file = new File(['a,b\n1,2\n'], 'calls.csv', { type: 'text/csv' });
    const form = multipartBody('q', { file: null }, [{ variable: 'file', file }]);
    expect([...form.keys()]).toEqual(['operations', 'map', '0']);
    const sent = form.get('0') as File;
    expect(sent.name).toBe('calls.csv');
    expect(await sent.text()).toBe('a,b\n1,2\n');
  });
});

describe('source grading', () => {
  const today = '2026-12-02';

  it('defaults from the session’s agency and today, graded 2/B/P', () => {
    const f = defaultSource('Police', today, 'calls.csv');
    expect(f).toMatchObject({ ownerAgency: 'Police', receivedOn: today, sourceType: 'police', handling: 'P', summary: 'Imported from calls.csv' });
    expect(gradeText(f)).toBe('2/B/P');
    expect(checkSource(f, today)).toEqual({});
    expect(defaultSource('Licensing', today).sourceType).toBe('licensing');
    expect(defaultSource("Children's Social Care", today).sourceType).toBe('partner');
    expect(defaultSource(null, today).ownerAgency).toBe('');
  });

  it('says what is missing or wrong, field by field', () => {
    const f = { ...defaultSource(null, today), handling: 'C', receivedOn: '2027-01-01' };
    const e = checkSource(f, today);
    expect(Object.keys(e).sort()).toEqual(['conditions', 'ownerAgency', 'receivedOn']);
    expect(e.receivedOn).toMatch(/future/);
    expect(checkSource({ ...defaultSource('Police', today), receivedOn: '2026-02-30' }, today).receivedOn).toMatch(/YYYY-MM-DD/);
    expect(checkSource({ ...defaultSource('Police', today), intelGrade: 'F' }, today).intelGrade).toMatch(/A to E/);
    expect(isRequired('conditions', { handling: 'C' })).toBe(true);
    expect(isRequired('conditions', { handling: 'P' })).toBe(false);
    expect(isRequired('ref', { handling: 'P' })).toBe(false);
  });

  it('sends trimmed text and leaves blank optional fields out (conditions only with C)', () => {
    const input = sourceInput({ ...defaultSource(' Police ', today), ref: ' ', conditions: 'not for P', summary: '  ' });
    expect(input).toEqual({ sourceType: 'police', sourceGrade: 2, intelGrade: 'B', handling: 'P', ownerAgency: 'Police', receivedOn: today });
    expect(sourceInput({ ...defaultSource('Police', today), handling: 'C', conditions: ' CSC only ' }).conditions).toBe('CSC only');
  });
});

describe('steps', () => {
  const none: WizardFacts = { uploaded: false, uploading: false, hasMapping: false, previewed: false, mappingError: false, sourceProblems: 0, importing: false, imported: false };
  const reasons = (f: WizardFacts) => Object.fromEntries(stepStates(f).map((s) => [s.id, s.reason]));

  it('opens each step only when the one before it is done, and says why not', () => {
    expect(reasons(none)).toMatchObject({ file: null, mapping: 'Choose a file first.', import: 'Choose a file first.' });
    const uploaded = { ...none, uploaded: true };
    expect(reasons(uploaded)).toMatchObject({ mapping: null, preview: 'Choose, build or write a mapping first.', source: expect.stringMatching(/preview first/) });
    expect(reasons({ ...uploaded, hasMapping: true, mappingError: true }).preview).toMatch(/has errors/);
    const previewed = { ...uploaded, hasMapping: true, previewed: true, sourceProblems: 2 };
    expect(reasons(previewed)).toMatchObject({ source: null, import: 'Grade the source first: 2 fields need an answer.' });
    expect(reasons({ ...previewed, sourceProblems: 0 }).import).toBeNull();
    // The source step is ticked only once the analyst has seen it (its defaults are not an answer).
    const done = (f: WizardFacts) => stepStates(f).find((s) => s.id === 'source')!.done;
    expect(done({ ...previewed, sourceProblems: 0, sourceSeen: false })).toBe(false);
    expect(done({ ...previewed, sourceProblems: 0, sourceSeen: true })).toBe(true);
  });

  it('holds everything but the import while one runs', () => {
    const s = stepStates({ ...none, uploaded: true, hasMapping: true, previewed: true, importing: true });
    expect(s.filter((x) => x.enabled).map((x) => x.id)).toEqual(['import']);
    expect(s[0]!.reason).toMatch(/running/);
    expect(nextStep('file')).toBe('mapping');
    expect(nextStep('import')).toBeNull();
  });
});

describe('preview in words', () => {
  const row: ImportPreviewRow = {
    row: 2,
    entities: [
      { key: 'caller', kind: 'Phone', label: '07700 900123', properties: { phoneNo: '+447700900123', raw: '07700 900123' }, match: { key: 'caller', reason: 'same phone number +447700900123', entity: { id: 'ph-1', kind: 'Phone', label: '07700 900123', labels: ['Phone'], properties: {}, sources: [] } } },
      { key: 'called', kind: 'Phone', label: '07700 900456', properties: { phoneNo: '+447700900456' }, match: null },
    ],
    links: [{ type: 'CONTACTED', from: 'caller', to: 'called', properties: { calls: 1 } }],
  };

  it('says what is new and what matches, with the reason', () => {
    expect(matchText(row.entities[0]!)).toBe('Matches existing Phone “07700 900123” (ph-1): same phone number +447700900123');
    expect(matchText(row.entities[1]!)).toBe('New');
  });

  it('writes links by their ends’ labels, and properties in a line', () => {
    expect(linkText(row.links[0]!, row)).toBe('07700 900123 —CONTACTED→ 07700 900456 (calls 1)');
    expect(propertiesText({ phoneNo: '+44', raw: '', list: ['a', 'b'], n: null }, ['phoneNo'])).toBe('list a, b');
    expect(previewSummary({ rows: [row], entityCount: 2, linkCount: 1, matchedCount: 1, rejected: [{}] })).toBe(
      '1 row previewed: 2 entities (1 matches an existing one), 1 link, 1 row rejected.',
    );
  });
});

describe('rejected rows', () => {
  it('become a CSV with row, column, why and the values, formulas neutralised', () => {
    const csv = rejectedCsv([
      { row: 4, column: 'called', message: 'not a phone number', values: ['07700 900123', '=HYPERLINK("x")'] },
      { row: 9, column: null, message: 'too few columns', values: null },
    ]);
    expect(csv.split('\r\n')).toEqual([
      '"row","column","message","value 1","value 2"',
      `"4","called","not a phone number","07700 900123","'=HYPERLINK(""x"")"`,
      '"9","","too few columns","",""',
      '',
    ]);
    expect(rejectedFileName('Call records (May).xlsx')).toBe('Call_records_May_-rejected.csv');
  });
});

describe('where a mapping error is', () => {
  const text = ['name: Calls', 'entities:', '  - key: caller', '    kind: Phnoe', '    columns: [caller]', 'links: []', ''].join('\n');

  it('finds the line of a path, and of a missing key’s parent', () => {
    expect(lineOfPath(text, 'entities.0.kind')).toBe(4);
    expect(lineOfPath(text, 'entities.0')).toBe(3);
    expect(lineOfPath(text, 'entities.0.nothing')).toBe(3);
    expect(lineOfPath(text, 'links')).toBe(6);
  });

  it('places server errors by extensions, by words, or by path', () => {
    const p = serverProblems(
      [
        { message: 'Unknown kind Phnoe', extensions: { code: 'BAD_USER_INPUT', path: ['entities', 0, 'kind'] } },
        { message: 'Bad value at line 5' },
        { message: 'entities[0].columns: no column "x"' },
        { message: 'Something else', extensions: { line: 6 } },
      ],
      text,
      'fallback',
    );
    expect(p.map((x) => [x.line, x.path])).toEqual([
      [4, 'entities.0.kind'],
      [5, null],
      [5, 'entities.0.columns'],
      [6, null],
    ]);
    expect(problemsAt(p, 'entities.0').length).toBe(2);
    expect(serverProblems([], text, 'The server refused it.')).toEqual([{ message: 'The server refused it.', line: null, path: null }]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(yamlProblems(text)).toEqual([]);
    const bad = yamlProblems('entities:\n  - key: a\n   kind: [x\n');
    expect(bad.length).toBeGreaterThan(0);
    expect(bad[0]!.line).toBeGreaterThanOrEqual(2);
    expect(bad[0]!.message).toMatch(/^The YAML cannot be read/);
  });
});

describe('call pattern bars', () => {
  it('gives a bar per day from the first call to the last, gaps as empty bars', () => {
    const { unit, bars } = dayBars([
      { day: '2014-03-03', calls: 1 },
      { day: '2014-03-01', calls: 4 },
    ]);
    expect(unit).toBe('day');
    expect(bars.map((b) => [b.label, b.value])).toEqual([
      ['2014-03-01', 4],
      ['2014-03-02', 0],
      ['2014-03-03', 1],
    ]);
    expect(bars[0]!.title).toBe('4 calls on 2014-03-01');
    expect(dayBars([])).toEqual({ unit: 'day', bars: [] });
  });

  it('goes by week (from Monday) when the days would be too many bars', () => {
    const { unit, bars } = dayBars([
      { day: '2014-03-05', calls: 2 }, // a Wednesday: week of Monday 3 March
      { day: '2014-03-09', calls: 1 }, // Sunday, same week
      { day: '2014-06-30', calls: 3 },
    ]);
    expect(unit).toBe('week');
    expect(bars[0]).toEqual({ label: '2014-03-03', value: 3, title: '3 calls in the week of 2014-03-03' });
    expect(bars.at(-1)).toMatchObject({ label: '2014-06-30', value: 3 });
    expect(bars.reduce((n, b) => n + b.value, 0)).toBe(6);
  });

  it('gives all 24 hours and says the pattern in words', () => {
    const hours = hourBars([{ hour: 23, calls: 5 }, { hour: 0, calls: 1 }]);
    expect(hours).toHaveLength(24);
    expect(hours[23]).toEqual({ label: '23', value: 5, title: '5 calls between 23:00 and 23:59' });
    expect(hours[12]!.value).toBe(0);
    const p = { a: 'ph-1', b: 'ph-2', calls: 41, callsFromA: 25, totalSeconds: 4330, firstOn: '2014-03-01', lastOn: '2014-05-30', perDay: [], perHour: [] };
    expect(patternSummary(p, '07700 900123')).toBe('41 calls (25 from 07700 900123), 1 h 12 min in all, 2014-03-01 to 2014-05-30.');
    expect(patternSummary({ ...p, calls: 1, callsFromA: 0, totalSeconds: 30, lastOn: '2014-03-01' }, 'x')).toBe('1 call (0 from x), 1 min in all, on 2014-03-01.');
  });
});
