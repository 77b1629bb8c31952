import { Badge } from '@mantine/core';
import type { UserView } from '@remed/core';

export function UserStatus({ user }: { user: UserView }) {
  return user.blocked ? (
    <Badge color="red" variant="dot" style={{ textTransform: 'none', overflow: 'visible' }}>
      Заблокирован
    </Badge>
  ) : (
    <Badge color="teal" variant="dot" style={{ textTransform: 'none', overflow: 'visible' }}>
      Активен
    </Badge>
  );
}
