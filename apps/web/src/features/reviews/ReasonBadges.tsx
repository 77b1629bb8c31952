import { Badge, type BadgeVariant, Group, type MantineSpacing } from '@mantine/core';
import { reasonText } from './api.ts';

/** Why the automatic check left the receipt to a doctor, one badge a reason. */
export function ReasonBadges({
  reasons,
  variant,
  mt,
}: {
  reasons: readonly string[];
  variant: BadgeVariant;
  mt: MantineSpacing | number;
}) {
  return (
    <Group gap={6} mt={mt}>
      {reasons.map((r) => (
        <Badge key={r} color="yellow" variant={variant} style={{ textTransform: 'none' }}>
          {reasonText(r)}
        </Badge>
      ))}
    </Group>
  );
}
