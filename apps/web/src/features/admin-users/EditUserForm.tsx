import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type UpdateUserRequest, type UserView, updateUserRequestSchema } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';
import { usersKey } from './api.ts';
import { UserFormFields } from './UserFormFields.tsx';
import { formToRequest, schemaResolver, USER_FIELDS, type UserFormValues, userToForm } from './userForm.ts';

const resolver = schemaResolver<UserFormValues, UpdateUserRequest>(updateUserRequestSchema, (v) =>
  formToRequest(v, false),
);

export function EditUserForm({ user }: { user: UserView }) {
  const queryClient = useQueryClient();
  const form = useServerForm<UserFormValues, UpdateUserRequest>(
    { resolver, defaultValues: userToForm(user) },
    USER_FIELDS,
  );
  const { isSubmitting, isDirty } = form.formState;

  const onSubmit = form.submit(async (body) => {
    const saved = await api.patch<UserView>(`/api/admin/users/${user.id}`, body);
    form.reset(userToForm(saved));
    queryClient.setQueryData([...usersKey, 'one', user.id], saved);
    await queryClient.invalidateQueries({ queryKey: usersKey });
    notifications.show({ color: 'teal', message: 'Изменения сохранены' });
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="edit-user-form">
      <Stack>
        <FormError message={form.formError} />
        <UserFormFields form={form} withPassword={false} />
        <Group justify="flex-end">
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            Сохранить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
