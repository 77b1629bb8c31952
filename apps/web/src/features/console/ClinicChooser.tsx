import { Badge, Card, Group, Radio, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatRub, type RankedClinic } from '@remed/core';
import { IconStarFilled } from '@tabler/icons-react';
import { QueryError } from '../../app/errors/QueryError.tsx';

interface Props {
  clinics: RankedClinic[] | undefined;
  loading: boolean;
  error: unknown;
  clinicId: string | null;
  branchId: string | null;
  onChoose: (clinicId: string, branchId: string | null) => void;
}

const usable = (c: RankedClinic) => c.missing.length === 0;

function ClinicCard({
  clinic: c,
  rank,
  chosen,
  branchId,
  onChoose,
}: {
  clinic: RankedClinic;
  rank: number;
  chosen: boolean;
  branchId: string | null;
  onChoose: Props['onChoose'];
}) {
  const ok = usable(c);
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="clinic-option"
      data-usable={ok}
      style={{
        opacity: ok ? 1 : 0.55,
        borderColor: chosen ? 'var(--mantine-color-teal-6)' : undefined,
        borderWidth: chosen ? 2 : undefined,
      }}
    >
      <Radio
        value={c.clinicId}
        disabled={!ok}
        aria-label={`${rank}. ${c.name}`}
        label={
          <Text fw={600} size="sm">
            {rank}. {c.name}
          </Text>
        }
        description={[c.district, c.address].filter(Boolean).join(' · ')}
      />
      <Group justify="space-between" wrap="wrap" gap="xs" mt={6} pl={32}>
        <Group gap={4}>
          {c.rating !== null && (
            <Badge
              variant="light"
              color="yellow"
              leftSection={<IconStarFilled size={10} />}
              style={{ textTransform: 'none' }}
            >
              рейтинг {c.rating.toFixed(1)}
            </Badge>
          )}
          {c.cashbackPercent > 0 && (
            <Badge variant="light" color="teal" style={{ textTransform: 'none' }}>
              кэшбэк {c.cashbackPercent} %
            </Badge>
          )}
        </Group>
        <Text fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="clinic-total">
          {formatRub(c.total)}
        </Text>
      </Group>
      {c.missing.length > 0 && (
        <Text size="xs" c="dimmed" mt={4} pl={32}>
          нет услуг: {c.missing.join(', ')}
        </Text>
      )}
      {c.overLimit && (
        <Text size="xs" c="red" mt={4} pl={32}>
          Сумма больше остатка лимита
        </Text>
      )}
      {chosen && c.branches.length > 1 && (
        <Select
          mt="xs"
          size="sm"
          label="Филиал"
          data={c.branches.map((b) => ({ value: b.id, label: `${b.name} — ${b.address}` }))}
          value={branchId}
          onChange={(v) => onChoose(c.clinicId, v)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    </Card>
  );
}

/** Clinics for the chosen services, best first: rating, price and cashback weighed by the server. */
export function ClinicChooser({ clinics, loading, error, clinicId, branchId, onChoose }: Props) {
  return (
    <Card withBorder padding="md" data-testid="clinic-chooser">
      <Title order={2} size="h4" mb="sm">
        Клиника
      </Title>
      {error != null && <QueryError error={error} />}
      {loading && <Skeleton h={120} />}
      {clinics?.length === 0 && (
        <Text size="sm" c="dimmed">
          Нет клиник с такими услугами в программе.
        </Text>
      )}
      {clinics && clinics.length > 0 && (
        <Radio.Group
          value={clinicId}
          onChange={(id) => {
            const c = clinics.find((x) => x.clinicId === id);
            onChoose(id, c?.branches[0]?.id ?? null);
          }}
          aria-label="Клиника для гарантийного письма"
        >
          <Stack gap="xs">
            {clinics.map((c, i) => (
              <ClinicCard
                key={c.clinicId}
                clinic={c}
                rank={i + 1}
                chosen={c.clinicId === clinicId}
                branchId={branchId}
                onChoose={onChoose}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Card>
  );
}
