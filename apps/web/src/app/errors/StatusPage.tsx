import { Button, Center, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface StatusPageProps {
  code: string;
  title: string;
  text: string;
  action?: ReactNode;
  testId: string;
}

export function StatusPage({ code, title, text, action, testId }: StatusPageProps) {
  return (
    <Center mih="60dvh" p="md" data-testid={testId}>
      <Stack align="center" maw={480} ta="center" gap="sm">
        <Text fz={64} fw={800} c="teal.8" lh={1} aria-hidden>
          {code}
        </Text>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{text}</Text>
        {action ?? (
          <Button component={Link} to="/">
            На главную
          </Button>
        )}
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  return (
    <StatusPage
      testId="page-404"
      code="404"
      title="Страница не найдена"
      text="Возможно, ссылка устарела или в адресе опечатка. Вернитесь на главную и найдите нужный раздел в меню."
    />
  );
}

export function ForbiddenPage() {
  return (
    <StatusPage
      testId="page-403"
      code="403"
      title="Недостаточно прав"
      text="Этот раздел недоступен для вашей роли. Если он нужен вам для работы, обратитесь к администратору."
    />
  );
}
