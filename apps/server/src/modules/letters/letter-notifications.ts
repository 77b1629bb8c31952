import { formatRub, type LetterView, ruDate } from '@remed/core';
import type { Tx } from '../../db/client.ts';
import type { insuredPersons } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { renderLetterPdf } from './letter-pdf.ts';

// Messages to the insured person about their letter, written into the outbox inside the caller's transaction.

type Person = Pick<typeof insuredPersons.$inferSelect, 'firstName' | 'middleName' | 'phone' | 'email'>;
type Deps = Pick<AppDeps, 'outbox' | 'config'>;
type Email = { subject: string; body: string; pdf?: Buffer; pdfName?: string };

const hello = (p: Person) => `Здравствуйте, ${[p.firstName, p.middleName].filter(Boolean).join(' ')}!`;
const lettersLink = (deps: Deps) => `${deps.config.publicUrl}/letters`;

/** The SMS to the phone and the e-mail to the address, whichever the person has; returns the message ids. */
async function send(deps: Deps, tx: Tx, p: Person, sms: string, email: Email) {
  const ids: string[] = [];
  if (p.phone) ids.push(await deps.outbox.add(tx, { channel: 'sms', to: p.phone, body: sms }));
  if (p.email) {
    ids.push(
      await deps.outbox.add(tx, {
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

/** A new letter: where, until when, what it covers, and the letter itself attached as a PDF. */
export async function notifyLetterIssued(deps: Deps, tx: Tx, l: LetterView, p: Person) {
  const pdf = await renderLetterPdf(l, deps.config.service);
  const link = lettersLink(deps);
  const where = l.branch ? `${l.branch.name}, ${l.branch.address}` : (l.clinic.address ?? l.clinic.name);
  return send(
    deps,
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
}

export const notifyLetterCancelled = (deps: Deps, tx: Tx, l: LetterView, p: Person, reason: string) =>
  send(deps, tx, p, `remed: гарантийное письмо ${l.number} отменено. Причина: ${reason}`, {
    subject: `Гарантийное письмо ${l.number} отменено`,
    body: [
      hello(p),
      '',
      `Гарантийное письмо № ${l.number} в ${l.clinic.name} отменено.`,
      `Причина: ${reason}.`,
      '',
      `Если остались вопросы, позвоните на медицинский пульт: ${deps.config.service.phone}.`,
    ].join('\n'),
  });

export const notifyLetterExtended = (deps: Deps, tx: Tx, l: LetterView, p: Person) =>
  send(deps, tx, p, `remed: гарантийное письмо ${l.number} продлено до ${ruDate(l.validUntil)}`, {
    subject: `Гарантийное письмо ${l.number} продлено`,
    body: [
      hello(p),
      '',
      `Гарантийное письмо № ${l.number} в ${l.clinic.name} теперь действует до ${ruDate(l.validUntil)} включительно.`,
    ].join('\n'),
  });
