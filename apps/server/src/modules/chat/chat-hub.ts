import type { ChatServerEvent, SessionUser } from '@remed/core';
import { sql } from 'drizzle-orm';
import type { WebSocket } from 'ws';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { CHAT_STAFF } from './chat-access.ts';
import { CHAT_CHANNEL, type ChatEvent } from './chat-events.ts';
import { loadMessage } from './chat-messages.queries.ts';
import { countUnread } from './chat-threads.queries.ts';

const TOPIC = /^(console|clinic:[0-9a-f-]{36})$/;
const MAX_TOPICS = 20;
const TICK_MS = 30_000;

interface Connection {
  socket: WebSocket;
  user: SessionUser;
  sessionId: string;
  topics: Set<string>;
  alive: boolean;
  timer: NodeJS.Timeout;
}

type Log = { error(obj: unknown, msg?: string): void };

const isStaff = (u: SessionUser) => u.roles.some((r) => CHAT_STAFF.includes(r));
const isMember = (u: SessionUser, clinicId: string) =>
  u.roles.includes('clinic_user') && u.clinics.some((c) => c.id === clinicId);

interface Hub {
  db: DbOrTx;
  clock: AppDeps['clock'];
  log: Log;
  connections: Set<Connection>;
}

function send(c: Connection, event: ChatServerEvent) {
  if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(event));
}

/** A topic names what a socket hears: `console` (staff) or `clinic:<id>` (its people, or staff). */
function allowed(user: SessionUser, topic: string): boolean {
  if (topic === 'console') return isStaff(user);
  const clinicId = topic.slice('clinic:'.length);
  return isStaff(user) || isMember(user, clinicId);
}

async function unreadOf(db: DbOrTx, c: Connection, topic: string): Promise<ChatServerEvent | null> {
  if (topic === 'console')
    return {
      type: 'unread',
      clinicId: null,
      total: await countUnread(db, { userId: c.user.id, side: 'service' }, sql`true`),
    };
  const clinicId = topic.slice('clinic:'.length);
  if (!isMember(c.user, clinicId)) return null;
  const total = await countUnread(db, { userId: c.user.id, side: 'clinic' }, sql`t.clinic_id = ${clinicId}`);
  return { type: 'unread', clinicId, total };
}

async function subscribe(db: DbOrTx, c: Connection, topic: unknown) {
  if (typeof topic !== 'string' || !TOPIC.test(topic))
    return send(c, { type: 'error', code: 'VALIDATION_FAILED', message: 'Неверная тема подписки' });
  if (!allowed(c.user, topic))
    return send(c, { type: 'error', code: 'FORBIDDEN', message: 'Нет доступа к этой переписке', topic });
  if (!c.topics.has(topic) && c.topics.size >= MAX_TOPICS)
    return send(c, { type: 'error', code: 'VALIDATION_FAILED', message: 'Слишком много подписок', topic });
  c.topics.add(topic);
  send(c, { type: 'subscribed', topic });
  const unread = await unreadOf(db, c, topic);
  if (unread) send(c, unread);
}

/** Passes one event to the sockets that subscribed to its clinic or to the console. */
async function deliver(hub: Hub, e: ChatEvent) {
  const topics = ['console', `clinic:${e.clinicId}`];
  const targets = [...hub.connections].filter((c) => topics.some((t) => c.topics.has(t)));
  if (!targets.length) return;
  if (e.t === 'message') {
    const message = await loadMessage(hub.db, { id: e.messageId });
    if (!message) return;
    for (const c of targets) send(c, { type: 'message', clinicId: e.clinicId, message });
  } else {
    for (const c of targets)
      send(c, { type: 'read', clinicId: e.clinicId, threadId: e.threadId, side: e.side, seq: e.seq });
  }
  // Counters change for everyone on a new message, and only for the reader on a read.
  const counted = new Map<string, ChatServerEvent | null>();
  for (const c of targets) {
    if (e.t === 'read' && c.user.id !== e.userId) continue;
    for (const topic of topics.filter((t) => c.topics.has(t))) {
      const key = `${c.user.id}|${topic}`;
      if (!counted.has(key)) counted.set(key, await unreadOf(hub.db, c, topic));
      const unread = counted.get(key);
      if (unread) send(c, unread);
    }
  }
}

function detach(hub: Hub, c: Connection) {
  clearInterval(c.timer);
  hub.connections.delete(c);
}

/** A socket that missed a ping is gone; every other tick the session is checked too. */
function heartbeat(hub: Hub, socket: WebSocket, sessionId: string): Pick<Connection, 'alive' | 'timer'> {
  let tick = 0;
  const beat: Pick<Connection, 'alive' | 'timer'> = {
    alive: true,
    timer: setInterval(() => {
      if (!beat.alive) return socket.terminate();
      beat.alive = false;
      socket.ping();
      if (++tick % 2 === 0)
        sessionAlive(hub.db, hub.clock.now(), sessionId)
          .then((ok) => ok || socket.close(4401, 'session expired'))
          .catch((err) => hub.log.error({ err }, 'chat session check failed'));
    }, TICK_MS),
  };
  beat.timer.unref();
  return beat;
}

function attach(hub: Hub, socket: WebSocket, user: SessionUser, sessionId: string) {
  const c: Connection = Object.assign(heartbeat(hub, socket, sessionId), {
    socket,
    user,
    sessionId,
    topics: new Set<string>(),
  });
  hub.connections.add(c);
  socket.on('pong', () => {
    c.alive = true;
  });
  socket.on('close', () => detach(hub, c));
  socket.on('error', () => detach(hub, c));
  socket.on('message', (data, isBinary) => {
    let command: { type?: unknown; topic?: unknown };
    try {
      command = isBinary ? {} : JSON.parse(String(data));
    } catch {
      command = {};
    }
    if (command?.type !== 'subscribe')
      return send(c, { type: 'error', code: 'VALIDATION_FAILED', message: 'Неизвестная команда' });
    subscribe(hub.db, c, command.topic).catch((err) => hub.log.error({ err }, 'chat subscribe failed'));
  });
  send(c, { type: 'ready' });
}

/**
 * The sockets this process holds. Every process hears every chat event through LISTEN/NOTIFY and passes it
 * to its own sockets that subscribed to the clinic (or to the console), each reading what it shows.
 */
export function createChatHub(deps: Pick<AppDeps, 'database' | 'clock' | 'pubsub'>, log: Log) {
  const { pubsub } = deps;
  const hub: Hub = { db: deps.database.db, clock: deps.clock, log, connections: new Set() };
  let stopListening: (() => Promise<void>) | null = null;
  let stopReconnect: (() => void) | null = null;
  return {
    async start() {
      stopListening = await pubsub.subscribe(CHAT_CHANNEL, (payload) => {
        deliver(hub, payload as ChatEvent).catch((err) => log.error({ err }, 'chat event not delivered'));
      });
      stopReconnect = pubsub.onReconnect(() => {
        for (const c of hub.connections) send(c, { type: 'resync' });
      });
    },

    attach: (socket: WebSocket, user: SessionUser, sessionId: string) => attach(hub, socket, user, sessionId),

    get size() {
      return hub.connections.size;
    },

    async stop() {
      stopReconnect?.();
      for (const c of hub.connections) {
        detach(hub, c);
        c.socket.close(1001, 'server stopping');
      }
      await stopListening?.();
    },
  };
}

/** Whether a socket's session still stands (signed out, expired or blocked users lose their socket). */
async function sessionAlive(db: DbOrTx, now: Date, sessionId: string): Promise<boolean> {
  const rows = await sqlRows<{ ok: number }>(
    db,
    sql`select 1 as ok from sessions s join users u on u.id = s.user_id
        where s.id = ${sessionId} and s.expires_at > ${now} and u.blocked_at is null`,
  );
  return rows.length > 0;
}
