import type { InsuredRow } from '@remed/core';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { type insuredImports, policies } from '../../db/schema/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Ids } from '../../platform/ids.ts';
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

type Deps = Pick<AppDeps, 'clock' | 'ids' | 'config' | 'outbox'>;
type Written = { created: number; updated: number; messageIds: string[] };

/**
 * The second pass, inside the import's transaction: the file read again and its good rows written
 * BATCH at a time, with their invitations, so no more than a batch of rows is ever in memory.
 */
export async function writeInsuredFile(
  deps: Deps,
  tx: Tx,
  imp: ImportRow,
  file: InsuredFile,
  checked: Checked,
  programName: string,
) {
  const now = deps.clock.now();
  const written: Written = { created: 0, updated: 0, messageIds: [] };
  const invite = invitationsTo(`${deps.config.publicUrl}/register`, programName);
  let batch: InsuredRow[] = [];
  const flush = async () => {
    if (batch.length) await writeBatch(deps, tx, { programId: imp.programId, now, invite }, batch, written);
    batch = [];
  };
  for await (const r of insuredRows(file, () => undefined)) {
    if (!r.row) continue;
    const number = r.row.policyNumber;
    if (checked.firstLine.get(number) !== r.line || checked.foreign.has(number)) continue;
    batch.push(r.row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  const detached = imp.detachMissing ? await detachMissing(tx, imp.programId, checked, file.today, now) : 0;
  return { ...written, detached };
}

/** The invitation to register, by SMS and by e-mail, for each contact the row gives. */
function invitationsTo(url: string, programName: string) {
  return (r: InsuredRow): PlainMessage[] => {
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
  };
}

/** One batch: people new to the program are added and invited, those with a known policy updated. */
async function writeBatch(
  deps: Deps,
  tx: Tx,
  ctx: { programId: string; now: Date; invite: (r: InsuredRow) => PlainMessage[] },
  batch: InsuredRow[],
  written: Written,
) {
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
  if (fresh.length) {
    await insertPeople(tx, deps.ids, ctx.programId, fresh, ctx.now);
    const added = await deps.outbox.addMany(tx, fresh.flatMap(ctx.invite));
    if (written.messageIds.length < DISPATCH_IDS_KEPT)
      written.messageIds.push(...added.slice(0, DISPATCH_IDS_KEPT - written.messageIds.length + 1));
    written.created += fresh.length;
  }
  if (known.length) {
    await updatePeople(tx, known, existing, ctx.now);
    written.updated += known.length;
  }
}

// Rows travel as one array per column (unnest): a handful of parameters per batch whatever its size.
const columnOf =
  (rows: InsuredRow[]) =>
  <K extends keyof InsuredRow>(k: K) =>
    sql.param(rows.map((r) => r[k]));

async function insertPeople(tx: Tx, ids: Ids, programId: string, fresh: InsuredRow[], now: Date) {
  const personIds = fresh.map(() => ids.uuid());
  const col = columnOf(fresh);
  await tx.execute(sql`
    insert into insured_persons (id, last_name, first_name, middle_name, birth_date, sex, phone, email, created_at, updated_at)
    select v.*, ${now}::timestamptz, ${now}::timestamptz
    from unnest(${sql.param(personIds)}::uuid[], ${col('lastName')}::text[], ${col('firstName')}::text[], ${col('middleName')}::text[],
      ${col('birthDate')}::date[], ${col('sex')}::text[], ${col('phone')}::text[], ${col('email')}::text[]) as v`);
  await tx.execute(sql`
    insert into policies (id, number, program_id, insured_person_id, valid_from, valid_to, created_at, updated_at)
    select v.id, v.number, ${programId}::uuid, v.person, v.valid_from, v.valid_to, ${now}::timestamptz, ${now}::timestamptz
    from unnest(${sql.param(fresh.map(() => ids.uuid()))}::uuid[], ${col('policyNumber')}::text[], ${sql.param(personIds)}::uuid[],
      ${col('validFrom')}::date[], ${col('validTo')}::date[]) as v(id, number, person, valid_from, valid_to)`);
}

async function updatePeople(tx: Tx, known: InsuredRow[], personOf: Map<string, string>, now: Date) {
  const col = columnOf(known);
  await tx.execute(sql`
    update insured_persons p set last_name = v.last_name, first_name = v.first_name, middle_name = v.middle_name,
      birth_date = v.birth_date, sex = v.sex, phone = v.phone, email = v.email, updated_at = ${now}
    from unnest(${sql.param(known.map((r) => personOf.get(r.policyNumber)!))}::uuid[], ${col('lastName')}::text[],
      ${col('firstName')}::text[], ${col('middleName')}::text[], ${col('birthDate')}::date[], ${col('sex')}::text[],
      ${col('phone')}::text[], ${col('email')}::text[])
      as v(id, last_name, first_name, middle_name, birth_date, sex, phone, email)
    where p.id = v.id`);
  await tx.execute(sql`
    update policies p set valid_from = v.valid_from, valid_to = v.valid_to, detached_on = null, updated_at = ${now}
    from unnest(${col('policyNumber')}::text[], ${col('validFrom')}::date[], ${col('validTo')}::date[]) as v(number, valid_from, valid_to)
    where p.number = v.number`);
}

/** The program's policies in force whose numbers are not in the file are detached from the upload's day. */
async function detachMissing(tx: Tx, programId: string, checked: Checked, today: string, now: Date) {
  const inFile: string[] = [];
  for (const number of checked.firstLine.keys()) if (!checked.foreign.has(number)) inFile.push(number);
  const rows = await tx
    .update(policies)
    .set({ detachedOn: today, updatedAt: now })
    .where(
      and(
        eq(policies.programId, programId),
        isNull(policies.detachedOn),
        // One array parameter, anti-joined: a list of a million numbers is neither 65 535 parameters
        // nor a million comparisons per policy.
        sql`not exists (select from unnest(${sql.param(inFile)}::text[]) as f(number) where f.number = ${policies.number})`,
      ),
    )
    .returning({ id: policies.id });
  return rows.length;
}
