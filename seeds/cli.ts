/** `npm run seed:generate -- [--seed X] [--out file.json]`: the demo dataset's counts, or the dataset as JSON. */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDemo } from './demo.js';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
const data = generateDemo(values.seed);
if (values.out) {
  fs.writeFileSync(values.out, JSON.stringify(data));
  console.log(`wrote ${data.nodes.length} nodes and ${data.links.length} links to ${values.out}`);
} else {
  const count = (keys: string[]) => Object.fromEntries([...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort());
  console.log({ nodes: data.nodes.length, links: data.links.length });
  console.table(count(data.nodes.map((n) => n.labels[0])));
  console.table(count(data.links.map((l) => l.type)));
}
