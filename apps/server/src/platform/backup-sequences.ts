import { sql } from 'drizzle-orm';
import { sqlRows, type Tx } from '../db/client.ts';

/** A sequence's position as the archive keeps it: `value` is the last number handed out, if any. */
export interface SequenceState {
  name: string;
  value: number;
  called: boolean;
}

/**
 * Numbers made from a sequence that is not a column's identity (`ГП-2026-000123`, `Д-2026-000004`): where
 * they are kept, so that an archive made before sequences travelled still restores past its numbers.
 */
const NUMBERED_FROM: Record<string, { table: string; column: string; where?: string }> = {
  guarantee_letter_number_seq: { table: 'guarantee_letters', column: 'number' },
  clinic_contract_number_seq: { table: 'clinic_contracts', column: 'number', where: `kind = 'contract'` },
  clinic_supplement_number_seq: {
    table: 'clinic_contracts',
    column: 'number',
    where: `kind = 'supplement'`,
  },
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every sequence of the public schema with its position, read inside the backup's snapshot. */
export async function readSequences(tx: Tx): Promise<SequenceState[]> {
  const names = await sqlRows<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'S' and n.nspname = 'public' order by 1`,
  );
  const out: SequenceState[] = [];
  for (const { name } of names) {
    const [row] = await sqlRows<{ value: string; called: boolean }>(
      tx,
      sql.raw(`select last_value::text as value, is_called as called from ${quote(name)}`),
    );
    out.push({ name, value: Number(row!.value), called: row!.called });
  }
  return out;
}

/**
 * Moves every sequence past what the restored rows use: the archive's own position when it has one, and
 * never below the highest identity or number in the data (a number handed out twice is a 500 later).
 */
export async function restoreSequences(tx: Tx, saved: SequenceState[] | undefined): Promise<void> {
  const present = new Set(
    (
      await sqlRows<{ name: string }>(
        tx,
        sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'S' and n.nspname = 'public'`,
      )
    ).map((r) => r.name),
  );
  // The next value each sequence must give at least.
  const next = new Map<string, number>();
  const atLeast = (name: string, value: number) => {
    if (present.has(name)) next.set(name, Math.max(next.get(name) ?? 1, value));
  };
  for (const s of saved ?? []) atLeast(s.name, s.called ? s.value + 1 : s.value);

  const identities = await sqlRows<{ t: string; c: string; seq: string | null }>(
    tx,
    sql`select table_name as t, column_name as c,
          pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
        from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`,
  );
  for (const { t, c, seq } of identities) {
    if (!seq) continue;
    const [row] = await sqlRows<{ m: string | null }>(
      tx,
      sql.raw(`select max(${quote(c)})::text as m from ${quote(t)}`),
    );
    atLeast(seq.replace(/^public\./, '').replace(/^"|"$/g, ''), Number(row?.m ?? 0) + 1);
  }
  for (const [seq, from] of Object.entries(NUMBERED_FROM)) {
    if (!present.has(seq)) continue;
    const [row] = await sqlRows<{ m: string | null }>(
      tx,
      sql.raw(
        `select max((substring(${quote(from.column)} from '(\\d+)$'))::bigint)::text as m from ${quote(from.table)}${from.where ? ` where ${from.where}` : ''}`,
      ),
    );
    atLeast(seq, Number(row?.m ?? 0) + 1);
  }
  for (const name of present) {
    await tx.execute(sql`select setval(${quote(name)}::regclass, ${next.get(name) ?? 1}, false)`);
  }
}
