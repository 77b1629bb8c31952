import { Select, Text } from '@mantine/core';
import type { SessionUser } from '@remed/core';
import { useCurrentClinic } from '../clinic.tsx';

export function ClinicSwitcher({ user }: { user: SessionUser }) {
  const { clinic, clinics, setClinicId } = useCurrentClinic(user);
  if (clinics.length === 1)
    return (
      <Text size="sm" truncate visibleFrom="xs" maw={220}>
        {clinic?.name}
      </Text>
    );
  return (
    <Select
      aria-label="Клиника, от имени которой вы работаете"
      data={clinics.map((c) => ({ value: c.id, label: c.name }))}
      value={clinic?.id ?? null}
      onChange={(id) => id && setClinicId(id)}
      allowDeselect={false}
      size="xs"
      w={{ base: 150, sm: 260 }}
      comboboxProps={{ width: 300, position: 'bottom-end' }}
      data-testid="clinic-switcher"
    />
  );
}
