import { type Decision, type FiscalReceipt, readServiceName } from '@remed/core';

type PaidClaim = { id: string; fn: string; receipt: unknown; decision: unknown; reimbursement: number };

/**
 * The reimbursed share of the items a refund receipt returns: for each refunded item, the reimbursement
 * approved for the same item on the original receipt (same till, same name), pro rata to the refunded sum.
 * Null when no paid receipt of this letter matches the refund.
 */
export function clawbackFor(
  refund: FiscalReceipt,
  paid: readonly PaidClaim[],
): { claimId: string; amount: number } | null {
  for (const original of paid) {
    if (original.fn !== refund.fn) continue;
    const receipt = original.receipt as FiscalReceipt;
    const decision = original.decision as Decision | null;
    if (!decision) continue;
    let amount = 0;
    let matched = false;
    for (const item of refund.items) {
      const index = receipt.items.findIndex(
        (i) => readServiceName(i.name).text === readServiceName(item.name).text,
      );
      const line = decision.lines.find((l) => l.item === index);
      if (index < 0 || !line) continue;
      matched = true;
      const originalSum = receipt.items[index]!.sum;
      amount +=
        originalSum > 0 ? Math.round((line.approved * Math.min(item.sum, originalSum)) / originalSum) : 0;
    }
    if (matched) return { claimId: original.id, amount: Math.min(amount, original.reimbursement) };
  }
  return null;
}
