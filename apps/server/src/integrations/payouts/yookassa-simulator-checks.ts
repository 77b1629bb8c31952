/** The request checks of the YooKassa simulator: what the real API refuses, it refuses. */
import type { SbpBank } from './payout-provider.ts';
import type { SimulatedPayout } from './yookassa-simulator.ts';

/** What the simulator answers when it refuses a request, as the YooKassa API does. */
export interface SimError {
  status: number;
  code: string;
  description: string;
  parameter?: string;
}

/** СБП limits for one payout: 1 ₽ to 500 000 ₽. */
const MIN_KOPECKS = 100;
const MAX_KOPECKS = 50_000_000;

type CheckedPayout = Pick<
  SimulatedPayout,
  'amount' | 'payout_destination' | 'description' | 'metadata' | 'test'
>;

export function validate(body: unknown, banks: readonly SbpBank[]): CheckedPayout | SimError {
  if (!isRecord(body)) return invalid('', 'Request body must be a JSON object');
  const amount = body.amount;
  if (!isRecord(amount) || typeof amount.value !== 'string' || !/^\d+(\.\d{1,2})?$/.test(amount.value)) {
    return invalid('amount.value', 'Invalid amount value');
  }
  if (amount.currency !== 'RUB') return invalid('amount.currency', 'Only RUB payouts are supported');
  const [rub = '0', kop = ''] = amount.value.split('.');
  const kopecks = Number(rub) * 100 + Number(kop.padEnd(2, '0'));
  if (kopecks < MIN_KOPECKS || kopecks > MAX_KOPECKS) {
    return invalid('amount.value', 'Payout amount must be between 1.00 and 500000.00 RUB for sbp');
  }
  const dest = body.payout_destination_data;
  if (!isRecord(dest) || dest.type !== 'sbp') {
    return invalid('payout_destination_data.type', 'Only sbp destination is supported');
  }
  if (typeof dest.phone !== 'string' || !/^7\d{10}$/.test(dest.phone)) {
    return invalid('payout_destination_data.phone', 'Invalid phone: 11 digits starting with 7 expected');
  }
  if (typeof dest.bank_id !== 'string' || !banks.some((b) => b.bankId === dest.bank_id)) {
    return invalid('payout_destination_data.bank_id', 'Unknown sbp bank_id');
  }
  if (
    body.description !== undefined &&
    (typeof body.description !== 'string' || body.description.length > 128)
  ) {
    return invalid('description', 'Description must be a string of at most 128 characters');
  }
  const metadata = body.metadata ?? {};
  if (!isRecord(metadata) || Object.keys(metadata).length > 16)
    return invalid('metadata', 'Invalid metadata');
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries(metadata)) {
    if (typeof v !== 'string' || k.length > 32 || v.length > 512)
      return invalid('metadata', 'Invalid metadata');
    meta[k] = v;
  }
  return {
    amount: { value: `${rub}.${kop.padEnd(2, '0')}`, currency: 'RUB' },
    payout_destination: { type: 'sbp', phone: dest.phone, bank_id: dest.bank_id, recipient_checked: false },
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    metadata: meta,
    test: true,
  };
}

export function invalid(parameter: string, description: string): SimError {
  return { status: 400, code: 'invalid_request', description, parameter };
}

/** Same body ⇔ same text, whatever the key order the client serialised. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isRecord(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
