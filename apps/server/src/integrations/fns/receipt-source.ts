import type { FiscalReceipt, QrFields } from '@remed/core';

/** The six QR fields that identify a fiscal receipt (DOMAIN.md §4). */
export interface ReceiptQuery {
  /** Local date-time `YYYY-MM-DDTHH:MM[:SS]`. */
  dateTime: string;
  /** Total in kopecks. */
  sum: number;
  fn: string;
  i: string;
  fp: string;
  n: number;
}

export type ReceiptLookup =
  | { kind: 'found'; receipt: FiscalReceipt }
  /** The source knows no such receipt (wrong fields, or a forgery): a definite answer. */
  | { kind: 'not_found'; message: string }
  /** The source has not received it yet, is slow, rate-limited or down: ask again later. */
  | { kind: 'retry_later'; message: string; afterSeconds?: number };

/**
 * Where fiscal receipts come from: the FNS Open API or an aggregator in production, a local simulator
 * speaking the same contract in demo and tests. Implementations never throw for a slow or failing
 * source: they answer `retry_later`.
 */
export interface ReceiptSource {
  lookup(query: ReceiptQuery): Promise<ReceiptLookup>;
}

/** The query as QR fields, checked; null when it cannot name a receipt at all (no source is asked then). */
export function receiptQueryFields(q: ReceiptQuery): QrFields | null {
  if (!/^\d{16}$/.test(q.fn) || !isUint32(q.i) || !isUint32(q.fp)) return null;
  if (!Number.isSafeInteger(q.sum) || q.sum < 0) return null;
  if (q.n !== 1 && q.n !== 2 && q.n !== 3 && q.n !== 4) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(q.dateTime)) return null;
  return {
    dateTime: q.dateTime,
    sum: q.sum,
    fn: q.fn,
    i: Number(q.i),
    fp: Number(q.fp),
    n: q.n as QrFields['n'],
  };
}

/** Tills zero-pad ФД and ФП: the value counts, not the length. */
function isUint32(text: string): boolean {
  return /^\d{1,20}$/.test(text) && Number(text) <= 4_294_967_295;
}

/**
 * A lookup the caller waits for at most `ms` (a person holding the phone): past that the answer is
 * `retry_later` and the late answer is dropped, so the claim waits for the job that asks again.
 */
export async function lookupWithin(
  source: ReceiptSource,
  query: ReceiptQuery,
  ms: number,
): Promise<ReceiptLookup> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ReceiptLookup>((resolve) => {
    timer = setTimeout(
      () => resolve({ kind: 'retry_later', message: 'Сервис проверки чеков отвечает дольше обычного' }),
      ms,
    );
  });
  try {
    return await Promise.race([source.lookup(query), late]);
  } finally {
    clearTimeout(timer);
  }
}
