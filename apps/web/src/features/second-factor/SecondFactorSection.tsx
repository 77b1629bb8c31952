import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { SECOND_FACTOR_SETUP_PATH } from '../../app/guards.tsx';
import { useUser } from '../../app/session.tsx';
import { regenerateRecoveryCodes, secondFactorKey, useOwnSecondFactor } from './api.ts';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';

/** «Учётная запись»: whether sign-in asks for a code, how many recovery codes are left, new ones. */
export function SecondFactorSection() {
  const user = useUser();
  const status = useOwnSecondFactor();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  const regenerate = async () => {
    setBusy(true);
    setError(null);
    try {
      setCodes((await regenerateRecoveryCodes(code)).recoveryCodes);
      setAsking(false);
      setCode('');
      await queryClient.invalidateQueries({ queryKey: secondFactorKey });
    } catch (e) {
      setError(isApiError(e) ? e.message : 'Не удалось выполнить действие. Повторите попытку');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder data-testid="second-factor">
      <Title order={2} size="h3" mb="sm">
        Вход с кодом из телефона
      </Title>
      {status.isPending && <Loader aria-label="Загрузка" />}
      {status.isError && <QueryError error={status.error} retry={() => status.refetch()} />}
      {status.data?.state === 'enrolled' && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge color="teal">подключён</Badge>
            <Text size="sm">с {formatDateTime(status.data.enrolledAt)}</Text>
          </Group>
          <Text size="sm">
            Неиспользованных резервных кодов:{' '}
            <b data-testid="recovery-codes-left">{status.data.recoveryCodesLeft}</b> из 10.
          </Text>
          {status.data.recoveryCodesLeft <= 3 && (
            <Alert color="yellow">Резервных кодов почти не осталось — получите новые.</Alert>
          )}
          <Group>
            <Button variant="light" onClick={() => setAsking(true)}>
              Получить новые резервные коды
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Потеряли телефон? Войдите по резервному коду и попросите администратора сбросить вход с кодом.
          </Text>
        </Stack>
      )}
      {status.data && status.data.state !== 'enrolled' && (
        <Stack gap="sm">
          <Text size="sm">
            {status.data.demoExempt
              ? 'Демо-учётная запись: второй фактор не требуется. Подключить его можно и здесь.'
              : 'Сейчас для входа достаточно пароля. С кодом из приложения на телефоне вход надёжнее.'}
          </Text>
          <Group>
            <Button component={Link} to={SECOND_FACTOR_SETUP_PATH} variant="light">
              Подключить
            </Button>
          </Group>
        </Stack>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title="Новые резервные коды" centered>
        <Stack gap="sm">
          <Text size="sm">Старые коды перестанут действовать. Введите шесть цифр из приложения.</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label="Код из приложения"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <Button onClick={regenerate} loading={busy} disabled={code.replace(/\s/g, '').length !== 6}>
            Получить коды
          </Button>
        </Stack>
      </Modal>
      <Modal opened={codes !== null} onClose={() => setCodes(null)} title="Резервные коды" size="lg" centered>
        {codes && (
          <RecoveryCodesPanel
            codes={codes}
            login={user.email ?? user.phone ?? user.fullName}
            onDone={() => setCodes(null)}
            doneLabel="Коды сохранены"
          />
        )}
      </Modal>
    </Card>
  );
}
