import { formatRub, type LetterView, ruDate } from '@remed/core';
import type { Tx } from '../../db/client.ts';
import type { insuredPersons } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { renderLetterPdf } from './letter-pdf.ts';

type Person = Pick<typeof insuredPersons.$inferSelect, 'firstName' | 'middleName' | 'phone' | 'email'>;

/** Messages to the insured person about their letter, written into the outbox inside the caller's transaction. */
export function letterNotifications(deps: AppDeps) {
  const { outbox, config } = deps;
  const hello = (p: Person) => `Здравствуйте, ${[p.firstName, p.middleName].filter(Boolean).join(' ')}!`;
  const link = `${config.publicUrl}/letters`;

  async function send(
    tx: Tx,
    p: Person,
    sms: string,
    email: { subject: string; body: string; pdf?: Buffer; pdfName?: string },
  ) {
    const ids: string[] = [];
    if (p.phone) ids.push(await outbox.add(tx, { channel: 'sms', to: p.phone, body: sms }));
    if (p.email) {
      ids.push(
        await outbox.add(tx, {
          channel: 'email',
          to: p.email,
          subject: email.subject,
          body: email.body,
          attachments: email.pdf
            ? [{ filename: email.pdfName!, contentType: 'application/pdf', content: email.pdf }]
            : [],
        }),
      );
    }
    return ids;
  }

  return {
    async issued(tx: Tx, l: LetterView, p: Person) {
      const pdf = await renderLetterPdf(l, config.service);
      const where = l.branch ? `${l.branch.name}, ${l.branch.address}` : (l.clinic.address ?? l.clinic.name);
      return send(
        tx,
        p,
        `remed: гарантийное письмо ${l.number} в ${l.clinic.name} до ${ruDate(l.validUntil)}. Подробности: ${link}`,
        {
          subject: `Гарантийное письмо ${l.number} — ${l.clinic.name}`,
          pdf,
          pdfName: `${l.number}.pdf`,
          body: [
            hello(p),
            '',
            `Врач медицинского пульта выдал гарантийное письмо № ${l.number}.`,
            `Клиника: ${l.clinic.name}, ${where}.`,
            `Действует с ${ruDate(l.validFrom)} по ${ruDate(l.validUntil)}.`,
            '',
            'Услуги:',
            ...l.items.map((i) => `  ${i.line}. ${i.name} — ${i.quantity} × ${formatRub(i.price)}`),
            `Итого: ${formatRub(l.total)}.`,
            '',
            'Оплатите услуги в клинике, возьмите чек и отсканируйте его QR-код в приложении remed — деньги придут по СБП.',
            `Письмо во вложении и в приложении: ${link}`,
          ].join('\n'),
        },
      );
    },
    cancelled: (tx: Tx, l: LetterView, p: Person, reason: string) =>
      send(tx, p, `remed: гарантийное письмо ${l.number} отменено. Причина: ${reason}`, {
        subject: `Гарантийное письмо ${l.number} отменено`,
        body: [
          hello(p),
          '',
          `Гарантийное письмо № ${l.number} в ${l.clinic.name} отменено.`,
          `Причина: ${reason}.`,
          '',
          `Если остались вопросы, позвоните на медицинский пульт: ${config.service.phone}.`,
        ].join('\n'),
      }),
    extended: (tx: Tx, l: LetterView, p: Person) =>
      send(tx, p, `remed: гарантийное письмо ${l.number} продлено до ${ruDate(l.validUntil)}`, {
        subject: `Гарантийное письмо ${l.number} продлено`,
        body: [
          hello(p),
          '',
          `Гарантийное письмо № ${l.number} в ${l.clinic.name} теперь действует до ${ruDate(l.validUntil)} включительно.`,
        ].join('\n'),
      }),
  };
}
