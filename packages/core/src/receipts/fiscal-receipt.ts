import { type Kopecks, toMicro } from '../money.ts';
import {
  isObject,
  type JsonObject,
  pick,
  pickAny,
  readDigits,
  readNumber,
  readText,
  readUint,
} from './json-fields.ts';
import { type ParsedQr, parseQr } from './qr.ts';
import { normaliseReceiptDateTime } from './receipt-datetime.ts';

export type OperationType = 1 | 2 | 3 | 4;

export interface FiscalReceiptItem {
  name: string;
  price: Kopecks;
  /** As the FNS sends it (may be fractional, at most 6 decimals). */
  quantity: number;
  sum: Kopecks;
  /** VAT rate code (1 = 20 %, 2 = 10 %, 3 = 20/120, 4 = 10/110, 5 = 0 %, 6 = без НДС). */
  nds?: number;
  /** 1–3 prepayment/advance, 4 full payment, 5–7 credit. */
  paymentType?: number;
  /** 4 = service. */
  productType?: number;
}

export interface FiscalReceipt {
  fn: string;
  /** fiscalDocumentNumber (ФД). */
  i: number;
  /** fiscalSign (ФП). */
  fp: number;
  operationType: OperationType;
  /** Local wall-clock time, `YYYY-MM-DDTHH:MM:SS`. */
  dateTime: string;
  userInn: string;
  /** Seller name. */
  user: string;
  kktRegId?: string;
  totalSum: Kopecks;
  cashTotalSum: Kopecks;
  ecashTotalSum: Kopecks;
  prepaidSum: Kopecks;
  creditSum: Kopecks;
  provisionSum: Kopecks;
  items: FiscalReceiptItem[];
}

export type ReceiptErrorCode = 'NOT_A_RECEIPT' | 'RECEIPT_FIELD_MISSING' | 'RECEIPT_FIELD_INVALID';

export interface ReceiptError {
  code: ReceiptErrorCode;
  field: string | null;
  message: string;
}

export type ReceiptResult =
  | { ok: true; value: FiscalReceipt; warnings: string[] }
  | { ok: false; error: ReceiptError };

class ReceiptFieldError extends Error {
  constructor(
    readonly code: ReceiptErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Legacy (ФФД 1.0) per-item VAT amounts name the rate in the key; map them to the rate code. */
const LEGACY_ITEM_NDS: readonly [string, number][] = [
  ['nds18', 1],
  ['nds20', 1],
  ['nds10', 2],
  ['nds18118', 3],
  ['nds20120', 3],
  ['nds10110', 4],
  ['nds0', 5],
  ['ndsNo', 6],
];

const RECEIPT_MARKERS = ['totalSum', 'fiscalDriveNumber', 'fiscalDocumentNumber', 'fiscalSign', 'userInn'];

/**
 * The receipt inside each known envelope, most specific first. The FNS Open API answers with a ticket
 * `{ id, ofdId, receiveDate, subtype, address, content }` whose `content` is the receipt.
 */
function findReceipt(input: JsonObject): JsonObject | null {
  const ticket = pick(input, 'ticket');
  const document = isObject(ticket) ? pick(ticket, 'document') : pick(input, 'document');
  const data = pick(input, 'data');
  const candidates = [
    isObject(document) ? pick(document, 'receipt') : undefined,
    isObject(data) ? parseMaybeJson(pick(data, 'json')) : undefined,
    pick(input, 'receipt'),
    pick(input, 'content'),
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

/** Envelopes often keep the QR string that fetched the receipt; it fills requisites an export dropped. */
function findQr(input: JsonObject): ParsedQr | null {
  const request = pick(input, 'request');
  const texts = [
    pickAny(input, ['query_string', 'qrraw', 'qr', 'qrString']),
    isObject(request) ? pick(request, 'qrraw') : undefined,
  ];
  for (const t of texts) {
    if (typeof t !== 'string') continue;
    const parsed = parseQr(t);
    if (parsed.ok) return parsed.value;
  }
  return null;
}

function missing(field: string, title: string): never {
  throw new ReceiptFieldError('RECEIPT_FIELD_MISSING', field, `В чеке нет поля «${field}» (${title})`);
}

function invalid(field: string, title: string): never {
  throw new ReceiptFieldError('RECEIPT_FIELD_INVALID', field, `Неверное поле чека «${field}» (${title})`);
}

function required<T>(value: T | null | undefined, field: string, title: string): T {
  if (value === undefined) missing(field, title);
  if (value === null) invalid(field, title);
  return value;
}

function money(obj: JsonObject, field: string, title: string, fallback?: Kopecks): Kopecks {
  const v = readUint(pick(obj, field));
  if (v === undefined && fallback !== undefined) return fallback;
  return required(v, field, title);
}

function readItem(raw: unknown, index: number): FiscalReceiptItem {
  const at = `items[${index}]`;
  if (!isObject(raw)) invalid(at, 'позиция чека');
  const name = required(readText(pick(raw, 'name')), `${at}.name`, 'наименование');
  const quantity = required(readNumber(pick(raw, 'quantity')), `${at}.quantity`, 'количество');
  if (toMicro(quantity) === null || quantity <= 0) invalid(`${at}.quantity`, 'количество');
  const item: FiscalReceiptItem = {
    name,
    price: money(raw, 'price', `цена позиции ${index + 1}`),
    quantity,
    sum: money(raw, 'sum', `сумма позиции ${index + 1}`),
  };
  const nds = readUint(pickAny(raw, ['nds', 'ndsRate'])) ?? legacyNds(raw);
  if (nds != null) item.nds = nds;
  const paymentType = readUint(pickAny(raw, ['paymentType', 'calculationTypeSign']));
  if (paymentType != null) item.paymentType = paymentType;
  const productType = readUint(pickAny(raw, ['productType', 'calculationSubjectSign']));
  if (productType != null) item.productType = productType;
  return item;
}

function legacyNds(raw: JsonObject): number | undefined {
  for (const [key, code] of LEGACY_ITEM_NDS) {
    if (pick(raw, key) !== undefined) return code;
  }
  return undefined;
}

/** Only an absent value is taken from the QR; a malformed one stays an error. */
function orQr<T>(value: T | null | undefined, fromQr: T | undefined): T | null | undefined {
  return value === undefined ? fromQr : value;
}

function readOperationType(r: JsonObject, qr: ParsedQr | null): OperationType {
  const v = orQr(readUint(pick(r, 'operationType')), qr?.n);
  const t = required(v, 'operationType', 'тип операции');
  if (t < 1 || t > 4) invalid('operationType', 'тип операции');
  return t as OperationType;
}

function readDateTime(r: JsonObject, qr: ParsedQr | null): string {
  // OFD exports that add `localDateTime` next to unix seconds show that those seconds are real UTC
  // there, so the explicit local time wins over our reading of the number.
  const local = pick(r, 'localDateTime');
  const raw = local ?? pick(r, 'dateTime');
  if (raw === undefined) return qr?.dateTime ?? missing('dateTime', 'дата и время');
  return required(normaliseReceiptDateTime(raw), local === undefined ? 'dateTime' : 'localDateTime', 'дата');
}

function readInn(r: JsonObject): string {
  const inn = required(readDigits(pick(r, 'userInn')), 'userInn', 'ИНН продавца');
  if (inn.length !== 10 && inn.length !== 12) invalid('userInn', 'ИНН продавца: 10 или 12 цифр');
  return inn;
}

function readReceipt(r: JsonObject, qr: ParsedQr | null, warnings: string[]): FiscalReceipt {
  const fn = orQr(readDigits(pick(r, 'fiscalDriveNumber')), qr?.fn);
  const i = orQr(readUint(pick(r, 'fiscalDocumentNumber')), qr?.i);
  const fp = orQr(readUint(pick(r, 'fiscalSign')), qr?.fp);
  if (typeof fn === 'string' && fn.length !== 16) invalid('fiscalDriveNumber', 'номер ФН: 16 цифр');
  const receipt: FiscalReceipt = {
    fn: required(fn, 'fiscalDriveNumber', 'номер ФН'),
    i: required(i, 'fiscalDocumentNumber', 'номер ФД'),
    fp: required(fp, 'fiscalSign', 'фискальный признак'),
    operationType: readOperationType(r, qr),
    dateTime: readDateTime(r, qr),
    userInn: readInn(r),
    user: readText(pick(r, 'user')) ?? '',
    totalSum: money(r, 'totalSum', 'итог чека'),
    // Older formats (ФФД 1.0/1.05) have no prepaid/credit/provision tags: absent means zero.
    cashTotalSum: money(r, 'cashTotalSum', 'наличными', 0),
    ecashTotalSum: money(r, 'ecashTotalSum', 'безналичными', 0),
    prepaidSum: money(r, 'prepaidSum', 'зачёт аванса', 0),
    creditSum: money(r, 'creditSum', 'в кредит', 0),
    provisionSum: money(r, 'provisionSum', 'встречным предоставлением', 0),
    items: (pick(r, 'items') as unknown[]).map(readItem),
  };
  const kkt = readText(pick(r, 'kktRegId'));
  if (kkt) receipt.kktRegId = kkt;
  if (qr && (qr.fn !== receipt.fn || qr.i !== receipt.i || qr.fp !== receipt.fp)) {
    warnings.push('Реквизиты QR-кода в ответе не совпадают с реквизитами чека');
  }
  return receipt;
}

/** Normalises any known shape of a fetched fiscal receipt (bare, FNS app, FNS Open API, aggregator, export). */
export function normaliseFiscalReceipt(input: unknown): ReceiptResult {
  const root = isObject(input) ? input : null;
  const r = root ? findReceipt(root) : null;
  if (!root || !r) {
    return {
      ok: false,
      error: { code: 'NOT_A_RECEIPT', field: null, message: 'Это не кассовый чек: не найдены позиции чека' },
    };
  }
  const warnings: string[] = [];
  try {
    return { ok: true, value: readReceipt(r, findQr(root), warnings), warnings };
  } catch (e) {
    if (e instanceof ReceiptFieldError) {
      return { ok: false, error: { code: e.code, field: e.field, message: e.message } };
    }
    throw e;
  }
}

/** Receipt identity for duplicates: fiscal drive plus document number. */
export function receiptId(r: { fn: string; i: number }): string {
  return `${r.fn}:${r.i}`;
}
