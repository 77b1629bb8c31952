import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SecondFactorStatus } from '@remed/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';

/** In the admin's user drawer: the state of the second factor, and its reset for a lost phone. */
export function AdminSecondFactorSection({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const key = ['admin', 'users', 'second-factor', userId];
  const status = useQuery({
    queryKey: key,
    queryFn: () => api.get<SecondFactorStatus>(`/api/admin/users/${userId}/second-factor`),
  });
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: () => api.post(`/api/admin/users/${userId}/second-factor/reset`),
    onSuccess: async () => {
      setConfirming(false);
      notifications.show({
        color: 'teal',
        message: 'Вход с кодом сброшен. При следующем входе пользователь подключит его заново',
      });
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });

  if (status.isPending) return <Loader aria-label="Загрузка" size="sm" />;
  if (status.isError) return <QueryError error={status.error} retry={() => status.refetch()} />;
  const s = status.data;
  return (
    <Stack gap="xs" data-testid="admin-second-factor">
      <Group gap="xs">
        {s.state === 'enrolled' && <Badge color="teal">подключён</Badge>}
        {s.state === 'setup_required' && <Badge color="yellow">подключит при входе</Badge>}
        {s.state === 'not_required' && <Badge color="gray">не требуется</Badge>}
        {s.demoExempt && <Badge color="grape">демо-учётная запись: второй фактор не требуется</Badge>}
      </Group>
      {s.state === 'enrolled' && (
        <Text size="sm">
          Подключён {formatDateTime(s.enrolledAt)} · резервных кодов осталось: {s.recoveryCodesLeft}
        </Text>
      )}
      {s.enrolledAt && (
        <Group>
          <Button color="red" variant="light" onClick={() => setConfirming(true)}>
            Сбросить вход с кодом
          </Button>
        </Group>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Сбросить вход с кодом?" centered>
        <Stack gap="sm">
          <Text size="sm">
            Приложение и резервные коды пользователя перестанут действовать, все его сеансы закроются. Делайте
            это, только если вы убедились, что просит именно он (например, потерян телефон).
          </Text>
          {reset.isError && (
            <Alert color="red" role="alert">
              {isApiError(reset.error) ? reset.error.message : 'Не удалось сбросить. Повторите попытку'}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Отмена
            </Button>
            <Button color="red" loading={reset.isPending} onClick={() => reset.mutate()}>
              Сбросить
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
