import { formatQty, formatRub, type Kopecks, QTY_SCALE } from '../money.ts';
import type { FiscalReceipt } from '../receipts/fiscal-receipt.ts';
import type { Amounts, PricedLine } from './amounts.ts';
import type { GuaranteeLetter } from './letter.ts';
import type { MatchResult } from './match.ts';
import type { Decision, Explanation, ReasonCode } from './types.ts';

/** What the engine knows about one item, for the sentence that explains it. */
export type ItemView =
  | { kind: 'skipped' }
  | { kind: 'review'; match: MatchResult }
  | { kind: 'priced'; priced: PricedLine };

export const REASON_TEXT: Record<ReasonCode, string> = {
  NOT_A_SALE: 'это не чек продажи (возврат или расход), по нему не возмещают',
  DUPLICATE_RECEIPT: 'этот чек уже был подан',
  WRONG_CLINIC: 'чек выдан не той клиникой, что указана в гарантийном письме',
  OUTSIDE_VALIDITY: 'дата чека вне срока действия гарантийного письма',
  SUM_MISMATCH: 'сумма позиций не равна итогу чека',
  ADVANCE_OFFSET: 'в чеке зачтён аванс',
  TIME_MISMATCH: 'время чека в ФНС не совпадает со временем в QR-коде, и разницу не объяснить часовым поясом',
  UNIDENTIFIED_ITEM: 'по названию позиции нельзя определить услугу',
  AMBIGUOUS_MATCH: 'позиция одинаково подходит к нескольким строкам письма',
  NEAR_MISS: 'услуга похожа на разрешённую, но это другой её вариант',
  NOTHING_MATCHED: 'ни одна позиция чека не найдена в гарантийном письме',
  LIMIT_REACHED: 'исчерпан лимит гарантийного письма',
  NOT_IN_LETTER: 'часть позиций не входит в гарантийное письмо',
  PRICE_CAPPED: 'клиника взяла больше цены из письма',
  QUANTITY_EXCEEDED: 'количество больше оставшегося по письму',
  ADJUSTED_BY_REVIEWER: 'сумму по позиции уменьшил специалист при ручной проверке',
};

const rub = (k: Kopecks) => formatRub(k, { short: true });

function lineName(letter: GuaranteeLetter, line: number): string {
  const item = letter.items.find((i) => i.line === line);
  return item ? `строка ${line} «${item.name}»` : `строка ${line}`;
}

function listLines(lines: number[]): string {
  return lines.length === 1 ? `строке ${lines[0]}` : `строкам ${lines.join(', ')}`;
}

function reviewText(letter: GuaranteeLetter, m: MatchResult, paid: Kopecks): string {
  switch (m.kind) {
    case 'matched':
      return `соответствует: ${lineName(letter, m.line)}; сумму определит специалист при ручной проверке`;
    case 'unidentified':
      return 'по названию нельзя понять, какая это услуга — нужна ручная проверка';
    case 'ambiguous':
      return `одинаково подходит к ${listLines(m.lines)} письма, и цена не помогает выбрать — нужна ручная проверка`;
    case 'near_miss':
      return `похоже на ${listLines(m.lines)} письма, но это другой вариант услуги — нужна ручная проверка`;
    case 'not_in_letter':
      return `нет в гарантийном письме — не возмещается (оплачено ${rub(paid)})`;
  }
}

function pricedText(p: PricedLine, paying: boolean): string {
  if (p.q === 0) return `по строке ${p.line.line} письма услуги уже израсходованы — не возмещается`;
  const scale = p.q < p.quantity ? ` за ${formatQty(p.q)} из ${formatQty(p.quantity)}` : '';
  const letterPart =
    p.q === QTY_SCALE ? rub(p.line.price) : `${rub(p.cap)} (${formatQty(p.q)} × ${rub(p.line.price)})`;
  const head = `оплачено ${rub(p.item.sum)}, по гарантийному письму ${letterPart}`;
  if (!paying) return `${head} — не возмещается, лимит гарантийного письма исчерпан`;
  return `${head} — возмещено ${rub(p.approved)}${scale}`;
}

function itemText(
  letter: GuaranteeLetter,
  receipt: FiscalReceipt,
  view: ItemView,
  index: number,
  paying: boolean,
): string {
  const item = receipt.items[index]!;
  const name = `«${item.name}»`;
  switch (view.kind) {
    case 'skipped':
      return `${name}: не рассматривается, чек отклонён`;
    case 'review':
      return `${name}: ${reviewText(letter, view.match, item.sum)}`;
    case 'priced':
      return `${name}: ${pricedText(view.priced, paying)}`;
  }
}

function summaryText(letter: GuaranteeLetter, decision: Decision, amounts: Amounts | null): string {
  const why = decision.reasons.map((r) => REASON_TEXT[r]).join('; ');
  switch (decision.status) {
    case 'rejected':
      return `Чек отклонён: ${why}.`;
    case 'manual_review':
      return `Чек передан на ручную проверку: ${why}. Возмещение и кэшбэк будут после решения специалиста.`;
    default: {
      const head = decision.status === 'approved' ? 'Чек одобрен' : `Чек одобрен частично (${why})`;
      const franchise =
        amounts && amounts.franchise > 0
          ? `, франшиза ${letter.franchisePercent} % — ${rub(amounts.franchise)}`
          : '';
      return `${head}: возмещение ${rub(decision.reimbursement)}${franchise}, кэшбэк ${rub(decision.cashback)}.`;
    }
  }
}

/** Plain-Russian sentences for the insured person and the reviewer: one per item and one overall. */
export function explain(
  letter: GuaranteeLetter,
  receipt: FiscalReceipt,
  decision: Decision,
  views: ItemView[],
  amounts: Amounts | null,
): Explanation {
  return {
    summary: summaryText(letter, decision, amounts),
    lines: views.map((view, index) => itemText(letter, receipt, view, index, decision.status !== 'rejected')),
  };
}
