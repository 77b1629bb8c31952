import type { SimulatedPayout } from '../../apps/server/src/integrations/payouts/yookassa-simulator.ts';
import type { Check } from './reconcile.ts';

/** A row of our `payouts` table, as the reconciliation reads it. */
export interface PayoutRow {
  id: string;
  claim_id: string;
  status: string;
  amount: string;
  provider_id: string | null;
}

export const kopecks = (value: string) => {
  const [rub = '0', kop = ''] = value.split('.');
  return Number(rub) * 100 + Number(kop.padEnd(2, '0'));
};

/**
 * Our payout ledger against the provider's own record of payments: every payment there has our row (found by
 * the payout id we put in its metadata), no row was paid at the provider more than once and no claim more
 * than once, and amount, status and provider id agree both ways.
 */
export function compareWithProvider(ours: PayoutRow[], provider: SimulatedPayout[]): Check[] {
  const byId = new Map(ours.map((p) => [p.id, p]));
  const orphans = provider.filter((p) => !byId.has(p.metadata.payoutId ?? ''));
  const perPayout = new Map<string, number>();
  const succeededPerClaim = new Map<string, number>();
  for (const p of provider) {
    const id = p.metadata.payoutId ?? '';
    perPayout.set(id, (perPayout.get(id) ?? 0) + 1);
    const claim = p.metadata.claimId ?? '';
    if (p.status === 'succeeded') succeededPerClaim.set(claim, (succeededPerClaim.get(claim) ?? 0) + 1);
  }
  const doubled = [...perPayout].filter(([, n]) => n > 1).length;
  const claimsDoubled = [...succeededPerClaim].filter(([, n]) => n > 1).length;

  const disagree: string[] = [];
  for (const p of provider) {
    const row = byId.get(p.metadata.payoutId ?? '');
    if (!row) continue;
    if (kopecks(p.amount.value) !== Number(row.amount))
      disagree.push(`${row.id}: amount ${p.amount.value} vs ${row.amount}`);
    else if (p.status !== row.status) disagree.push(`${row.id}: provider ${p.status}, ours ${row.status}`);
    else if (row.provider_id !== p.id) disagree.push(`${row.id}: provider id ${row.provider_id} vs ${p.id}`);
  }
  const providerIds = new Set(provider.map((p) => p.id));
  for (const row of ours)
    if (row.status === 'succeeded' && !providerIds.has(row.provider_id ?? ''))
      disagree.push(`${row.id}: succeeded, unknown to the provider`);

  return [
    {
      name: 'no payment at the provider without a payout row',
      ok: orphans.length === 0,
      detail: `${orphans.length} of ${provider.length} provider payouts`,
    },
    {
      name: 'no payment made twice at the provider',
      ok: doubled + claimsDoubled === 0,
      detail: `${doubled} payout rows with more than one provider payment, ${claimsDoubled} claims paid more than once`,
    },
    {
      name: 'payout rows agree with the provider',
      ok: disagree.length === 0,
      detail: disagree.length
        ? `${disagree.length}: ${disagree.slice(0, 3).join('; ')}`
        : `${provider.length} provider payouts`,
    },
  ];
}
