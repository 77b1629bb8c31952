import fs from 'node:fs';
import { expect, it } from 'vitest';
import { ReceiptSimulatorStore } from '../src/integrations/fns/receipt-simulator.ts';
import type { ReceiptQuery, ReceiptSource } from '../src/integrations/fns/receipt-source.ts';

const REFERENCE = new URL('../../../reference/receipts/', import.meta.url);

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(new URL(name, REFERENCE), 'utf8'));
}

/** A Пятёрочка receipt (proverkacheka.com's answer) and the QR it was fetched with. */
export const pyaterochka = fixture('03_proverkacheka_com_response_ffd12_2024.json');
export const pyaterochkaReceipt = (pyaterochka.data as { json: unknown }).json;
export const pyaterochkaQuery: ReceiptQuery = {
  dateTime: '2024-09-17T18:01',
  sum: 128521,
  fn: '7281440500751551',
  i: '30526',
  fp: '1168453787',
  n: 1,
};
const magnit = fixture('01_irkkt_ticket_magnit_ffd12_2022.json');
export const magnitReceipt = (magnit.ticket as { document: { receipt: unknown } }).document.receipt;

/** The store as a test starts from: the two receipts above, no tokens, no faults. */
export function resetReceiptStore(store: ReceiptSimulatorStore) {
  store.clear();
  store.expireTokens();
  store.register(pyaterochkaReceipt);
  store.register(magnitReceipt);
  Object.assign(store.behaviour, new ReceiptSimulatorStore(store.token).behaviour);
}

/**
 * The faults of the store's knobs every receipt client meets the same way: HTTP 500 and an answer later than
 * the client waits are "try later", never "no such receipt". `failure` is what the message says of the 500.
 */
export function itRetriesLaterOnFaults(
  store: ReceiptSimulatorStore,
  client: (o?: { timeoutMs: number }) => ReceiptSource,
  failure: string,
) {
  it('answers retry_later on HTTP 500, then finds the receipt', async () => {
    store.behaviour.failNext = 1;
    const r = await client().lookup(pyaterochkaQuery);
    expect(r).toMatchObject({ kind: 'retry_later', message: expect.stringContaining(failure) });
    expect((await client().lookup(pyaterochkaQuery)).kind).toBe('found');
  });

  it('answers retry_later when the simulator does not answer within the client timeout', async () => {
    store.behaviour.timeoutNext = 1;
    store.behaviour.hangMs = 3_000;
    const started = performance.now();
    const r = await client({ timeoutMs: 200 }).lookup(pyaterochkaQuery);
    expect(r).toMatchObject({ kind: 'retry_later', message: expect.stringContaining('вовремя') });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
}
