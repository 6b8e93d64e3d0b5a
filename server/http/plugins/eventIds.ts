/**
 * Event ids on live feeds (GraphQL over server-sent events). A feed that numbers its events sets
 * `ctx.eventId` before yielding one (the alert feed: the alert's number); this plugin writes it as
 * the event's SSE `id:` field. A client that reconnects sends the last id it saw as `Last-Event-ID`
 * (EventSource does so by itself) and the feed resumes after it, on whichever server it reaches.
 *
 * yoga's SSE writer prints each result as `data: <result.stringify(result)>`; a serialised result
 * is one line of JSON, so a serializer that appends `\nid: <n>` gives one event with both fields.
 */
import type { Plugin } from 'graphql-yoga';
import type { RequestContext } from '../context.js';

export const eventIds: Plugin<RequestContext> = {
  onSubscribe() {
    return {
      onSubscribeResult({ args }) {
        const ctx = args.contextValue as RequestContext;
        return {
          onNext({ result, setResult }) {
            const id = ctx.eventId;
            ctx.eventId = undefined;
            if (!id || !/^\d{1,15}$/.test(id)) return;
            setResult({ ...result, stringify: (r: unknown) => `${JSON.stringify(r)}\nid: ${id}` } as typeof result);
          },
        };
      },
    };
  },
};
