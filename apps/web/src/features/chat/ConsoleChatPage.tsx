import { Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { CHAT_DEPARTMENT_TITLES, CHAT_DEPARTMENTS, type ChatDepartment } from '@remed/core';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { type ChatScope, useThreads } from './api.ts';
import { ChatLayout } from './ChatLayout.tsx';
import { Conversation } from './Conversation.tsx';
import { ThreadList } from './ThreadList.tsx';

const scope: ChatScope = { kind: 'console' };

function ConsoleThreads({ activeId }: { activeId: string | null }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const department = (CHAT_DEPARTMENTS as readonly string[]).includes(params.get('department') ?? '')
    ? (params.get('department') as ChatDepartment)
    : null;
  const clinicId = params.get('clinic');
  const threads = useThreads(scope, { department, clinicId });
  // Every clinic that has written, for the filter; the same list the page shows without filters.
  const all = useThreads(scope);
  const clinics = [...new Map((all.data ?? []).map((t) => [t.clinic.id, t.clinic.name])).entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'ru'));
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const search = params.toString() ? `?${params}` : '';

  return (
    <Stack gap="sm">
      <Title order={1} fz={{ base: 24, sm: 28 }}>
        Чат с клиниками
      </Title>
      <Group gap="xs" grow wrap="wrap">
        <Select
          label="Отдел"
          placeholder="Все отделы"
          data={CHAT_DEPARTMENTS.map((d) => ({ value: d, label: CHAT_DEPARTMENT_TITLES[d] }))}
          value={department}
          onChange={(v) => setFilter('department', v)}
          clearable
          size="sm"
          miw={160}
        />
        <Select
          label="Клиника"
          placeholder="Все клиники"
          data={clinics}
          value={clinicId}
          onChange={(v) => setFilter('clinic', v)}
          clearable
          searchable
          nothingFoundMessage="Нет такой клиники"
          size="sm"
          miw={160}
        />
      </Group>
      {threads.isError ? (
        <QueryError error={threads.error} retry={() => threads.refetch()} />
      ) : threads.isPending ? (
        <Skeleton h={300} />
      ) : threads.data.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {department || clinicId ? 'По этим условиям переписок нет.' : 'Клиники пока не писали.'}
        </Text>
      ) : (
        <ThreadList
          items={threads.data.map((t) => ({
            key: t.id,
            department: t.department,
            clinicName: t.clinic.name,
            thread: t,
          }))}
          activeKey={activeId}
          onOpen={(item) => navigate(`/console/chat/${item.key}${search}`)}
        />
      )}
    </Stack>
  );
}

export function ConsoleChatPage() {
  const { threadId = null } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const search = params.toString() ? `?${params}` : '';
  return (
    <ChatLayout
      testId="page-console-chat"
      list={<ConsoleThreads activeId={threadId} />}
      conversation={
        threadId ? (
          <Conversation
            key={threadId}
            scope={scope}
            threadId={threadId}
            onBack={() => navigate(`/console/chat${search}`)}
          />
        ) : null
      }
    />
  );
}
