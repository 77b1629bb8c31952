import { Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { useUser } from '../../app/session.tsx';
import { useRequisites } from './api.ts';

function NetworkClinic({
  id,
  name,
  selected,
  onSelect,
}: {
  id: string;
  name: string;
  selected: boolean;
  onSelect: (to?: string) => void;
}) {
  const requisites = useRequisites(id);
  return (
    <Card withBorder padding="md" data-testid="network-clinic">
      <Stack gap={6} h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600}>{name}</Text>
          {selected && (
            <Badge variant="light" style={{ flexShrink: 0 }}>
              выбрана
            </Badge>
          )}
        </Group>
        {requisites.isPending ? (
          <Skeleton h={36} />
        ) : (
          <Text size="sm" c="dimmed">
            {requisites.data
              ? [
                  `ИНН ${requisites.data.inn}`,
                  requisites.data.kpp && `КПП ${requisites.data.kpp}`,
                  requisites.data.address,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : 'Реквизиты не загрузились'}
          </Text>
        )}
        <Group gap="xs" mt="auto">
          {!selected && (
            <Button size="xs" variant="light" onClick={() => onSelect()}>
              Работать от её имени
            </Button>
          )}
          <Button size="xs" variant="subtle" onClick={() => onSelect('/clinic/requisites')}>
            Реквизиты
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** One login for several legal entities: the list, switching, and adding the next one. */
export function NetworkPage() {
  const user = useUser();
  const { clinic, clinics, setClinicId } = useCurrentClinic(user);
  const navigate = useNavigate();
  return (
    <Stack gap="md" data-testid="page-network">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Клиники сети
        </Title>
        <Button
          component={Link}
          to="/clinic/network/new"
          leftSection={<IconPlus size={16} />}
          data-testid="network-add"
        >
          Добавить юридическое лицо
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        Один вход для всех юридических лиц вашей сети. Клиника, от имени которой вы работаете, выбирается в
        шапке; письма, пациенты и реквизиты показываются для неё.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {clinics.map((c) => (
          <NetworkClinic
            key={c.id}
            id={c.id}
            name={c.name}
            selected={c.id === clinic?.id}
            onSelect={(to) => {
              setClinicId(c.id);
              if (to) navigate(to);
            }}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
