import type { FiscalReceipt } from '@remed/core';

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
 * speaking the same HTTP contract in demo and tests. Implementations never throw for a slow or failing
 * source: they answer `retry_later`.
 */
export interface ReceiptSource {
  lookup(query: ReceiptQuery): Promise<ReceiptLookup>;
}
