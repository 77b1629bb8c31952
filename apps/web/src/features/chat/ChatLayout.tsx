import { Box, Grid, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMessages } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Fills the screen under the header, so the message list scrolls and the form stays in view. */
const FULL_HEIGHT = {
  base: 'calc(100dvh - 60px - 2 * var(--mantine-spacing-sm))',
  sm: 'calc(100dvh - 60px - 2 * var(--mantine-spacing-lg))',
};

/**
 * The thread list beside the open conversation; on a phone they are two screens, the list first and the
 * conversation (with a way back) once a thread is chosen.
 */
export function ChatLayout({
  list,
  conversation,
  testId,
}: {
  list: ReactNode;
  conversation: ReactNode | null;
  testId: string;
}) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  if (phone)
    return (
      <Box h={conversation ? FULL_HEIGHT : undefined} data-testid={testId}>
        {conversation ?? list}
      </Box>
    );
  return (
    <Grid gutter="md" data-testid={testId} styles={{ inner: { height: '100%' } }} h={FULL_HEIGHT}>
      <Grid.Col span={{ sm: 5, lg: 4 }} h="100%" style={{ overflowY: 'auto' }}>
        {list}
      </Grid.Col>
      <Grid.Col span={{ sm: 7, lg: 8 }} h="100%">
        <Paper withBorder p="md" h="100%" radius="md">
          {conversation ?? (
            <Stack align="center" justify="center" h="100%" c="dimmed" gap="xs">
              <IconMessages size={40} stroke={1.4} aria-hidden />
              <Text c="dimmed">Выберите переписку слева</Text>
            </Stack>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
