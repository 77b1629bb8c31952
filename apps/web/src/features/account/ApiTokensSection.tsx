import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';

interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const TOKENS = ['tokens'];

export function ApiTokensSection() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS, queryFn: () => api.get<ApiToken[]>('/api/tokens') });
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const create = useMutation({
    mutationFn: (tokenName: string) =>
      api.post<{ token: ApiToken; secret: string }>('/api/tokens', { name: tokenName }),
    onSuccess: (res) => {
      setName('');
      setSecret(res.secret);
      queryClient.invalidateQueries({ queryKey: TOKENS });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/tokens/${id}`),
    onSuccess: () => {
      setRevoking(null);
      notifications.show({ color: 'teal', message: 'Токен отозван' });
      queryClient.invalidateQueries({ queryKey: TOKENS });
    },
  });

  return (
    <Card withBorder data-testid="api-tokens">
      <Title order={2} size="h3">
        API-токены
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Токен позволяет вашей учётной системе обращаться к remed от вашего имени. Храните его как пароль.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate(name.trim());
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Название токена"
            placeholder="Например, 1С бухгалтерия"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={create.isError && isApiError(create.error) ? create.error.message : undefined}
            style={{ flex: '1 1 220px' }}
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            Выпустить токен
          </Button>
        </Group>
      </form>
      <Stack gap="xs" mt="md">
        {tokens.isPending && <Loader size="sm" aria-label="Загрузка токенов" />}
        {tokens.isError && <QueryError error={tokens.error} retry={() => tokens.refetch()} />}
        {tokens.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            Токенов пока нет.
          </Text>
        )}
        {tokens.data?.map((t) => (
          <Group
            key={t.id}
            justify="space-between"
            wrap="wrap"
            gap="xs"
            p="xs"
            bg="gray.0"
            style={{ borderRadius: 8 }}
          >
            <div>
              <Group gap="xs">
                <Text fw={600}>{t.name}</Text>
                {t.revokedAt && (
                  <Badge color="gray" variant="light">
                    отозван
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                <Code>{t.prefix}…</Code> · выпущен {formatDateTime(t.createdAt)} · использован{' '}
                {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'ни разу'}
              </Text>
            </div>
            {!t.revokedAt && (
              <Button size="xs" variant="light" color="red" onClick={() => setRevoking(t)}>
                Отозвать
              </Button>
            )}
          </Group>
        ))}
      </Stack>

      <Modal opened={secret !== null} onClose={() => setSecret(null)} title="Новый токен выпущен" centered>
        <Stack>
          <Alert color="yellow">
            Скопируйте токен сейчас: после закрытия окна его нельзя будет посмотреть снова.
          </Alert>
          <Code block data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
            {secret}
          </Code>
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button color={copied ? 'teal' : 'blue'} onClick={copy}>
                {copied ? 'Скопировано' : 'Скопировать'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={() => setSecret(null)}>
            Готово
          </Button>
        </Stack>
      </Modal>

      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Отозвать токен?" centered>
        <Stack>
          <Text>
            Токен «{revoking?.name}» перестанет работать сразу. Системы, которые им пользуются, потеряют
            доступ.
          </Text>
          {revoke.isError && <Alert color="red">{revoke.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              Отмена
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => revoking && revoke.mutate(revoking.id)}
            >
              Отозвать
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
