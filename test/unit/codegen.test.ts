/**
 * The generated types are committed (server/generated/, web/src/gql/): this runs the generator
 * with the same config, in memory, and fails when what is committed is not what the SDL and the
 * web app's documents give now. After changing a module's .graphql or a web document, run
 * `npm run codegen` and commit its output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import config from '../../codegen.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('generated GraphQL types', () => {
  it('are up to date with the schema and the web documents (run `npm run codegen`)', async () => {
    const outputs = (await generate({ ...config, cwd: ROOT }, false)) as { filename: string; content: string }[];
    const names = outputs.map((o) => path.relative(ROOT, path.resolve(ROOT, o.filename))).sort();
    expect(names).toEqual(['server/generated/graphql.ts', 'web/src/gql/graphql.ts']);
    for (const o of outputs) {
      const file = path.resolve(ROOT, o.filename);
      const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)';
      // Compared whole: any difference means a schema or document change was not regenerated.
      expect(committed, `${path.relative(ROOT, file)} is stale: run npm run codegen`).toBe(o.content);
    }
  }, 60_000);

  it('types every operation of the schema for the server (each module contributes its SDL)', async () => {
    const server = fs.readFileSync(path.join(ROOT, 'server/generated/graphql.ts'), 'utf8');
    let checked = 0;
    for (const m of fs.readdirSync(path.join(ROOT, 'server/modules'))) {
      const sdl = path.join(ROOT, 'server/modules', m, `${m}.graphql`);
      if (!fs.existsSync(sdl)) continue;
      // Each root field of the module appears among the generated resolver types.
      const text = fs.readFileSync(sdl, 'utf8');
      for (const block of text.matchAll(/(?:extend\s+)?type\s+(Query|Mutation|Subscription)\s*\{([\s\S]*?)\n\}/g)) {
        const fields = [...block[2]!.replace(/"""[\s\S]*?"""|"[^"\n]*"/g, '').matchAll(/^\s*(\w+)\s*[(:]/gm)].map((f) => f[1]!);
        for (const field of fields) {
          expect(server, `${block[1]}.${field} (${m})`).toMatch(new RegExp(`\\b${field}\\?: `));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
