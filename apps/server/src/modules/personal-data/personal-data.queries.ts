import { CONSENT_TERMS, CONSENT_TEXTS, type MyConsent } from '@remed/core';
import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { consents, insuredPersons } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';

export type PersonRow = typeof insuredPersons.$inferSelect;

/** The insured person behind a signed-in user; a user with no policy has no personal data here. */
export async function personOfUser(db: DbOrTx, userId: string): Promise<PersonRow> {
  const [p] = await db.select().from(insuredPersons).where(eq(insuredPersons.userId, userId));
  if (!p) throw new AppError('NOT_FOUND', 'Ваша учётная запись не связана с полисом ДМС');
  return p;
}

export async function personById(db: DbOrTx, id: string): Promise<PersonRow> {
  const [p] = await db.select().from(insuredPersons).where(eq(insuredPersons.id, id));
  if (!p) throw new AppError('NOT_FOUND', 'Застрахованный не найден');
  return p;
}

/** The registry of one person's consents, newest first, with what each covers and how it was given. */
export async function consentsOf(db: DbOrTx, personId: string): Promise<MyConsent[]> {
  const rows = await db
    .select()
    .from(consents)
    .where(eq(consents.insuredPersonId, personId))
    .orderBy(desc(consents.acceptedAt), asc(consents.kind), desc(consents.id));
  return rows.map((c) => {
    const text = CONSENT_TEXTS[c.kind];
    const terms = CONSENT_TERMS[c.kind];
    return {
      id: c.id,
      kind: c.kind,
      title: text.title,
      version: c.textVersion,
      // Only the wording in force is in the code; an older one is named by its version.
      text: text.version === c.textVersion ? text.text : `Текст редакции от ${c.textVersion}`,
      categories: terms.categories,
      recipients: terms.recipients,
      acceptedAt: c.acceptedAt.toISOString(),
      method: c.method,
      ip: c.ip,
      userAgent: c.userAgent,
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
      withdrawnMethod: c.withdrawnMethod ?? null,
      withdrawable: terms.withdrawable && !c.withdrawnAt,
      consequences: terms.consequences,
    };
  });
}
