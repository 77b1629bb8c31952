import type { ReceiptError, ReceiptErrorCode } from './fiscal-receipt.ts';
import { isObject, type JsonObject, pick, pickAny, readDigits, readUint } from './json-fields.ts';
import { fromOfdRu, ofdRuDocument } from './ofd-formats.ts';
import { parseQr, type QrFields } from './qr.ts';
import { isDateOnly, normaliseReceiptDateTime } from './receipt-datetime.ts';

/** A receipt found inside whatever carried it, in FNS naming, with the QR the carrier kept (if any). */
type Opened = { ok: true; receipt: JsonObject; qr: QrFields | null } | { ok: false; error: ReceiptError };

const RECEIPT_MARKERS = ['totalSum', 'fiscalDriveNumber', 'fiscalDocumentNumber', 'fiscalSign', 'userInn'];

const fail = (code: ReceiptErrorCode, message: string): Opened => ({
  ok: false,
  error: { code, field: null, message },
});
const notAReceipt = () => fail('NOT_A_RECEIPT', 'Это не кассовый чек: не найдены позиции чека');

/**
 * Unwraps every carrier seen in the wild: the FNS app's «поделиться» export (an array of envelopes), the
 * FNS mobile ticket (`ticket.document.receipt` beside `qr` and `query`), the FNS Open API ticket
 * (`content`), the older FNS `document.receipt`, aggregator answers (`data.json`, an object or its text),
 * ofd.ru documents, the 1-ofd.ru ticket, an export row whose `payload` is the receipt as text, a bare receipt.
 */
export function openEnvelope(input: unknown): Opened {
  if (Array.isArray(input)) return openArray(input);
  if (!isObject(input)) return notAReceipt();
  const ofd = ofdRuDocument(input);
  if (ofd) return { ok: true, receipt: fromOfdRu(ofd), qr: findQr(input, ofd) };
  const receipt = findReceipt(input);
  if (receipt) return { ok: true, receipt, qr: findQr(input, receipt) };
  const status = pick(input, 'status');
  if (typeof status === 'number' && (pick(input, 'qr') !== undefined || isObject(pick(input, 'query')))) {
    return fail(
      'RECEIPT_NOT_LOADED',
      `ФНС ещё не прислала содержимое этого чека (статус ${status}): повторите загрузку позже`,
    );
  }
  return notAReceipt();
}

function openArray(list: unknown[]): Opened {
  const opened = list.map(openEnvelope);
  const found = opened.filter((o) => o.ok);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    return fail(
      'SEVERAL_RECEIPTS',
      `В файле ${found.length} ${receiptsWord(found.length)}: загрузите по одному`,
    );
  }
  return list.length === 1 ? opened[0]! : notAReceipt();
}

function receiptsWord(n: number): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return 'чеков';
  if (units === 1) return 'чек';
  return units >= 2 && units <= 4 ? 'чека' : 'чеков';
}

/** The receipt inside each known FNS-named envelope, most specific first. */
function findReceipt(input: JsonObject): JsonObject | null {
  const ticket = pick(input, 'ticket');
  const document = isObject(ticket) ? pick(ticket, 'document') : pick(input, 'document');
  const data = pick(input, 'data');
  const candidates = [
    isObject(document) ? pick(document, 'receipt') : undefined,
    isObject(data) ? parseMaybeJson(pick(data, 'json')) : undefined,
    pick(input, 'receipt'),
    pick(input, 'content'),
    // 1-ofd.ru: the ticket is the receipt itself, in FNS naming with a few keys of its own.
    ticket,
    parseMaybeJson(pick(input, 'payload')),
    input,
  ];
  return candidates.find(looksLikeReceipt) ?? null;
}

/** Items plus at least one fiscal requisite: a guarantee letter also has `items`, but none of these. */
function looksLikeReceipt(c: unknown): c is JsonObject {
  if (!isObject(c) || !Array.isArray(pick(c, 'items'))) return false;
  return RECEIPT_MARKERS.some((key) => pick(c, key) !== undefined);
}

function parseMaybeJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

/** The QR string the carrier kept beside the receipt, else the mobile ticket's `query` (the same six values). */
function findQr(root: JsonObject, receipt: JsonObject): QrFields | null {
  const request = pick(root, 'request');
  const ticket = pick(root, 'ticket');
  const texts = [
    pickAny(root, ['query_string', 'qrraw', 'qr', 'qrString', 'qrCode']),
    isObject(request) ? pick(request, 'qrraw') : undefined,
    isObject(ticket) ? pick(ticket, 'qrCode') : undefined,
    pick(receipt, 'qrCode'),
  ];
  for (const t of texts) {
    if (typeof t !== 'string') continue;
    const parsed = parseQr(t);
    if (parsed.ok) return parsed.value;
  }
  const query = pick(root, 'query');
  return isObject(query) ? qrOfQuery(query) : null;
}

function qrOfQuery(q: JsonObject): QrFields | null {
  const dateTime = normaliseReceiptDateTime(pick(q, 'date'));
  const sum = readUint(pick(q, 'sum'));
  const fn = readDigits(pick(q, 'fsId'));
  const i = readUint(pick(q, 'documentId'));
  const fp = readUint(pick(q, 'fiscalSign'));
  const n = readUint(pick(q, 'operationType'));
  if (!dateTime || isDateOnly(dateTime) || typeof fn !== 'string' || fn.length !== 16) return null;
  if (typeof sum !== 'number' || typeof i !== 'number' || typeof fp !== 'number') return null;
  if (n !== 1 && n !== 2 && n !== 3 && n !== 4) return null;
  return { dateTime, sum, fn, i, fp, n };
}
