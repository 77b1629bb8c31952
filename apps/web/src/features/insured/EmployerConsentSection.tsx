import { Card, Skeleton, Spoiler, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { myConsentsKey, useConsentTexts, useMyConsents } from './api.ts';

/** The one consent an insured person may give or withdraw at any time: sharing data with the employer. */
export function EmployerConsentSection() {
  const queryClient = useQueryClient();
  const consents = useMyConsents();
  const texts = useConsentTexts();
  const text = texts.data?.find((t) => t.kind === 'employer_sharing');
  const state = consents.data?.find((c) => c.kind === 'employer_sharing');
  const accepted = !!state && !state.withdrawnAt;
  const change = useMutation({
    mutationFn: (accept: boolean) => api.put('/api/me/consents/employer-sharing', { accept }),
    onSuccess: (_, accept) => {
      notifications.show({
        color: 'teal',
        message: accept ? 'Согласие дано' : 'Согласие отозвано: работодатель больше не видит ваши данные',
      });
      return queryClient.invalidateQueries({ queryKey: myConsentsKey });
    },
    onError: (e) =>
      notifications.show({ color: 'red', message: isApiError(e) ? e.message : 'Не удалось сохранить' }),
  });

  return (
    <Card withBorder data-testid="employer-consent">
      <Title order={2} size="h3" mb="sm">
        Сведения для работодателя
      </Title>
      {consents.isError ? (
        <QueryError error={consents.error} retry={() => consents.refetch()} />
      ) : consents.isPending ? (
        <Skeleton h={60} />
      ) : (
        <Stack gap="sm">
          <Switch
            size="lg"
            checked={accepted}
            disabled={change.isPending}
            onChange={(e) => change.mutate(e.currentTarget.checked)}
            label={text?.title ?? 'Согласие на передачу сведений работодателю'}
            description={
              accepted
                ? `Дано ${formatDateTime(state?.acceptedAt)}. Можно отозвать в любой момент.`
                : 'Не дано. Работодатель видит только общие суммы по всем сотрудникам.'
            }
            data-testid="employer-consent-switch"
          />
          {text && (
            <Spoiler maxHeight={60} showLabel="Прочитать текст согласия" hideLabel="Свернуть">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {text.text}
              </Text>
            </Spoiler>
          )}
        </Stack>
      )}
    </Card>
  );
}
