import crypto from 'node:crypto';
import { formatQr, type LetterView, moscowIso } from '@remed/core';
import { qrPng } from '../../integrations/qr/qr-image.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { loadLetterFor } from '../letters/letters.queries.ts';

/** One demo till per clinic network; its fiscal drive number is fixed like a real one. */
const DEMO_FN = '9960440301234567';

interface TillRequest {
  letterId: string;
  overcharge: boolean;
  extraItem: boolean;
  refund: boolean;
  unidentifiedItem: boolean;
}

type ReceiptItem = ReturnType<typeof tillItems>[number];
type Simulators = NonNullable<AppDeps['simulators']>;

/**
 * The demo till: prints a fiscal receipt for a guarantee letter (optionally with an overcharge, an extra
 * item, or as a refund), registers it with the simulated FNS, and returns its QR string and image.
 */
export async function printDemoReceipt(
  deps: Pick<AppDeps, 'database' | 'clock' | 'simulators'>,
  actor: Actor,
  input: TillRequest,
) {
  const { database, clock, simulators } = deps;
  if (!simulators) throw new AppError('NOT_FOUND', 'Демо-касса работает только в демо-режиме');
  const letter = await loadLetterFor(database.db, actor, input.letterId, clock.now());
  // Nothing is left to sell on a used-up letter; a refund of what was sold still prints.
  if (letter.status === 'used_up' && !input.refund)
    throw new AppError('INVALID_STATE', 'Письмо использовано: все услуги по нему уже оплачены по чекам');
  const items = tillItems(letter, input);
  const total = items.reduce((s, i) => s + i.sum, 0);
  const qr = registerReceipt(simulators, letter, {
    items,
    total,
    dateTime: moscowIso(clock.now()).slice(0, 19),
    operationType: input.refund ? 2 : 1,
  });
  await database.db.transaction((tx) =>
    writeAudit(tx, clock, actor, {
      action: 'demo_till.receipt_printed',
      entityType: 'guarantee_letter',
      entityId: letter.id,
      after: { qr, total },
    }),
  );
  const png = await qrPng(qr);
  return {
    qr,
    png: `data:image/png;base64,${png.toString('base64')}`,
    total,
    items: items.map(({ name, price, quantity, sum }) => ({ name, price, quantity, sum })),
  };
}

/** The letter's services as a till prints them, spoiled the ways the request asks for. */
function tillItems(letter: LetterView, input: TillRequest) {
  const item = (name: string, price: number, quantity: number, productType: number) => ({
    name,
    price,
    quantity,
    sum: price * quantity,
    nds: 6,
    paymentType: 4,
    productType,
  });
  // Tills print their own short names with the clinic's code in front; the engine must cope with that.
  const items = letter.items.map((i, n) => {
    const price = input.overcharge ? Math.round((i.price * 1.2) / 1000) * 1000 : i.price;
    // A till that prints no service name sends the receipt to a person for review.
    const name =
      input.unidentifiedItem && n === 0 ? 'Медицинская услуга' : `${i.clinicCode} ${i.name}`.slice(0, 128);
    return item(name, price, i.quantity, 4);
  });
  if (input.extraItem) items.push(item('Бахилы одноразовые', 1_500, 1, 1));
  return items;
}

/** Registers the receipt with the simulated FNS under the clinic's name and returns its QR string. */
function registerReceipt(
  simulators: Simulators,
  letter: LetterView,
  r: { items: ReceiptItem[]; total: number; dateTime: string; operationType: 1 | 2 },
) {
  const fd = crypto.randomInt(100_000, 999_999_999);
  const fp = crypto.randomInt(100_000_000, 4_294_967_295);
  simulators.receipts.register({
    fiscalDriveNumber: DEMO_FN,
    fiscalDocumentNumber: fd,
    fiscalSign: fp,
    dateTime: r.dateTime,
    operationType: r.operationType,
    userInn: `${letter.clinic.inn}  `,
    user: letter.clinic.name,
    kktRegId: '0007312345012345    ',
    totalSum: r.total,
    cashTotalSum: 0,
    ecashTotalSum: r.total,
    prepaidSum: 0,
    creditSum: 0,
    provisionSum: 0,
    items: r.items,
  });
  return formatQr({ dateTime: r.dateTime, sum: r.total, fn: DEMO_FN, i: fd, fp, n: r.operationType });
}
