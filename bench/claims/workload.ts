import { formatQr } from '@remed/core';

/** The benchmark's data, computed the same way in every thread so that they agree without talking. */
export const CLINIC_INN = '7715000562';
const FN = '9960440301234567';
export const PRICE = 210_000;
export const SERVICE_NAME = 'Прием (осмотр, консультация) врача-терапевта повторный';
export const PASSWORD = 'Bench-password-1';
export const SIM_TOKEN = 'bench-fns-token';
export const PAYOUT_CREDENTIALS = { agentId: '505050', secretKey: 'bench-secret' };

export interface Workload {
  clients: number;
  perClient: number;
  day: string;
}

/** The ФД number of client `n`'s `k`-th receipt. */
const fdOf = (w: Workload, n: number, k: number) => n * w.perClient + k + 1;
const dateTimeOf = (w: Workload, i: number) => `${w.day}T10:${String(i % 60).padStart(2, '0')}:00`;

/** One visit paid at the letter's price, as the FNS returns it. */
export function receiptJson(w: Workload, n: number, k: number) {
  const i = fdOf(w, n, k);
  return {
    fiscalDriveNumber: FN,
    fiscalDocumentNumber: i,
    fiscalSign: 100_000 + i,
    dateTime: dateTimeOf(w, i),
    operationType: 1,
    userInn: `${CLINIC_INN}  `,
    user: 'ООО «Клиника»',
    totalSum: PRICE,
    cashTotalSum: 0,
    ecashTotalSum: PRICE,
    prepaidSum: 0,
    creditSum: 0,
    provisionSum: 0,
    items: [
      {
        name: `1.01 ${SERVICE_NAME}`,
        price: PRICE,
        quantity: 1,
        sum: PRICE,
        nds: 6,
        paymentType: 4,
        productType: 4,
      },
    ],
  };
}

export function receiptQr(w: Workload, n: number, k: number): string {
  const i = fdOf(w, n, k);
  return formatQr({ dateTime: dateTimeOf(w, i), sum: PRICE, fn: FN, i, fp: 100_000 + i, n: 1 });
}

export const emailOf = (n: number) => `p${n}@bench.ru`;
