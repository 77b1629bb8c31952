import crypto from 'node:crypto';
import { formatQr, moscowIso } from '@remed/core';
import { qrPng } from '../../integrations/qr/qr-image.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { loadLetterFor } from '../letters/letters.queries.ts';

/** One demo till per clinic network; its fiscal drive number is fixed like a real one. */
const DEMO_FN = '9960440301234567';

/**
 * The demo till: prints a fiscal receipt for a guarantee letter (optionally with an overcharge, an extra
 * item, or as a refund), registers it with the simulated FNS, and returns its QR string and image.
 */
export function demoTillService(deps: AppDeps) {
  const { database, clock } = deps;
  return {
    async print(
      actor: Actor,
      input: {
        letterId: string;
        overcharge: boolean;
        extraItem: boolean;
        refund: boolean;
        unidentifiedItem: boolean;
      },
    ) {
      if (!deps.simulators) throw new AppError('NOT_FOUND', 'Демо-касса работает только в демо-режиме');
      const letter = await loadLetterFor(database.db, actor, input.letterId, clock.now());
      // Nothing is left to sell on a used-up letter; a refund of what was sold still prints.
      if (letter.status === 'used_up' && !input.refund)
        throw new AppError('INVALID_STATE', 'Письмо использовано: все услуги по нему уже оплачены по чекам');
      // Tills print their own short names with the clinic's code in front; the engine must cope with that.
      const items = letter.items.map((i, n) => {
        const price = input.overcharge ? Math.round((i.price * 1.2) / 1000) * 1000 : i.price;
        // A till that prints no service name sends the receipt to a person for review.
        const name =
          input.unidentifiedItem && n === 0
            ? 'Медицинская услуга'
            : `${i.clinicCode} ${i.name}`.slice(0, 128);
        return {
          name,
          price,
          quantity: i.quantity,
          sum: price * i.quantity,
          nds: 6,
          paymentType: 4,
          productType: 4,
        };
      });
      if (input.extraItem)
        items.push({
          name: 'Бахилы одноразовые',
          price: 1_500,
          quantity: 1,
          sum: 1_500,
          nds: 6,
          paymentType: 4,
          productType: 1,
        });
      const total = items.reduce((s, i) => s + i.sum, 0);
      const fd = crypto.randomInt(100_000, 999_999_999);
      const fp = crypto.randomInt(100_000_000, 4_294_967_295);
      const dateTime = moscowIso(clock.now()).slice(0, 19);
      const operationType = input.refund ? 2 : 1;
      deps.simulators.receipts.register({
        fiscalDriveNumber: DEMO_FN,
        fiscalDocumentNumber: fd,
        fiscalSign: fp,
        dateTime,
        operationType,
        userInn: `${letter.clinic.inn}  `,
        user: letter.clinic.name,
        kktRegId: '0007312345012345    ',
        totalSum: total,
        cashTotalSum: 0,
        ecashTotalSum: total,
        prepaidSum: 0,
        creditSum: 0,
        provisionSum: 0,
        items,
      });
      const qr = formatQr({ dateTime, sum: total, fn: DEMO_FN, i: fd, fp, n: operationType });
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
    },
  };
}

export type DemoTillService = ReturnType<typeof demoTillService>;
