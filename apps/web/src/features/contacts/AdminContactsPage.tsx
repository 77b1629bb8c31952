import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Skeleton, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CHAT_DEPARTMENT_TITLES,
  CHAT_DEPARTMENTS,
  type ChatDepartment,
  type DepartmentContactInput,
  type DepartmentContactView,
  departmentContactSchema,
} from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDateTime } from '../../app/format.ts';
import { useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { chatKeys, useDepartmentContacts } from '../chat/api.ts';
import { prettyPhone } from '../claims/api.ts';

const FIELDS = ['title', 'personName', 'phone', 'email', 'hours', 'topics'] as const;

function ContactForm({
  department,
  current,
}: {
  department: ChatDepartment;
  current?: DepartmentContactView;
}) {
  const qc = useQueryClient();
  const form = useServerForm<DepartmentContactInput>(
    {
      resolver: zodResolver(departmentContactSchema),
      defaultValues: {
        title: current?.title ?? CHAT_DEPARTMENT_TITLES[department],
        personName: current?.personName ?? '',
        phone: current ? prettyPhone(current.phone) : '',
        email: current?.email ?? '',
        hours: current?.hours ?? '',
        topics: current?.topics ?? '',
      },
    },
    FIELDS,
  );
  const { field } = form;
  const { isSubmitting, isDirty } = form.formState;
  const onSubmit = form.submit(async (values) => {
    const saved = await api.put<DepartmentContactView>(
      `/api/admin/department-contacts/${department}`,
      values,
    );
    await qc.invalidateQueries({ queryKey: chatKeys.contacts });
    form.reset({ ...values, phone: prettyPhone(saved.phone), email: saved.email });
    notifications.show({ color: 'teal', message: `Контакты «${saved.title}» сохранены` });
  });
  return (
    <Card withBorder padding="lg" data-testid="contact-form" data-department={department}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4">
              {CHAT_DEPARTMENT_TITLES[department]}
            </Title>
            <Text size="xs" c="dimmed">
              {current
                ? `Изменено ${formatDateTime(current.updatedAt)}`
                : 'Ещё не заполнено: клиники не видят этот отдел'}
            </Text>
          </div>
          <FormError message={form.formError} />
          <TextInput
            label="Название отдела"
            description="Так отдел называется на странице контактов у клиник"
            {...field('title')}
          />
          <TextInput
            label="Контактное лицо"
            description="ФИО и должность; можно оставить пустым"
            {...field('personName')}
          />
          <TextInput
            label="Телефон"
            description="Российский номер, например +7 495 000-00-11"
            inputMode="tel"
            {...field('phone')}
          />
          <TextInput label="Электронная почта" inputMode="email" {...field('email')} />
          <TextInput label="Часы работы" description="Например «пн–пт 9:00–18:00»" {...field('hours')} />
          <Textarea
            label="С какими вопросами обращаться"
            description="Коротко и понятно для бухгалтера или администратора клиники"
            autosize
            minRows={2}
            {...field('topics')}
          />
          <Button
            type="submit"
            loading={isSubmitting}
            disabled={!isDirty && !!current}
            style={{ alignSelf: 'flex-start' }}
          >
            Сохранить
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function AdminContactsPage() {
  const contacts = useDepartmentContacts();
  return (
    <Stack gap="md" data-testid="page-admin-contacts" maw={760}>
      <PageHeader title="Контакты отделов">
        Что видят клиники на странице «Контакты отделов». Каждое изменение пишется в журнал.
      </PageHeader>
      {contacts.isError ? (
        <QueryError error={contacts.error} retry={() => contacts.refetch()} />
      ) : contacts.isPending ? (
        <Skeleton h={400} />
      ) : (
        CHAT_DEPARTMENTS.map((d) => (
          <ContactForm key={d} department={d} current={contacts.data.find((c) => c.department === d)} />
        ))
      )}
    </Stack>
  );
}
