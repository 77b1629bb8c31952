/** A payout by СБП through a YooKassa-style payouts API. Amounts in kopecks. */
export interface PayoutRequest {
  /** Stored before the call; the same key always means the same payout at the provider. */
  idempotenceKey: string;
  amount: number;
  phone: string;
  bankId: string;
  description: string;
  metadata: Record<string, string>;
}

/** `payoutId`: our own id, sent in the metadata when the payout was made and read back with it. */
export type PayoutState = { providerId: string; payoutId?: string } & (
  | { status: 'pending' }
  | { status: 'succeeded' }
  | { status: 'canceled'; reason: string; party: string }
);

export interface SbpBank {
  bankId: string;
  name: string;
  bic: string;
}

/** Errors the caller can act on: `transient` (timeout, 5xx, network) → retry with the SAME key. */
export class PayoutProviderError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'PayoutProviderError';
  }
}

export interface PayoutProvider {
  create(request: PayoutRequest): Promise<PayoutState>;
  get(providerId: string): Promise<PayoutState>;
  /**
   * The payout made with our own id in its metadata, or null when the provider has none (its search covers
   * the last 3 months): how a payout whose idempotence key may have expired is looked up before any resend.
   */
  findByPayoutId(payoutId: string): Promise<PayoutState | null>;
  banks(): Promise<SbpBank[]>;
}

/** A webhook notification, parsed; its object is re-read from the provider before anything is trusted. */
export interface PayoutNotification {
  event: 'payout.succeeded' | 'payout.canceled';
  providerId: string;
}
