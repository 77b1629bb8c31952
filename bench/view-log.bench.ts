/**
 * The log of views of health data at national scale: ROWS rows (default 3 000 000 — a year of about a million
 * claims, each with its letter and case read a few times) over PEOPLE people and 500 staff users, on PostgreSQL
 * (BENCH_DATABASE_URL, default the local server; a database of its own is created and dropped) or PGlite with
 * --pglite. Measures the write path (`logHealthViews`, group commit) under 64 concurrent reads against one insert
 * per read, and p50/p95 of the three pages the UI asks for (a person's, a user's, a period's) with a cursor.
 * Baseline in the same run: a primary-key lookup.
 *
 *   npx tsx bench/view-log.bench.ts [--rows 3000000] [--people 200000] [--writes 5000] [--pglite] [--quick]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { sqlRows } from '../apps/server/src/db/client.ts';
import { healthDataViews } from '../apps/server/src/db/schema/index.ts';
import {
  viewsForAdmin,
  viewsOfPerson,
} from '../apps/server/src/modules/personal-data/health-views.queries.ts';
import type { Actor } from '../apps/server/src/platform/actor.ts';
import { logHealthViews } from '../apps/server/src/platform/view-log.ts';
import { openBenchDatabase } from './bench-database.ts';
import { benchArgs, chooseBenchDatabase, ms, percentile, pool, silentRuntime, timed } from './bench-setup.ts';

const { flag, option } = benchArgs();
const quick = flag('quick');
const ROWS = option('rows', quick ? 200_000 : 3_000_000);
const PEOPLE = option('people', quick ? 20_000 : 200_000);
const WRITES = option('writes', quick ? 1000 : 5000);
const CONCURRENCY = 64;
const PAGES = 200;
chooseBenchDatabase(flag('pglite'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remed-bench-views-'));
const { database, drop } = await openBenchDatabase(dir);
try {
  const rt = await silentRuntime(dir, database);
  const { db } = database;
  const loadStart = process.hrtime.bigint();
  // Generated in the database: the load is not what is measured.
  await db.execute(sql`insert into users (id, full_name, email, password_hash, roles)
    select md5('u' || g)::uuid, 'Сотрудник ' || g, 'staff' || g || '@bench.remed.ru', 'x', array['console_doctor']
    from generate_series(1, 500) g`);
  await db.execute(sql`insert into insured_persons (id, last_name, first_name, birth_date, sex, created_at, updated_at)
    select md5('p' || g)::uuid, 'Фамилия' || g, 'Имя', date '1980-01-01' + (g % 9000), 'female', now(), now()
    from generate_series(1, ${PEOPLE}) g`);
  await db.execute(sql`insert into health_data_views
      (at, insured_person_id, viewer_user_id, viewer_name, viewer_role, organisation, record_type, record_id,
       record_label, purpose)
    select now() - (${ROWS} - g) * interval '10 seconds', md5('p' || (1 + g % ${PEOPLE}))::uuid,
      md5('u' || (1 + g % 500))::uuid, 'Сотрудник', 'console_doctor', null, 'letter', md5('r' || g)::uuid,
      'ГП-2026-' || g, 'letter.view'
    from generate_series(1, ${ROWS}) g`);
  await db.execute(sql`analyze health_data_views`);
  const loadS = Number(process.hrtime.bigint() - loadStart) / 1e9;
  console.log(`loaded ${ROWS} views of ${PEOPLE} people in ${loadS.toFixed(1)} s`);

  const [viewer] = await sqlRows<{ id: string }>(db, sql`select id from users limit 1`);
  const people = await sqlRows<{ id: string }>(db, sql`select id from insured_persons limit 5000`);
  const actor: Actor = {
    user: {
      id: viewer!.id,
      fullName: 'Сотрудник',
      email: null,
      phone: null,
      roles: ['console_doctor'],
      omsLevel: null,
      clinics: [],
      insurer: null,
      policyholder: null,
      mustChangePassword: false,
      secondFactor: 'not_required',
    },
    requestId: null,
    ip: null,
  };
  const entry = (i: number) => ({
    insuredPersonId: people[i % people.length]!.id,
    recordType: 'letter' as const,
    recordId: rt.deps.ids.uuid(),
    recordLabel: `ГП-${i}`,
  });

  // --- Writes: each simulated read logs one row and waits for its commit.
  const batched = await timed(() =>
    pool(CONCURRENCY, WRITES, (i) => logHealthViews(rt.deps, actor, 'letter.view', [entry(i)])),
  );
  const single = await timed(() =>
    pool(CONCURRENCY, WRITES, async (i) => {
      const e = entry(i);
      await db.insert(healthDataViews).values({
        at: new Date(),
        ...e,
        viewerUserId: viewer!.id,
        viewerName: 'Сотрудник',
        viewerRole: 'console_doctor',
        purpose: 'letter.view',
      });
    }),
  );
  const perS = (t: number) => Math.round(WRITES / (t / 1000));
  console.log(
    `writes: group commit ${perS(batched)}/s, one insert per read ${perS(single)}/s (${CONCURRENCY} at a time)`,
  );

  // --- Reads: the first page and the next page of each question.
  const personT: number[] = [];
  const userT: number[] = [];
  const periodT: number[] = [];
  const pkT: number[] = [];
  const day = new Date(Date.now() - 86_400_000 * 30).toISOString().slice(0, 10);
  for (let i = 0; i < PAGES; i++) {
    const personId = people[(i * 37) % people.length]!.id;
    personT.push(
      await timed(async () => {
        const first = await viewsOfPerson(db, personId, { limit: 20 });
        if (first.next) await viewsOfPerson(db, personId, { limit: 20, before: first.next });
      }),
    );
    userT.push(
      await timed(async () => {
        const first = await viewsForAdmin(db, { userId: viewer!.id, limit: 50 });
        if (first.next) await viewsForAdmin(db, { userId: viewer!.id, limit: 50, before: first.next });
      }),
    );
    periodT.push(
      await timed(async () => {
        const first = await viewsForAdmin(db, { from: day, to: day, limit: 50 });
        if (first.next) await viewsForAdmin(db, { from: day, to: day, limit: 50, before: first.next });
      }),
    );
    pkT.push(await timed(() => sqlRows(db, sql`select id from health_data_views where id = ${1 + i}`)));
  }
  const line = (name: string, xs: number[]) =>
    `${name}: p50 ${ms(percentile(xs, 50))} ms, p95 ${ms(percentile(xs, 95))} ms (${xs.length} runs, two pages each)`;
  console.log(line('person', personT));
  console.log(line('user', userT));
  console.log(line('period (one day)', periodT));
  console.log(
    `baseline primary-key lookup: p50 ${ms(percentile(pkT, 50))} ms, p95 ${ms(percentile(pkT, 95))} ms`,
  );
  console.log(
    `view_log_rows=${ROWS} write_group_per_s=${perS(batched)} write_single_per_s=${perS(single)} person_p95_ms=${ms(percentile(personT, 95))} user_p95_ms=${ms(percentile(userT, 95))} period_p95_ms=${ms(percentile(periodT, 95))} baseline_p95_ms=${ms(percentile(pkT, 95))}`,
  );
  await rt.close();
} finally {
  await database.close().catch(() => undefined);
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
