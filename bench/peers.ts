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
import type { Driver } from 'neo4j-driver';
import { cypherFile } from '../server/db/database.js';

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
  cypher?: { text: string; params: Record<string, unknown> };
}

/** Two hops from one entity, at most 300 nodes, and the links among them: what `neighbourhood` answers. */
const NEIGHBOURHOOD_CYPHER = `MATCH (n:Entity {id: $id})
               CALL (n) { MATCH (n)--(m:Entity) RETURN collect(DISTINCT m)[..299] AS hop1 }
               CALL (n, hop1) { UNWIND hop1 AS x MATCH (x)--(m:Entity) WHERE m <> n AND NOT m IN hop1
                                WITH DISTINCT m LIMIT 300 RETURN collect(m) AS hop2 }
               WITH n, hop1, hop2[..(299 - size(hop1))] AS hop2
               WITH [n] + hop1 + hop2 AS ns
               UNWIND ns AS a
               OPTIONAL MATCH (a)-[r]->(b) WHERE b IN ns
               RETURN [x IN ns | x {.*}] AS nodes, collect(r {.*, type: type(r), source: a.id, target: b.id}) AS links`;

const PERSON_FIELDS = 'id name surname phones { id phoneNo } vehicles { id reg } incidents { id kind } homes { id address }';

/** The benchmark questions, each in the three forms. */
export function questions(a: Anchors): Question[] {
  return [
    {
      name: 'neighbourhood 2 hops (hub, ≤300)',
      ours: { query: 'query ($id: ID!) { neighbourhood(ids: [$id], hops: 2, limit: 300) { nodes { id label } links { id type source target } truncated } }', variables: { id: a.hub } },
      generated: {
        query: `query ($id: ID!) { people(where: { id: { eq: $id } }) { ${PERSON_FIELDS}
          knows(limit: 100) { ${PERSON_FIELDS} knows(limit: 10) { id name } knownBy(limit: 10) { id name } }
          knownBy(limit: 100) { ${PERSON_FIELDS} knows(limit: 10) { id name } knownBy(limit: 10) { id name } } } }`,
        variables: { id: a.hub },
      },
      cypher: {
        text: NEIGHBOURHOOD_CYPHER,
        params: { id: a.hub },
      },
    },
    {
      name: 'neighbourhood 2 hops (ordinary person)',
      ours: { query: 'query ($id: ID!) { neighbourhood(ids: [$id], hops: 2, limit: 300) { nodes { id label } links { id type source target } truncated } }', variables: { id: a.person } },
      generated: {
        query: `query ($id: ID!) { people(where: { id: { eq: $id } }) { ${PERSON_FIELDS}
          knows(limit: 100) { ${PERSON_FIELDS} } knownBy(limit: 100) { ${PERSON_FIELDS} } } }`,
        variables: { id: a.person },
      },
      cypher: {
        text: NEIGHBOURHOOD_CYPHER,
        params: { id: a.person },
      },
    },
    {
      name: 'shortest path (≤6 hops)',
      ours: { query: 'query ($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 6) { length nodes { id label } links { id type } } }', variables: { a: a.person, b: a.farPerson } },
      generated: { query: 'query ($a: ID!, $b: ID!) { pathIds(from: $a, to: $b) }', variables: { a: a.person, b: a.farPerson } },
      cypher: {
        text: 'MATCH (a:Entity {id: $a}), (b:Entity {id: $b}) MATCH p = SHORTEST 1 (a)-[]-{1,6}(b) RETURN [n IN nodes(p) | n {.*}] AS nodes, [r IN relationships(p) | r {.*, type: type(r)}] AS links',
        params: { a: a.person, b: a.farPerson },
      },
    },
    {
      name: 'search (name)',
      ours: { query: 'query ($t: String!) { search(text: $t, limit: 20) { score entity { id label } } }', variables: { t: a.searchText } },
      generated: { query: 'query ($t: String!) { people(where: { surname: { contains: $t } }, limit: 20) { id name surname } }', variables: { t: a.searchText } },
      cypher: {
        text: "CALL db.index.fulltext.queryNodes('entity_search', $t) YIELD node, score RETURN node {.*} AS node, score LIMIT 20",
        params: { t: a.searchText },
      },
    },
    {
      name: 'rank LINKED_CHILDREN (top 20)',
      ours: { query: '{ rank(measure: LINKED_CHILDREN, top: 20) { score entity { id label } } }', variables: {} },
      generated: { unavailable: 'a derived measure: no generated operation; it would be our Cypher in a @cypher field' },
      cypher: {
        text: `CALL {
                 MATCH (p:Person)-[:PARTY_TO]->(:Incident)<-[:VICTIM_OF]-(c:Person {child: true}) RETURN p, c
                 UNION MATCH (n:Notice)-[:SERVED_ON]->(p:Person), (n)-[:PROTECTS]->(c:Person) RETURN p, c
                 UNION MATCH (p:Person)-[:HAS_PHONE]->(:Phone)<-[:HAS_CONTACT]-(c:Person {child: true}) RETURN p, c
                 UNION MATCH (p:Person)-[:KNOWS|KNOWS_LW|KNOWS_SN|KNOWS_PHONE|FAMILY_REL]-(c:Person {child: true}) RETURN p, c }
               WITH p, count(DISTINCT c) AS children WHERE coalesce(p.child, false) = false
               RETURN p {.*} AS person, children ORDER BY children DESC LIMIT 20`,
        params: {},
      },
    },
    {
      name: 'operatorRisk (top 20)',
      ours: { query: '{ operatorRisk(top: 20) { score entity { id label } detail } }', variables: {} },
      generated: { unavailable: 'a derived measure: no generated operation; it would be our Cypher in a @cypher field' },
      // Our Cypher is already hand-written: the lower bound is that query alone, without the API around it.
      cypher: { text: cypherFile(new URL('../server/modules/licensing/resolvers.ts', import.meta.url).href, 'operatorConcerns.cypher'), params: { from: null, to: null, asOf: null, top: 20 } },
    },
  ];
}
