import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  CloseButton,
  FileButton,
  Group,
  Image,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  CHAT_ATTACHMENT_ACCEPT,
  CHAT_ATTACHMENT_MAX_BYTES,
  CHAT_ATTACHMENTS_MAX,
  CHAT_DEPARTMENT_TITLES,
  CHAT_MESSAGE_MAX,
  type ChatMessageView,
  type ChatSide,
  type ChatThreadView,
  chatAttachmentType,
  isChatImage,
} from '@remed/core';
import {
  IconArrowLeft,
  IconCheck,
  IconChecks,
  IconFile,
  IconPaperclip,
  IconSearch,
  IconSend,
  IconWifiOff,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatBytes, formatDateTime, keyed } from '../../app/format.ts';
import {
  addMessage,
  attachmentUrl,
  type ChatScope,
  chatKeys,
  flattenMessages,
  markRead,
  scopeSide,
  sendMessage,
  useMessageSearch,
  useMessages,
} from './api.ts';
import { useChatLive } from './live.tsx';

/** A fresh idempotency key per message; works on plain-HTTP addresses where randomUUID is missing. */
function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const otherSide = (side: ChatSide): ChatSide => (side === 'clinic' ? 'service' : 'clinic');

function Attachments({ scope, message }: { scope: ChatScope; message: ChatMessageView }) {
  if (!message.attachments.length) return null;
  return (
    <Stack gap={6} mt={message.body ? 6 : 0}>
      {message.attachments.map((a) => {
        const url = attachmentUrl(scope, a.id);
        return isChatImage(a.contentType) ? (
          <Anchor key={a.id} href={url} target="_blank" rel="noopener" aria-label={`Открыть ${a.fileName}`}>
            <Image
              src={url}
              alt={a.fileName}
              maw={240}
              mah={240}
              fit="contain"
              radius="sm"
              loading="lazy"
              data-testid="chat-image"
            />
          </Anchor>
        ) : (
          <Anchor key={a.id} href={url} download={a.fileName} size="sm" data-testid="chat-file">
            <Group gap={6} wrap="nowrap">
              <IconFile size={18} aria-hidden style={{ flexShrink: 0 }} />
              <Text span size="sm" style={{ wordBreak: 'break-all' }}>
                {a.fileName}
              </Text>
              <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatBytes(a.size)}
              </Text>
            </Group>
          </Anchor>
        );
      })}
    </Stack>
  );
}

function Bubble({
  scope,
  message,
  mine,
  read,
}: {
  scope: ChatScope;
  message: ChatMessageView;
  mine: boolean;
  read: boolean;
}) {
  const who = message.side === 'service' ? `${message.author.name} · сервис` : message.author.name;
  return (
    <Box
      style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: 'min(85%, 560px)' }}
      data-testid="chat-message"
      data-side={message.side}
    >
      <Paper
        px="sm"
        py={6}
        radius="md"
        bg={mine ? 'teal.0' : 'gray.0'}
        withBorder
        style={{ borderColor: mine ? 'var(--mantine-color-teal-2)' : undefined }}
      >
        {!mine && (
          <Text size="xs" fw={600} c="teal.9">
            {who}
          </Text>
        )}
        {message.body && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.body}
          </Text>
        )}
        <Attachments scope={scope} message={message} />
        <Group gap={4} justify="flex-end" mt={2}>
          <Text size="xs" c="dimmed">
            {formatDateTime(message.createdAt)}
          </Text>
          {mine &&
            (read ? (
              <IconChecks size={14} color="var(--mantine-color-teal-7)" aria-label="Прочитано" />
            ) : (
              <IconCheck size={14} color="var(--mantine-color-gray-6)" aria-label="Доставлено" />
            ))}
        </Group>
      </Paper>
    </Box>
  );
}

function Composer({ scope, thread }: { scope: ChatScope; thread: ChatThreadView }) {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // Kept until the message is stored: a retry after a lost answer is the same message, not a second one.
  const clientId = useRef(newClientId());
  const resetFiles = useRef<() => void>(null);

  const addFiles = (picked: File[]) => {
    setError(null);
    const next = [...files];
    for (const f of picked) {
      if (!chatAttachmentType(f.name))
        return setError(
          `Файл «${f.name}»: такие файлы не принимаются. Можно фото, PDF, Word, Excel, TXT, CSV`,
        );
      if (f.size > CHAT_ATTACHMENT_MAX_BYTES) return setError(`Файл «${f.name}» больше 10 МБ`);
      next.push(f);
    }
    if (next.length > CHAT_ATTACHMENTS_MAX)
      return setError(`Не больше ${CHAT_ATTACHMENTS_MAX} файлов в сообщении`);
    setFiles(next);
    resetFiles.current?.();
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (sending) return;
    if (!text.trim() && files.length === 0) return setError('Напишите сообщение или приложите файл');
    setError(null);
    setSending(true);
    const form = new FormData();
    form.set('clientId', clientId.current);
    form.set('body', text);
    for (const f of files) form.append('files', f, f.name);
    try {
      const message = await sendMessage(scope, thread.id, form);
      addMessage(qc, scope, message);
      qc.invalidateQueries({ queryKey: chatKeys.threads(scope) });
      clientId.current = newClientId();
      setText('');
      setFiles([]);
    } catch (err) {
      setError(
        isApiError(err)
          ? (Object.values(err.fields)[0] ?? err.message)
          : 'Не удалось отправить. Повторите — сообщение не задвоится',
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} pt="xs" data-testid="chat-composer" noValidate>
      {error && (
        <Alert color="red" role="alert" mb="xs" py={6} withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {files.length > 0 && (
        <Group gap={6} mb={6} aria-label="Файлы к сообщению">
          {keyed(files, (f) => f.name).map(({ key, item: f }) => (
            <Paper key={key} withBorder px={8} py={2} radius="xl" data-testid="chat-pending-file">
              <Group gap={4} wrap="nowrap">
                <Text size="xs" maw={180} truncate>
                  {f.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatBytes(f.size)}
                </Text>
                <CloseButton
                  size="xs"
                  aria-label={`Убрать файл ${f.name}`}
                  onClick={() => setFiles(files.filter((x) => x !== f))}
                />
              </Group>
            </Paper>
          ))}
        </Group>
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <FileButton onChange={addFiles} accept={CHAT_ATTACHMENT_ACCEPT} multiple resetRef={resetFiles}>
          {(props) => (
            <Tooltip label="Приложить файлы: фото, PDF, Word, Excel — до 5 файлов по 10 МБ">
              <ActionIcon
                {...props}
                variant="default"
                size={36}
                aria-label="Приложить файлы"
                data-testid="chat-attach"
              >
                <IconPaperclip size={20} />
              </ActionIcon>
            </Tooltip>
          )}
        </FileButton>
        <Textarea
          aria-label="Сообщение"
          placeholder="Сообщение (Shift+Enter — новая строка)"
          autosize
          minRows={1}
          maxRows={6}
          maxLength={CHAT_MESSAGE_MAX}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
          style={{ flex: 1 }}
          data-testid="chat-input"
        />
        <Button
          type="submit"
          loading={sending}
          leftSection={<IconSend size={18} />}
          px="sm"
          aria-label="Отправить"
        >
          <Text span visibleFrom="xs">
            Отправить
          </Text>
        </Button>
      </Group>
    </Box>
  );
}

function SearchResults({
  scope,
  threadId,
  q,
  side,
}: {
  scope: ChatScope;
  threadId: string;
  q: string;
  side: ChatSide;
}) {
  const found = useMessageSearch(scope, threadId, q);
  if (q.length < 2)
    return (
      <Text c="dimmed" ta="center" py="xl" size="sm">
        Введите хотя бы два символа
      </Text>
    );
  if (found.isError) return <QueryError error={found.error} retry={() => found.refetch()} />;
  if (found.isPending)
    return (
      <Group justify="center" py="xl">
        <Loader size="sm" />
      </Group>
    );
  return (
    <Stack gap="xs" data-testid="chat-search-results">
      <Text size="sm" c="dimmed" ta="center">
        {found.data.messages.length
          ? `Найдено: ${found.data.messages.length}${found.data.hasMore ? '+' : ''}`
          : 'Ничего не нашлось'}
      </Text>
      {found.data.messages.map((m) => (
        <Bubble key={m.id} scope={scope} message={m} mine={m.side === side} read={false} />
      ))}
    </Stack>
  );
}

/** One thread: history that loads older messages on scroll up, the live feed, and the message form. */
export function Conversation({
  scope,
  threadId,
  title,
  onBack,
}: {
  scope: ChatScope;
  threadId: string;
  title?: string;
  onBack?: () => void;
}) {
  const qc = useQueryClient();
  const live = useChatLive();
  const messagesQuery = useMessages(scope, threadId);
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = messagesQuery;
  const messages = flattenMessages(data);
  const thread = data?.pages[0]?.thread;
  const side = scopeSide(scope);
  const scroller = useRef<HTMLDivElement>(null);
  const before = useRef<{ height: number; top: number; firstId?: string } | null>(null);
  const lastId = useRef<string | undefined>(undefined);
  const marked = useRef(0);
  const [searching, setSearching] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);

  const firstMessageId = messages[0]?.id;
  const lastMessage = messages.at(-1);

  // Older messages went on top: keep what the reader was looking at in place.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const saved = before.current;
    if (saved && saved.firstId !== firstMessageId) {
      el.scrollTop = saved.top + (el.scrollHeight - saved.height);
      before.current = null;
      return;
    }
    if (lastMessage?.id !== lastId.current) {
      const nearBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 160;
      if (lastId.current === undefined || nearBottom || lastMessage?.side === side)
        el.scrollTop = el.scrollHeight;
      lastId.current = lastMessage?.id;
    }
  }, [firstMessageId, lastMessage?.id, lastMessage?.side, side]);

  const loadOlder = () => {
    const el = scroller.current;
    if (!el || !hasNextPage || isFetchingNextPage) return;
    before.current = { height: el.scrollHeight, top: el.scrollTop, firstId: firstMessageId };
    fetchNextPage();
  };

  // Shown on screen means read: the marker moves to the newest message while the page is visible.
  useEffect(() => {
    const seq = lastMessage?.seq ?? 0;
    // Messages that came over the socket are not in the cached count: the other side's last word is news.
    const news = !!thread && (thread.unread > 0 || lastMessage?.side !== side);
    if (!news || seq <= marked.current) return;
    const mark = () => {
      if (document.visibilityState !== 'visible' || seq <= marked.current) return;
      marked.current = seq;
      markRead(scope, threadId, seq)
        .then(() => {
          qc.invalidateQueries({ queryKey: chatKeys.threads(scope) });
          qc.invalidateQueries({ queryKey: chatKeys.unread(scope) });
        })
        .catch(() => {
          marked.current = 0;
        });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [lastMessage?.seq, lastMessage?.side, side, thread, scope, threadId, qc]);

  const heading = thread
    ? `${CHAT_DEPARTMENT_TITLES[thread.department]}${scope.kind === 'console' ? ` · ${thread.clinic.name}` : ''}`
    : (title ?? 'Переписка');
  const theirRead = thread?.readUpTo[otherSide(side)] ?? 0;

  return (
    <Stack gap={0} h="100%" data-testid="chat-conversation">
      <Group gap="xs" wrap="nowrap" pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        {onBack && (
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={onBack}
            aria-label="Назад к списку переписок"
            hiddenFrom="sm"
          >
            <IconArrowLeft size={20} />
          </ActionIcon>
        )}
        <Title order={2} size="h4" style={{ flex: 1, minWidth: 0 }} lineClamp={1}>
          {heading}
        </Title>
        <Tooltip label={searching ? 'Закрыть поиск' : 'Поиск по переписке'}>
          <ActionIcon
            variant={searching ? 'light' : 'subtle'}
            size="lg"
            onClick={() => {
              setSearching(!searching);
              setSearch('');
            }}
            aria-label={searching ? 'Закрыть поиск' : 'Поиск по переписке'}
            aria-pressed={searching}
          >
            <IconSearch size={18} />
          </ActionIcon>
        </Tooltip>
        {!live && (
          <Tooltip label="Нет связи для мгновенных обновлений, переподключаемся. Сообщения отправляются как обычно">
            <IconWifiOff
              size={18}
              color="var(--mantine-color-yellow-7)"
              aria-label="Обновления с задержкой"
            />
          </Tooltip>
        )}
      </Group>
      {searching && (
        <TextInput
          mt="xs"
          aria-label="Искать в переписке"
          placeholder="Слово или номер, например номер счёта"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          leftSection={<IconSearch size={16} />}
          autoFocus
          data-testid="chat-search"
        />
      )}
      {searching && (
        <Box style={{ flex: 1, overflowY: 'auto', minHeight: 0 }} py="sm" px={4}>
          <SearchResults scope={scope} threadId={threadId} q={q} side={side} />
        </Box>
      )}
      <Box
        ref={scroller}
        display={searching ? 'none' : undefined}
        onScroll={(e) => e.currentTarget.scrollTop < 80 && loadOlder()}
        style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}
        py="sm"
        px={4}
        role="log"
        aria-live="polite"
        aria-label="Сообщения"
        tabIndex={0}
      >
        {messagesQuery.isError ? (
          <QueryError error={messagesQuery.error} retry={() => messagesQuery.refetch()} />
        ) : messagesQuery.isPending ? (
          <Group justify="center" py="xl">
            <Loader size="sm" />
          </Group>
        ) : (
          <Stack gap="xs">
            {hasNextPage && (
              <Group justify="center">
                <Button variant="subtle" size="xs" onClick={loadOlder} loading={isFetchingNextPage}>
                  Показать более ранние
                </Button>
              </Group>
            )}
            {messages.length === 0 && (
              <Text c="dimmed" ta="center" py="xl" size="sm">
                {scope.kind === 'clinic'
                  ? 'Сообщений пока нет. Опишите вопрос — сотрудник отдела ответит здесь, а если вы будете не в кабинете, мы пришлём письмо.'
                  : 'Сообщений пока нет.'}
              </Text>
            )}
            {messages.map((m) => (
              <Bubble key={m.id} scope={scope} message={m} mine={m.side === side} read={m.seq <= theirRead} />
            ))}
          </Stack>
        )}
      </Box>
      {thread && <Composer scope={scope} thread={thread} />}
    </Stack>
  );
}
