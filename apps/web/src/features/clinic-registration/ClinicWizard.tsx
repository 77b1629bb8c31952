import { Button, Group, Progress, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconArrowLeft } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { FormError } from '../../ui/FormError.tsx';
import { type ClinicField, type ClinicFormValues, touchFields, type WizardStep } from './clinicForm.ts';

interface Props {
  steps: readonly WizardStep[];
  form: UseFormReturn<ClinicFormValues>;
  step: number;
  onStep: (step: number) => void;
  /** A reason the current step may not be left even when its fields are valid (a closed company). */
  blocker?: (step: WizardStep) => { field: ClinicField; message: string } | null;
  /** Enter or the main button on the last step. */
  onFinish: () => Promise<void> | void;
  finishLabel: string;
  busy?: boolean;
  error?: string | null;
  children: ReactNode;
}

/**
 * A form split into steps: the header shows where one is (a stepper on a desk, «Шаг 2 из 5» on a phone), Enter
 * or «Далее» checks the step's fields with the shared schema and moves on, earlier steps can be opened again.
 */
export function ClinicWizard({
  steps,
  form,
  step,
  onStep,
  blocker,
  onFinish,
  finishLabel,
  busy = false,
  error,
  children,
}: Props) {
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const current = steps[step]!;
  const last = step === steps.length - 1;
  const top = useRef<HTMLDivElement>(null);
  const first = useRef(true);

  useEffect(() => {
    // Moving between steps: start at the top of the new step with its first field in focus.
    if (first.current) {
      first.current = false;
      return;
    }
    top.current?.scrollIntoView({ block: 'start' });
    const field = current.fields[0];
    if (field && current.key !== 'review') form.setFocus(field);
  }, [current, form]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (last) {
      await onFinish();
      return;
    }
    const valid = await form.trigger(current.fields as ClinicField[], { shouldFocus: true });
    if (!valid) touchFields(form, current.fields);
    const blocked = blocker?.(current);
    if (blocked) {
      form.setError(blocked.field, { type: 'blocked', message: blocked.message }, { shouldFocus: true });
      return;
    }
    if (valid) onStep(step + 1);
  };

  return (
    <Stack gap="md" ref={top} style={{ scrollMarginTop: 72 }}>
      {wide ? (
        <Stepper
          active={step}
          onStepClick={(i) => i < step && onStep(i)}
          allowNextStepsSelect={false}
          size="sm"
          data-testid="wizard-stepper"
        >
          {steps.map((s) => (
            <Stepper.Step key={s.key} label={s.short} />
          ))}
        </Stepper>
      ) : (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            Шаг {step + 1} из {steps.length}
          </Text>
          <Progress value={((step + 1) / steps.length) * 100} size="sm" aria-hidden />
        </Stack>
      )}
      <div>
        <Text fw={700} fz="lg" data-testid="wizard-step">
          {current.label}
        </Text>
        <Text size="sm" c="dimmed">
          {current.description}
        </Text>
      </div>
      <form onSubmit={submit} noValidate data-testid={`step-${current.key}`}>
        <Stack gap="md">
          <FormError message={error ?? null} icon={<IconAlertCircle />} data-testid="wizard-error" />
          {children}
          <Group justify="space-between" mt="xs" wrap="wrap-reverse" gap="sm">
            {step > 0 ? (
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={16} />}
                onClick={() => onStep(step - 1)}
                disabled={busy}
              >
                Назад
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" loading={busy} data-testid="wizard-next">
              {last ? finishLabel : 'Далее'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
