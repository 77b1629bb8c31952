import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { addDays, formatRub, type LetterView, ruDate } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { lettersKey } from '../letters/api.ts';
import { LetterFileLinks } from '../letters/LetterFileLinks.tsx';
import { LetterStatus, servicesLine } from '../letters/LetterStatus.tsx';
import { caseKey } from './api.ts';

type Action = { kind: 'cancel' | 'extend'; letter: LetterView };

function ActionModal({
  action,
  caseId,
  onClose,
}: {
  action: Action | null;
  caseId: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const letter = action?.letter;
  const extend = action?.kind === 'extend';

  const close = () => {
    setReason('');
    setDate('');
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!letter) return;
    if (reason.trim().length < 3) {
      setError('Укажите причину');
      return;
    }
    if (extend && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setError('Укажите новую дату окончания');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (extend)
        await api.post(`/api/letters/${letter.id}/extend`, { validUntil: date, reason: reason.trim() });
      else await api.post(`/api/letters/${letter.id}/cancel`, { reason: reason.trim() });
      notifications.show({
        color: 'teal',
        message: extend ? `Письмо ${letter.number} продлено` : `Письмо ${letter.number} отменено`,
      });
      await queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      await queryClient.invalidateQueries({ queryKey: lettersKey });
      close();
    } catch (e) {
      setError(isApiError(e) ? e.message : 'Не удалось выполнить действие');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={!!action}
      onClose={close}
      title={letter ? `${extend ? 'Продлить' : 'Отменить'} письмо ${letter.number}` : ''}
    >
      <Stack gap="md" data-testid="letter-action">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {extend && letter && (
          <TextInput
            type="date"
            label="Действует до"
            description={`Сейчас: до ${ruDate(letter.validUntil)}`}
            min={addDays(letter.validUntil, 1)}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
        )}
        <Textarea
          label="Причина"
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Назад
          </Button>
          <Button color={extend ? 'teal' : 'red'} loading={busy} onClick={submit}>
            {extend ? 'Продлить' : 'Отменить письмо'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function CaseLetters({ letters, caseId }: { letters: LetterView[]; caseId: string }) {
  const [action, setAction] = useState<Action | null>(null);
  if (letters.length === 0) return null;
  return (
    <Card withBorder padding="md" data-testid="case-letters">
      <Title order={2} size="h4" mb="sm">
        Письма по случаю
      </Title>
      <Stack gap="xs">
        {letters.map((l) => (
          <Card key={l.id} withBorder padding="xs" data-testid="case-letter">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs">
                <Anchor component={Link} to={`/letters/${l.id}`} fw={600}>
                  {l.number}
                </Anchor>
                <LetterStatus status={l.status} size="sm" />
              </Group>
              <Text size="sm" fw={600}>
                {formatRub(l.total)}
              </Text>
            </Group>
            <Text size="sm">
              {l.clinic.name} · до {ruDate(l.validUntil)}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {servicesLine(l)}
            </Text>
            {l.cancelReason && (
              <Text size="xs" c="red">
                Причина отмены: {l.cancelReason}
              </Text>
            )}
            <Group gap="xs" mt={6}>
              <LetterFileLinks letterId={l.id} />
              {l.status === 'issued' && (
                <>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setAction({ kind: 'extend', letter: l })}
                  >
                    Продлить
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => setAction({ kind: 'cancel', letter: l })}
                  >
                    Отменить
                  </Button>
                </>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      <ActionModal action={action} caseId={caseId} onClose={() => setAction(null)} />
    </Card>
  );
}
