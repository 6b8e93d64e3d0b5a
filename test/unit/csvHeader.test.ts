/**
 * The import's header parser and value conversion (server/modules/intake/csvHeader.ts):
 * neo4j-admin import headers as `npm run import` reads them. No database: test/integration/import.test.ts
 * checks whole files loaded into Neo4j.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, parseHeader, type Column } from '../../server/modules/intake/csvHeader.js';

const prop = (name: string, type = 'string', array = false): Column => ({ role: 'property', name, type, array });

describe('parseHeader', () => {
  it('reads a node file header: the id, labels and typed properties', () => {
    expect(parseHeader(['personId:ID', 'name', 'age:int', 'aliases:string[]', ':LABEL'])).toEqual([
      { role: 'id', name: 'personId', type: 'string', array: false },
      prop('name'),
      prop('age', 'int'),
      prop('aliases', 'string', true),
      { role: 'label', name: '', type: 'string', array: true },
    ]);
  });

  it('reads a relationship file header: start, end, type and properties', () => {
    expect(parseHeader([':START_ID', ':END_ID', ':TYPE', 'since:date', 'weight:double'])).toEqual([
      { role: 'start', name: '', type: 'string', array: false },
      { role: 'end', name: '', type: 'string', array: false },
      { role: 'type', name: '', type: 'string', array: false },
      prop('since', 'date'),
      prop('weight', 'double'),
    ]);
  });

  it('takes id groups, any case and surrounding spaces, and ignored columns', () => {
    expect(parseHeader([' id:ID(Person) ', ':start_id(Person)', ':End_Id(Phone)', 'note:IGNORE', 'flag:BOOLEAN', 'at:DateTime'])).toEqual([
      { role: 'id', name: 'id', type: 'string', array: false },
      { role: 'start', name: '', type: 'string', array: false },
      { role: 'end', name: '', type: 'string', array: false },
      { role: 'ignore', name: 'note', type: 'string', array: false },
      prop('flag', 'boolean'),
      prop('at', 'datetime'),
    ]);
  });

  it('accepts every neo4j-admin scalar type, alone and as an array', () => {
    for (const type of ['int', 'long', 'float', 'double', 'boolean', 'date', 'datetime', 'localdatetime', 'string', 'short', 'byte', 'char']) {
      expect(parseHeader([`v:${type}`])).toEqual([prop('v', type)]);
      expect(parseHeader([`v:${type}[]`])).toEqual([prop('v', type, true)]);
    }
  });

  it('refuses an unknown type and a property column without a name, naming the column', () => {
    expect(() => parseHeader(['name', 'age:integer'])).toThrow('column "age:integer": unknown type "integer"');
    expect(() => parseHeader([':int'])).toThrow('column ":int" has no property name');
    expect(() => parseHeader([''])).toThrow('column "" has no property name');
    expect(() => parseHeader(['x:point'])).toThrow(/unknown type "point"/);
  });

  it('keeps one column per cell, in order, for any header of plain names (property-based)', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/);
    fc.assert(
      fc.property(fc.array(name, { maxLength: 12 }), (names) => {
        expect(parseHeader(names)).toEqual(names.map((n) => prop(n)));
      }),
      { seed: 20261202 },
    );
  });
});

describe('convert', () => {
  it('reads integers, refusing decimals, words and what a double cannot hold exactly', () => {
    expect(convert('42', prop('n', 'int'))).toBe(42);
    expect(convert(' -7 ', prop('n', 'long'))).toBe(-7);
    expect(convert('+3', prop('n', 'short'))).toBe(3);
    expect(() => convert('4.5', prop('n', 'int'))).toThrow('"4.5" is not an integer');
    expect(() => convert('', prop('n', 'int'))).toThrow('"" is not an integer');
    expect(() => convert('twelve', prop('n', 'byte'))).toThrow(/is not an integer/);
    expect(() => convert('9007199254740993', prop('n', 'long'))).toThrow('"9007199254740993" is too large an integer');
  });

  it('reads numbers, booleans, dates and date-times, each refused with its reason', () => {
    expect(convert('2.5', prop('x', 'float'))).toBe(2.5);
    expect(convert('-1e3', prop('x', 'double'))).toBe(-1000);
    expect(() => convert(' ', prop('x', 'double'))).toThrow('" " is not a number');
    expect(() => convert('NaN', prop('x', 'double'))).toThrow(/is not a number/);
    expect(convert(' TRUE', prop('b', 'boolean'))).toBe(true);
    expect(convert('false', prop('b', 'boolean'))).toBe(false);
    expect(() => convert('yes', prop('b', 'boolean'))).toThrow('"yes" is not true or false');
    expect(convert('2010-06-30', prop('d', 'date'))).toBe('2010-06-30');
    expect(() => convert('30/06/2010', prop('d', 'date'))).toThrow('"30/06/2010" is not a date (YYYY-MM-DD)');
    expect(() => convert('2010-13-45', prop('d', 'date'))).toThrow(/is not a date/);
    expect(convert('2010-06-30T12:00:00Z', prop('t', 'datetime'))).toBe('2010-06-30T12:00:00Z');
    expect(() => convert('noon', prop('t', 'localdatetime'))).toThrow('"noon" is not a date-time (ISO 8601)');
    expect(convert(' as typed ', prop('s'))).toBe(' as typed ');
    expect(convert('x', prop('c', 'char'))).toBe('x');
  });

  it('splits arrays on ";", dropping empty items, and converts each item', () => {
    expect(convert('Dazza;;Big D;', prop('aliases', 'string', true))).toEqual(['Dazza', 'Big D']);
    expect(convert('1;2;3', prop('ns', 'int', true))).toEqual([1, 2, 3]);
    expect(convert('', prop('ns', 'int', true))).toEqual([]);
    expect(() => convert('1;two', prop('ns', 'int', true))).toThrow('"two" is not an integer');
  });

  it('gives back any safe integer it is given as text (property-based)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(convert(String(n), prop('n', 'long'))).toBe(n);
      }),
      { seed: 20261202 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 8 }), (ns) => {
        expect(convert(ns.join(';'), prop('ns', 'int', true))).toEqual(ns);
      }),
      { seed: 20261202 },
    );
  });
});
