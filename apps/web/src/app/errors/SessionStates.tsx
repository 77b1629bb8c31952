import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';

export function SessionLoading() {
  return (
    <Center h="100dvh">
      <Loader aria-label="Загрузка" />
    </Center>
  );
}

export function SessionUnavailable({ retry }: { retry: () => void }) {
  return (
    <Center h="100dvh" p="md">
      <Stack align="center" maw={420} ta="center">
        <IconPlugConnectedX size={48} stroke={1.5} aria-hidden />
        <Title order={2}>Нет связи с сервером</Title>
        <Text c="dimmed">
          Проверьте подключение к интернету. Если оно в порядке, сервис может быть на обслуживании.
        </Text>
        <Button onClick={retry}>Повторить</Button>
      </Stack>
    </Center>
  );
}
