import { Alert, Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { CHAT_DEPARTMENT_TITLES, type DepartmentContactView } from '@remed/core';
import { IconClock, IconMail, IconMessageCircle, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useUser } from '../../app/session.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useDepartmentContacts } from '../chat/api.ts';
import { useOpenDepartment } from '../chat/ClinicChatPage.tsx';
import { prettyPhone } from '../claims/api.ts';

function ContactCard({
  contact: c,
  onChat,
}: {
  contact: DepartmentContactView;
  onChat: (() => Promise<void>) | null;
}) {
  const [opening, setOpening] = useState(false);
  return (
    <Card withBorder padding="lg" data-testid="department-contact" data-department={c.department}>
      <Stack gap="xs" h="100%">
        <div>
          <Title order={2} size="h4">
            {c.title}
          </Title>
          {c.personName && (
            <Text size="sm" c="dimmed">
              {c.personName}
            </Text>
          )}
        </div>
        <Text size="sm">
          <Text span fw={600}>
            С какими вопросами:{' '}
          </Text>
          {c.topics}
        </Text>
        <Stack gap={4}>
          <Group gap={6} wrap="nowrap">
            <IconPhone size={16} aria-hidden />
            <Anchor href={`tel:${c.phone}`} size="sm">
              {prettyPhone(c.phone)}
            </Anchor>
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconMail size={16} aria-hidden />
            <Anchor href={`mailto:${c.email}`} size="sm" style={{ wordBreak: 'break-all' }}>
              {c.email}
            </Anchor>
          </Group>
          <Group gap={6} wrap="nowrap">
            <IconClock size={16} aria-hidden />
            <Text size="sm">{c.hours}</Text>
          </Group>
        </Stack>
        {onChat && (
          <Button
            mt="auto"
            variant="light"
            leftSection={<IconMessageCircle size={18} />}
            loading={opening}
            onClick={() => {
              setOpening(true);
              onChat().finally(() => setOpening(false));
            }}
            aria-label={`Написать в чат: ${c.title}`}
          >
            Написать в чат
          </Button>
        )}
      </Stack>
    </Card>
  );
}

export function ContactsPage() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  const contacts = useDepartmentContacts();
  const open = useOpenDepartment(clinic?.id ?? null);
  return (
    <Stack gap="md" data-testid="page-contacts">
      <PageHeader title="Контакты отделов">
        Кому звонить и писать в сервисе. Быстрее всего — в чат: ответ придёт сюда же, а если вас не будет в
        кабинете, мы пришлём письмо.
      </PageHeader>
      {contacts.isError ? (
        <QueryError error={contacts.error} retry={() => contacts.refetch()} />
      ) : contacts.isPending ? (
        <Skeleton h={240} />
      ) : contacts.data.length === 0 ? (
        <Alert color="gray" title="Контакты ещё не заполнены">
          Пока администратор их не внёс, пишите в чат: раздел «{CHAT_DEPARTMENT_TITLES.general}».
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {contacts.data.map((c) => (
            <ContactCard key={c.department} contact={c} onChat={clinic ? () => open(c.department) : null} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
