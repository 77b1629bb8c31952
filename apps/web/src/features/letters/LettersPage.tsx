import { Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatRub, type LetterView, ruDate } from '@remed/core';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { useUser } from '../../app/session.tsx';
import { LinkCard } from '../../ui/LinkCard.tsx';
import { ClinicLetters } from '../clinic-cabinet/ClinicLetters.tsx';
import { useLetters } from './api.ts';
import { LetterStatus } from './LetterStatus.tsx';
import { LettersTable } from './LettersTable.tsx';

/** The insured person's own letters: big cards, one tap opens the letter. */
export function MyLetterCards({ letters }: { letters: LetterView[] }) {
  if (letters.length === 0)
    return (
      <Text c="dimmed" size="lg" data-testid="letters-empty">
        Гарантийных писем пока нет. Когда врач пульта согласует вам приём, письмо появится здесь.
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="my-letters">
      {letters.map((l) => (
        <LinkCard
          key={l.id}
          to={`/letters/${l.id}`}
          data-testid="letter-row"
          label={`Гарантийное письмо ${l.number}`}
          gap={2}
        >
          <Group gap="xs">
            <Text fw={700} fz="lg">
              {l.number}
            </Text>
            <LetterStatus status={l.status} size="sm" />
          </Group>
          <Text fz="md">{l.clinic.name}</Text>
          <Text c="dimmed">
            {formatRub(l.total)} · действует до {ruDate(l.validUntil)}
          </Text>
        </LinkCard>
      ))}
    </Stack>
  );
}

export function LettersPage() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  const staff = user.roles.some((r) => r !== 'insured');
  // A network employee works for one clinic at a time: the list follows the switcher in the header.
  if (user.roles.includes('clinic_user') && clinic)
    return (
      <Stack gap="md" data-testid="page-letters">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Гарантийные письма
        </Title>
        <ClinicLetters key={clinic.id} clinicId={clinic.id} clinicName={clinic.name} />
      </Stack>
    );
  return <OwnLetters staff={staff} />;
}

/** Letters of the insured person, or of an insurer's programs. */
function OwnLetters({ staff }: { staff: boolean }) {
  const letters = useLetters();
  return (
    <Stack gap="md" data-testid="page-letters">
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        {staff ? 'Гарантийные письма' : 'Мои гарантийные письма'}
      </Title>
      {staff ? (
        <Text c="dimmed" size="sm">
          Письма, выданные медицинским пультом застрахованным по вашим программам.
        </Text>
      ) : (
        <Text c="dimmed">
          Гарантийное письмо — это направление в клинику: страховая заранее согласовала услуги и цены.
        </Text>
      )}
      {letters.isError && <QueryError error={letters.error} retry={() => letters.refetch()} />}
      {staff ? (
        <>
          <LettersTable letters={letters.data} loading={letters.isPending} />
          {letters.data?.length === 0 && (
            <Text c="dimmed" ta="center" py="md" data-testid="letters-empty">
              Гарантийных писем пока нет.
            </Text>
          )}
        </>
      ) : letters.isPending ? (
        <Skeleton h={100} />
      ) : (
        letters.data && <MyLetterCards letters={letters.data} />
      )}
    </Stack>
  );
}
