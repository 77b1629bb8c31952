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

export type PayoutState =
  | { status: 'pending'; providerId: string }
  | { status: 'succeeded'; providerId: string }
  | { status: 'canceled'; providerId: string; reason: string; party: string };

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
  banks(): Promise<SbpBank[]>;
}

/** A webhook notification, parsed; its object is re-read from the provider before anything is trusted. */
export interface PayoutNotification {
  event: 'payout.succeeded' | 'payout.canceled';
  providerId: string;
}
