/**
 * Tells the client what its request wrote (db/causal.ts): an answer to a request that committed a
 * write carries its bookmarks, signed, in `x-read-after`; the client sends the last one back, and
 * whichever server takes its next request reads after that write.
 */
import type { Plugin } from 'graphql-yoga';
import { currentCausalScope, READ_AFTER_HEADER, signBookmarks } from '../../db/causal.js';

/** `secret`: the shared signing secret once it is loaded (undefined until then: nothing is sent). */
export function readAfter(secret: () => Uint8Array | undefined): Plugin {
  return {
    onResponse({ response }) {
      const written = currentCausalScope()?.written;
      const key = secret();
      if (written?.length && key) response.headers.set(READ_AFTER_HEADER, signBookmarks(key, written));
    },
  };
}
