import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { UserView } from '@remed/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { usersKey } from './api.ts';

export function BlockUserSection({ user }: { user: UserView }) {
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const block = !user.blocked;
  const mutation = useMutation({
    mutationFn: () => api.patch<UserView>(`/api/admin/users/${user.id}`, { blocked: block }),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...usersKey, 'one', user.id], saved);
      await queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({
        color: 'teal',
        message: block ? 'Пользователь заблокирован' : 'Пользователь разблокирован',
      });
      close();
    },
  });

  return (
    <>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {user.blocked
            ? 'Учётная запись заблокирована: пользователь не может войти.'
            : 'Заблокированный пользователь не сможет войти, его открытые сеансы завершатся.'}
        </Text>
        <Button
          variant="light"
          color={block ? 'red' : 'teal'}
          onClick={open}
          style={{ alignSelf: 'flex-start' }}
        >
          {block ? 'Заблокировать' : 'Разблокировать'}
        </Button>
      </Stack>
      <Modal
        opened={opened}
        onClose={close}
        title={block ? 'Заблокировать пользователя?' : 'Разблокировать пользователя?'}
        centered
      >
        <Stack>
          <Text>
            {block
              ? `${user.fullName} больше не сможет войти в remed, пока вы не снимете блокировку.`
              : `${user.fullName} снова сможет войти в remed.`}
          </Text>
          {mutation.isError && <Alert color="red">{mutation.error.message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Отмена
            </Button>
            <Button
              color={block ? 'red' : 'teal'}
              loading={mutation.isPending}
              onClick={() => mutation.mutate()}
            >
              {block ? 'Заблокировать' : 'Разблокировать'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
