import { formatRub } from '@remed/core';
import { aboutClaim } from '../claims/claim-notices.ts';
import type { Notice } from '../notifications/notify.ts';

const rub = (k: number) => formatRub(k, { short: true });

/** What the insured person is told about their money: a payout made or refused, a repayment received. */
export const payoutNotices = {
  paid(claimId: string, amount: number, to: string): Notice {
    return {
      title: `Деньги отправлены: ${rub(amount)}`,
      body: `Перевели ${rub(amount)} по СБП ${to}. Если деньги не пришли в течение часа, напишите нам.`,
      ...aboutClaim(claimId),
    };
  },
  failed(claimId: string, amount: number, advice: string): Notice {
    return {
      title: 'Перевод не прошёл',
      body: `Перевод ${rub(amount)} не прошёл: ${advice}. Затем нажмите «Повторить перевод» на странице чека.`,
      ...aboutClaim(claimId),
    };
  },
  repaid(personAmount: number, remainingDebt: number): Notice {
    return {
      title: `Получили ваш возврат: ${rub(personAmount)}`,
      body:
        remainingDebt > 0
          ? `Спасибо! Осталось вернуть ${rub(remainingDebt)}: удержим из следующей выплаты или переведите по реквизитам.`
          : 'Спасибо! Долга по возвратам больше нет.',
      link: '/claims',
    };
  },
};

/** «на +7 916 …, Т-Банк» for the notices. */
export const payoutTarget = (phone: string, bankName: string | null) =>
  `на номер ${phone}${bankName ? ` в ${bankName}` : ''}`;
