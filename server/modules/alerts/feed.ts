/**
 * The live alert feed, shared by every server process through the database (issue 21): no server
 * holds an alert only in its memory, so a notice submitted through one server reaches a browser
 * connected to another, and a browser that reconnects (to any server) misses nothing.
 *
 * Every alert is numbered when it is stored (storeAlerts.cypher: `seq`, in commit order under the
 * AlertFeed node's lock). Each server keeps one poller per database while it has live subscribers:
 * it reads what is new since the last number it saw (ALERT_POLL_MS, and at once after an alert this
 * server raised) and keeps the most recent ones in memory, so a hundred open feeds cost one read.
 * A subscriber follows from its own number: the feed's head when it subscribed, or the client's
 * `Last-Event-ID`; a gap the memory does not cover is read from the database.
 */
import type { Database } from '../../db/database.js';
import type { Alert } from './rules.js';

export interface SequencedAlert extends Alert {
  seq: number;
}

/** How often a server with live subscribers looks for alerts raised by any server (milliseconds). */
export const ALERT_POLL_MS = Math.max(50, Number(process.env.ALERT_POLL_MS ?? 500) || 500);
/** At most this many alerts are replayed to a reconnecting client, and kept in memory per server. */
export const REPLAY_MAX = 1_000;
/** One read takes at most this many new alerts; the rest come with the next. */
const READ_BATCH = 500;

export class AlertFeed {
  /** The highest number this server has read (-1 before its first read). */
  private last = -1;
  /** The most recent alerts read, in order, at most REPLAY_MAX. */
  private recent: SequencedAlert[] = [];
  private readonly wakers = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  constructor(private readonly db: Database) {}

  /** The number of the last alert raised by any server. */
  async head(): Promise<number> {
    const [row] = await this.db.read("OPTIONAL MATCH (f:AlertFeed {id: 'alerts'}) RETURN coalesce(f.last, 0) AS last");
    return Number(row?.last ?? 0);
  }

  /** Alerts numbered after `after`, in order (at most `limit`), from the database. */
  async readSince(after: number, limit = READ_BATCH): Promise<SequencedAlert[]> {
    const rows = await this.db.read('MATCH (a:Alert) WHERE a.seq > $after RETURN properties(a) AS a ORDER BY a.seq LIMIT $limit', { after, limit });
    return rows.map((r) => r.a as SequencedAlert);
  }

  /**
   * Alerts after `after` that this server knows of, or has to read: from memory when it holds
   * everything since `after`, else from the database (a subscriber resuming from long ago, or
   * one that subscribed before this server's poller caught up).
   */
  async after(after: number): Promise<SequencedAlert[]> {
    if (this.last >= 0 && after >= this.last) return [];
    const first = this.recent[0];
    if (first && first.seq <= after + 1) return this.recent.filter((a) => a.seq > after);
    return this.readSince(after);
  }

  /** Calls `wake` whenever new alerts may be there; returns how to stop. Polls while anyone listens. */
  listen(wake: () => void): () => void {
    this.wakers.add(wake);
    this.timer ??= setInterval(() => void this.poll(), ALERT_POLL_MS);
    this.timer.unref();
    return () => {
      this.wakers.delete(wake);
      if (!this.wakers.size && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  /** Reads now: after this server raised alerts, its own subscribers need not wait for the next tick. */
  nudge(): void {
    if (this.wakers.size) void this.poll();
  }

  private poll(): Promise<void> {
    this.polling ??= this.readNew()
      .catch(() => {}) // the database is away: the next tick tries again, subscribers keep their place
      .finally(() => (this.polling = null));
    return this.polling;
  }

  private async readNew(): Promise<void> {
    if (this.last < 0) {
      this.last = await this.head();
      return;
    }
    const fresh = await this.readSince(this.last);
    if (!fresh.length) return;
    this.recent.push(...fresh);
    if (this.recent.length > REPLAY_MAX) this.recent.splice(0, this.recent.length - REPLAY_MAX);
    this.last = fresh.at(-1)!.seq;
    for (const wake of this.wakers) wake();
  }
}

// One feed per database, so two stacks in one process (tests) never see each other's alerts.
const feeds = new WeakMap<Database, AlertFeed>();
export function alertFeed(db: Database): AlertFeed {
  let f = feeds.get(db);
  if (!f) feeds.set(db, (f = new AlertFeed(db)));
  return f;
}

/**
 * Where a subscriber starts: after the client's `Last-Event-ID` when it sent a number the feed has
 * given (at most REPLAY_MAX back), else at the head (only what is raised from now on).
 */
export function resumePoint(lastEventId: string | null, head: number): number {
  if (!lastEventId || !/^\d{1,15}$/.test(lastEventId.trim())) return head;
  const asked = Number(lastEventId.trim());
  if (asked > head) return head;
  return Math.max(asked, head - REPLAY_MAX);
}
