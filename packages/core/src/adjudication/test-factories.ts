/** Builders shared by the engine tests: a letter like the §5.1 example and receipts from its clinic. */
import type { FiscalReceipt, FiscalReceiptItem } from '../receipts/fiscal-receipt.ts';
import { adjudicateReceipt, initialState } from './engine.ts';
import { type GuaranteeLetter, guaranteeLetterSchema } from './letter.ts';
import type { AdjudicationState } from './types.ts';

export const CLINIC_INN = '7701234560';
export const CONSULT = 'Прием (осмотр, консультация) врача-терапевта первичный';
export const USG = 'Ультразвуковое исследование органов брюшной полости (комплексное)';
const CBC = 'Общий (клинический) анализ крови';

export function letter(over: Partial<GuaranteeLetter> = {}): GuaranteeLetter {
  return guaranteeLetterSchema.parse({
    format: 'remed.guarantee-letter/v1',
    number: 'ГП-2026-000123',
    issuedAt: '2026-11-20T10:00:00+03:00',
    validFrom: '2026-11-20',
    validUntil: '2026-12-20',
    policyNumber: 'ДМС-0012345',
    insuredName: 'Иванова Мария Петровна',
    clinic: { inn: CLINIC_INN, name: 'ООО «Клиника Здоровье»' },
    franchisePercent: 0,
    cashbackPercent: 5,
    remainingLimit: 5000000,
    items: [
      { line: 1, code: 'B01.047.001', clinicCode: '1.01', name: CONSULT, price: 250000, quantity: 1 },
      { line: 2, code: 'A04.16.001', clinicCode: '3.10', name: USG, price: 300000, quantity: 1 },
      { line: 3, code: 'B03.016.002', name: CBC, price: 60000, quantity: 2 },
    ],
    ...over,
  });
}

export const item = (
  name: string,
  price: number,
  quantity = 1,
  sum = Math.round(price * quantity),
): FiscalReceiptItem => ({
  name,
  price,
  quantity,
  sum,
  nds: 6,
  paymentType: 4,
  productType: 4,
});

let nextI = 11401;
export function receipt(items: FiscalReceiptItem[], over: Partial<FiscalReceipt> = {}): FiscalReceipt {
  const total = items.reduce((s, i) => s + i.sum, 0);
  return {
    fn: '9282000100254567',
    i: nextI++,
    fp: 371532793,
    operationType: 1,
    dateTime: '2026-11-25T10:30:00',
    userInn: CLINIC_INN,
    user: 'ООО «Клиника Здоровье»',
    totalSum: total,
    cashTotalSum: 0,
    ecashTotalSum: total,
    prepaidSum: 0,
    creditSum: 0,
    provisionSum: 0,
    items,
    ...over,
  };
}

export const run = (r: FiscalReceipt, l = letter(), s?: AdjudicationState) =>
  adjudicateReceipt(l, r, s ?? initialState(l));
