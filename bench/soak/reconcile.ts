import type pg from 'pg';
import type { SimulatedPayout } from '../../apps/server/src/integrations/payouts/yookassa-simulator.ts';
import { compareWithProvider, kopecks, type PayoutRow } from './provider-ledger.ts';
import type { Tally } from './tally.ts';

/** Claims that wait for the system, not for a person: after the drain none may be left. */
const INTERMEDIATE = ['waiting_receipt', 'approved', 'partially_approved', 'payout_pending'];
const LIVE_JOB = `state in ('created','retry','active')`;

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** Work the system still owes: claims between states, payouts in flight, imports not finished. */
async function unfinished(db: pg.Client): Promise<number> {
  const r = await db.query<{ n: string }>(
    `select ((select count(*) from claims where status = any($1))
      + (select count(*) from payouts where status in ('created','pending'))
      + (select count(*) from price_list_versions where import_status in ('queued','running'))
      + (select count(*) from insured_imports where status in ('queued','running')))::text as n`,
    [INTERMEDIATE],
  );
  return Number(r.rows[0]!.n);
}

/** Waits (bounded) until the queues have done what they owe; returns the seconds it took, or null. */
export async function drain(db: pg.Client, limitS: number): Promise<number | null> {
  const t0 = Date.now();
  while (Date.now() - t0 < limitS * 1000) {
    if ((await unfinished(db)) === 0) return (Date.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  return null;
}

type Rows = <T extends pg.QueryResultRow>(q: string, p?: unknown[]) => Promise<T[]>;

/** The checks of one part of the run, in the order they are added. */
function checkList() {
  const checks: Check[] = [];
  const add = (name: string, ok: boolean, detail: string) => {
    checks.push({ name, ok, detail });
  };
  return { checks, add };
}

/** How many rows of `table` have one of `ids` in `column`. */
async function countOf(rows: Rows, table: string, column: string, ids: string[]): Promise<number> {
  const [found] = await rows<{ n: string }>(
    `select count(*)::text n from ${table} where ${column} = any($1::uuid[])`,
    [ids],
  );
  return Number(found!.n);
}

/** Every acknowledged claim stored, none stuck between states, none paid twice or over its amount. */
async function claimChecks(rows: Rows, tally: Tally): Promise<Check[]> {
  const { checks, add } = checkList();
  const accepted = [...tally.acceptedClaims];
  const found = await countOf(rows, 'claims', 'id', accepted);
  add(
    'every acknowledged claim stored',
    found === accepted.length,
    `${found} of ${accepted.length} acknowledged`,
  );

  // A job left `active` by a killed worker moves nothing until pg-boss expires it: told apart from a queued one.
  const stuck = await rows<{ status: string; queued: string; held: string; none: string }>(
    `select c.status, count(*) filter (where j.state in ('created','retry'))::text queued,
       count(*) filter (where j.state = 'active')::text held, count(*) filter (where j.state is null)::text none
     from claims c left join lateral (select j.state::text from pgboss.job j where ${LIVE_JOB} and (
         (j.name = 'claim-fetch' and j.data->>'id' = c.id::text) or
         (j.name in ('payout-send','payout-poll') and j.data->>'id' in (select p.id::text from payouts p where p.claim_id = c.id)))
       order by j.state = 'active' limit 1) j on true
     where c.status = any($1) group by c.status order by c.status`,
    [INTERMEDIATE],
  );
  add(
    'no claim stuck between states',
    stuck.length === 0,
    stuck.length
      ? stuck
          .map(
            (s) =>
              `${s.status}: ${s.none} with no job, ${s.queued} with a job queued, ${s.held} with a job held active`,
          )
          .join('; ')
      : 'none',
  );

  const twice = await rows<{ claim_id: string; n: string; paid: string; due: string }>(
    `select p.claim_id, count(*)::text n, sum(p.amount)::text paid, (c.reimbursement + c.cashback)::text due
     from payouts p join claims c on c.id = p.claim_id where p.status = 'succeeded'
     group by p.claim_id, c.reimbursement, c.cashback having count(*) > 1 or sum(p.amount) > c.reimbursement + c.cashback`,
  );
  add(
    'no claim paid twice or over its amount',
    twice.length === 0,
    twice.length
      ? twice
          .slice(0, 5)
          .map((t) => `${t.claim_id}: ${t.n} payouts, ${t.paid} of ${t.due}`)
          .join('; ')
      : 'none',
  );
  return checks;
}

/** No payout in flight, each payment at the provider one of ours, and the ledger agreeing with both. */
async function payoutChecks(rows: Rows, provider: SimulatedPayout[]): Promise<Check[]> {
  const { checks, add } = checkList();
  const inFlight = await rows<{ status: string; n: string; queued: string; held: string }>(
    `select p.status, count(*)::text n,
       count(*) filter (where j.state in ('created','retry'))::text queued, count(*) filter (where j.state = 'active')::text held
     from payouts p left join lateral (select j.state::text from pgboss.job j where ${LIVE_JOB}
       and j.name in ('payout-send','payout-poll') and j.data->>'id' = p.id::text order by j.state = 'active' limit 1) j on true
     where p.status in ('created','pending') group by p.status`,
  );
  add(
    'no payout left in flight',
    inFlight.length === 0,
    inFlight.length
      ? inFlight
          .map((p) => `${p.status}: ${p.n} (${p.queued} with a job queued, ${p.held} held active)`)
          .join('; ')
      : 'none',
  );

  const ours = await rows<PayoutRow>('select id, claim_id, status, amount::text, provider_id from payouts');
  checks.push(...compareWithProvider(ours, provider));

  const [ledger] = await rows<{ ledger: string; payouts: string }>(
    `select coalesce(-sum(amount) filter (where kind = 'payout'), 0)::text ledger,
       (select coalesce(sum(amount), 0) from payouts where status = 'succeeded')::text payouts from ledger_entries`,
  );
  const providerPaid = provider
    .filter((p) => p.status === 'succeeded')
    .reduce((s, p) => s + kopecks(p.amount.value), 0);
  add(
    'ledger = succeeded payouts = paid at the provider',
    ledger!.ledger === ledger!.payouts && Number(ledger!.payouts) === providerPaid,
    `${ledger!.ledger} / ${ledger!.payouts} / ${providerPaid} kopecks`,
  );
  return checks;
}

async function messageChecks(rows: Rows, tally: Tally): Promise<Check[]> {
  const messages = [...tally.acceptedMessages];
  const stored = await countOf(rows, 'chat_messages', 'client_id', messages);
  return [
    {
      name: 'every acknowledged chat message stored once',
      ok: stored === messages.length,
      detail: `${stored} of ${messages.length}`,
    },
  ];
}

/** Unfinished uploads say what is behind them: a queued job, one held active by a dead worker, or none. */
async function uploadChecks(rows: Rows, tally: Tally): Promise<Check[]> {
  const { checks, add } = checkList();
  for (const [name, table, column, queue, ids] of [
    [
      'every price list upload checked',
      'price_list_versions',
      'import_status',
      'price-list-import',
      tally.priceListVersions,
    ],
    [
      'every insured list import finished',
      'insured_imports',
      'status',
      'insured-import',
      tally.insuredImports,
    ],
  ] as const) {
    const found = await rows<{ status: string; n: string; queued: string; held: string }>(
      `select t.${column} status, count(*)::text n,
         count(*) filter (where j.state in ('created','retry'))::text queued, count(*) filter (where j.state = 'active')::text held
       from ${table} t left join lateral (select j.state::text from pgboss.job j where ${LIVE_JOB}
         and j.name = $2 and j.data->>'id' = t.id::text order by j.state = 'active' limit 1) j on true
       where t.id = any($1::uuid[]) group by t.${column} order by 1`,
      [[...ids], queue],
    );
    const open = found.filter((v) => v.status === 'queued' || v.status === 'running');
    add(
      name,
      open.length === 0,
      found
        .map((v) =>
          v.status === 'queued' || v.status === 'running'
            ? `${v.status} ${v.n} (${Number(v.n) - Number(v.queued) - Number(v.held)} with no job, ${v.queued} with a job queued, ${v.held} held active)`
            : `${v.status} ${v.n}`,
        )
        .join(', ') || 'none uploaded',
    );
  }
  return checks;
}

/**
 * The checks at the end of the run, from the database and the provider's own record: no claim lost or
 * stuck (and, if stuck, whether any job would still move it), none paid twice or over its approved amount,
 * every payment at the provider matching one payout row, the ledger agreeing with the payouts, and every
 * chat message, price list and insured list the API acknowledged stored and finished.
 */
export async function reconcile(db: pg.Client, provider: SimulatedPayout[], tally: Tally) {
  const rows: Rows = async <T extends pg.QueryResultRow>(q: string, p: unknown[] = []) =>
    (await db.query<T>(q, p)).rows;

  const statuses = await rows<{ status: string; n: string }>(
    'select status, count(*)::text n from claims group by status order by status',
  );
  const byStatus = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));

  const checks: Check[] = [
    ...(await claimChecks(rows, tally)),
    ...(await payoutChecks(rows, provider)),
    ...(await messageChecks(rows, tally)),
    ...(await uploadChecks(rows, tally)),
  ];
  return { checks, byStatus };
}
