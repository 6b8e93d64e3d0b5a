/**
 * The same questions asked three ways over the same database, for `npm run bench`:
 *  - ours: the service's GraphQL API over HTTP (authorisation, redaction and audit included);
 *  - @neo4j/graphql: an API generated from type definitions over the same database, served by
 *    graphql-yoga in the bench process, asked the closest query its API allows;
 *  - raw Cypher: hand-written queries through neo4j-driver, the lower bound.
 */
import http from 'node:http';
import { createYoga } from 'graphql-yoga';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { cypherFile } from '../server/db/database.js';
import { luceneQuery } from '../server/modules/search/identifiers.js';
import { nameKeysQuery } from '../server/domain/names/keys.js';
import { nameWords } from '../server/domain/names/words.js';
import { routesQuery } from '../server/modules/analysis/paths.js';
import { BOOKKEEPING_LINK_TYPES } from '../server/domain/vocabulary.js';

/** Type definitions for @neo4j/graphql: the part of the vocabulary the questions touch. */
const typeDefs = /* GraphQL */ `
  type Person @node {
    id: ID!
    name: String
    surname: String
    child: Boolean
    knows: [Person!]! @relationship(type: "KNOWS", direction: OUT)
    knownBy: [Person!]! @relationship(type: "KNOWS", direction: IN)
    phones: [Phone!]! @relationship(type: "HAS_PHONE", direction: OUT)
    vehicles: [Vehicle!]! @relationship(type: "USES_VEHICLE", direction: OUT)
    incidents: [Incident!]! @relationship(type: "PARTY_TO", direction: OUT)
    homes: [Location!]! @relationship(type: "CURRENT_ADDRESS", direction: OUT)
    operators: [Operator!]! @relationship(type: "DRIVES_FOR", direction: OUT)
  }
  type Phone @node {
    id: ID!
    phoneNo: String
    owners: [Person!]! @relationship(type: "HAS_PHONE", direction: IN)
  }
  type Vehicle @node {
    id: ID!
    reg: String
    users: [Person!]! @relationship(type: "USES_VEHICLE", direction: IN)
  }
  type Incident @node {
    id: ID!
    kind: String
    date: String
    parties: [Person!]! @relationship(type: "PARTY_TO", direction: IN)
  }
  type Location @node {
    id: ID!
    address: String
    residents: [Person!]! @relationship(type: "CURRENT_ADDRESS", direction: IN)
  }
  type Operator @node {
    id: ID!
    name: String
    drivers: [Person!]! @relationship(type: "DRIVES_FOR", direction: IN)
  }
  type Ranked {
    id: ID!
    score: Int!
  }
  type Query {
    "No path operation is generated; a @cypher field is the closest the library allows."
    pathIds(from: ID!, to: ID!): [ID!]!
      @cypher(
        statement: "MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) MATCH p = SHORTEST 1 (a)-[]-{1,6}(b) UNWIND nodes(p) AS n RETURN n.id AS id"
        columnName: "id"
      )
  }
`;

/** Starts the @neo4j/graphql API on a free port; returns its URL and a stop function. */
export async function startNeo4jGraphql(driver: Driver): Promise<{ url: string; stop: () => Promise<void> }> {
  const schema = await new Neo4jGraphQL({ typeDefs, driver: driver as never }).getSchema();
  const yoga = createYoga({ schema, logging: false, graphiql: false });
  const server = http.createServer(yoga);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * How many distinct entities an answer names, whatever its shape (GraphQL JSON, driver records):
 * the scale generator's ids (seeds/scale.ts: sp-1, sph-2, so-3…) wherever they appear. Printed
 * beside the latencies so that an API answering a smaller question is seen to do so.
 */
export function entitiesNamed(answer: unknown): number {
  const ids = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (/^s[a-z]{1,3}-\d+$/.test(v)) ids.add(v);
      return;
    }
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x);
  };
  walk(answer);
  return ids.size;
}

/** The two lookups `search` makes for words, in parallel as it makes them (search/resolvers.ts). */
async function searchLookups(d: Driver, text: string) {
  const keys = nameKeysQuery(nameWords(text));
  return Promise.all([
    rawRead(d, "CALL db.index.fulltext.queryNodes('entity_search', $q, {limit: 60}) YIELD node, score RETURN node, score LIMIT 20", { q: luceneQuery(text) }),
    keys ? rawRead(d, "CALL db.index.fulltext.queryNodes('person_name_keys', $q, {limit: 60}) YIELD node, score RETURN node, score LIMIT 20", { q: keys }) : [],
  ]);
}

/** A surname as someone might write it down from hearing it: its last inner vowel dropped ("Kettleby" → "Kettlby"). */
export function heardAs(surname: string): string {
  const m = /^(.+)[aeiou]([^aeiou]*)$/i.exec(surname);
  return m && m[1]!.length >= 2 ? m[1]! + m[2]! : surname;
}

export interface Anchors {
  hub: string;
  person: string;
  farPerson: string;
  child: string;
  operator: string;
  searchText: string;
}

export interface Question {
  name: string;
  ours?: { query: string; variables: Record<string, unknown> };
  generated?: { query: string; variables: Record<string, unknown> } | { unavailable: string };
  /** Hand-written Cypher through neo4j-driver: how it is asked, and the asking. */
  cypher?: { how: string; run: (driver: Driver) => Promise<unknown> };
}

/** One auto-commit read straight through the driver (integers as Neo4j integers, as Cypher wants for LIMIT). */
async function rawRead(driver: Driver, text: string, params: Record<string, unknown>) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const bound = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? neo4j.int(v) : v]));
    return (await session.run(text, bound)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

const graphCypher = (name: string) => cypherFile(new URL('../server/modules/graph/queries.ts', import.meta.url).href, name);

/** Two hops, at most 300 nodes, and the links among them: the same single statement as ours. */
function rawNeighbourhood(driver: Driver, id: string, limit = 300) {
  const statement = graphCypher('neighbourhoodStart.cypher') + graphCypher('neighbourhoodHop.cypher').repeat(2) + graphCypher('neighbourhoodLinks.cypher');
  return rawRead(driver, statement, { ids: [id], linkTypes: null, kinds: null, asOf: null, limit, cap: limit + 1, linkCap: limit * 5 });
}

const PERSON_FIELDS = 'id name surname phones { id phoneNo } vehicles { id reg } incidents { id kind } homes { id address } operators { id name }';
/**
 * Two hops from a person over every link type the generated schema has (contacts, phones,
 * vehicles, incidents, homes, operators and who else shares them), each list capped: the nearest
 * a generated API comes to `neighbourhood(hops: 2, limit: 300)`, which it cannot cap as a whole.
 */
const GENERATED_NEIGHBOURHOOD = `query ($id: ID!) { people(where: { id: { eq: $id } }) {
  id name surname
  phones { id phoneNo owners(limit: 50) { id name } }
  vehicles { id reg users(limit: 50) { id name } }
  incidents { id kind parties(limit: 50) { id name } }
  homes { id address residents(limit: 50) { id name } }
  operators { id name drivers(limit: 50) { id name } }
  knows(limit: 50) { ${PERSON_FIELDS} }
  knownBy(limit: 50) { ${PERSON_FIELDS} } } }`;

/** The benchmark questions, each in the three forms. */
export function questions(a: Anchors): Question[] {
  return [
    {
      name: 'neighbourhood 2 hops (hub, ≤300)',
      ours: { query: 'query ($id: ID!) { neighbourhood(ids: [$id], hops: 2, limit: 300) { nodes { id label } links { id type source target } truncated } }', variables: { id: a.hub } },
      generated: {
        query: GENERATED_NEIGHBOURHOOD,
        variables: { id: a.hub },
      },
      cypher: { how: 'the same bounded statement as ours', run: (d) => rawNeighbourhood(d, a.hub) },
    },
    {
      name: 'neighbourhood 2 hops (ordinary person)',
      ours: { query: 'query ($id: ID!) { neighbourhood(ids: [$id], hops: 2, limit: 300) { nodes { id label } links { id type source target } truncated } }', variables: { id: a.person } },
      generated: {
        query: GENERATED_NEIGHBOURHOOD,
        variables: { id: a.person },
      },
      cypher: { how: 'the same bounded statement as ours', run: (d) => rawNeighbourhood(d, a.person) },
    },
    {
      name: 'shortest path (≤6 hops)',
      ours: { query: 'query ($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 6) { length nodes { id label } links { id type } } }', variables: { a: a.person, b: a.farPerson } },
      generated: { query: 'query ($a: ID!, $b: ID!) { pathIds(from: $a, to: $b) }', variables: { a: a.person, b: a.farPerson } },
      // The same statement as ours: SHORTEST 1 over every link type but the bookkeeping ones, each
      // hop with the links that join its two entities (analysis/paths.ts).
      cypher: {
        how: 'the same statement as ours (SHORTEST 1, bookkeeping links left out, parallel links per hop)',
        run: (d) =>
          rawRead(d, routesQuery(6, false, { linkTypes: null, asOf: null, withheld: [] }), { from: a.person, to: a.farPerson, linkTypes: null, bookkeeping: BOOKKEEPING_LINK_TYPES, asOf: null, withheld: [] }),
      },
    },
    {
      name: 'search (name)',
      ours: { query: 'query ($t: String!) { search(text: $t, limit: 20) { score entity { id label } } }', variables: { t: a.searchText } },
      generated: { query: 'query ($t: String!) { people(where: { surname: { contains: $t } }, limit: 20) { id name surname } }', variables: { t: a.searchText } },
      // The same question: typo-tolerant and prefix matching, as the search box gives.
      cypher: { how: 'the two index lookups the search box makes (full text, name keys), side by side', run: (d) => searchLookups(d, a.searchText) },
    },
    {
      // A name as it was heard: the search box finds it by sound (domain/names/); a generated
      // API has no such question.
      name: 'search (name as heard)',
      ours: { query: 'query ($t: String!) { search(text: $t, limit: 20) { score entity { id label } } }', variables: { t: heardAs(a.searchText) } },
      generated: { unavailable: 'no sound-alike or nickname matching in a generated API' },
      cypher: { how: 'the same two index lookups', run: (d) => searchLookups(d, heardAs(a.searchText)) },
    },
    {
      name: 'rank LINKED_CHILDREN (top 20)',
      ours: { query: '{ rank(measure: LINKED_CHILDREN, top: 20) { score entity { id label } } }', variables: {} },
      generated: { unavailable: 'a derived measure: no generated operation; it would be our Cypher in a @cypher field' },
      cypher: {
        how: 'the four rules as one UNION',
        run: (d) => rawRead(d, `CALL {
                 MATCH (p:Person)-[:PARTY_TO]->(:Incident)<-[:VICTIM_OF]-(c:Person {child: true}) RETURN p, c
                 UNION MATCH (n:Notice)-[:SERVED_ON]->(p:Person), (n)-[:PROTECTS]->(c:Person) RETURN p, c
                 UNION MATCH (p:Person)-[:HAS_PHONE]->(:Phone)<-[:HAS_CONTACT]-(c:Person {child: true}) RETURN p, c
                 UNION MATCH (p:Person)-[:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(c:Person {child: true}) RETURN p, c }
               WITH p, count(DISTINCT c) AS children WHERE coalesce(p.child, false) = false
               RETURN p AS person, children ORDER BY children DESC LIMIT 20`, {}),
      },
    },
    {
      name: 'operatorRisk (top 20)',
      ours: { query: '{ operatorRisk(top: 20) { score entity { id label } detail } }', variables: {} },
      generated: { unavailable: 'a derived measure: no generated operation; it would be our Cypher in a @cypher field' },
      // Our Cypher is already hand-written: the lower bound is that query alone, without the API around it.
      cypher: {
        how: 'our operatorConcerns.cypher alone',
        run: (d) => rawRead(d, cypherFile(new URL('../server/modules/licensing/resolvers.ts', import.meta.url).href, 'operatorConcerns.cypher'), { from: null, to: null, asOf: null, top: 20, withheld: [] }),
      },
    },
  ];
}
