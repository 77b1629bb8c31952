import { Alert, Button, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { formatRub } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../app/api.ts';

/**
 * Records money an insured person sent back for a clawback (a transfer to the service's account), so that
 * their debt closes. Offered only while there is a debt.
 */
export function RepaymentButton({ personId, name, debt }: { personId: string; name: string; debt: number }) {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState<number | string>(debt / 100);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; note?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const kopecks = Math.round(Number(amount) * 100);
    const next: typeof errors = {};
    if (!(kopecks > 0)) next.amount = 'Укажите сумму больше нуля';
    else if (kopecks > debt) next.amount = `Не больше долга: ${formatRub(debt)}`;
    if (note.trim().length < 3) next.note = 'Укажите номер и дату платёжного поручения';
    setErrors(next);
    if (next.amount || next.note) return;
    setBusy(true);
    try {
      await api.post(`/api/admin/insured/${personId}/repayments`, { amount: kopecks, note: note.trim() });
      notifications.show({ color: 'teal', message: `Возврат ${formatRub(kopecks)} учтён` });
      await queryClient.invalidateQueries({ queryKey: ['admin', 'reconciliation'] });
      close();
    } catch (e) {
      setErrors({
        amount: isApiError(e) ? e.fields.amount : undefined,
        note: isApiError(e) ? e.fields.note : undefined,
        form: isApiError(e) ? e.message : 'Не удалось сохранить',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="compact-sm" variant="light" onClick={open} data-testid="repayment-open">
        Учесть возврат
      </Button>
      <Modal opened={opened} onClose={close} title={`Возврат от: ${name}`} centered>
        <Stack gap="sm">
          <Text size="sm">
            Долг по удержаниям: <b>{formatRub(debt)}</b>. Учтите деньги, которые застрахованный перевёл на
            счёт сервиса; остаток удержится из следующих выплат.
          </Text>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <NumberInput
            label="Сумма, ₽"
            value={amount}
            onChange={setAmount}
            min={0}
            decimalScale={2}
            decimalSeparator=","
            thousandSeparator=" "
            hideControls
            error={errors.amount}
            data-testid="repayment-amount"
          />
          <Textarea
            label="Основание"
            description="Номер и дата платёжного поручения; попадёт в журнал действий"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
            data-testid="repayment-note"
          />
          <Button onClick={save} loading={busy} data-testid="repayment-save">
            Учесть возврат
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
