import { Group, Select, type SelectProps, TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A row of list filters: on a narrow screen the fields wrap, each growing from its own width (`basis`). */
export function FilterBar({
  children,
  'data-testid': testId,
}: {
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid={testId}>
      {children}
    </Group>
  );
}

type Basis = { basis: string };

/** One of a list's values, or none: cleared, the list shows everything. */
export function FilterSelect({ basis, ...props }: Omit<SelectProps, 'style' | 'clearable'> & Basis) {
  return <Select clearable style={{ flex: basis }} {...props} />;
}

type TextFilterProps = Omit<TextInputProps, 'onChange' | 'style'> & { onChange: (value: string) => void };

/** Free text the list is searched by, handed on as it is typed. */
export function FilterText({ basis, onChange, ...props }: TextFilterProps & Basis) {
  return <TextInput onChange={(e) => onChange(e.currentTarget.value)} style={{ flex: basis }} {...props} />;
}

/** A day in the native date input (typed or picked, from the keyboard and on a phone); emptied, it gives null. */
export function FilterDate({
  basis,
  label,
  value,
  onChange,
}: Basis & { label: string; value: string; onChange: (value: string | null) => void }) {
  return (
    <TextInput
      label={label}
      type="date"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      style={{ flex: basis }}
    />
  );
}

/** The search field of a list, with the magnifier in front. */
export function SearchInput({ basis, onChange, ...props }: TextFilterProps & Partial<Basis>) {
  return (
    <TextInput
      leftSection={<IconSearch size={16} />}
      onChange={(e) => onChange(e.currentTarget.value)}
      style={basis ? { flex: basis } : undefined}
      {...props}
    />
  );
}
