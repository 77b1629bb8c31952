import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { MyConsentsSection } from './MyConsentsSection.tsx';
import { MyViewsSection } from './MyViewsSection.tsx';

/** The person's own 152-ФЗ controls in one place: consents, who looked, and a copy of everything we hold. */
export function MyDataPage() {
  return (
    <Stack gap="xl" data-testid="page-my-data" maw={820}>
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Мои данные и согласия
        </Title>
        <Text c="dimmed">
          Как мы обрабатываем ваши данные, написано в{' '}
          <Anchor component={Link} to="/privacy">
            Политике обработки персональных данных
          </Anchor>
          .
        </Text>
      </Stack>
      <MyConsentsSection />
      <MyViewsSection />
      <Card withBorder data-testid="my-export">
        <Title order={2} size="h3" mb={4}>
          Скачать мои данные
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Всё, что мы о вас храним: личные данные, полисы, согласия, обращения, гарантийные письма, чеки с
          решениями, выплаты, ваши сообщения и журнал просмотров. PDF удобно читать и печатать, JSON —
          передать в другую программу.
        </Text>
        <Group>
          <Button
            component="a"
            href="/api/me/personal-data/export.pdf"
            download
            leftSection={<IconDownload size={18} />}
            data-testid="export-pdf"
          >
            Скачать PDF
          </Button>
          <Button
            component="a"
            href="/api/me/personal-data/export.json"
            download
            variant="light"
            leftSection={<IconDownload size={18} />}
            data-testid="export-json"
          >
            Скачать JSON
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
