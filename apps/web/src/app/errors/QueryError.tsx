import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconWifiOff } from '@tabler/icons-react';
import { isApiError, isNetworkError } from '../api.ts';

/** What a failed query shows in place of its data: what went wrong in plain words and a way to try again. */
export function QueryError({ error, retry }: { error: unknown; retry?: () => void }) {
  const network = isNetworkError(error);
  const message = isApiError(error) ? error.message : 'Не удалось загрузить данные';
  return (
    <Alert
      color={network ? 'yellow' : 'red'}
      icon={network ? <IconWifiOff /> : <IconAlertTriangle />}
      title={network ? 'Нет связи с сервером' : 'Не удалось загрузить данные'}
      role="alert"
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">{network ? 'Проверьте подключение к интернету и повторите.' : message}</Text>
        {retry && (
          <Button size="xs" variant="white" onClick={retry}>
            Повторить
          </Button>
        )}
      </Group>
    </Alert>
  );
}
