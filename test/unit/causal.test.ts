/** The bookmarks a client carries between servers (server/db/causal.ts): only what the service signed comes back. No database. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { currentCausalScope, inCausalScope, outsideCausalScope, signBookmarks, verifyBookmarks } from '../../server/db/causal.js';

const secret = randomBytes(32);
const bookmarks = ['FB:kcwQx4f0P7c2SWu1cxgyR9vU4ZAAkA==', 'FB:kcwQx4f0P7c2SWu1cxgyR9vU4ZAAkQ=='];

describe('signed bookmarks', () => {
  it('come back as they were signed', () => {
    expect(verifyBookmarks(secret, signBookmarks(secret, bookmarks))).toEqual(bookmarks);
  });

  it('are ignored when altered, signed with another secret, malformed or too long', () => {
    const signed = signBookmarks(secret, bookmarks);
    const [body, mac] = signed.split('.');
    const forgedBody = Buffer.from(JSON.stringify(['FB:forged'])).toString('base64url');
    for (const value of [
      `${forgedBody}.${mac}`,
      `${body}.${mac!.slice(0, -2)}AA`,
      signBookmarks(randomBytes(32), bookmarks),
      body!,
      `${signed}.extra`,
      '',
      null,
      undefined,
      'x'.repeat(5000),
    ]) {
      expect(verifyBookmarks(secret, value)).toEqual([]);
    }
  });

  it('carry at most eight bookmarks, and only strings', () => {
    const many = Array.from({ length: 20 }, (_, i) => `FB:${i}`);
    expect(verifyBookmarks(secret, signBookmarks(secret, many))).toHaveLength(8);
  });
});

describe('a request’s causal scope', () => {
  it('follows the request through awaits, and work shared by many requests runs outside it', async () => {
    const scope = { after: ['FB:a'], written: [] as string[] };
    await inCausalScope(scope, async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentCausalScope()).toBe(scope);
      outsideCausalScope(() => expect(currentCausalScope()).toBeUndefined());
    });
    expect(currentCausalScope()).toBeUndefined();
  });
});
