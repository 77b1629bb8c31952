import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, DbOrTx } from '../db/client.ts';

export type PubSubHandler = (payload: unknown) => void;

/**
 * Events to every app process through PostgreSQL LISTEN/NOTIFY. Publishing is a statement in the caller's
 * transaction, so listeners hear about a change only once it is committed, and never about one rolled back.
 */
export interface PubSub {
  /** The payload is JSON of at most a few kilobytes (NOTIFY's limit is 8000 bytes): send ids, not documents. */
  publish(tx: DbOrTx, channel: string, payload: unknown): Promise<void>;
  subscribe(channel: string, handler: PubSubHandler): Promise<() => Promise<void>>;
  /** Called after the listener lost its connection and listens again: events in between may be lost. */
  onReconnect(handler: () => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

function assertChannel(channel: string) {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel name: ${channel}`);
}

async function publish(tx: DbOrTx, channel: string, payload: unknown) {
  assertChannel(channel);
  await tx.execute(sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`);
}

function parse(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

class Handlers {
  private readonly byChannel = new Map<string, Set<PubSubHandler>>();
  readonly reconnect = new Set<() => void>();
  add(channel: string, h: PubSubHandler): boolean {
    const set = this.byChannel.get(channel) ?? new Set();
    const first = set.size === 0;
    set.add(h);
    this.byChannel.set(channel, set);
    return first;
  }
  remove(channel: string, h: PubSubHandler): boolean {
    const set = this.byChannel.get(channel);
    set?.delete(h);
    return !set || set.size === 0;
  }
  channels() {
    return [...this.byChannel].filter(([, s]) => s.size > 0).map(([c]) => c);
  }
  emit(channel: string, raw: string | undefined, log: Log) {
    const payload = parse(raw);
    for (const h of this.byChannel.get(channel) ?? []) {
      try {
        h(payload);
      } catch (e) {
        log.error({ err: e, channel }, 'pubsub handler failed');
      }
    }
  }
}

type Log = { error(obj: unknown, msg?: string): void };

/** PGlite is one process: its own LISTEN hears its own NOTIFY. */
function pglitePubSub(database: Database, log: Log): PubSub {
  const client = database.pglite!;
  const handlers = new Handlers();
  const unlisten = new Map<string, () => Promise<void>>();
  return {
    publish,
    async subscribe(channel, handler) {
      assertChannel(channel);
      if (handlers.add(channel, handler))
        unlisten.set(channel, await client.listen(channel, (raw) => handlers.emit(channel, raw, log)));
      return async () => {
        if (handlers.remove(channel, handler)) {
          const stop = unlisten.get(channel);
          unlisten.delete(channel);
          await stop?.().catch(() => undefined);
        }
      };
    },
    onReconnect(handler) {
      handlers.reconnect.add(handler);
      return () => handlers.reconnect.delete(handler);
    },
    async close() {
      for (const stop of unlisten.values()) await stop().catch(() => undefined);
      unlisten.clear();
    },
  };
}

/**
 * On a PostgreSQL server LISTEN needs a connection of its own for as long as the process lives (a pooled
 * connection goes back to the pool); when it drops it is opened again and every channel listened to anew.
 */
function postgresPubSub(url: string, log: Log): PubSub {
  const handlers = new Handlers();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let retryMs = 500;

  const quote = (channel: string) => `"${channel}"`;

  async function connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => handlers.emit(n.channel, n.payload, log));
    c.on('error', (e) => {
      log.error({ err: e }, 'pubsub listener connection lost');
      drop(c);
    });
    c.on('end', () => drop(c));
    await c.connect();
    for (const channel of handlers.channels()) await c.query(`listen ${quote(channel)}`);
    retryMs = 500;
    return c;
  }

  function drop(c: pg.Client) {
    if (client !== c) return;
    client = null;
    c.end().catch(() => undefined);
    if (!closed && handlers.channels().length > 0) setTimeout(reopen, retryMs).unref();
  }

  async function reopen() {
    if (closed || client || connecting) return;
    try {
      await ensure();
      for (const h of handlers.reconnect) h();
    } catch (e) {
      log.error({ err: e }, 'pubsub listener cannot reconnect');
      retryMs = Math.min(retryMs * 2, 30_000);
      setTimeout(reopen, retryMs).unref();
    }
  }

  async function ensure(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= connect().finally(() => {
      connecting = null;
    });
    client = await connecting;
    return client;
  }

  return {
    publish,
    async subscribe(channel, handler) {
      assertChannel(channel);
      const first = handlers.add(channel, handler);
      const c = await ensure();
      if (first) await c.query(`listen ${quote(channel)}`);
      return async () => {
        if (!handlers.remove(channel, handler) || !client) return;
        // The last listener gone, the connection goes too, so a closing app leaves nothing open.
        const c = client;
        if (handlers.channels().length === 0) {
          client = null;
          await c.end().catch(() => undefined);
        } else await c.query(`unlisten ${quote(channel)}`).catch(() => undefined);
      };
    },
    onReconnect(handler) {
      handlers.reconnect.add(handler);
      return () => handlers.reconnect.delete(handler);
    },
    async close() {
      closed = true;
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

export function createPubSub(database: Database, log: Log): PubSub {
  return database.kind === 'pglite' ? pglitePubSub(database, log) : postgresPubSub(database.url!, log);
}
