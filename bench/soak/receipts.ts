import { formatQr } from '@remed/core';
import { paidByCard } from '../fiscal-receipt.ts';
import { BLOOD, CLAIMS_CLINIC_INN, THERAPIST } from './seed.ts';

const FN = '9960440301234567';

/**
 * What the till printed, by kind: `visit` matches the letter, `extra` adds a service the letter lacks
 * (partially approved), `dearer` is priced above the price list (capped), `visit_and_test` uses both
 * lines, `forged` is unknown to the FNS (rejected).
 */
type ReceiptKind = 'visit' | 'visit_and_test' | 'extra' | 'dearer' | 'forged';

const MIX: [ReceiptKind, number][] = [
  ['visit', 55],
  ['visit_and_test', 15],
  ['extra', 12],
  ['dearer', 10],
  ['forged', 8],
];

export function pickKind(random: () => number): ReceiptKind {
  let r = random() * 100;
  for (const [kind, weight] of MIX) {
    r -= weight;
    if (r < 0) return kind;
  }
  return 'visit';
}

let fd = 0;

/** Moscow time of the till, a few minutes ago, to the minute. */
function tillTime(now: number): string {
  return new Date(now + 3 * 3600_000 - 5 * 60_000).toISOString().slice(0, 16).concat(':00');
}

/** A fiscal receipt as the FNS returns it (for the simulator) and the QR string the person scans. */
export function makeReceipt(kind: ReceiptKind, now = Date.now()) {
  fd++;
  const dateTime = tillTime(now);
  const item = (name: string, price: number) => ({
    name,
    price,
    quantity: 1,
    sum: price,
    nds: 6,
    paymentType: 4,
    productType: 4,
  });
  const items = [
    item(`1.1 ${THERAPIST.name}`, kind === 'dearer' ? THERAPIST.price + 20_000 : THERAPIST.price),
  ];
  if (kind === 'visit_and_test') items.push(item(`1.2 ${BLOOD.name}`, BLOOD.price));
  if (kind === 'extra') items.push(item('Оформление выписки из медицинской карты', 40_000));
  const json = {
    fiscalDriveNumber: FN,
    fiscalDocumentNumber: fd,
    fiscalSign: 100_000 + fd,
    dateTime,
    operationType: 1,
    userInn: `${CLAIMS_CLINIC_INN}  `,
    user: 'ООО «Клиника здоровья»',
    ...paidByCard(items),
  };
  const qr = formatQr({ dateTime, sum: json.totalSum, fn: FN, i: fd, fp: 100_000 + fd, n: 1 });
  return { json: kind === 'forged' ? null : json, qr, usesTest: kind === 'visit_and_test' };
}
