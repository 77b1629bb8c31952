import { Alert, Button, Card, CopyButton, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconLifebuoy } from '@tabler/icons-react';

function download(codes: string[], login: string) {
  const text = [
    'remed — резервные коды для входа',
    `Учётная запись: ${login}`,
    '',
    'Если телефона с приложением нет под рукой, введите один из кодов вместо шести цифр.',
    'Каждый код действует один раз. Храните их там, где их не увидят посторонние.',
    '',
    ...codes,
    '',
  ].join('\r\n');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'remed-резервные-коды.txt';
  a.click();
  URL.revokeObjectURL(url);
}

/** The recovery codes, shown once right after they are made. */
export function RecoveryCodesPanel({
  codes,
  login,
  onDone,
  doneLabel,
}: {
  codes: string[];
  login: string;
  onDone: () => void;
  doneLabel: string;
}) {
  return (
    <Stack gap="md" data-testid="recovery-codes">
      <div>
        <Title order={2} fz={22}>
          Сохраните резервные коды
        </Title>
        <Text size="sm" c="dimmed">
          Если телефон потеряется или сломается, войти можно по одному из этих кодов вместо шести цифр из
          приложения. Каждый код действует один раз.
        </Text>
      </div>
      <Alert color="yellow" icon={<IconLifebuoy />}>
        Больше мы их не покажем. Скачайте файл или перепишите коды и храните там, где их не увидят
        посторонние.
      </Alert>
      <Card withBorder bg="gray.0" p="md">
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
          {codes.map((c) => (
            <Text key={c} ff="monospace" fz="lg" ta="center" data-testid="recovery-code">
              {c}
            </Text>
          ))}
        </SimpleGrid>
      </Card>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Button
          variant="light"
          leftSection={<IconDownload size={18} />}
          onClick={() => download(codes, login)}
        >
          Скачать .txt
        </Button>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              onClick={copy}
            >
              {copied ? 'Скопировано' : 'Скопировать'}
            </Button>
          )}
        </CopyButton>
      </SimpleGrid>
      <Button onClick={onDone} size="md">
        {doneLabel}
      </Button>
    </Stack>
  );
}
