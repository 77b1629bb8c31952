import { Alert, Button, Checkbox, type CheckboxProps, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useConsentTexts } from '../insured/api.ts';
import { messageOf } from './api.ts';

function ErrorAlert({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} role="alert" data-testid="register-error">
      {error}
    </Alert>
  );
}

/** A consent's full text in a box of its own height, and the box to tick under it. */
function Consent({
  title,
  text,
  maxHeight,
  testId,
  checkbox,
}: {
  title: string;
  text: string | undefined;
  maxHeight: number;
  testId: string;
  checkbox: Omit<CheckboxProps, 'size'> & { 'data-testid': string };
}) {
  return (
    <Stack gap="xs">
      <Text fw={700}>{title}</Text>
      <Paper withBorder p="xs" bg="gray.0">
        <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars data-testid={testId}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {text}
          </Text>
        </ScrollArea.Autosize>
      </Paper>
      <Checkbox size="md" {...checkbox} />
    </Stack>
  );
}

/** Step 4: the required consent to process personal data and the optional one to share with the employer. */
export function ConsentsStep({
  busy,
  error,
  onSubmit,
}: {
  busy: boolean;
  error: string | null;
  onSubmit: (employerSharing: boolean) => void;
}) {
  const texts = useConsentTexts();
  const [dataProcessing, setDataProcessing] = useState(false);
  const [employer, setEmployer] = useState(false);
  const [missing, setMissing] = useState(false);
  const dp = texts.data?.find((t) => t.kind === 'data_processing');
  const emp = texts.data?.find((t) => t.kind === 'employer_sharing');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!dataProcessing) {
      setMissing(true);
      return;
    }
    onSubmit(employer);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="register-consents">
      <Stack gap="md">
        <ErrorAlert error={error} />
        {texts.isError && <ErrorAlert error={messageOf(texts.error)} />}
        <Consent
          title={dp?.title ?? 'Согласие на обработку персональных данных'}
          text={dp?.text}
          maxHeight={200}
          testId="consent-text-data"
          checkbox={{
            checked: dataProcessing,
            onChange: (e) => {
              setDataProcessing(e.currentTarget.checked);
              setMissing(false);
            },
            label:
              'Я даю согласие на обработку персональных данных, в том числе сведений о здоровье (обязательно)',
            error: missing ? 'Без этого согласия мы не сможем организовать вам лечение' : undefined,
            'data-testid': 'consent-data',
          }}
        />
        <Consent
          title={emp?.title ?? 'Согласие на передачу сведений работодателю (по желанию)'}
          text={emp?.text}
          maxHeight={160}
          testId="consent-text-employer"
          checkbox={{
            checked: employer,
            onChange: (e) => setEmployer(e.currentTarget.checked),
            label: 'Разрешаю передавать работодателю сведения о моих возмещениях (по желанию)',
            description:
              'Необязательно и не влияет на обслуживание. Согласие можно отозвать в любой момент в разделе «Учётная запись».',
            'data-testid': 'consent-employer',
          }}
        />
        <Button type="submit" size="xl" loading={busy} fullWidth>
          Зарегистрироваться
        </Button>
      </Stack>
    </form>
  );
}
