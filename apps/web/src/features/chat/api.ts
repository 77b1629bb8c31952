import type {
  ChatDepartment,
  ChatMessagesPage,
  ChatMessageView,
  ChatSide,
  ChatThreadView,
  DepartmentContactView,
  SessionUser,
} from '@remed/core';
import { type InfiniteData, type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.ts';
import { useCurrentClinic } from '../../app/clinic.tsx';

/** Whose chat a page shows: one clinic's (its people) or every clinic's (the console). */
export type ChatScope = { kind: 'clinic'; clinicId: string } | { kind: 'console' };

const CHAT_STAFF = ['console_doctor', 'admin'] as const;
const isChatStaff = (user: SessionUser) => user.roles.some((r) => CHAT_STAFF.includes(r as never));

const scopeBase = (s: ChatScope) =>
  s.kind === 'clinic' ? `/api/clinics/${s.clinicId}/chat` : '/api/console/chat';
export const scopeSide = (s: ChatScope): ChatSide => (s.kind === 'clinic' ? 'clinic' : 'service');
export const scopeKey = (s: ChatScope) => (s.kind === 'clinic' ? `clinic:${s.clinicId}` : 'console');

export const chatKeys = {
  all: ['chat'] as const,
  scope: (s: ChatScope) => ['chat', scopeKey(s)] as const,
  threads: (s: ChatScope) => ['chat', scopeKey(s), 'threads'] as const,
  thread: (s: ChatScope, id: string) => ['chat', scopeKey(s), 'thread', id] as const,
  unread: (s: ChatScope) => ['chat', scopeKey(s), 'unread'] as const,
  contacts: ['department-contacts'] as const,
};

export const attachmentUrl = (s: ChatScope, id: string) => `${scopeBase(s)}/attachments/${id}`;

/** The scope of the signed-in user's own chat badge: their current clinic, or the console for staff. */
export function useMyChatScope(user: SessionUser): ChatScope | null {
  const { clinic } = useCurrentClinic(user);
  if (user.roles.includes('clinic_user') && clinic) return { kind: 'clinic', clinicId: clinic.id };
  if (isChatStaff(user)) return { kind: 'console' };
  return null;
}

export const useThreads = (
  scope: ChatScope,
  filter: { department?: ChatDepartment | null; clinicId?: string | null } = {},
) =>
  useQuery({
    queryKey: [...chatKeys.threads(scope), filter],
    queryFn: () =>
      api.get<ChatThreadView[]>(
        `${scopeBase(scope)}/threads${scope.kind === 'console' ? queryString(filter) : ''}`,
      ),
  });

export const useUnread = (scope: ChatScope | null) =>
  useQuery({
    queryKey: scope ? chatKeys.unread(scope) : ['chat', 'none'],
    queryFn: () => api.get<{ total: number }>(`${scopeBase(scope!)}/unread`),
    enabled: !!scope,
    // The socket keeps it current; this is the fallback while it reconnects.
    refetchInterval: 60_000,
  });

/** Messages of a thread that contain the words, newest 50. */
export const useMessageSearch = (scope: ChatScope, threadId: string, q: string) =>
  useQuery({
    queryKey: [...chatKeys.thread(scope, threadId), 'search', q],
    queryFn: () =>
      api.get<ChatMessagesPage>(
        `${scopeBase(scope)}/threads/${threadId}/messages${queryString({ q, limit: 50 })}`,
      ),
    enabled: q.length >= 2,
  });

type MessagesData = InfiniteData<ChatMessagesPage, unknown>;

export const useMessages = (scope: ChatScope, threadId: string) =>
  useInfiniteQuery({
    queryKey: chatKeys.thread(scope, threadId),
    queryFn: ({ pageParam }) =>
      api.get<ChatMessagesPage>(
        `${scopeBase(scope)}/threads/${threadId}/messages${queryString({ before: pageParam })}`,
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.messages[0]?.seq : undefined),
  });

/** Oldest first, each message once: the live socket and the sender may both have added it. */
export function flattenMessages(data: MessagesData | undefined): ChatMessageView[] {
  if (!data) return [];
  const byId = new Map<string, ChatMessageView>();
  for (const page of data.pages) for (const m of page.messages) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** Puts a message into an open conversation (the newest page) without refetching the history. */
export function addMessage(qc: QueryClient, scope: ChatScope, message: ChatMessageView) {
  qc.setQueryData<MessagesData>(chatKeys.thread(scope, message.threadId), (data) => {
    if (!data?.pages.length) return data;
    const [first, ...rest] = data.pages;
    if (data.pages.some((p) => p.messages.some((m) => m.id === message.id))) return data;
    const readUpTo = { ...first!.thread.readUpTo };
    readUpTo[message.side] = Math.max(readUpTo[message.side], message.seq);
    return {
      ...data,
      pages: [
        { ...first!, thread: { ...first!.thread, readUpTo }, messages: [...first!.messages, message] },
        ...rest,
      ],
    };
  });
}

export function setReadUpTo(
  qc: QueryClient,
  scope: ChatScope,
  threadId: string,
  side: ChatSide,
  seq: number,
) {
  qc.setQueryData<MessagesData>(chatKeys.thread(scope, threadId), (data) => {
    if (!data?.pages.length) return data;
    const [first, ...rest] = data.pages;
    const readUpTo = { ...first!.thread.readUpTo, [side]: Math.max(first!.thread.readUpTo[side], seq) };
    return { ...data, pages: [{ ...first!, thread: { ...first!.thread, readUpTo } }, ...rest] };
  });
}

export const sendMessage = (scope: ChatScope, threadId: string, form: FormData) =>
  api.upload<ChatMessageView>(`${scopeBase(scope)}/threads/${threadId}/messages`, form);

export const markRead = (scope: ChatScope, threadId: string, seq: number) =>
  api.post<ChatThreadView>(`${scopeBase(scope)}/threads/${threadId}/read`, { seq });

export const openThread = (clinicId: string, department: ChatDepartment) =>
  api.post<ChatThreadView>(`/api/clinics/${clinicId}/chat/threads`, { department });

export const useDepartmentContacts = () =>
  useQuery({
    queryKey: chatKeys.contacts,
    queryFn: () => api.get<DepartmentContactView[]>('/api/department-contacts'),
  });
