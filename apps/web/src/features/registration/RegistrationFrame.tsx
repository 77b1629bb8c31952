import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The card a public registration sits in (an insured person's, a clinic's): the brand, what is being
 * registered, the form, and a way to sign in for those already registered.
 */
export function RegistrationFrame({
  title,
  intro,
  signInQuestion,
  width,
  compactOnPhone = false,
  testId,
  children,
}: {
  title: string;
  intro?: ReactNode;
  signInQuestion: string;
  width: number;
  /** Narrower margins on a phone, which leave a long form more room for its fields. */
  compactOnPhone?: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Center mih="100dvh" p={compactOnPhone ? { base: 'xs', sm: 'md' } : 'md'} bg="gray.0">
      <Paper
        withBorder
        shadow="sm"
        p={{ base: compactOnPhone ? 'md' : 'lg', sm: 'xl' }}
        w="100%"
        maw={width}
        radius="lg"
        data-testid={testId}
      >
        <Stack gap="md">
          <div>
            <Title order={1} c="teal.8" fz={32}>
              remed
            </Title>
            <Text fz="lg" fw={600}>
              {title}
            </Text>
            {intro && (
              <Text size="sm" c="dimmed">
                {intro}
              </Text>
            )}
          </div>
          {children}
          <Text size="sm" c="dimmed" ta="center">
            {signInQuestion}{' '}
            <Anchor component={Link} to="/login">
              Войти
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
