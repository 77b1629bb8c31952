import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type CreateUserRequest, createUserRequestSchema, type UserView } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';
import { usersKey } from './api.ts';
import { UserFormFields } from './UserFormFields.tsx';
import {
  emptyUserForm,
  formToRequest,
  schemaResolver,
  USER_FIELDS,
  type UserFormValues,
} from './userForm.ts';

const resolver = schemaResolver<UserFormValues, CreateUserRequest>(createUserRequestSchema, (v) =>
  formToRequest(v, true),
);

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 36em)');
  const form = useServerForm<UserFormValues, CreateUserRequest>(
    { resolver, defaultValues: emptyUserForm },
    USER_FIELDS,
  );

  const close = () => {
    form.reset(emptyUserForm);
    form.setFormError(null);
    onClose();
  };

  const onSubmit = form.submit(async (body) => {
    const user = await api.post<UserView>('/api/admin/users', body);
    notifications.show({ color: 'teal', message: `Пользователь ${user.fullName} создан` });
    await queryClient.invalidateQueries({ queryKey: usersKey });
    close();
  });

  return (
    <Modal opened={opened} onClose={close} title="Новый пользователь" size="lg" fullScreen={phone}>
      <form onSubmit={onSubmit} noValidate data-testid="create-user-form">
        <Stack>
          <FormError message={form.formError} />
          <UserFormFields form={form} withPassword />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Отмена
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Создать
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
