/** `npm run seed:generate -- [--seed X] [--out file.json]`: the demo dataset's counts, or the dataset as JSON. */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DEMO_IDS, generateDemo } from './demo.js';

const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
const data = generateDemo(values.seed);
if (values.out) {
  fs.writeFileSync(values.out, JSON.stringify(data));
  console.log(`wrote ${data.nodes.length} nodes and ${data.links.length} links to ${values.out}`);
} else {
  const count = (keys: string[]) =>
    Object.fromEntries([...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].sort(([a], [b]) => (a < b ? -1 : 1)));
  console.log(`seed ${values.seed ?? '(default)'}: ${data.nodes.length} nodes, ${data.links.length} links`);
  // the most specific label, as the server's `kind` (a Crime is also an Incident)
  console.table(count(data.nodes.map((n) => n.labels[0] ?? '?')));
  console.table(count(data.links.map((l) => l.type)));
  console.log('notable demo entities:', DEMO_IDS);
}
