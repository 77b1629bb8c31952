import type { ChatServerEvent, SessionUser } from '@remed/core';
import type { WebSocket } from 'ws';
import type { PubSub } from '../../platform/pubsub.ts';
import { CHAT_CHANNEL, CHAT_STAFF, type ChatEvent, type ChatService } from './chat.service.ts';

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

/**
 * The sockets this process holds. Every process hears every chat event through LISTEN/NOTIFY and passes it
 * to its own sockets that subscribed to the clinic (or to the console), each reading what it shows.
 */
export function createChatHub(chat: ChatService, pubsub: PubSub, log: Log) {
  const connections = new Set<Connection>();
  let stopListening: (() => Promise<void>) | null = null;
  let stopReconnect: (() => void) | null = null;

  function send(c: Connection, event: ChatServerEvent) {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(event));
  }

  /** A topic names what a socket hears: `console` (staff) or `clinic:<id>` (its people, or staff). */
  function allowed(user: SessionUser, topic: string): boolean {
    if (topic === 'console') return isStaff(user);
    const clinicId = topic.slice('clinic:'.length);
    return isStaff(user) || isMember(user, clinicId);
  }

  async function unreadOf(c: Connection, topic: string): Promise<ChatServerEvent | null> {
    if (topic === 'console')
      return { type: 'unread', clinicId: null, total: await chat.unreadForStaff(c.user.id) };
    const clinicId = topic.slice('clinic:'.length);
    if (!isMember(c.user, clinicId)) return null;
    return { type: 'unread', clinicId, total: await chat.unreadForClinic(c.user.id, clinicId) };
  }

  async function subscribe(c: Connection, topic: unknown) {
    if (typeof topic !== 'string' || !TOPIC.test(topic))
      return send(c, { type: 'error', code: 'VALIDATION_FAILED', message: 'Неверная тема подписки' });
    if (!allowed(c.user, topic))
      return send(c, { type: 'error', code: 'FORBIDDEN', message: 'Нет доступа к этой переписке', topic });
    if (!c.topics.has(topic) && c.topics.size >= MAX_TOPICS)
      return send(c, { type: 'error', code: 'VALIDATION_FAILED', message: 'Слишком много подписок', topic });
    c.topics.add(topic);
    send(c, { type: 'subscribed', topic });
    const unread = await unreadOf(c, topic);
    if (unread) send(c, unread);
  }

  async function onEvent(e: ChatEvent) {
    const topics = ['console', `clinic:${e.clinicId}`];
    const targets = [...connections].filter((c) => topics.some((t) => c.topics.has(t)));
    if (!targets.length) return;
    if (e.t === 'message') {
      const message = await chat.loadMessage(e.messageId);
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
        if (!counted.has(key)) counted.set(key, await unreadOf(c, topic));
        const unread = counted.get(key);
        if (unread) send(c, unread);
      }
    }
  }

  function detach(c: Connection) {
    clearInterval(c.timer);
    connections.delete(c);
  }

  return {
    async start() {
      stopListening = await pubsub.subscribe(CHAT_CHANNEL, (payload) => {
        onEvent(payload as ChatEvent).catch((err) => log.error({ err }, 'chat event not delivered'));
      });
      stopReconnect = pubsub.onReconnect(() => {
        for (const c of connections) send(c, { type: 'resync' });
      });
    },

    attach(socket: WebSocket, user: SessionUser, sessionId: string) {
      let tick = 0;
      const c: Connection = {
        socket,
        user,
        sessionId,
        topics: new Set(),
        alive: true,
        timer: setInterval(() => {
          // A socket that missed a ping is gone; every other tick the session is checked too.
          if (!c.alive) return socket.terminate();
          c.alive = false;
          socket.ping();
          if (++tick % 2 === 0)
            chat
              .sessionAlive(c.sessionId)
              .then((ok) => ok || socket.close(4401, 'session expired'))
              .catch((err) => log.error({ err }, 'chat session check failed'));
        }, TICK_MS),
      };
      c.timer.unref();
      connections.add(c);
      socket.on('pong', () => {
        c.alive = true;
      });
      socket.on('close', () => detach(c));
      socket.on('error', () => detach(c));
      socket.on('message', (data, isBinary) => {
        let command: { type?: unknown; topic?: unknown };
        try {
          command = isBinary ? {} : JSON.parse(String(data));
        } catch {
          command = {};
        }
        if (command?.type !== 'subscribe')
          return send(c, { type: 'error', code: 'VALIDATION_FAILED', message: 'Неизвестная команда' });
        subscribe(c, command.topic).catch((err) => log.error({ err }, 'chat subscribe failed'));
      });
      send(c, { type: 'ready' });
    },

    get size() {
      return connections.size;
    },

    async stop() {
      stopReconnect?.();
      for (const c of connections) {
        detach(c);
        c.socket.close(1001, 'server stopping');
      }
      await stopListening?.();
    },
  };
}

export type ChatHub = ReturnType<typeof createChatHub>;
