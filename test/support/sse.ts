/** GraphQL over server-sent events, as a browser's EventSource would read it: every payload as it arrives. */
export interface EventStream {
  /** The JSON payload of every `data:` line so far ({ data } or { errors }). */
  payloads: any[];
  /** True once the server ended the stream. */
  ended(): boolean;
  close(): Promise<void>;
  status: number;
  contentType: string | null;
}

export async function openEventStream(url: string, token: string, query: string): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  const payloads: any[] = [];
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
          for (const line of event.split('\n')) if (line.startsWith('data:') && line.length > 5) payloads.push(JSON.parse(line.slice(5)));
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    payloads,
    ended: () => ended,
    close: async () => {
      controller.abort();
      await pump;
    },
    status: res.status,
    contentType: res.headers.get('content-type'),
  };
}
