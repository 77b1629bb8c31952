import { Textarea } from '@mantine/core';

/** The document an admin's decision about money rests on; it is saved with the decision in the audit log. */
export function GroundsField({
  value,
  onChange,
  error,
  description,
  placeholder,
  maxLength,
  'data-testid': testId,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  description?: string;
  placeholder?: string;
  maxLength?: number;
  'data-testid'?: string;
}) {
  return (
    <Textarea
      label="Основание"
      description={description}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      autosize
      minRows={2}
      maxLength={maxLength}
      data-testid={testId}
    />
  );
}
