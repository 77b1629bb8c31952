import { Alert, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Navigate, useNavigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** Shown before anything else when an administrator has set a temporary password. */
export function ChangePasswordPage() {
  const { refresh, user } = useSession();
  const navigate = useNavigate();
  // Once the new password is in, the session says so, whenever its reload lands: then go on to work.
  if (user && !user.mustChangePassword) return <Navigate to="/" replace />;
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={480} radius="lg">
        <Stack gap="md" data-testid="page-change-password">
          <Title order={1} fz={26}>
            Смените пароль
          </Title>
          <Alert color="teal" variant="light">
            <Text size="sm">
              Вам выдан временный пароль. Чтобы продолжить работу, придумайте свой — его будете знать только
              вы.
            </Text>
          </Alert>
          <ChangePasswordForm
            onDone={async () => {
              await refresh();
              navigate('/', { replace: true });
            }}
          />
        </Stack>
      </Paper>
    </Center>
  );
}
