/**
 * The CSV export's cell writer: every cell quoted, and formula injection neutralised (OWASP: a cell
 * starting with =, +, -, @, tab or carriage return is prefixed with a single quote).
 */
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../web/src/chart/dataExport';

describe('csvCell', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+44 7700 900123', `"'+44 7700 900123"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=cmd', `"'\t=cmd"`],
    ['\r=cmd', `"'\r=cmd"`],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
  ])('neutralises %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ['Dan Oakes', '"Dan Oakes"'],
    ['a=b', '"a=b"'],
    [' =1', '" =1"'],
    ['', '""'],
    ['line\nbreak', '"line\nbreak"'],
    ['say "hi"', '"say ""hi"""'],
  ])('leaves %j as text, quoted', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes null and undefined as empty, other values as JSON', () => {
    expect(csvCell(null)).toBe('""');
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(-1)).toBe(`"'-1"`);
    expect(csvCell(['=x'])).toBe('"[""=x""]"');
  });
});
