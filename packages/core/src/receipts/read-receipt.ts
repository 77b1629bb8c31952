import { type Kopecks, toMicro } from '../money.ts';
import type { FiscalReceipt, FiscalReceiptItem, OperationType, ReceiptErrorCode } from './fiscal-receipt.ts';
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
import type { QrFields } from './qr.ts';
import { isDateOnly, normaliseReceiptDateTime } from './receipt-datetime.ts';
import { withQrTime } from './receipt-time.ts';

export class ReceiptFieldError extends Error {
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

/**
 * FNS names first, then the names of the older OFD protocol (1-ofd.ru, tags 1215–1217 as
 * `prepayment`/`postpayment`/`counterSubmission`) for the same requisite.
 */
const ALIASES = {
  fiscalSign: ['fiscalSign', 'fiscalId'],
  dateTime: ['dateTime', 'transactionDate'],
  prepaidSum: ['prepaidSum', 'prepaymentSum'],
  creditSum: ['creditSum', 'postpaymentSum'],
  provisionSum: ['provisionSum', 'counterSubmissionSum'],
} as const;

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

function money(raw: unknown, field: string, title: string, fallback?: Kopecks): Kopecks {
  const v = readUint(raw);
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
    price: money(pick(raw, 'price'), `${at}.price`, `цена позиции ${index + 1}`),
    quantity,
    sum: money(pick(raw, 'sum'), `${at}.sum`, `сумма позиции ${index + 1}`),
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
    const v = pick(raw, key);
    if (v !== undefined && v !== null) return code;
  }
  return undefined;
}

/** Only an absent value is taken from the QR; a malformed one stays an error. */
function orQr<T>(value: T | null | undefined, fromQr: T | undefined): T | null | undefined {
  return value === undefined ? fromQr : value;
}

function readOperationType(r: JsonObject, qr: QrFields | null): OperationType {
  const v = orQr(readUint(pick(r, 'operationType')), qr?.n);
  const t = required(v, 'operationType', 'тип операции');
  if (t < 1 || t > 4) invalid('operationType', 'тип операции');
  return t as OperationType;
}

/**
 * The receipt's own time: an explicit `localDateTime` wins (OFD exports add it beside unix seconds that are
 * real UTC there), then `dateTime`. `null` counts as absent, as everywhere in these readers.
 */
function ownDateTime(r: JsonObject): string | undefined {
  for (const field of ['localDateTime', ...ALIASES.dateTime]) {
    const raw = pick(r, field);
    if (raw === undefined || raw === null) continue;
    return required(normaliseReceiptDateTime(raw), field, 'дата и время');
  }
  return undefined;
}

function readInn(r: JsonObject): string {
  const inn = required(readDigits(pick(r, 'userInn')), 'userInn', 'ИНН продавца');
  if (inn.length !== 10 && inn.length !== 12) invalid('userInn', 'ИНН продавца: 10 или 12 цифр');
  return inn;
}

/**
 * `messageFiscalSign` (ФПС, 64 bits) is kept only when it arrives exactly: as text, or as a number no
 * larger than 2^53. A larger JSON number was already rounded by the JSON parser, so it is dropped rather
 * than stored as a value the receipt never had (decision 007).
 */
function readMessageFiscalSign(r: JsonObject, warnings: string[]): string | undefined {
  const v = pick(r, 'messageFiscalSign');
  if (typeof v === 'string' && /^\s*\d{1,20}\s*$/.test(v)) return v.trim();
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'number') {
    warnings.push(
      'Фискальный признак сообщения (messageFiscalSign) не сохранён: число больше 2^53 пришло округлённым',
    );
  } else if (v !== undefined && v !== null) {
    warnings.push('Фискальный признак сообщения (messageFiscalSign) не сохранён: это не число');
  }
  return undefined;
}

export function readReceipt(r: JsonObject, qr: QrFields | null, warnings: string[]): FiscalReceipt {
  const fn = orQr(readDigits(pick(r, 'fiscalDriveNumber')), qr?.fn);
  const i = orQr(readUint(pick(r, 'fiscalDocumentNumber')), qr?.i);
  const fp = orQr(readUint(pickAny(r, ALIASES.fiscalSign)), qr?.fp);
  if (typeof fn === 'string' && fn.length !== 16) invalid('fiscalDriveNumber', 'номер ФН: 16 цифр');
  // Checked in the order a person reads the receipt's requisites, so the first problem is the one named.
  const identity = {
    fn: required(fn, 'fiscalDriveNumber', 'номер ФН'),
    i: required(i, 'fiscalDocumentNumber', 'номер ФД'),
    fp: required(fp, 'fiscalSign', 'фискальный признак'),
    operationType: readOperationType(r, qr),
  };
  const own = ownDateTime(r);
  const receipt: FiscalReceipt = {
    ...identity,
    dateTime: own ?? qr?.dateTime ?? missing('dateTime', 'дата и время'),
    userInn: readInn(r),
    user: readText(pick(r, 'user')) ?? '',
    totalSum: money(pick(r, 'totalSum'), 'totalSum', 'итог чека'),
    // Older formats (ФФД 1.0/1.05) have no prepaid/credit/provision tags: absent means zero.
    cashTotalSum: money(pick(r, 'cashTotalSum'), 'cashTotalSum', 'наличными', 0),
    ecashTotalSum: money(pick(r, 'ecashTotalSum'), 'ecashTotalSum', 'безналичными', 0),
    prepaidSum: money(pickAny(r, ALIASES.prepaidSum), 'prepaidSum', 'зачёт аванса', 0),
    creditSum: money(pickAny(r, ALIASES.creditSum), 'creditSum', 'в кредит', 0),
    provisionSum: money(pickAny(r, ALIASES.provisionSum), 'provisionSum', 'встречным предоставлением', 0),
    items: (pick(r, 'items') as unknown[]).map(readItem),
  };
  const kkt = readText(pick(r, 'kktRegId'));
  if (kkt) receipt.kktRegId = kkt;
  const messageFiscalSign = readMessageFiscalSign(r, warnings);
  if (messageFiscalSign) receipt.messageFiscalSign = messageFiscalSign;
  // A date alone is the start of that day until a QR says when in it.
  if (own && isDateOnly(own)) Object.assign(receipt, { dateTime: `${own}T00:00:00`, receiptDateTime: own });
  if (!qr) return receipt;
  if (qr.fn !== receipt.fn || qr.i !== receipt.i || qr.fp !== receipt.fp) {
    warnings.push('Реквизиты QR-кода в ответе не совпадают с реквизитами чека');
    // Another receipt's QR says nothing about this one's time.
    if (qr.fn !== receipt.fn || qr.i !== receipt.i) return receipt;
  }
  return withQrTime(receipt, qr.dateTime);
}
