import type { InsuredRow } from '@remed/core';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { type insuredImports, policies } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { PlainMessage } from '../../platform/outbox.ts';
import { type CheckOutcome, type InsuredFile, insuredRows } from './insured-import-check.ts';

const BATCH = 5000;
/**
 * Message ids kept for dispatch after commit. More than the outbox's bulk threshold means «a mailing»,
 * which it hands to one sweep job instead of a job per message, so the rest need not be kept.
 */
const DISPATCH_IDS_KEPT = 1000;

type ImportRow = typeof insuredImports.$inferSelect;
type Checked = Exclude<CheckOutcome, { headerProblem: string }>;

/**
 * The second pass, inside the import's transaction: the file read again and its good rows written
 * BATCH at a time, with their invitations, so no more than a batch of rows is ever in memory.
 */
export async function writeInsuredFile(
  deps: Pick<AppDeps, 'clock' | 'ids' | 'config' | 'outbox'>,
  tx: Tx,
  imp: ImportRow,
  file: InsuredFile,
  checked: Checked,
  programName: string,
) {
  const { clock, ids, config } = deps;
  const now = clock.now();
  let created = 0;
  let updated = 0;
  const messageIds: string[] = [];
  let batch: InsuredRow[] = [];

  function invitationsFor(r: InsuredRow): PlainMessage[] {
    const url = `${config.publicUrl}/register`;
    const out: PlainMessage[] = [];
    if (r.phone) {
      out.push({
        channel: 'sms',
        to: r.phone,
        body: `remed: вы подключены к программе ДМС «${programName}». Зарегистрируйтесь по номеру телефона: ${url}`,
      });
    }
    if (r.email) {
      out.push({
        channel: 'email',
        to: r.email,
        subject: 'Вы подключены к программе ДМС в remed',
        body: [
          `Здравствуйте, ${r.firstName}${r.middleName ? ` ${r.middleName}` : ''}!`,
          '',
          `Работодатель подключил вас к программе добровольного медицинского страхования «${programName}».`,
          'В remed вы увидите, что входит в программу, получите гарантийное письмо в клинику и вернёте деньги за оплаченные услуги по СБП.',
          '',
          `Зарегистрируйтесь по номеру телефона${r.phone ? '' : ' (сообщите его страховой компании)'}: ${url}`,
        ].join('\n'),
      });
    }
    return out;
  }

  async function flush() {
    if (!batch.length) return;
    const existing = new Map<string, string>();
    const found = await tx
      .select({ number: policies.number, personId: policies.insuredPersonId })
      .from(policies)
      .where(
        inArray(
          policies.number,
          batch.map((r) => r.policyNumber),
        ),
      );
    for (const f of found) existing.set(f.number, f.personId);
    const fresh = batch.filter((r) => !existing.has(r.policyNumber));
    const known = batch.filter((r) => existing.has(r.policyNumber));
    // Rows travel as one array per column (unnest): a handful of parameters per batch whatever its size.
    if (fresh.length) {
      const personIds = fresh.map(() => ids.uuid());
      const col = <K extends keyof InsuredRow>(k: K) => sql.param(fresh.map((r) => r[k]));
      await tx.execute(sql`
        insert into insured_persons (id, last_name, first_name, middle_name, birth_date, sex, phone, email, created_at, updated_at)
        select v.*, ${now}::timestamptz, ${now}::timestamptz
        from unnest(${sql.param(personIds)}::uuid[], ${col('lastName')}::text[], ${col('firstName')}::text[], ${col('middleName')}::text[],
          ${col('birthDate')}::date[], ${col('sex')}::text[], ${col('phone')}::text[], ${col('email')}::text[]) as v`);
      await tx.execute(sql`
        insert into policies (id, number, program_id, insured_person_id, valid_from, valid_to, created_at, updated_at)
        select v.id, v.number, ${imp.programId}::uuid, v.person, v.valid_from, v.valid_to, ${now}::timestamptz, ${now}::timestamptz
        from unnest(${sql.param(fresh.map(() => ids.uuid()))}::uuid[], ${col('policyNumber')}::text[], ${sql.param(personIds)}::uuid[],
          ${col('validFrom')}::date[], ${col('validTo')}::date[]) as v(id, number, person, valid_from, valid_to)`);
      const invitations = fresh.flatMap(invitationsFor);
      const added = await deps.outbox.addMany(tx, invitations);
      if (messageIds.length < DISPATCH_IDS_KEPT)
        messageIds.push(...added.slice(0, DISPATCH_IDS_KEPT - messageIds.length + 1));
      created += fresh.length;
    }
    if (known.length) {
      const col = <K extends keyof InsuredRow>(k: K) => sql.param(known.map((r) => r[k]));
      await tx.execute(sql`
        update insured_persons p set last_name = v.last_name, first_name = v.first_name, middle_name = v.middle_name,
          birth_date = v.birth_date, sex = v.sex, phone = v.phone, email = v.email, updated_at = ${now}
        from unnest(${sql.param(known.map((r) => existing.get(r.policyNumber)!))}::uuid[], ${col('lastName')}::text[],
          ${col('firstName')}::text[], ${col('middleName')}::text[], ${col('birthDate')}::date[], ${col('sex')}::text[],
          ${col('phone')}::text[], ${col('email')}::text[])
          as v(id, last_name, first_name, middle_name, birth_date, sex, phone, email)
        where p.id = v.id`);
      await tx.execute(sql`
        update policies p set valid_from = v.valid_from, valid_to = v.valid_to, detached_on = null, updated_at = ${now}
        from unnest(${col('policyNumber')}::text[], ${col('validFrom')}::date[], ${col('validTo')}::date[]) as v(number, valid_from, valid_to)
        where p.number = v.number`);
      updated += known.length;
    }
    batch = [];
  }

  for await (const r of insuredRows(file, () => undefined)) {
    if (!r.row) continue;
    const number = r.row.policyNumber;
    if (checked.firstLine.get(number) !== r.line || checked.foreign.has(number)) continue;
    batch.push(r.row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();

  let detached = 0;
  if (imp.detachMissing) {
    const inFile: string[] = [];
    for (const number of checked.firstLine.keys()) if (!checked.foreign.has(number)) inFile.push(number);
    const rows = await tx
      .update(policies)
      .set({ detachedOn: file.today, updatedAt: now })
      .where(
        and(
          eq(policies.programId, imp.programId),
          isNull(policies.detachedOn),
          // One array parameter, anti-joined: a list of a million numbers is neither 65 535 parameters
          // nor a million comparisons per policy.
          sql`not exists (select from unnest(${sql.param(inFile)}::text[]) as f(number) where f.number = ${policies.number})`,
        ),
      )
      .returning({ id: policies.id });
    detached = rows.length;
  }
  return { created, updated, detached, messageIds };
}
