import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, Textarea } from '@mantine/core';
import type { z } from 'zod';
import { useServerForm } from '../../app/forms.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useEdoAction } from './api.ts';

type Reason = { reason: string };

/** Turning a document down (a refusal, a cancellation) is always with a reason the other side will read. */
export function ReasonForm({
  url,
  schema,
  label,
  description,
  submit,
  onDone,
}: {
  url: string;
  schema: z.ZodType<Reason, Reason>;
  label: string;
  description: string;
  submit: string;
  onDone: () => void;
}) {
  const action = useEdoAction<Reason, unknown>(() => url);
  const form = useServerForm<Reason>({ resolver: zodResolver(schema), defaultValues: { reason: '' } }, [
    'reason',
  ]);
  const onSubmit = form.submit(async (v) => {
    await action.mutateAsync(v);
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={form.formError} />
        <Textarea label={label} description={description} autosize minRows={2} {...form.field('reason')} />
        <Button type="submit" color="red" loading={action.isPending} style={{ alignSelf: 'flex-end' }}>
          {submit}
        </Button>
      </Stack>
    </form>
  );
}
