import fs from 'node:fs';
import type { ReceiptQuery } from '../src/integrations/fns/receipt-source.ts';

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
