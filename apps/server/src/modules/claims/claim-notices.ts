import { type DecisionStatus, formatRub } from '@remed/core';
import type { Notice } from '../notifications/notify.ts';
import type { PayoutPlan } from '../payouts/owing.ts';

const rub = (k: number) => formatRub(k, { short: true });
/** The claim's page, for a notice about it. */
export const aboutClaim = (claimId: string) => ({
  link: `/claims/${claimId}`,
  entity: { type: 'claim', id: claimId },
});

/** What the insured person is told at each status of a claim: plain words, and what to do next. */
export const claimNotices = {
  waiting(claimId: string, letterNumber: string): Notice {
    return {
      title: 'Чек получен, ждём данные из ФНС',
      body: `Чек по письму ${letterNumber} принят. Налоговая ещё не передала его данные; мы запросим их сами и сообщим решение. Ничего делать не нужно.`,
      ...aboutClaim(claimId),
    };
  },
  notFound(claimId: string, message: string): Notice {
    return {
      title: 'Чек не найден в ФНС',
      body: `${message}. Проверьте данные с QR-кода чека и отправьте его ещё раз.`,
      ...aboutClaim(claimId),
    };
  },
  decided(
    claimId: string,
    letterNumber: string,
    status: DecisionStatus,
    summary: string,
    payout: PayoutPlan['outcome'],
  ): Notice {
    if (status === 'manual_review')
      return {
        title: 'Чек проверяет врач-эксперт',
        body: `${summary} Обычно это занимает один рабочий день.`,
        ...aboutClaim(claimId),
      };
    if (status === 'rejected')
      return { title: `Чек по письму ${letterNumber} не возмещается`, body: summary, ...aboutClaim(claimId) };
    const head = status === 'approved' ? 'Чек одобрен' : 'Чек одобрен частично';
    if (payout === 'details_missing')
      return {
        title: `${head}: укажите, куда перевести деньги`,
        body: `${summary} Укажите телефон и банк для СБП в приложении, и мы сразу переведём деньги.`,
        ...aboutClaim(claimId),
      };
    if (payout === 'offset')
      return {
        title: `${head}: сумма зачтена в возврат`,
        body: `${summary} Вся сумма ушла в счёт возврата по чеку клиники, переводить нечего.`,
        ...aboutClaim(claimId),
      };
    return {
      title: payout ? `${head}: переводим ${rub(payout.amount)}` : head,
      body: payout ? `${summary} Деньги придут по СБП ${payout.to} в течение нескольких минут.` : summary,
      ...aboutClaim(claimId),
    };
  },
  clawback(claimId: string, summary: string): Notice {
    return { title: 'Клиника оформила возврат по чеку', body: summary, ...aboutClaim(claimId) };
  },
};
