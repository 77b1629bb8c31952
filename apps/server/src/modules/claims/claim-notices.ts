import { formatRub } from '@remed/core';
import type { Notice } from '../notifications/notify.ts';

const rub = (k: number) => formatRub(k, { short: true });
const link = (claimId: string) => `/claims/${claimId}`;
const about = (claimId: string) => ({ link: link(claimId), entity: { type: 'claim', id: claimId } });

/** What the insured person is told at each status of a claim: plain words, and what to do next. */
export const claimNotices = {
  waiting(claimId: string, letterNumber: string): Notice {
    return {
      title: 'Чек получен, ждём данные из ФНС',
      body: `Чек по письму ${letterNumber} принят. Налоговая ещё не передала его данные; мы запросим их сами и сообщим решение. Ничего делать не нужно.`,
      ...about(claimId),
    };
  },
  notFound(claimId: string, message: string): Notice {
    return {
      title: 'Чек не найден в ФНС',
      body: `${message}. Проверьте данные с QR-кода чека и отправьте его ещё раз.`,
      ...about(claimId),
    };
  },
  decided(
    claimId: string,
    letterNumber: string,
    status: 'approved' | 'partially_approved' | 'manual_review' | 'rejected',
    summary: string,
    payout: { amount: number; to: string } | 'details_missing' | 'offset' | null,
  ): Notice {
    if (status === 'manual_review')
      return {
        title: 'Чек проверяет врач-эксперт',
        body: `${summary} Обычно это занимает один рабочий день.`,
        ...about(claimId),
      };
    if (status === 'rejected')
      return { title: `Чек по письму ${letterNumber} не возмещается`, body: summary, ...about(claimId) };
    const head = status === 'approved' ? 'Чек одобрен' : 'Чек одобрен частично';
    if (payout === 'details_missing')
      return {
        title: `${head}: укажите, куда перевести деньги`,
        body: `${summary} Укажите телефон и банк для СБП в приложении, и мы сразу переведём деньги.`,
        ...about(claimId),
      };
    if (payout === 'offset')
      return {
        title: `${head}: сумма зачтена в возврат`,
        body: `${summary} Вся сумма ушла в счёт возврата по чеку клиники, переводить нечего.`,
        ...about(claimId),
      };
    return {
      title: payout ? `${head}: переводим ${rub(payout.amount)}` : head,
      body: payout ? `${summary} Деньги придут по СБП ${payout.to} в течение нескольких минут.` : summary,
      ...about(claimId),
    };
  },
  clawback(claimId: string, summary: string): Notice {
    return { title: 'Клиника оформила возврат по чеку', body: summary, ...about(claimId) };
  },
  paid(claimId: string, amount: number, to: string): Notice {
    return {
      title: `Деньги отправлены: ${rub(amount)}`,
      body: `Перевели ${rub(amount)} по СБП ${to}. Если деньги не пришли в течение часа, напишите нам.`,
      ...about(claimId),
    };
  },
  payoutFailed(claimId: string, amount: number, advice: string): Notice {
    return {
      title: 'Перевод не прошёл',
      body: `Перевод ${rub(amount)} не прошёл: ${advice}. Затем нажмите «Повторить перевод» на странице чека.`,
      ...about(claimId),
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
