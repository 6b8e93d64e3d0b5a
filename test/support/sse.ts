/** GraphQL over server-sent events, as a browser's EventSource would read it: every payload as it arrives. */
export interface EventStream {
  /** The JSON payload of every `data:` line so far ({ data } or { errors }). */
  payloads: any[];
  /** The `id:` of each event that carried data, in order (undefined when it had none). */
  ids: (string | undefined)[];
  /** True once the server ended the stream. */
  ended(): boolean;
  close(): Promise<void>;
  status: number;
  contentType: string | null;
}

export async function openEventStream(url: string, token: string, query: string, opts: { lastEventId?: string } = {}): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}`, ...(opts.lastEventId ? { 'last-event-id': opts.lastEventId } : {}) },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  const payloads: any[] = [];
  const ids: (string | undefined)[] = [];
  let ended = false;
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          ended = true;
          return;
        }
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const lines = event.split('\n');
          const data = lines.find((l) => l.startsWith('data:') && l.length > 5);
          if (!data) continue;
          payloads.push(JSON.parse(data.slice(5)));
          ids.push(lines.find((l) => l.startsWith('id:'))?.slice(3).trim());
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    payloads,
    ids,
    ended: () => ended,
    close: async () => {
      controller.abort();
      await pump;
    },
    status: res.status,
    contentType: res.headers.get('content-type'),
  };
}
