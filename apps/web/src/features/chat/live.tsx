import type { ChatServerEvent, SessionUser } from '@remed/core';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { addMessage, type ChatScope, chatKeys, scopeKey, setReadUpTo, useMyChatScope } from './api.ts';

const LiveContext = createContext(false);

/** Whether new messages arrive by themselves right now (the socket is open and subscribed). */
export const useChatLive = () => useContext(LiveContext);

const socketUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/chat/ws`;

/** What an event from the socket changes in the cached threads, conversations and unread counts. */
function applyEvent(qc: QueryClient, scope: ChatScope, e: ChatServerEvent) {
  switch (e.type) {
    case 'message':
      addMessage(qc, scope, e.message);
      qc.invalidateQueries({ queryKey: chatKeys.threads(scope) });
      return;
    case 'read':
      setReadUpTo(qc, scope, e.threadId, e.side, e.seq);
      qc.invalidateQueries({ queryKey: chatKeys.threads(scope) });
      return;
    case 'unread':
      if ((scope.kind === 'console') === (e.clinicId === null))
        qc.setQueryData(chatKeys.unread(scope), { total: e.total });
      return;
    case 'resync':
      qc.invalidateQueries({ queryKey: chatKeys.scope(scope) });
      return;
    default:
      return;
  }
}

/**
 * One WebSocket per signed-in clinic employee or staff member: it hears the current clinic's threads (or
 * all of them, for the console) and keeps the open conversation, the thread lists and the badge current.
 */
export function ChatLive({ user, children }: { user: SessionUser; children: ReactNode }) {
  const scope = useMyChatScope(user);
  const topic = scope ? scopeKey(scope) : null;
  const qc = useQueryClient();
  const [live, setLive] = useState(false);

  // The scope object is rebuilt each render; the topic says everything about it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the topic stands for the scope
  useEffect(() => {
    if (!scope || !topic) return;
    let socket: WebSocket | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    const current: ChatScope = scope;

    const refreshAll = () => qc.invalidateQueries({ queryKey: chatKeys.scope(current) });

    const onEvent = (e: ChatServerEvent) => {
      if (e.type === 'ready') socket?.send(JSON.stringify({ type: 'subscribe', topic }));
      else if (e.type === 'subscribed') {
        delay = 1000;
        setLive(true);
      } else applyEvent(qc, current, e);
    };

    const connect = () => {
      socket = new WebSocket(socketUrl());
      socket.onmessage = (m) => {
        try {
          onEvent(JSON.parse(String(m.data)) as ChatServerEvent);
        } catch {
          // A frame we do not understand changes nothing on the page.
        }
      };
      socket.onopen = () => {
        // What happened while we were away is read again.
        refreshAll();
      };
      socket.onclose = (ev) => {
        setLive(false);
        if (stopped) return;
        // The session ended: the next request finds out and sends the user to sign in.
        if (ev.code === 4401) {
          qc.invalidateQueries({ queryKey: ['session'] });
          return;
        }
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, 30_000);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
      setLive(false);
    };
  }, [topic, qc]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
