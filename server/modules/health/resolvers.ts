import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../config.js';
import { MAP_STYLE } from '../../http/mapStyle.js';
import type { Resolvers } from '../../generated/graphql.js';

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

/** Labels come from the database itself; they are identifiers in Cypher, so check their shape. */
const SAFE_LABEL = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const healthResolvers: Resolvers = {
  Query: {
    health: async (_, __, ctx) => ({ database: await ctx.db.ping(), version: VERSION, mapStyle: MAP_STYLE?.styleUrl ?? null }),
    stats: async (_, __, ctx) => {
      const [{ nodes }] = await ctx.db.read('MATCH (n) RETURN count(n) AS nodes');
      const [{ relationships }] = await ctx.db.read('MATCH ()-[r]->() RETURN count(r) AS relationships');
      const labels = (await ctx.db.read('CALL db.labels() YIELD label RETURN label')).map((r) => r.label as string);
      const byLabel: Record<string, number> = {};
      // One count-store lookup per label: constant time, whatever the size of the graph.
      for (const label of labels.filter((l) => SAFE_LABEL.test(l) && l !== 'Entity')) {
        const [{ c }] = await ctx.db.read(`MATCH (n:\`${label}\`) RETURN count(n) AS c`);
        if ((c as number) > 0) byLabel[label] = c as number;
      }
      return { nodes: nodes as number, relationships: relationships as number, byLabel };
    },
  },
};
