import { parseRubles } from '../money.ts';
import { isObject, type JsonObject, pick } from './json-fields.ts';

/**
 * ofd.ru names a receipt's requisites its own way (`FN_FactoryNumber`, `Document_Number`,
 * `DecimalFiscalSign`, `Amount_Total`, items `Name`/`Price`/`Quantity`/`Total`), in the same shape under
 * `Document` (rawdoc and JSON download), `Data` (integration API v1) or `Data.Document` (API 2.0).
 * Decision 007: its amounts are kopecks, as in every public answer and client seen; an amount with a
 * fractional part cannot be kopecks, so a document carrying one is read in rubles throughout.
 */
const OFDRU_MARKERS = ['FN_FactoryNumber', 'Amount_Total', 'Document_Number', 'DecimalFiscalSign'];

function isOfdRuDocument(c: unknown): c is JsonObject {
  if (!isObject(c) || !Array.isArray(pick(c, 'Items'))) return false;
  return OFDRU_MARKERS.some((key) => pick(c, key) !== undefined);
}

/** Where an ofd.ru answer keeps its document, most specific first. */
export function ofdRuDocument(root: JsonObject): JsonObject | null {
  const data = pick(root, 'Data');
  const candidates = [
    pick(root, 'Document'),
    isObject(data) ? pick(data, 'Document') : undefined,
    data,
    root,
  ];
  return candidates.find(isOfdRuDocument) ?? null;
}

// The list API spells operation types out; the documents use the FNS numbers.
const OPERATION_NAMES: Record<string, number> = {
  income: 1,
  'refund income': 2,
  incomereturn: 2,
  expense: 3,
  'refund expense': 4,
  expensereturn: 4,
};

const RECEIPT_MONEY: readonly [string, string][] = [
  ['Amount_Total', 'totalSum'],
  ['Amount_Cash', 'cashTotalSum'],
  ['Amount_ECash', 'ecashTotalSum'],
  ['Amount_Advance', 'prepaidSum'],
  ['Amount_Loan', 'creditSum'],
  ['Amount_Granting', 'provisionSum'],
];

const ITEM_FIELDS: readonly [string, string][] = [
  ['Name', 'name'],
  ['Quantity', 'quantity'],
  ['NDS_Rate', 'nds'],
  ['CalculationMethod', 'paymentType'],
  ['SubjectType', 'productType'],
];

const hasFraction = (v: unknown) =>
  (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v)) ||
  (typeof v === 'string' && /^\s*\d+[.,]\d+\s*$/.test(v));

/** Rubles to kopecks through the decimal text, never through float multiplication. */
function rublesToKopecks(v: unknown): unknown {
  if (typeof v !== 'number' && typeof v !== 'string') return v;
  return parseRubles(String(v).trim().replace(',', '.')) ?? v;
}

/** The ofd.ru document in FNS naming, amounts in kopecks, ready for the one FNS reader. */
export function fromOfdRu(doc: JsonObject): JsonObject {
  const items = pick(doc, 'Items') as unknown[];
  const amounts = [
    ...RECEIPT_MONEY.map(([k]) => pick(doc, k)),
    ...items.flatMap((i) => (isObject(i) ? [pick(i, 'Price'), pick(i, 'Total')] : [])),
  ];
  const money = amounts.some(hasFraction) ? rublesToKopecks : (v: unknown) => v;
  const operation = pick(doc, 'OperationType');
  const out: JsonObject = {
    fiscalDriveNumber: pick(doc, 'FN_FactoryNumber'),
    fiscalDocumentNumber: pick(doc, 'Document_Number'),
    // `FiscalSign` is the base64 of the FD's sign bytes; the decimal ФП a QR carries is this one.
    fiscalSign: pick(doc, 'DecimalFiscalSign'),
    operationType:
      typeof operation === 'string'
        ? (OPERATION_NAMES[operation.trim().toLowerCase()] ?? operation)
        : operation,
    dateTime: pick(doc, 'DateTime'),
    userInn: pick(doc, 'UserInn'),
    user: pick(doc, 'User'),
    kktRegId: pick(doc, 'KKT_RegNumber'),
    items: items.map((raw) => {
      if (!isObject(raw)) return raw;
      const item: JsonObject = { price: money(pick(raw, 'Price')), sum: money(pick(raw, 'Total')) };
      for (const [from, to] of ITEM_FIELDS) item[to] = pick(raw, from);
      return item;
    }),
  };
  for (const [from, to] of RECEIPT_MONEY) out[to] = money(pick(doc, from));
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}
