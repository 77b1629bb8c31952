import type { DbOrTx } from '../../db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { clinicRecipients } from './clinics.queries.ts';

type Attachment = { filename: string; contentType: string; content: Buffer };

/** E-mails to the other side of the exchange, written into the outbox inside the caller's transaction. */
export function edoNotifications(deps: AppDeps) {
  const { outbox, config } = deps;
  const clinicLink = (page: 'contracts' | 'documents') => `${config.publicUrl}/clinic/${page}`;
  const serviceLink = (page: 'contracts' | 'documents') => `${config.publicUrl}/admin/clinic-${page}`;
  const signature = ['', '—', config.serviceParty.shortName, config.service.phone].join('\n');

  return {
    async toClinic(
      tx: DbOrTx,
      clinicId: string,
      page: 'contracts' | 'documents',
      subject: string,
      lines: string[],
      attachment?: Attachment,
    ): Promise<string[]> {
      const to = await clinicRecipients(tx, clinicId);
      const body = [
        'Здравствуйте!',
        '',
        ...lines,
        '',
        `Открыть в кабинете клиники: ${clinicLink(page)}`,
        signature,
      ].join('\n');
      const ids: string[] = [];
      for (const address of to)
        ids.push(
          await outbox.add(tx, {
            channel: 'email',
            to: address,
            subject,
            body,
            attachments: attachment ? [attachment] : [],
          }),
        );
      return ids;
    },
    async toService(tx: DbOrTx, page: 'contracts' | 'documents', subject: string, lines: string[]) {
      const body = ['Здравствуйте!', '', ...lines, '', `Открыть: ${serviceLink(page)}`].join('\n');
      return [await outbox.add(tx, { channel: 'email', to: config.serviceParty.email, subject, body })];
    },
  };
}
