import type { RatingComponents } from '../rating.schemas.ts';

/**
 * The clinic rating, 0–10: five components, each scored 0–1, weighted and summed. The behaviour components
 * (visit ratings, justified complaints, receipts with extra services) are shrunk towards the network's
 * average by a number of imaginary observations, so a clinic with little data sits near the middle of the
 * field instead of at its top or bottom. The formula, its constants and a worked example are in
 * docs/rating.md; change them together.
 */

export const RATING_WEIGHTS = {
  satisfaction: 0.3,
  complaints: 0.2,
  price: 0.2,
  cashback: 0.15,
  extras: 0.15,
} as const;

export type RatingComponentKey = keyof typeof RATING_WEIGHTS;

export const RATING_CONSTANTS = {
  /**
   * The network averages a clinic is shrunk towards are themselves shrunk towards the defaults below by
   * this many imaginary observations, so that the first few ratings or receipts in the whole network do
   * not set the standard for every clinic.
   */
  networkPriorCount: 20,
  /** Imaginary ratings at the network average that every clinic's average is mixed with. */
  satisfactionPriorCount: 10,
  /** The average assumed while nobody has rated any clinic yet. */
  satisfactionDefaultAverage: 4,
  /** Imaginary visits at the network's justified-complaint rate. */
  complaintsPriorVisits: 20,
  /** Justified complaints per visit assumed while the network has no visits. */
  complaintsDefaultRate: 0.01,
  /** Justified complaints per visit at which the component reaches 0. */
  complaintsZeroRate: 0.1,
  /** Imaginary receipts at the network's share of receipts with extra services. */
  extrasPriorReceipts: 20,
  /** Share of receipts with extra services assumed while the network has no receipts. */
  extrasDefaultShare: 0.05,
  /** Share of receipts with services not in the letter at which the component reaches 0. */
  extrasZeroShare: 0.3,
  /** Imaginary services priced exactly at the median. */
  pricePriorCodes: 3,
  /** Price index (1 = the median of the other clinics) that scores 1, and the one that scores 0. */
  priceBestIndex: 0.7,
  priceWorstIndex: 1.3,
  /** The bonus-program maximum: that cashback scores 1. */
  cashbackMaxPercent: 10,
} as const;

export interface ClinicRatingInput {
  clinicId: string;
  /** The bonus-program cashback in force (0 when the clinic is not in the program). */
  cashbackPercent: number;
  /** Visit ratings of insured people: how many and the sum of their stars (1–5 each). */
  ratings: { count: number; sum: number };
  /** Receipts accepted at the clinic: the base of the complaint rate. */
  visits: number;
  justifiedComplaints: number;
  /** Receipts compared with their letter line by line, and how many had an item not in the letter. */
  checkedReceipts: number;
  receiptsWithExtras: number;
}

/** One clinic's current price for one 804н code. */
export interface PriceQuote {
  clinicId: string;
  serviceCode: string;
  price: number;
}

/** Each component: its weight, its score 0–1 and the points it adds to the rating (10 × weight × score). */
type Part = { weight: number; score: number; points: number };

export interface ClinicRating {
  clinicId: string;
  /** 0–10 with one decimal. */
  rating: number;
  /** 1 is the best; equal ratings share a place. */
  place: number;
  of: number;
  components: RatingComponents;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Price ÷ the median price of the other clinics, for each code that at least one other clinic prices. */
export function priceRatios(prices: PriceQuote[]): Map<string, number[]> {
  const byCode = new Map<string, PriceQuote[]>();
  for (const p of prices) {
    if (!(p.price > 0)) continue;
    byCode.set(p.serviceCode, [...(byCode.get(p.serviceCode) ?? []), p]);
  }
  const ratios = new Map<string, number[]>();
  for (const quotes of byCode.values()) {
    for (const q of quotes) {
      const others = quotes.filter((o) => o.clinicId !== q.clinicId).map((o) => o.price);
      if (!others.length) continue;
      ratios.set(q.clinicId, [...(ratios.get(q.clinicId) ?? []), q.price / median(others)]);
    }
  }
  return ratios;
}

function part(key: RatingComponentKey, score: number): Part {
  const weight = RATING_WEIGHTS[key];
  return { weight, score: round(score, 3), points: round(10 * weight * score, 2) };
}

/** The exact score, for the sum, beside the component as shown (its part rounded, then its figures). */
function scored<D extends object>(key: RatingComponentKey, score: number, detail: D) {
  return { score, component: { ...part(key, score), ...detail } };
}

const C = RATING_CONSTANTS;

type Network = { average: number; complaintRate: number; extrasShare: number };

/** The network's averages, themselves shrunk towards the defaults so the first few data do not set them. */
function networkOf(clinics: ClinicRatingInput[]): Network {
  const total = (f: (c: ClinicRatingInput) => number) => clinics.reduce((s, c) => s + f(c), 0);
  const N = C.networkPriorCount;
  return {
    average:
      (total((c) => c.ratings.sum) + N * C.satisfactionDefaultAverage) / (total((c) => c.ratings.count) + N),
    complaintRate:
      (total((c) => c.justifiedComplaints) + N * C.complaintsDefaultRate) /
      (total((c) => Math.max(c.visits, c.justifiedComplaints)) + N),
    extrasShare:
      (total((c) => Math.min(c.receiptsWithExtras, c.checkedReceipts)) + N * C.extrasDefaultShare) /
      (total((c) => c.checkedReceipts) + N),
  };
}

function satisfaction(c: ClinicRatingInput, network: Network) {
  const adjustedAverage =
    (c.ratings.sum + C.satisfactionPriorCount * network.average) /
    (c.ratings.count + C.satisfactionPriorCount);
  return scored('satisfaction', clamp01((adjustedAverage - 1) / 4), {
    ratings: c.ratings.count,
    average: c.ratings.count ? round(c.ratings.sum / c.ratings.count, 2) : null,
    adjustedAverage: round(adjustedAverage, 2),
    networkAverage: round(network.average, 2),
  });
}

function complaints(c: ClinicRatingInput, network: Network) {
  // A complaint may come from a receipt that was not accepted; the rate never goes above one.
  const justified = c.justifiedComplaints;
  const visits = Math.max(c.visits, justified);
  const adjustedRate =
    (justified + C.complaintsPriorVisits * network.complaintRate) / (visits + C.complaintsPriorVisits);
  return scored('complaints', 1 - clamp01(adjustedRate / C.complaintsZeroRate), {
    justified,
    visits: c.visits,
    rate: visits ? round(justified / visits, 4) : null,
    adjustedRate: round(adjustedRate, 4),
  });
}

function price(own: number[]) {
  const logSum = own.reduce((s, r) => s + Math.log(r), 0);
  const adjustedIndex = Math.exp(logSum / (own.length + C.pricePriorCodes));
  return scored(
    'price',
    clamp01((C.priceWorstIndex - adjustedIndex) / (C.priceWorstIndex - C.priceBestIndex)),
    {
      codes: own.length,
      index: own.length ? round(Math.exp(logSum / own.length), 3) : null,
      adjustedIndex: round(adjustedIndex, 3),
    },
  );
}

function cashback(c: ClinicRatingInput) {
  const percent = Math.max(0, c.cashbackPercent);
  return scored('cashback', clamp01(percent / C.cashbackMaxPercent), { percent });
}

function extras(c: ClinicRatingInput, network: Network) {
  const withExtras = Math.min(c.receiptsWithExtras, c.checkedReceipts);
  const adjustedShare =
    (withExtras + C.extrasPriorReceipts * network.extrasShare) / (c.checkedReceipts + C.extrasPriorReceipts);
  return scored('extras', 1 - clamp01(adjustedShare / C.extrasZeroShare), {
    withExtras,
    receipts: c.checkedReceipts,
    share: c.checkedReceipts ? round(withExtras / c.checkedReceipts, 4) : null,
    adjustedShare: round(adjustedShare, 4),
  });
}

/** Rates every clinic against the others; the network averages are taken over the clinics given. */
export function computeRatings(clinics: ClinicRatingInput[], prices: PriceQuote[]): ClinicRating[] {
  const network = networkOf(clinics);
  const ratios = priceRatios(prices);
  const rated = clinics.map((c) => {
    const parts = {
      satisfaction: satisfaction(c, network),
      complaints: complaints(c, network),
      price: price(ratios.get(c.clinicId) ?? []),
      cashback: cashback(c),
      extras: extras(c, network),
    };
    const components: RatingComponents = {
      satisfaction: parts.satisfaction.component,
      complaints: parts.complaints.component,
      price: parts.price.component,
      cashback: parts.cashback.component,
      extras: parts.extras.component,
    };
    // Summed before rounding, so that rounding the parts for display never moves the rating.
    const exact = (Object.keys(RATING_WEIGHTS) as RatingComponentKey[]).reduce(
      (s, k) => s + 10 * RATING_WEIGHTS[k] * parts[k].score,
      0,
    );
    return { clinicId: c.clinicId, rating: round(exact, 1), components };
  });

  return rated.map((r) => ({
    ...r,
    place: 1 + rated.filter((o) => o.rating > r.rating).length,
    of: rated.length,
  }));
}
