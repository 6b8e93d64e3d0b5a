/**
 * Tokens from an external identity provider: a provider served on loopback publishes its JWKS;
 * its tokens are accepted, their role claim mapped, and anything off (audience, role) refused.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createApp, listen } from '../../server/http/app.js';
import type { Database } from '../../server/db/database.js';
import { testDatabase } from '../support/client.js';

const ISSUER = 'https://idp.example.test/';
let db: Database;
let idp: http.Server;
let app: http.Server;
let appUrl: string;
let privateKey: CryptoKey;

beforeAll(async () => {
  const keys = await generateKeyPair('RS256');
  privateKey = keys.privateKey as CryptoKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  idp = http.createServer((_, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const idpPort = await listen(idp, 0, '127.0.0.1');
  db = testDatabase();
  app = createApp(db, {
    externalIdp: {
      jwksUrl: `http://127.0.0.1:${idpPort}/jwks.json`,
      issuer: ISSUER,
      audience: 'linkchart',
      roleClaim: 'groups',
      roleMap: { 'cse-analyst': 'analyst', 'taxi-licensing': 'licensing' },
      agencyClaim: 'org',
    },
  }).server;
  appUrl = `http://127.0.0.1:${await listen(app, 0, '127.0.0.1')}/graphql`;
});

afterAll(async () => {
  app?.close();
  idp?.close();
  await db?.close();
});

const token = (claims: Record<string, unknown>, audience = 'linkchart') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('jane.doe').setIssuer(ISSUER).setAudience(audience).setIssuedAt().setExpirationTime('5m').sign(privateKey);

const ask = async (query: string, bearer: string) =>
  (await fetch(appUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query }) }).then((r) =>
    r.json(),
  )) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

describe('external identity provider', () => {
  it('accepts its tokens and maps its role claim', async () => {
    const r = await ask('{ me { username role agency } search(text: "Dunmere") { score } }', await token({ groups: ['cse-analyst'], org: 'Police' }));
    expect(r.errors).toBeUndefined();
    expect(r.data.me).toEqual({ username: 'jane.doe', role: 'analyst', agency: 'Police' });
    expect(r.data.search.length).toBeGreaterThan(0);
  });

  it('takes the least privileged of several mapped roles', async () => {
    const r = await ask('{ me { role } }', await token({ groups: ['cse-analyst', 'taxi-licensing'] }));
    expect(r.data.me.role).toBe('licensing');
  });

  it('refuses a token for another audience, or with no role it knows', async () => {
    const wrongAudience = await ask('{ stats { nodes } }', await token({ groups: ['cse-analyst'] }, 'some-other-app'));
    expect(wrongAudience.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrongAudience.errors?.[0].message).toMatch(/not valid/);
    const noRole = await ask('{ stats { nodes } }', await token({ groups: ['canteen'] }));
    expect(noRole.errors?.[0].message).toMatch(/no role this service knows/);
  });
});
