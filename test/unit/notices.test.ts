import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The licence files an open-source release needs, kept in step with the dependencies. */
describe('licence and third-party notices', () => {
  it('names the project licence in package.json and ships its text and NOTICE', () => {
    expect(JSON.parse(fs.readFileSync('package.json', 'utf8')).license).toBe('Apache-2.0');
    expect(fs.readFileSync('LICENSE', 'utf8')).toContain('Apache License');
    const notice = fs.readFileSync('NOTICE', 'utf8');
    expect(notice).toMatch(/GNU General Public License v3/);
    expect(notice).toMatch(/POLE/);
  });

  it('THIRD_PARTY_NOTICES.md matches package-lock.json (run `node scripts/notices.mjs` after a dependency change)', () => {
    // Exits non-zero, and so throws, when the file is stale.
    expect(() => execFileSync(process.execPath, ['scripts/notices.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
    const notices = fs.readFileSync('THIRD_PARTY_NOTICES.md', 'utf8');
    for (const runtime of ['neo4j-driver', 'graphql-yoga', 'react', 'cytoscape']) expect(notices).toMatch(new RegExp(`^\\| ${runtime} \\|`, 'm'));
  });
});
