import { Alert, Anchor, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CHAT_DEPARTMENTS, type ChatDepartment } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useUser } from '../../app/session.tsx';
import { type ChatScope, chatKeys, openThread, useThreads } from './api.ts';
import { ChatLayout } from './ChatLayout.tsx';
import { Conversation } from './Conversation.tsx';
import { type ThreadItem, ThreadList } from './ThreadList.tsx';

/** Opens (or starts) the clinic's thread with a department and goes to it. */
export function useOpenDepartment(clinicId: string | null) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return async (department: ChatDepartment) => {
    if (!clinicId) return;
    try {
      const thread = await openThread(clinicId, department);
      await qc.invalidateQueries({ queryKey: chatKeys.threads({ kind: 'clinic', clinicId }) });
      navigate(`/clinic/chat/${thread.id}`);
    } catch (e) {
      notifications.show({
        color: 'red',
        message: isApiError(e) ? e.message : 'Не удалось открыть переписку',
      });
    }
  };
}

function ClinicThreads({
  scope,
  activeId,
}: {
  scope: ChatScope & { kind: 'clinic' };
  activeId: string | null;
}) {
  const threads = useThreads(scope);
  const navigate = useNavigate();
  const open = useOpenDepartment(scope.clinicId);
  if (threads.isError) return <QueryError error={threads.error} retry={() => threads.refetch()} />;
  if (threads.isPending) return <Skeleton h={300} />;
  const items: ThreadItem[] = CHAT_DEPARTMENTS.map((department) => {
    const thread = threads.data.find((t) => t.department === department) ?? null;
    return { key: thread?.id ?? department, department, thread };
  });
  return (
    <Stack gap="sm">
      <div>
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          Чат с сервисом
        </Title>
        <Text size="sm" c="dimmed">
          Выберите отдел и напишите вопрос. Кому и о чём писать — на странице{' '}
          <Anchor component={Link} to="/clinic/contacts">
            «Контакты отделов»
          </Anchor>
          .
        </Text>
      </div>
      <ThreadList
        items={items}
        activeKey={activeId}
        onOpen={(item) => (item.thread ? navigate(`/clinic/chat/${item.thread.id}`) : open(item.department))}
      />
    </Stack>
  );
}

function ClinicChat({ clinicId }: { clinicId: string }) {
  const scope: ChatScope & { kind: 'clinic' } = { kind: 'clinic', clinicId };
  const { threadId = null } = useParams();
  const navigate = useNavigate();
  const threads = useThreads(scope);
  const known = !!threadId && !!threads.data?.some((t) => t.id === threadId);

  // Switching to another clinic of the network leaves the previous clinic's conversation.
  useEffect(() => {
    if (threadId && threads.isSuccess && !known) navigate('/clinic/chat', { replace: true });
  }, [threadId, threads.isSuccess, known, navigate]);

  return (
    <ChatLayout
      testId="page-clinic-chat"
      list={<ClinicThreads scope={scope} activeId={threadId} />}
      conversation={
        threadId && known ? (
          <Conversation
            key={threadId}
            scope={scope}
            threadId={threadId}
            onBack={() => navigate('/clinic/chat')}
          />
        ) : null
      }
    />
  );
}

export function ClinicChatPage() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  if (!clinic)
    return (
      <Alert color="yellow" title="Учётная запись не привязана к клинике">
        Попросите администратора привязать вас к клинике.
      </Alert>
    );
  return <ClinicChat key={clinic.id} clinicId={clinic.id} />;
}
