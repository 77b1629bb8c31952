import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type UpdateUserRequest, type UserView, updateUserRequestSchema } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api } from '../../app/api.ts';
import { applyServerErrors } from '../../app/forms.ts';
import { usersKey } from './api.ts';
import { UserFormFields } from './UserFormFields.tsx';
import { formToRequest, schemaResolver, USER_FIELDS, type UserFormValues, userToForm } from './userForm.ts';

const resolver = schemaResolver<UserFormValues, UpdateUserRequest>(updateUserRequestSchema, (v) =>
  formToRequest(v, false),
);

export function EditUserForm({ user }: { user: UserView }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    control,
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<UserFormValues, unknown, UpdateUserRequest>({ resolver, defaultValues: userToForm(user) });

  const onSubmit = handleSubmit(async (body) => {
    setFormError(null);
    try {
      const saved = await api.patch<UserView>(`/api/admin/users/${user.id}`, body);
      reset(userToForm(saved));
      queryClient.setQueryData([...usersKey, 'one', user.id], saved);
      await queryClient.invalidateQueries({ queryKey: usersKey });
      notifications.show({ color: 'teal', message: 'Изменения сохранены' });
    } catch (e) {
      setFormError(applyServerErrors(e, setError, USER_FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="edit-user-form">
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <UserFormFields control={control} register={register} errors={errors} withPassword={false} />
        <Group justify="flex-end">
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            Сохранить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
