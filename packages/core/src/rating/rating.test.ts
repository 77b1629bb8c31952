import { describe, expect, it } from 'vitest';
import {
  type ClinicRatingInput,
  computeRatings,
  type PriceQuote,
  priceRatios,
  RATING_WEIGHTS,
} from './rating.ts';

const clinic = (clinicId: string, o: Partial<ClinicRatingInput> = {}): ClinicRatingInput => ({
  clinicId,
  cashbackPercent: 5,
  ratings: { count: 0, sum: 0 },
  visits: 0,
  justifiedComplaints: 0,
  checkedReceipts: 0,
  receiptsWithExtras: 0,
  ...o,
});

const quote = (clinicId: string, serviceCode: string, price: number): PriceQuote => ({
  clinicId,
  serviceCode,
  price,
});

const byId = (list: ReturnType<typeof computeRatings>) => new Map(list.map((r) => [r.clinicId, r]));

describe('rating formula', () => {
  it('weights add up to one, so the best possible clinic scores 10', () => {
    expect(Object.values(RATING_WEIGHTS).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 10);
  });

  it('no clinics, no ratings', () => {
    expect(computeRatings([], [])).toEqual([]);
  });

  it('a clinic with no data at all sits in the middle of every behaviour component', () => {
    const [r] = computeRatings([clinic('a', { cashbackPercent: 0 })], []);
    expect(r!.components.satisfaction).toMatchObject({ ratings: 0, average: null, adjustedAverage: 4 });
    expect(r!.components.satisfaction.score).toBe(0.75);
    // With no visits or receipts anywhere, the defaults: 1 % justified complaints, 5 % receipts with extras.
    expect(r!.components.complaints).toMatchObject({ score: 0.9, rate: null, adjustedRate: 0.01 });
    expect(r!.components.extras).toMatchObject({ score: 0.833, share: null, adjustedShare: 0.05 });
    expect(r!.components.price).toMatchObject({ codes: 0, index: null, adjustedIndex: 1, score: 0.5 });
    expect(r!.components.cashback).toMatchObject({ percent: 0, score: 0, points: 0 });
    // 10 × (0.3 × 0.75 + 0.2 × 0.9 + 0.2 × 0.5 + 0.15 × 0 + 0.15 × 0.8333) = 6.3
    expect(r!.rating).toBe(6.3);
    expect(r).toMatchObject({ place: 1, of: 1 });
  });

  it('one five-star visit does not lift a new clinic above one with a long good record', () => {
    const rated = byId(
      computeRatings(
        [
          clinic('new', { ratings: { count: 1, sum: 5 }, visits: 1 }),
          clinic('known', { ratings: { count: 40, sum: 192 }, visits: 40 }),
          clinic('plain', { ratings: { count: 30, sum: 120 }, visits: 30 }),
        ],
        [],
      ),
    );
    const fresh = rated.get('new')!;
    const known = rated.get('known')!;
    expect(fresh.components.satisfaction.average).toBe(5);
    expect(known.components.satisfaction.average).toBe(4.8);
    // Ten imaginary ratings at the network average outweigh the single real one. The network average
    // itself is 71 ratings (317 stars) plus 20 imaginary ones at 4: 397 / 91 ≈ 4.36.
    expect(fresh.components.satisfaction.adjustedAverage).toBeCloseTo((5 + 10 * (397 / 91)) / 11, 2);
    expect(fresh.components.satisfaction.score).toBeLessThan(known.components.satisfaction.score);
    expect(known.place).toBe(1);
    expect(fresh.place).toBe(2);
  });

  it('one one-star visit does not sink a new clinic to the bottom either', () => {
    const [r] = computeRatings(
      [
        clinic('new', { ratings: { count: 1, sum: 1 }, visits: 1 }),
        clinic('other', { ratings: { count: 20, sum: 90 }, visits: 20 }),
      ],
      [],
    );
    // The network average: 21 ratings (91 stars) and 20 imaginary at 4, 171 / 41 ≈ 4.17.
    expect(r!.components.satisfaction.adjustedAverage).toBeCloseTo((1 + 10 * (171 / 41)) / 11, 2);
    expect(r!.components.satisfaction.score).toBeGreaterThan(0.6);
  });

  it('a higher cashback puts a clinic above an otherwise equal one', () => {
    const rated = byId(
      computeRatings([clinic('seven', { cashbackPercent: 7 }), clinic('three', { cashbackPercent: 3 })], []),
    );
    expect(rated.get('seven')!.rating).toBeGreaterThan(rated.get('three')!.rating);
    expect(rated.get('seven')!.place).toBe(1);
    expect(rated.get('three')!.place).toBe(2);
    expect(rated.get('seven')!.components.cashback).toMatchObject({ percent: 7, score: 0.7, points: 1.05 });
  });

  it('equal clinics share a place', () => {
    const list = computeRatings([clinic('a'), clinic('b'), clinic('c', { cashbackPercent: 10 })], []);
    expect(list.map((r) => [r.clinicId, r.place, r.of])).toEqual([
      ['a', 2, 3],
      ['b', 2, 3],
      ['c', 1, 3],
    ]);
  });

  it('justified complaints lower the score, and many visits dilute one complaint', () => {
    const rated = byId(
      computeRatings(
        [
          clinic('few', { visits: 5, justifiedComplaints: 1 }),
          clinic('many', { visits: 200, justifiedComplaints: 1 }),
          clinic('none', { visits: 50 }),
        ],
        [],
      ),
    );
    const few = rated.get('few')!.components.complaints;
    const many = rated.get('many')!.components.complaints;
    const none = rated.get('none')!.components.complaints;
    expect(few.rate).toBe(0.2);
    expect(few.score).toBeLessThan(many.score);
    expect(many.score).toBeLessThan(none.score);
    expect(none.score).toBeLessThan(1);
  });

  it('complaints about receipts that were not accepted never make the rate exceed one', () => {
    const [r] = computeRatings([clinic('a', { visits: 0, justifiedComplaints: 3 })], []);
    expect(r!.components.complaints).toMatchObject({ justified: 3, rate: 1, score: 0 });
  });

  it('receipts with services not in the letter lower the score by their share', () => {
    const rated = byId(
      computeRatings(
        [
          clinic('sloppy', { checkedReceipts: 40, receiptsWithExtras: 20 }),
          clinic('clean', { checkedReceipts: 40, receiptsWithExtras: 0 }),
        ],
        [],
      ),
    );
    const sloppy = rated.get('sloppy')!.components.extras;
    expect(sloppy.share).toBe(0.5);
    // Network share (20 + 20 × 0.05) / (80 + 20) = 0.21; (20 + 20 × 0.21) / 60 ≈ 0.4033, past the 0.3
    // that scores zero.
    expect(sloppy.adjustedShare).toBeCloseTo(0.4033, 4);
    expect(sloppy.score).toBe(0);
    expect(rated.get('clean')!.components.extras.score).toBeCloseTo(1 - 4.2 / 60 / 0.3, 3);
  });

  it('prices are compared with the median of the other clinics, code by code', () => {
    const prices: PriceQuote[] = [
      quote('a', 'B01.047.001', 300_000),
      quote('b', 'B01.047.001', 200_000),
      quote('c', 'B01.047.001', 250_000),
      quote('d', 'B01.047.001', 100_000),
      quote('a', 'A04.16.001', 500_000),
    ];
    const ratios = priceRatios(prices);
    // a against b, c, d: median 200 000; the code only a prices is not compared.
    expect(ratios.get('a')).toEqual([1.5]);
    // b against a, c, d: median 250 000.
    expect(ratios.get('b')).toEqual([0.8]);
    const rated = byId(
      computeRatings(
        ['a', 'b', 'c', 'd'].map((id) => clinic(id)),
        prices,
      ),
    );
    const a = rated.get('a')!.components.price;
    expect(a).toMatchObject({ codes: 1, index: 1.5 });
    // One code is mixed with three imaginary codes at the median: exp(ln 1.5 / 4) ≈ 1.107.
    expect(a.adjustedIndex).toBeCloseTo(1.5 ** 0.25, 3);
    expect(a.score).toBeCloseTo((1.3 - 1.5 ** 0.25) / 0.6, 3);
    expect(rated.get('b')!.components.price.score).toBeGreaterThan(0.5);
    expect(rated.get('d')!.components.price.score).toBeGreaterThan(rated.get('b')!.components.price.score);
  });

  it('a clinic that prices no code another clinic prices is at the median', () => {
    const [r] = computeRatings([clinic('alone')], [quote('alone', 'B01.047.001', 250_000)]);
    expect(r!.components.price).toMatchObject({ codes: 0, index: null, adjustedIndex: 1, score: 0.5 });
  });

  it('all components together: the worked example of docs/rating.md', () => {
    const prices: PriceQuote[] = [
      quote('a', 'B01.047.001', 250_000),
      quote('b', 'B01.047.001', 300_000),
      quote('a', 'B03.016.003', 75_000),
      quote('b', 'B03.016.003', 90_000),
    ];
    const rated = byId(
      computeRatings(
        [
          clinic('a', {
            cashbackPercent: 7,
            ratings: { count: 12, sum: 54 },
            visits: 30,
            justifiedComplaints: 1,
            checkedReceipts: 30,
            receiptsWithExtras: 3,
          }),
          clinic('b', {
            cashbackPercent: 3,
            ratings: { count: 8, sum: 38 },
            visits: 20,
            justifiedComplaints: 0,
            checkedReceipts: 20,
            receiptsWithExtras: 1,
          }),
        ],
        prices,
      ),
    );
    const a = rated.get('a')!;
    expect(a.components.satisfaction).toMatchObject({
      ratings: 12,
      average: 4.5,
      networkAverage: 4.3,
      adjustedAverage: 4.41,
      score: 0.852,
      points: 2.56,
    });
    expect(a.components.complaints).toMatchObject({
      justified: 1,
      visits: 30,
      rate: 0.0333,
      adjustedRate: 0.0269,
      score: 0.731,
      points: 1.46,
    });
    expect(a.components.price).toMatchObject({
      codes: 2,
      index: 0.833,
      adjustedIndex: 0.93,
      score: 0.617,
      points: 1.23,
    });
    expect(a.components.cashback).toMatchObject({ percent: 7, score: 0.7, points: 1.05 });
    expect(a.components.extras).toMatchObject({
      withExtras: 3,
      receipts: 30,
      share: 0.1,
      adjustedShare: 0.0886,
      score: 0.705,
      points: 1.06,
    });
    expect(a.rating).toBe(7.4);
    expect(a).toMatchObject({ place: 1, of: 2 });
    expect(rated.get('b')!).toMatchObject({ rating: 6.8, place: 2 });
  });
});
