import { Badge } from '@mantine/core';
import { LETTER_STATUS_LABELS, type LetterView } from '@remed/core';

const COLOR: Record<LetterView['status'], string> = {
  issued: 'teal',
  used_up: 'blue',
  cancelled: 'red',
  expired: 'gray',
};

export function LetterStatus({
  status,
  size = 'md',
}: {
  status: LetterView['status'];
  size?: 'sm' | 'md' | 'lg';
}) {
  return (
    <Badge
      color={COLOR[status]}
      variant="light"
      size={size}
      // A narrow table column must not cut the state short.
      style={{ textTransform: 'none', minWidth: 'max-content' }}
      data-testid="letter-status"
      data-status={status}
    >
      {LETTER_STATUS_LABELS[status]}
    </Badge>
  );
}

/** «Прием терапевта, анализ крови» — the services of a letter in one line. */
export const servicesLine = (letter: LetterView) =>
  letter.items.map((i) => (i.quantity > 1 ? `${i.name} × ${i.quantity}` : i.name)).join('; ');
