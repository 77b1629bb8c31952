/**
 * Receipt-level checks (§5 table), franchise and limit. The items are clean, so the receipt-level rule
 * alone decides, except where a note says otherwise.
 */
import type { CaseSpec, ItemSpec } from './spec.ts';
import { one } from './spec.ts';

const r = 'receipt-level' as const;
const TER: ItemSpec = ['Прием (осмотр, консультация) врача-терапевта', 2530, 1];
const OAK: ItemSpec = ['ОАК', 520, 1];
const RK_TER: ItemSpec = ['Первичный прием врача терапевта', 1500, 1];
const RK = '7727310444';
const ALT = '5032261450';

export const RECEIPT_LEVEL: CaseSpec[] = [
  one('rl-wrong-clinic-1', r, 'alt', ['alt-ter'], [TER], 'WRONG_CLINIC: sold by another legal entity', {
    inn: RK,
  }),
  one('rl-wrong-clinic-2', r, 'rk', ['rk-ter1'], [RK_TER], 'WRONG_CLINIC', { inn: ALT }),
  one(
    'rl-wrong-clinic-3',
    r,
    'medk',
    ['medk-oak'],
    [OAK],
    'WRONG_CLINIC: a 12-digit ИНН of an entrepreneur',
    { inn: '772201234567' },
  ),
  one(
    'rl-wrong-clinic-4',
    r,
    'altc',
    ['altc-egds'],
    [['ЭГДС', 6200, 1]],
    'WRONG_CLINIC: the other clinic of the same network',
    { inn: ALT },
  ),
  one('rl-wrong-clinic-5', r, 'endo21', ['endo21-gscope'], [['Видеогастроскопия', 1500, 1]], 'WRONG_CLINIC', {
    inn: '2130150089',
  }),
  one(
    'rl-wrong-clinic-6',
    r,
    'alt',
    ['alt-ter'],
    [['Медицинская услуга', 2530, 'unid']],
    'WRONG_CLINIC decides before the item checks',
    { inn: RK },
  ),
  one('rl-validity-1', r, 'alt', ['alt-ter'], [TER], 'OUTSIDE_VALIDITY: a day after validUntil', {
    dateTime: '2026-12-21T09:10:00',
  }),
  one('rl-validity-2', r, 'rk', ['rk-ter1'], [RK_TER], 'OUTSIDE_VALIDITY: the evening before validFrom', {
    dateTime: '2026-11-19T18:40:00',
  }),
  one('rl-validity-3', r, 'medk', ['medk-oak'], [OAK], 'OUTSIDE_VALIDITY: next year', {
    dateTime: '2027-01-10T11:00:00',
  }),
  one('rl-validity-4', r, 'alt', ['alt-ter'], [TER], 'last minute of validUntil is inside', {
    dateTime: '2026-12-20T23:59:00',
    want: [253000, 12650],
  }),
  one(
    'rl-validity-5',
    r,
    'alt',
    ['alt-neur'],
    [['Прием врача-невролога', 2530, 1]],
    'first minutes of validFrom are inside',
    { dateTime: '2026-11-20T00:05:00' },
  ),
  one(
    'rl-validity-6',
    r,
    'endo21',
    ['endo21-gscope'],
    [['Видеогастроскопия', 1500, 1]],
    'OUTSIDE_VALIDITY: a month before',
    { dateTime: '2026-10-20T10:00:00' },
  ),
  {
    id: 'rl-refund-1',
    cls: r,
    clinic: 'alt',
    lines: ['alt-ter'],
    receipts: [
      { items: [TER], note: 'the sale', cls: 'clean' },
      { items: [TER], note: 'NOT_A_SALE: its refund (возврат прихода)', op: 2 },
    ],
  },
  one('rl-refund-2', r, 'rk', ['rk-ter1'], [RK_TER], 'NOT_A_SALE: a refund receipt alone', { op: 2 }),
  one('rl-refund-3', r, 'medk', ['medk-oak'], [OAK], 'NOT_A_SALE: расход (operationType 3)', { op: 3 }),
  one('rl-refund-4', r, 'altc', ['altc-egds'], [['ЭГДС', 6200, 1]], 'NOT_A_SALE', { op: 2 }),
  {
    id: 'rl-refund-5',
    cls: r,
    clinic: 'alt',
    lines: ['alt-ter'],
    receipts: [
      { items: [TER], note: 'NOT_A_SALE', op: 2 },
      {
        items: [TER],
        note: 'DUPLICATE_RECEIPT: the same fn+i again, now as a sale: every submitted receipt is claimed',
        dup: true,
      },
    ],
  },
  {
    id: 'rl-refund-6',
    cls: r,
    clinic: 'medk',
    lines: ['medk-oak'],
    receipts: [
      { items: [OAK], note: 'the sale', cls: 'clean' },
      { items: [OAK], note: 'NOT_A_SALE comes before DUPLICATE_RECEIPT in the table', dup: true, op: 2 },
    ],
  },
  one('rl-sum-1', r, 'alt', ['alt-ter'], [TER], 'SUM_MISMATCH: total 100 ₽ above the items', {
    sumDeltaRub: 100,
  }),
  one('rl-sum-2', r, 'rk', ['rk-ter1'], [RK_TER], 'SUM_MISMATCH: total below the items', {
    sumDeltaRub: -500,
  }),
  one('rl-sum-3', r, 'medk', ['medk-oak', 'medk-crp'], [OAK, ['СРБ', 320, 2]], 'SUM_MISMATCH by one kopeck', {
    sumDeltaRub: 0.01,
  }),
  one('rl-sum-4', r, 'endo21', ['endo21-gscope'], [['Видеогастроскопия', 1500, 1]], 'SUM_MISMATCH', {
    sumDeltaRub: 1500,
  }),
  one(
    'rl-sum-5',
    r,
    'alt',
    ['alt-ter'],
    [['Прием врача-терапевта повторный', 2530, 'near']],
    'SUM_MISMATCH and NEAR_MISS',
    { sumDeltaRub: 10 },
  ),
  one(
    'rl-sum-6',
    r,
    'alt',
    ['alt-card', 'alt-ecg'],
    [
      ['Прием врача-кардиолога', 2750, 1],
      ['ЭКГ', 1160, 2],
    ],
    'SUM_MISMATCH with two items',
    { sumDeltaRub: -1160 },
  ),
  one('rl-advance-1', r, 'alt', ['alt-ter'], [TER], 'ADVANCE_OFFSET: 1000 ₽ advance offset', {
    prepaidRub: 1000,
  }),
  one('rl-advance-2', r, 'rk', ['rk-ter1'], [RK_TER], 'ADVANCE_OFFSET: fully prepaid', { prepaidRub: 1500 }),
  one('rl-advance-3', r, 'medk', ['medk-oak'], [OAK], 'ADVANCE_OFFSET', { prepaidRub: 20 }),
  one('rl-advance-4', r, 'altc', ['altc-egds'], [['ЭГДС', 6200, 1]], 'SUM_MISMATCH and ADVANCE_OFFSET', {
    prepaidRub: 3000,
    sumDeltaRub: 200,
  }),
  one(
    'rl-advance-5',
    r,
    'alt',
    ['alt-ter'],
    [['Прием врача-терапевта на дому', 2530, 'near']],
    'ADVANCE_OFFSET and NEAR_MISS',
    { prepaidRub: 500 },
  ),
  one(
    'rl-advance-6',
    r,
    'endo17',
    ['endo17-tn-gscope'],
    [['Трансназальная видеогастроскопия', 1200, 1]],
    'ADVANCE_OFFSET',
    { prepaidRub: 600 },
  ),
  ...[1, 2, 3, 4].map(
    (k): CaseSpec => ({
      id: `rl-duplicate-${k}`,
      cls: r,
      clinic: (['alt', 'rk', 'medk', 'endo21'] as const)[k - 1]!,
      lines: [[(['alt-ter', 'rk-ter1', 'medk-oak', 'endo21-gscope'] as const)[k - 1]!, 2]],
      receipts: [
        {
          items: [[TER, RK_TER, OAK, ['Видеогастроскопия', 1500, 1] as ItemSpec][k - 1]!],
          note: 'first submission',
          cls: 'clean',
        },
        {
          items: [[TER, RK_TER, OAK, ['Видеогастроскопия', 1500, 1] as ItemSpec][k - 1]!],
          note: 'DUPLICATE_RECEIPT: the same fn+i, the letter still has quantity',
          dup: true,
        },
      ],
    }),
  ),
  {
    id: 'rl-duplicate-5',
    cls: r,
    clinic: 'alt',
    lines: ['alt-ter'],
    receipts: [
      {
        items: [['Прием врача-терапевта на дому', 2530, 'near']],
        note: 'NEAR_MISS, waits for a person',
        cls: 'variant',
      },
      {
        items: [['Прием врача-терапевта на дому', 2530, 'near']],
        note: 'DUPLICATE_RECEIPT: a receipt in review is claimed too',
        dup: true,
      },
    ],
  },
  {
    id: 'rl-duplicate-6',
    cls: r,
    clinic: 'rk',
    lines: ['rk-ter1'],
    receipts: [
      { items: [RK_TER], note: 'WRONG_CLINIC', inn: ALT },
      { items: [RK_TER], note: 'DUPLICATE_RECEIPT: a rejected receipt is claimed too', dup: true, inn: ALT },
    ],
  },
  one('rl-limit-1', r, 'alt', ['alt-ter'], [TER], 'LIMIT_REACHED: 2000 ₽ left of the limit', {
    limitRub: 2000,
    want: [200000, 12650],
  }),
  one('rl-limit-2', r, 'alt', ['alt-ter'], [TER], 'LIMIT_REACHED: nothing left: rejected', {
    limitRub: 0,
    want: [0, 0],
  }),
  {
    id: 'rl-limit-3',
    cls: r,
    clinic: 'alt',
    lines: [['alt-ter', 3]],
    limitRub: 3000,
    receipts: [
      { items: [TER], note: 'within the limit', want: [253000, 12650] },
      { items: [TER], note: 'LIMIT_REACHED: 470 ₽ left', want: [47000, 12650] },
      { items: [TER], note: 'LIMIT_REACHED: nothing left', want: [0, 0] },
    ],
  },
  one(
    'rl-limit-4',
    r,
    'medk',
    ['medk-oak', 'medk-crp'],
    [OAK, ['СРБ', 320, 2]],
    'LIMIT_REACHED with two items',
    { limitRub: 600, want: [60000, 4200] },
  ),
  one('rl-limit-5', r, 'alt', ['alt-ter'], [TER], 'franchise 10 % then LIMIT_REACHED', {
    limitRub: 2000,
    franchisePercent: 10,
    want: [200000, 12650],
  }),
  one('rl-limit-6', r, 'rk', ['rk-ter1'], [RK_TER], 'no limit at all', {
    limitRub: null,
    want: [150000, 7500],
  }),
  one('rl-franchise-1', r, 'alt', ['alt-ter'], [TER], 'franchise 10 % alone keeps it approved', {
    franchisePercent: 10,
    want: [227700, 12650],
  }),
  one('rl-franchise-2', r, 'alt', ['alt-us-liver'], [['УЗИ печени', 1090, 1]], 'franchise 15 %', {
    franchisePercent: 15,
    want: [92650, 5450],
  }),
  one('rl-franchise-3', r, 'alt', ['alt-ter'], [TER], 'franchise 7.5 %', {
    franchisePercent: 7.5,
    want: [234025, 12650],
  }),
  one(
    'rl-franchise-4',
    r,
    'medk',
    ['medk-alb'],
    [['Альбумин', 123.45, 1]],
    'franchise 10 % of 123.45 ₽ rounds half-up; cashback 617.25 → 617',
    { franchisePercent: 10, want: [11110, 617] },
  ),
  one(
    'rl-franchise-5',
    r,
    'alt',
    ['alt-ter'],
    [['Прием врача-терапевта', 2800, 1]],
    'franchise on the capped amount',
    { franchisePercent: 20, want: [202400, 14000] },
  ),
  one(
    'rl-franchise-6',
    r,
    'medk',
    ['medk-ddimer'],
    [['Д-димер', 1420, 1]],
    'franchise 12.5 %, cashback 2.5 %',
    { franchisePercent: 12.5, cashbackPercent: 2.5, want: [124250, 3550] },
  ),
  one('rl-cashback-1', r, 'alt', ['alt-ter'], [TER], 'cashback 10 %', {
    cashbackPercent: 10,
    want: [253000, 25300],
  }),
  one('rl-cashback-2', r, 'alt', ['alt-ter'], [TER], 'no cashback', {
    cashbackPercent: 0,
    want: [253000, 0],
  }),
  one(
    'rl-cashback-3',
    r,
    'rk',
    ['rk-ter1'],
    [['Первичный прием врача терапевта', 1333.33, 1]],
    'cashback 2.5 % of 1333.33 ₽ = 3333.325 → 3333',
    { cashbackPercent: 2.5, want: [133333, 3333] },
  ),
];
