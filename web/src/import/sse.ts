/**
 * Server-sent events as graphql-yoga streams a subscription: events separated by a blank line, each
 * `data:` line part of the event's JSON. Pure: fed the decoded text as it arrives.
 */
export class SseParser {
  private buffer = '';

  /** Adds text; returns the data of every event completed by it (keep-alive comments give none). */
  push(text: string): string[] {
    this.buffer += text.replace(/\r\n?/g, '\n');
    const out: string[] = [];
    let cut: number;
    while ((cut = this.buffer.indexOf('\n\n')) >= 0) {
      const event = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut + 2);
      const data = event
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => (l.startsWith('data: ') ? l.slice(6) : l.slice(5)))
        .join('\n');
      if (data) out.push(data);
    }
    return out;
  }
}

/** One subscription answer: the data, or the first error's message and code. */
export function readEvent<T>(data: string, field: string): { value?: T; error?: { message: string; code?: string } } {
  let payload: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    payload = JSON.parse(data) as typeof payload;
  } catch {
    return { error: { message: 'The progress feed sent something the app could not read.' } };
  }
  const e = payload.errors?.[0];
  if (e) return { error: e.extensions?.code ? { message: e.message, code: e.extensions.code } : { message: e.message } };
  const value = payload.data?.[field];
  return value === undefined || value === null ? {} : { value: value as T };
}
