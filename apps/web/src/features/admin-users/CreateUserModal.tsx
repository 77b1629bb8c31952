import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type CreateUserRequest, createUserRequestSchema, type UserView } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api } from '../../app/api.ts';
import { applyServerErrors } from '../../app/forms.ts';
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
  const [formError, setFormError] = useState<string | null>(null);
  const {
    control,
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<UserFormValues, unknown, CreateUserRequest>({ resolver, defaultValues: emptyUserForm });

  const close = () => {
    reset(emptyUserForm);
    setFormError(null);
    onClose();
  };

  const onSubmit = handleSubmit(async (body) => {
    setFormError(null);
    try {
      const user = await api.post<UserView>('/api/admin/users', body);
      notifications.show({ color: 'teal', message: `Пользователь ${user.fullName} создан` });
      await queryClient.invalidateQueries({ queryKey: usersKey });
      close();
    } catch (e) {
      setFormError(applyServerErrors(e, setError, USER_FIELDS));
    }
  });

  return (
    <Modal opened={opened} onClose={close} title="Новый пользователь" size="lg" fullScreen={phone}>
      <form onSubmit={onSubmit} noValidate data-testid="create-user-form">
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <UserFormFields control={control} register={register} errors={errors} withPassword />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Отмена
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Создать
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
