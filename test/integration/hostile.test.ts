/**
 * Hostile input against the real /graphql endpoint, property-based (fast-check): random operations
 * built from the live schema with random, wrong-typed, huge, deeply nested or Lucene-laden
 * variables, as every role and as nobody; garbage bodies; absurd nesting. Whatever comes in, the
 * answer is never a 500, never shows a stack trace or a path inside the server, carries a known
 * error code, and never crosses a role boundary (a denied role gets no data; licensing never gets
 * a child's identity).
 */
import fc from 'fast-check';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isAbstractType, isEnumType, isInputObjectType, isInterfaceType, isLeafType, isListType,
  isNonNullType, isObjectType, isScalarType, type GraphQLField, type GraphQLInputType, type GraphQLOutputType, type GraphQLSchema, type IntrospectionQuery,
} from 'graphql';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { POLICY } from '../../server/access/policy.js';
import { MAX_BODY_BYTES } from '../../server/http/app.js';
import { tokenFor, testDatabase, type Role } from '../support/client.js';

/** Every code the server may answer with; anything else (INTERNAL_SERVER_ERROR above all) is a bug. */
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND',
  'QUERY_TOO_LARGE', 'TOO_MANY_ATTEMPTS', 'REQUEST_TOO_LARGE', 'OPERATION_RESOLUTION_FAILURE',
]);
/** Traces of the inside: stack frames, source paths, driver error codes, Cypher. */
const INTERNALS = /\n\s+at |node_modules|\/work\/|\/server\/|\.ts:\d+|"stack"|Neo\.(ClientError|TransientError|DatabaseError)|Neo4jError|MATCH \(|RETURN /;
/** Analysis over the whole graph: slow by design, and covered by their own tests. */
const EXPENSIVE = new Set(['rank', 'communities', 'atRiskPersons', 'householdRisk', 'auditVerify', 'duplicateCandidates', 'stats']);
/** Mutations that act on known ids: their refusals are tested in the matrix and intake tests. */
// logout would end the tokens the rest of the run uses; assignChildren would change a user's caseload.
const WRITES_ON_KNOWN_DATA = new Set(['merge', 'unmerge', 'recordDisposition', 'setUser', 'logout', 'assignChildren']);
const ROLES: (Role | null)[] = ['analyst', 'safeguarding', 'licensing', 'admin', null];
const KNOWN_IDS = ['per-s001', 'per-c01', 'per-c02', 'opr-3', 'opr-6', 'ntc-001', 'op-central', 'veh-001', 'ph-0001', 'fx-p1'];

let schema: GraphQLSchema;
const tokens: Partial<Record<Role, string>> = {};
/** Children's ids, pseudonyms and names: licensing must never receive one. */
let childIdentity: string[] = [];

beforeAll(async () => {
  for (const role of ROLES) if (role) tokens[role] = await tokenFor(role);
  const r = await send({ query: getIntrospectionQuery() }, 'analyst');
  schema = buildClientSchema((r.json as unknown as { data: IntrospectionQuery }).data);
  const db = testDatabase();
  const rows = await db.read("MATCH (c:Person) WHERE c.child = true RETURN c.id AS id, c.pseudonym AS pseudonym, c.name + ' ' + c.surname AS name");
  childIdentity = rows.flatMap((c) => [c.id, c.pseudonym, c.name].filter((x): x is string => typeof x === 'string' && x.length > 3));
  await db.close();
  expect(childIdentity.length).toBeGreaterThan(40);
});

async function send(body: unknown, role: Role | null, headers: Record<string, string> = {}, retry = true): Promise<Answer> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  let res: Response;
  try {
    res = await fetch(`${inject('stack').url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}), ...headers },
      body: payload,
    });
  } catch (e) {
    // A body over the limit is answered 413 at once; the connection may close before it is all sent.
    if (Buffer.byteLength(payload) > MAX_BODY_BYTES) return { status: 413, text: '{}', json: {} };
    // A kept-alive connection the server closed just as it was reused: once more, on a new one.
    if (retry && /UND_ERR_SOCKET|ECONNRESET|EPIPE/.test(String((e as { cause?: { code?: string } }).cause?.code))) return send(body, role, headers, false);
    throw e;
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json: json as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | undefined };
}

type Answer = { status: number; text: string; json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | undefined };

/** The answer without the strings of the request it quotes back ("unknown kind \"RETURN 1\""). */
function withoutEcho(text: string, request: string): string {
  let out = text;
  const strings: string[] = [];
  const collect = (v: unknown) => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  try {
    collect(JSON.parse(request));
  } catch {
    strings.push(request);
  }
  for (const s of strings.filter((x) => x.length >= 3).sort((a, b) => b.length - a.length)) {
    for (const form of [s, JSON.stringify(s).slice(1, -1), JSON.stringify(JSON.stringify(s).slice(1, -1)).slice(1, -1)]) out = out.split(form).join('');
  }
  return out;
}

/** What holds for every answer, whatever was asked. */
function assertSafe(r: Awaited<ReturnType<typeof send>>, context: string, request = '') {
  expect(r.status, `${context}\n${r.text.slice(0, 500)}`).toBeLessThan(500);
  expect(withoutEcho(r.text, request), context).not.toMatch(INTERNALS);
  // Refusals of the method or media type may come without a body; every other answer is JSON.
  if (![405, 406, 413, 415].includes(r.status)) expect(r.json, `${context}: not JSON (${r.status}): ${r.text.slice(0, 200)}`).toBeDefined();
  for (const e of r.json?.errors ?? []) expect(KNOWN_CODES.has(e.extensions?.code ?? '(none)'), `${context}: ${JSON.stringify(e)}`).toBe(true);
}

// ---------------------------------------------------------------------------------------------
// Values

const LUCENE = ['+', '-', '&&', '||', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '\\', '/', 'AND', 'OR', 'NOT', ' ', 'a', 'Cal'];
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...KNOWN_IDS),
  fc.array(fc.constantFrom(...LUCENE), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.constantFrom('"', '"unbalanced', "O'Brien", "'", '\\', '*', '?', '~', 'Calloway~2', '[a TO', '{!', '(((', 'name:', 'AND', 'OR NOT', '/re.*/', '0770 0900', 'ZZ09 QMX'),
  fc.constantFrom("') MATCH (n) DETACH DELETE n //", '"}) RETURN 1 //', '$text', '${x}', '\u0000', '\uFEFF', '\u202E', '%00', '<script>alert(1)</script>', '../../etc/passwd'),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.integer({ min: 5_000, max: 300_000 }).map((n) => 'Q'.repeat(n)),
);
const deepJson = fc.integer({ min: 20, max: 400 }).map((depth) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
});
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), deepJson);

function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  // Mostly values of the right type; sometimes anything at all (wrong types).
  return fc.oneof({ weight: 6, arbitrary: rightValue(type, depth) }, { weight: 1, arbitrary: anyJson });
}

function rightValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, depth);
  if (isListType(type)) {
    return fc.oneof(
      fc.array(valueFor(type.ofType, depth + 1), { maxLength: 4 }),
      fc.integer({ min: 200, max: 2_000 }).map((n) => Array.from({ length: n }, (_, i) => KNOWN_IDS[i % KNOWN_IDS.length])),
    );
  }
  if (isEnumType(type)) return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), hostileText);
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, depth + 1)])), { requiredKeys: [] });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 1_000_000));
      case 'Float':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'Boolean':
        return fc.boolean();
      case 'JSON':
        return anyJson;
      default:
        return hostileText; // ID, String and string-like scalars
    }
  }
  return anyJson;
}

// ---------------------------------------------------------------------------------------------
// Operations

const leafFields = (type: GraphQLOutputType): string[] => {
  const named = getNamedType(type);
  if (!isObjectType(named) && !isInterfaceType(named)) return [];
  return Object.values(named.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => f.name);
};

/** A selection of the returned type: its scalars, one level of objects, and persons' identity fields. */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const parts = ['__typename', ...leafFields(named)];
  if (isAbstractType(named) && schema.getPossibleTypes(named).some((t) => t.name === 'Person')) parts.push(`... on Person { ${leafFields(schema.getType('Person') as GraphQLOutputType).join(' ')} }`);
  if ((isObjectType(named) || isInterfaceType(named)) && depth < 2) {
    for (const f of Object.values(named.getFields())) {
      if (!isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type))) parts.push(`${f.name} ${selection(f.type, depth + 1)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

interface Op {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

function operations(): Op[] {
  const q = Object.values(schema.getQueryType()!.getFields()).filter((f) => !EXPENSIVE.has(f.name) && !f.name.startsWith('__'));
  const m = Object.values(schema.getMutationType()!.getFields()).filter((f) => !WRITES_ON_KNOWN_DATA.has(f.name));
  return [...q.map((field) => ({ kind: 'query' as const, field })), ...m.map((field) => ({ kind: 'mutation' as const, field }))];
}

/** A request for one operation: arguments as variables of their declared types, some left out. */
function requestFor(op: Op): fc.Arbitrary<{ query: string; variables: Record<string, unknown> }> {
  const args = op.field.args;
  return fc.tuple(...args.map((a) => fc.option(valueFor(a.type), { nil: undefined, freq: 4 }))).map((values) => {
    const used = args.map((a, i) => ({ a, v: values[i], name: `v${i}` })).filter((x) => x.v !== undefined);
    const decl = used.length ? `(${used.map((x) => `$${x.name}: ${String(x.a.type)}`).join(', ')})` : '';
    const call = used.length ? `(${used.map((x) => `${x.a.name}: $${x.name}`).join(', ')})` : '';
    return {
      query: `${op.kind} Fuzz${decl} { ${op.field.name}${call} ${selection(op.field.type)} }`,
      variables: Object.fromEntries(used.map((x) => [x.name, x.v])),
    };
  });
}

function allowed(op: Op, role: Role | null): boolean {
  const rule = POLICY[`${op.kind === 'query' ? 'Query' : 'Mutation'}.${op.field.name}`];
  if (!rule) return false;
  if (rule === 'public') return true;
  if (!role) return false;
  return rule === 'signed-in' || rule.includes(role);
}

/** Licensing never receives a child's identity, unless the request itself carried it (an echo). */
function assertNoChildIdentity(r: Awaited<ReturnType<typeof send>>, requestText: string, context: string) {
  for (const s of childIdentity) if (!requestText.includes(s)) expect(r.text.includes(s), `${context}: licensing received "${s}"`).toBe(false);
  // Whatever the request said, the data part never holds a child's identity.
  const data = JSON.stringify(r.json?.data ?? null);
  for (const s of childIdentity) expect(data.includes(s), `${context}: licensing received "${s}" in data`).toBe(false);
}

describe('hostile input against /graphql', () => {
  it('random operations with random variables, as every role: safe answers and no crossed role boundary', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(15);
    const arb = fc.constantFrom(...ops).chain((op) => fc.tuple(fc.constant(op), requestFor(op), fc.constantFrom(...ROLES)));
    await fc.assert(
      fc.asyncProperty(arb, async ([op, request, role]) => {
        const body = JSON.stringify(request);
        const r = await send(body, role);
        const context = `${op.field.name} as ${role ?? 'nobody'}: ${body.slice(0, 300)}`;
        assertSafe(r, context, body);
        const data = r.json?.data?.[op.field.name];
        if (!allowed(op, role)) expect(data ?? null, `${context}: a denied role got data`).toBeNull();
        if (role === 'licensing') assertNoChildIdentity(r, body, context);
      }),
      { numRuns: 80, endOnFailure: true },
    );
  }, 120_000);

  it('search takes any text: Lucene syntax, unbalanced quotes, control characters, huge strings', async () => {
    const Q = 'query ($t: String!, $k: [String!], $l: Int) { search(text: $t, kinds: $k, limit: $l) { score entity { id label ... on Person { name pseudonym } } } }';
    await fc.assert(
      fc.asyncProperty(hostileText, fc.option(fc.array(hostileText, { maxLength: 3 }), { nil: undefined }), fc.constantFrom<'analyst' | 'licensing'>('analyst', 'licensing'), async (t, k, role) => {
        const body = JSON.stringify({ query: Q, variables: { t, k, l: 10 } });
        const r = await send(body, role);
        const context = `search ${JSON.stringify(t).slice(0, 100)} as ${role}`;
        assertSafe(r, context, body);
        // A search either answers or says what is wrong with the text; it never fails inside.
        for (const e of r.json?.errors ?? []) expect(['BAD_USER_INPUT', 'QUERY_TOO_LARGE', 'REQUEST_TOO_LARGE'], context).toContain(e.extensions?.code);
        if (role === 'licensing') assertNoChildIdentity(r, body, context);
      }),
      { numRuns: 80, endOnFailure: true },
    );
  }, 120_000);

  it('garbage requests: random query text, bodies, content types and methods', async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 200 }).map((q) => JSON.stringify({ query: q })),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.record({ query: fc.constantFrom('{ health { database } }', 'query Q { health { version } }'), operationName: hostileText, variables: anyJson, extensions: anyJson }).map((v) => JSON.stringify(v)),
    );
    const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'application/graphql', 'multipart/form-data', 'application/x-www-form-urlencoded', '');
    await fc.assert(
      fc.asyncProperty(body, contentType, fc.constantFrom<Role | null>('analyst', null), async (b, ct, role) => {
        const r = await send(b, role, { 'content-type': ct });
        assertSafe(r, `${ct} ${b.slice(0, 200)}`, b);
      }),
      { numRuns: 120, endOnFailure: true },
    );
    const oversized = await fetch(`${inject('stack').url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ health { database } }', variables: { x: 'Q'.repeat(MAX_BODY_BYTES) } }) });
    expect(oversized.status).toBe(413);
    expect((await oversized.json()).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${inject('stack').url}/graphql?query=${encodeURIComponent('{ health { database } }')}`, { method });
      expect(res.status, method).toBeLessThan(500);
      expect(await res.text()).not.toMatch(INTERNALS);
    }
  }, 120_000);

  it('absurd nesting: deep selections, deep lists and deep JSON variables', async () => {
    const deepSelection = (n: number) => `{ ${'neighbourhood(ids: ["per-s001"]) { nodes { id } links { id } } '.repeat(1)}${'entity(id: "x") { '.repeat(n)}id${' }'.repeat(n)} }`;
    const deepList = (n: number) => `{ neighbourhood(ids: ${'['.repeat(n)}"per-s001"${']'.repeat(n)}) { truncated } }`;
    const deepFragment = (n: number) => `{ health { ...F0 } } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Health { database ${i + 1 < n ? `...F${i + 1}` : ''} }`).join(' ')}`;
    const cycle = '{ health { ...A } } fragment A on Health { ...B } fragment B on Health { ...A }';
    for (const query of [deepSelection(50), deepSelection(5_000), deepList(10), deepList(20_000), deepFragment(200), cycle, '{'.repeat(50_000), `{ health { ${'database '.repeat(20_000)}} }`]) {
      for (const role of ['analyst', 'licensing'] as const) {
        const r = await send({ query }, role);
        assertSafe(r, query.slice(0, 80), JSON.stringify({ query }));
        expect(r.json?.errors?.length, query.slice(0, 80)).toBeGreaterThan(0);
      }
    }
    // Variables nested 20,000 deep, written as text (JSON.stringify itself would overflow).
    const depth = 20_000;
    const input = `{"receivedOn":"2020-01-01","sourceType":"police","sourceGrade":1,"intelGrade":"A","handling":"P","ownerAgency":"x","summary":"deep","entities":[{"ref":"a","kind":"Person","properties":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}],"links":[]}`;
    const r = await send(`{"query":"mutation ($i: ReportInput!) { submitReport(input: $i) { report { id } } }","variables":{"i":${input}}}`, 'analyst');
    assertSafe(r, 'deep JSON properties');
    expect(r.json?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }, 120_000);
});
