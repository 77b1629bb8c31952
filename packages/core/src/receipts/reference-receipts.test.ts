/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import expectations from '../../../../reference/receipts/expectations.json' with { type: 'json' };
import { normaliseFiscalReceipt } from './fiscal-receipt.ts';

type Accepted = {
  totalSum: number;
  items: number;
  userInn: string;
  localDateTime: string;
  receiptDateTime?: string;
  sumMatches?: boolean;
};
type Refused = { refused: { code: string; message: string } };

// Every receipt file of reference/receipts, so that a file added there without an expectation fails here.
const files = import.meta.glob<unknown>('../../../../reference/receipts/*.json', {
  eager: true,
  import: 'default',
});
const byName = new Map(
  Object.entries(files)
    .map(([path, json]) => [path.split('/').pop()!, json] as const)
    .filter(([name]) => name !== 'expectations.json'),
);
const { _about: _, ...table } = expectations as Record<string, Accepted | Refused | string>;
const cases = Object.entries(table) as [string, Accepted | Refused][];

describe('every receipt in reference/receipts', () => {
  it('has an expectation, and every expectation a file', () => {
    expect([...byName.keys()].sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it.each(cases.filter((c): c is [string, Accepted] => !('refused' in c[1])))('%s', (name, want) => {
    const r = normaliseFiscalReceipt(byName.get(name));
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    const receipt = r.value;
    expect({
      totalSum: receipt.totalSum,
      items: receipt.items.length,
      userInn: receipt.userInn,
      localDateTime: receipt.dateTime,
    }).toEqual({
      totalSum: want.totalSum,
      items: want.items,
      userInn: want.userInn,
      localDateTime: want.localDateTime,
    });
    expect(receipt.receiptDateTime).toBe(want.receiptDateTime);
    expect(receipt.timeConflict).toBeUndefined();
    expect(receipt.fn).toMatch(/^\d{16}$/);
    expect(receipt.operationType).toBe(1);
    const itemsTotal = receipt.items.reduce((s, i) => s + i.sum, 0);
    expect(itemsTotal === receipt.totalSum).toBe(want.sumMatches ?? true);
    const paid =
      receipt.cashTotalSum +
      receipt.ecashTotalSum +
      receipt.prepaidSum +
      receipt.creditSum +
      receipt.provisionSum;
    if (want.sumMatches !== false) expect(paid).toBe(receipt.totalSum);
    for (const item of receipt.items) {
      expect(Number.isInteger(item.price) && Number.isInteger(item.sum)).toBe(true);
      expect(item.name).toBe(item.name.trim());
    }
  });

  it.each(cases.filter((c): c is [string, Refused] => 'refused' in c[1]))('%s is refused', (name, want) => {
    expect(normaliseFiscalReceipt(byName.get(name))).toMatchObject({ ok: false, error: want.refused });
  });
});
