import { Badge } from '@mantine/core';
import type { LetterView } from '@remed/core';

const STATUS: Record<LetterView['status'], { label: string; color: string }> = {
  issued: { label: 'Действует', color: 'teal' },
  cancelled: { label: 'Отменено', color: 'red' },
  expired: { label: 'Срок истёк', color: 'gray' },
};

export function LetterStatus({
  status,
  size = 'md',
}: {
  status: LetterView['status'];
  size?: 'sm' | 'md' | 'lg';
}) {
  const s = STATUS[status];
  return (
    <Badge
      color={s.color}
      variant="light"
      size={size}
      style={{ textTransform: 'none' }}
      data-testid="letter-status"
    >
      {s.label}
    </Badge>
  );
}

/** «Прием терапевта, анализ крови» — the services of a letter in one line. */
export const servicesLine = (letter: LetterView) =>
  letter.items.map((i) => (i.quantity > 1 ? `${i.name} × ${i.quantity}` : i.name)).join('; ');
