import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCurrentClinic } from './clinic.tsx';
import { useUser } from './session.tsx';

/**
 * A page of the clinic cabinet: the title, the clinic it is about (the one chosen in the header) and the
 * content for that clinic. The content is keyed by the clinic, so switching clinics starts it afresh.
 */
export function CabinetPage({
  title,
  intro,
  testId,
  children,
}: {
  title: string;
  intro: ReactNode;
  testId: string;
  children: (clinic: { id: string; name: string }) => ReactNode;
}) {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  return (
    <Stack gap="lg" maw={1100} data-testid={testId}>
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {title}
        </Title>
        {clinic && (
          <Text fw={600} data-testid="cabinet-clinic">
            {clinic.name}
          </Text>
        )}
        <Text c="dimmed">{intro}</Text>
      </Stack>
      {clinic ? (
        <Stack gap="lg" key={clinic.id}>
          {children(clinic)}
        </Stack>
      ) : (
        <Alert color="yellow" title="Учётная запись не привязана к клинике">
          Попросите администратора привязать вашу учётную запись к клинике, чтобы работать в кабинете.
        </Alert>
      )}
    </Stack>
  );
}
