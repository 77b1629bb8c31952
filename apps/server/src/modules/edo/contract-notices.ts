import type { DbOrTx } from '../../db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { ClinicRow } from './clinics.queries.ts';
import { type ContractRow, contractTitle } from './contracts.queries.ts';
import { edoNotifications } from './edo-notifications.ts';

type Agreement = Pick<ContractRow, 'clinicId' | 'kind' | 'number'>;

const pdf = (fileName: string, content: Buffer) => ({
  filename: `${fileName}.pdf`,
  contentType: 'application/pdf',
  content,
});

/** What each side is told as a contract or an agreement moves on; each returns the outbox message ids. */
export function contractNotices(deps: AppDeps) {
  const notify = edoNotifications(deps);
  const author = deps.config.serviceParty.shortName;

  return {
    /** The clinic gets the document to sign: new, sent from a draft, or formed again with fresh requisites. */
    toSign(tx: DbOrTx, c: Agreement, content: Buffer, formedAgain = false) {
      const title = contractTitle(c);
      return notify.toClinic(
        tx,
        c.clinicId,
        'contracts',
        `${title} — на подпись`,
        formedAgain
          ? [
              `${title} сформирован заново с актуальными реквизитами.`,
              'Откройте новую версию и подпишите её: прежняя версия больше не подписывается.',
            ]
          : [
              `${author} направляет вам на подпись ${title.toLowerCase()}.`,
              'Проверьте документ и подпишите его в кабинете кодом из SMS или письма.',
            ],
        pdf(c.number, content),
      );
    },

    drawnUpByClinic(tx: DbOrTx, c: Agreement, clinic: ClinicRow) {
      const title = contractTitle(c);
      return notify.toService(tx, 'contracts', `${clinic.shortName}: сформирован ${title}`, [
        `Клиника ${clinic.shortName} (ИНН ${clinic.inn}) сформировала в кабинете ${title.toLowerCase()}.`,
        'Когда клиника подпишет его, документ придёт вам на подпись.',
      ]);
    },

    cancelled(tx: DbOrTx, c: Agreement, reason: string) {
      const title = contractTitle(c);
      return notify.toClinic(tx, c.clinicId, 'contracts', `${title} отменён`, [
        `${title} отменён. Причина: ${reason}.`,
      ]);
    },

    signedByClinic(tx: DbOrTx, c: Agreement, clinic: ClinicRow, signer: string) {
      const title = contractTitle(c);
      return notify.toService(tx, 'contracts', `${clinic.shortName} подписала: ${title}`, [
        `${clinic.shortName} (ИНН ${clinic.inn}) подписала ${title.toLowerCase()} простой электронной подписью.`,
        `Подписант: ${signer}.`,
        'Подпишите документ со стороны сервиса.',
      ]);
    },

    signedByBoth(tx: DbOrTx, c: Agreement, stamped: Buffer) {
      const title = contractTitle(c);
      return notify.toClinic(
        tx,
        c.clinicId,
        'contracts',
        `${title} подписан обеими сторонами`,
        [
          `${title} подписан обеими сторонами простой электронной подписью.`,
          'Экземпляр с отметками о подписании — во вложении.',
        ],
        pdf(`${c.number}-подписан`, stamped),
      );
    },
  };
}
