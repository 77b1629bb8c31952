import { describe, expect, it } from 'vitest';
import type { SimulatedPayout } from '../../apps/server/src/integrations/payouts/yookassa-simulator.ts';
import { soakOptions } from './options.ts';
import type { RemedProcess } from './processes.ts';
import { compareWithProvider, type PayoutRow } from './provider-ledger.ts';
import { memoryCheck, memoryRows } from './report.ts';

const paid = (
  id: string,
  payoutId: string,
  claimId: string,
  value = '2625.00',
  status: SimulatedPayout['status'] = 'succeeded',
): SimulatedPayout => ({
  id,
  status,
  amount: { value, currency: 'RUB' },
  payout_destination: {
    type: 'sbp',
    phone: '79261111111',
    bank_id: '100000000111',
    recipient_checked: false,
  },
  created_at: '2026-12-02T00:00:00Z',
  metadata: { payoutId, claimId },
  test: true,
});
const row = (
  id: string,
  claimId: string,
  providerId: string | null,
  status = 'succeeded',
  amount = '262500',
): PayoutRow => ({
  id,
  claim_id: claimId,
  status,
  amount,
  provider_id: providerId,
});
const failed = (checks: ReturnType<typeof compareWithProvider>) =>
  checks.filter((c) => !c.ok).map((c) => c.name);

describe('payout ledger against the provider', () => {
  it('agrees when every payment has its row with the same amount, status and id', () => {
    const checks = compareWithProvider(
      [row('a', 'c1', 'po-1'), row('b', 'c2', 'po-2', 'canceled'), row('c', 'c3', 'refused:c', 'canceled')],
      [paid('po-1', 'a', 'c1'), paid('po-2', 'b', 'c2', '2625.00', 'canceled')],
    );
    expect(failed(checks)).toEqual([]);
  });

  it('finds a payment at the provider that has no payout row', () => {
    expect(
      failed(
        compareWithProvider([row('a', 'c1', 'po-1')], [paid('po-1', 'a', 'c1'), paid('po-9', 'zz', 'c1')]),
      ),
    ).toEqual(['no payment at the provider without a payout row', 'no payment made twice at the provider']);
  });

  it('finds one payout row paid twice (a key that was not reused) and a claim paid by two rows', () => {
    const twiceForRow = compareWithProvider(
      [row('a', 'c1', 'po-1')],
      [paid('po-1', 'a', 'c1'), paid('po-2', 'a', 'c1')],
    );
    expect(failed(twiceForRow)).toContain('no payment made twice at the provider');
    const twiceForClaim = compareWithProvider(
      [row('a', 'c1', 'po-1'), row('b', 'c1', 'po-2')],
      [paid('po-1', 'a', 'c1'), paid('po-2', 'b', 'c1')],
    );
    expect(twiceForClaim.find((c) => !c.ok)?.detail).toContain('1 claims paid more than once');
  });

  it('finds a payout we hold as pending that the provider paid, a different amount, and a success it never made', () => {
    expect(
      failed(compareWithProvider([row('a', 'c1', 'po-1', 'pending')], [paid('po-1', 'a', 'c1')])),
    ).toEqual(['payout rows agree with the provider']);
    expect(
      failed(compareWithProvider([row('a', 'c1', 'po-1', 'succeeded', '262400')], [paid('po-1', 'a', 'c1')])),
    ).toEqual(['payout rows agree with the provider']);
    expect(failed(compareWithProvider([row('a', 'c1', 'po-7')], []))).toEqual([
      'payout rows agree with the provider',
    ]);
  });
});

const proc = (name: string, lives: { startedAt: number; samples: [number, number][] }[]) =>
  ({
    name,
    lives: lives.map((l, i) => ({
      pid: 100 + i,
      startedAt: l.startedAt,
      endedAt: null,
      end: null,
      samples: l.samples.map(([at, rssKb]) => ({ at, rssKb })),
    })),
  }) as unknown as RemedProcess;

describe('memory check', () => {
  const minute = 60_000;
  it('judges the RSS at the end against the RSS after the warm-up', () => {
    const rows = memoryRows(
      [
        proc('app-b', [
          {
            startedAt: 0,
            samples: [
              [0, 50_000],
              [minute, 200_000],
              [3 * minute, 210_000],
            ],
          },
        ]),
      ],
      minute,
    );
    expect(rows[0]).toMatchObject({ warmMb: 195.3, endMb: 205.1, ratio: 1.05, judged: true });
    expect(memoryCheck(rows, 1.5).ok).toBe(true);
  });

  it('fails a process that keeps growing, and does not judge a life too short to show a trend', () => {
    const rows = memoryRows(
      [
        proc('worker', [
          {
            startedAt: 0,
            samples: [
              [minute, 100_000],
              [5 * minute, 400_000],
            ],
          },
          {
            startedAt: 5 * minute,
            samples: [
              [5.5 * minute, 100_000],
              [6.5 * minute, 900_000],
            ],
          },
        ]),
      ],
      minute,
    );
    expect(rows.map((r) => r.judged)).toEqual([true, false]);
    const check = memoryCheck(rows, 1.5);
    expect(check.ok).toBe(false);
    expect(check.detail).toBe('worker#1 4');
  });
});

describe('soak options', () => {
  it('takes flags before SOAK_* variables and refuses anything but a local database server', () => {
    expect(soakOptions(['--minutes', '3'], { SOAK_MINUTES: '7' }).minutes).toBe(3);
    expect(soakOptions([], { SOAK_MINUTES: '7' }).minutes).toBe(7);
    expect(soakOptions([], {}).minutes).toBe(20);
    expect(() => soakOptions([], { SOAK_DATABASE_URL: 'postgres://db.example.ru/postgres' })).toThrow(
      /только локальный/,
    );
    expect(() => soakOptions(['--minutes', '0'], {})).toThrow(/SOAK_MINUTES/);
    expect(() => soakOptions(['--people', '2', '--clients', '4'], {})).toThrow(/SOAK_PEOPLE/);
  });
});
