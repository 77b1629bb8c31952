import { Button, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { formatRub } from '@remed/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useCheckedSave } from '../../ui/useCheckedSave.ts';
import { GroundsField } from './GroundsField.tsx';

/**
 * Records money an insured person sent back for a clawback (a transfer to the service's account), so that
 * their debt closes. Offered only while there is a debt.
 */
export function RepaymentButton({ personId, name, debt }: { personId: string; name: string; debt: number }) {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState<number | string>(debt / 100);
  const [note, setNote] = useState('');
  const { errors, saving, save: checkAndSave } = useCheckedSave(['amount', 'note'], 'Не удалось сохранить');

  const save = () => {
    const kopecks = Math.round(Number(amount) * 100);
    const problems: { amount?: string; note?: string } = {};
    if (!(kopecks > 0)) problems.amount = 'Укажите сумму больше нуля';
    else if (kopecks > debt) problems.amount = `Не больше долга: ${formatRub(debt)}`;
    if (note.trim().length < 3) problems.note = 'Укажите номер и дату платёжного поручения';
    return checkAndSave(problems, async () => {
      await api.post(`/api/admin/insured/${personId}/repayments`, { amount: kopecks, note: note.trim() });
      notifications.show({ color: 'teal', message: `Возврат ${formatRub(kopecks)} учтён` });
      await queryClient.invalidateQueries({ queryKey: ['admin', 'reconciliation'] });
      close();
    });
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
          <FormError message={errors.form ?? null} />
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
          <GroundsField
            description="Номер и дата платёжного поручения; попадёт в журнал действий"
            value={note}
            onChange={setNote}
            error={errors.note}
            data-testid="repayment-note"
          />
          <Button onClick={save} loading={saving} data-testid="repayment-save">
            Учесть возврат
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
