import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ClinicRequisitesView, clinicRequisitesSchema } from '@remed/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCurrentClinic } from '../../app/clinic.tsx';
import { QueryError } from '../../app/errors/QueryError.tsx';
import { formatDate } from '../../app/format.ts';
import { useServerForm } from '../../app/forms.ts';
import { useSession, useUser } from '../../app/session.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { saveRequisites } from '../clinic-registration/api.ts';
import {
  type ClinicFormValues,
  clinicResolver,
  requisitesToForm,
  STEP_BANK,
  STEP_CONTACTS,
  STEP_ORGANISATION,
} from '../clinic-registration/clinicForm.ts';
import {
  BankFields,
  ContactsFields,
  FieldsSection,
  OrganisationFields,
} from '../clinic-registration/RequisitesFields.tsx';
import { useDirectoryLookup } from '../clinic-registration/useDirectoryLookup.ts';
import { clinicKey, useRequisites } from './api.ts';

const resolver = clinicResolver(clinicRequisitesSchema);
const FIELDS = [...STEP_ORGANISATION.fields, ...STEP_BANK.fields, ...STEP_CONTACTS.fields];

function RequisitesEditor({ initial }: { initial: ClinicRequisitesView }) {
  const queryClient = useQueryClient();
  const { refresh } = useSession();
  const form = useServerForm<ClinicFormValues>(
    { resolver, defaultValues: requisitesToForm(initial), mode: 'onTouched' },
    FIELDS,
  );
  const lookup = useDirectoryLookup(form, { checkAvailability: false });
  const { formError, setFormError } = form;
  const { isDirty, isSubmitting } = form.formState;

  const onSubmit = form.submit(async () => {
    const saved = await saveRequisites(initial.id, form.getValues());
    queryClient.setQueryData([...clinicKey(initial.id), 'requisites'], saved);
    notifications.show({ color: 'teal', message: 'Реквизиты сохранены' });
    // The header shows the short name: a new one is picked up with the session.
    if (saved.shortName !== initial.shortName) await refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="requisites-form">
      <Stack gap="lg">
        <FormError message={formError} icon={<IconAlertCircle />} />
        <Card withBorder padding="md">
          <FieldsSection title="Организация">
            <OrganisationFields form={form} innReadOnly />
            <Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconRefresh size={14} />}
                onClick={() => lookup.onInnChange(initial.inn)}
              >
                Заполнить из ЕГРЮЛ заново
              </Button>
            </Group>
          </FieldsSection>
        </Card>
        <Card withBorder padding="md">
          <FieldsSection title="Банковские реквизиты">
            <BankFields form={form} lookup={lookup} />
          </FieldsSection>
        </Card>
        <Card withBorder padding="md">
          <FieldsSection title="Контакты">
            <ContactsFields form={form} />
          </FieldsSection>
        </Card>
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            disabled={!isDirty || isSubmitting}
            onClick={() => {
              setFormError(null);
              form.reset(requisitesToForm(initial));
            }}
          >
            Отменить изменения
          </Button>
          <Button type="submit" loading={isSubmitting} disabled={!isDirty} data-testid="requisites-save">
            Сохранить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ClinicRequisites({ clinicId }: { clinicId: string }) {
  const requisites = useRequisites(clinicId);
  if (requisites.isPending) return <Skeleton h={480} />;
  if (requisites.isError) return <QueryError error={requisites.error} retry={() => requisites.refetch()} />;
  return (
    <Stack gap="sm">
      <Text c="dimmed" size="sm">
        {requisites.data.registeredAt
          ? `Клиника зарегистрировалась в remed ${formatDate(requisites.data.registeredAt)}. `
          : ''}
        Эти реквизиты попадут в договор, дополнительные соглашения и платёжные документы. Изменения
        записываются в журнал действий.
      </Text>
      <RequisitesEditor key={requisites.dataUpdatedAt} initial={requisites.data} />
    </Stack>
  );
}

/** The requisites of the clinic chosen in the header: the same checks and auto-fill as at registration. */
export function RequisitesPage() {
  const user = useUser();
  const { clinic } = useCurrentClinic(user);
  return (
    <Stack gap="md" data-testid="page-requisites">
      <Title order={1} fz={{ base: 24, sm: 30 }}>
        Реквизиты{clinic ? `: ${clinic.name}` : ''}
      </Title>
      {clinic ? (
        <ClinicRequisites key={clinic.id} clinicId={clinic.id} />
      ) : (
        <Text c="dimmed">Учётная запись не привязана к клинике.</Text>
      )}
    </Stack>
  );
}
