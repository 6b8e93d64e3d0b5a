/**
 * The working session's purpose (web/src/purpose.ts): cleaned to what an HTTP header can carry and
 * the audit log will hold, checked before use, and offered again among the recent ones.
 */
import { describe, expect, it } from 'vitest';
import { asksPurpose, cleanPurpose, PURPOSE_MAX, purposeProblem, RECENT_MAX, withRecent } from '../../web/src/purpose';
import { purposeHeader } from '../../web/src/api';

describe('cleanPurpose', () => {
  it('keeps plain text, on one line, spaces collapsed', () => {
    expect(cleanPurpose('  Operation Central   review\n(week 2)\t')).toBe('Operation Central review (week 2)');
  });

  it('turns typographic punctuation into plain characters and keeps Latin-1 accents', () => {
    expect(cleanPurpose('Licence renewal — driver “Kershaw”’s file…')).toBe('Licence renewal - driver "Kershaw"\'s file...');
    expect(cleanPurpose('Revue Opération café')).toBe('Revue Opération café');
  });

  it('leaves nothing a header cannot carry (fetch refuses past U+00FF)', () => {
    const p = cleanPurpose('Review 🔍 of Łódź case 東京');
    expect(p).toBe('Review ? of ?ód? case ??');
    for (const ch of p) expect(ch.codePointAt(0)!).toBeLessThanOrEqual(0xff);
    expect(() => new Headers({ 'x-purpose': p })).not.toThrow();
  });

  it('keeps at most the 500 characters the server records', () => {
    expect(cleanPurpose('x'.repeat(600))).toHaveLength(PURPOSE_MAX);
  });
});

describe('purposeProblem', () => {
  it('asks for a purpose of three characters or more', () => {
    expect(purposeProblem('')).toMatch(/Say what this work is for/);
    expect(purposeProblem('   ')).toMatch(/Say what this work is for/);
    expect(purposeProblem('ab')).toMatch(/at least 3/);
    expect(purposeProblem('Operation Central review')).toBeNull();
  });
});

describe('withRecent', () => {
  it('puts the newest first, without repeats ignoring case, at most five', () => {
    let list: string[] = [];
    for (const p of ['A one', 'B two', 'a ONE', 'C three', 'D four', 'E five', 'F six']) list = withRecent(list, p);
    expect(list).toEqual(['F six', 'E five', 'D four', 'C three', 'a ONE']);
    expect(list).toHaveLength(RECENT_MAX);
  });

  it('ignores an empty purpose', () => {
    expect(withRecent(['A one'], '  ')).toEqual(['A one']);
  });
});

describe('who is asked', () => {
  it('asks analysts and licensing, not safeguarding (a purpose per meeting view) nor admin', () => {
    expect(asksPurpose('analyst')).toBe(true);
    expect(asksPurpose('licensing')).toBe(true);
    expect(asksPurpose('safeguarding')).toBe(false);
    expect(asksPurpose('admin')).toBe(false);
  });
});

describe('purposeHeader', () => {
  it('sends a stated purpose, cleaned, and nothing for an empty one', () => {
    expect(purposeHeader('Strategy meeting – YP01')).toEqual({ 'x-purpose': 'Strategy meeting - YP01' });
    expect(purposeHeader('  ')).toEqual({});
  });
});
