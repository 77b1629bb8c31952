import { eq } from 'drizzle-orm';
import { users } from '../db/schema/index.ts';
import { toSessionUser } from '../modules/admin-users/users.queries.ts';
import { createContractForNewClinic } from '../modules/edo/draw-up-contract.ts';
import { sendDocument } from '../modules/edo/send-document.ts';
import type { AppDeps } from '../platform/deps.ts';
import { renderPdf } from '../platform/pdf.ts';

/**
 * Something to try in the clinic cabinet: the second clinic of the network has the contract waiting for its
 * signature; the first has none yet (the clinic forms it itself) and an act from the service to sign.
 */
export async function seedEdo(deps: AppDeps, clinicIds: string[]) {
  const db = deps.database.db;
  await createContractForNewClinic(deps, clinicIds[1]!);
  const [admin] = await db.select().from(users).where(eq(users.email, 'admin@demo.remed.ru'));
  const actor = { user: await toSessionUser(db, admin!), requestId: null, ip: null };
  const year = deps.clock.now().getUTCFullYear();
  const act = await renderPdf({
    defaultStyle: { font: 'DejaVu', fontSize: 11 },
    content: [
      {
        text: `Акт сверки по бонусной программе № А-${year}-001`,
        bold: true,
        fontSize: 14,
        margin: [0, 0, 0, 10],
      },
      `Период: январь ${year} г.`,
      'Услуги, возмещённые застрахованным по гарантийным письмам: 3 на сумму 8 750,00 ₽.',
      'Кэшбэк 5 %: 437,50 ₽.',
      {
        text: 'Сумма подлежит перечислению на расчётный счёт Сервиса в течение 10 рабочих дней.',
        margin: [0, 10, 0, 0],
      },
    ],
  });
  await sendDocument(
    deps,
    actor,
    clinicIds[0]!,
    {
      type: 'act',
      number: `А-${year}-001`,
      documentDate: `${year}-02-03`,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-01-31`,
      comment: 'Акт сверки кэшбэка за январь. Проверьте и подпишите в кабинете.',
    },
    { fileName: `акт-сверки-${year}-01.pdf`, content: act },
  );
}
