/**
 * The operations of the mixed workload (`npm run load`) and their share of it: what an analyst, a
 * strategy meeting and a licensing officer ask most. `npm run costs` measures each alone and
 * `npm run scaling` weighs the measured costs by these shares.
 *
 * Operations: add one here; one whose root field the server lacks (e.g. a query of a module not
 * merged yet) is left out of a load run with a note.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../server/modules/auth/users.js';

export interface Samples {
  persons: { id: string; name: string; surname: string | null }[];
  children: string[];
  phones: string[];
  regs: string[];
}

export interface Operation {
  name: string;
  /** Share of the requests. */
  weight: number;
  role: Role;
  /** A request of this operation, with fresh variables. */
  request(s: Samples, n: number): { query: string; variables?: Record<string, unknown> };
}

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const RUN = randomBytes(3).toString('hex');

export const OPERATIONS: Operation[] = [
  {
    name: 'search',
    weight: 30,
    role: 'analyst',
    request: (s) => {
      const p = pick(s.persons);
      const text = pick([p.name, p.surname ?? p.name, `${p.name} ${p.surname ?? ''}`.trim(), pick(s.phones), pick(s.regs)]);
      return { query: 'query ($t: String!) { search(text: $t, limit: 20) { score entity { id kind label } } }', variables: { t: text } };
    },
  },
  {
    name: 'neighbourhood',
    weight: 25,
    role: 'analyst',
    request: (s) => ({
      query: 'query ($ids: [ID!]!, $h: Int) { neighbourhood(ids: $ids, hops: $h, limit: 300) { truncated nodes { id kind label } links { id type source target } } }',
      variables: { ids: [pick(s.persons).id], h: pick([1, 1, 2]) },
    }),
  },
  {
    name: 'paths',
    weight: 10,
    role: 'analyst',
    request: (s) => ({
      query: 'query ($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4) { length nodes { id } } }',
      variables: { a: pick(s.persons).id, b: pick(s.persons).id },
    }),
  },
  {
    name: 'childConnections',
    weight: 10,
    role: 'safeguarding',
    request: (s) => ({
      query: 'query ($c: ID!) { childConnections(childId: $c, hops: 2, purpose: "load test") { child { id } linkedPersons { score entity { id } } network { truncated nodes { id } } } }',
      variables: { c: pick(s.children) },
    }),
  },
  {
    name: 'operatorRisk',
    weight: 10,
    role: 'licensing',
    request: () => ({ query: '{ operatorRisk(top: 10) { score entity { id label } detail } }' }),
  },
  {
    name: 'submitReport',
    weight: 15,
    role: 'analyst',
    request: (s, n) => ({
      query: 'mutation ($input: ReportInput!) { submitReport(input: $input) { report { id } entities { ref matchedBy } } }',
      variables: {
        input: {
          receivedOn: '2020-01-01', sourceType: 'youth_worker', sourceGrade: 2, intelGrade: 'C', handling: 'P', ownerAgency: 'youth_service',
          summary: `load ${RUN} report ${n}`,
          entities: [{ ref: 'p', kind: 'Person', properties: { name: `Load${RUN}`, surname: `Client${n}` } }],
          links: [{ type: 'KNOWS', from: 'p', to: pick(s.persons).id }],
        },
      },
    }),
  },
];

