import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import r0 from '../../../../reference/receipts/01_irkkt_ticket_magnit_ffd12_2022.json' with { type: 'json' };
import r1 from '../../../../reference/receipts/02_irkkt_ticket_ip_usn_ffd105_2022.json' with { type: 'json' };
import r2 from '../../../../reference/receipts/03_proverkacheka_com_response_ffd12_2024.json' with {
  type: 'json',
};
import r3 from '../../../../reference/receipts/04_lenta_ffd105_2020_with_rawData.json' with { type: 'json' };
import r4 from '../../../../reference/receipts/05_dixi_ffd10_2020_legacy_item_nds.json' with { type: 'json' };
import r5 from '../../../../reference/receipts/06_vending_ofd_style_unix_datetime_2023.json' with {
  type: 'json',
};
import r6 from '../../../../reference/receipts/07_receiptcollector_2019_ffd105.json' with { type: 'json' };
import r7 from '../../../../reference/receipts/08_fns_app_share_array_of_one_pyaterochka_2022.json' with {
  type: 'json',
};
import r8 from '../../../../reference/receipts/09_fns_app_share_three_receipts_2022.json' with {
  type: 'json',
};
import r9 from '../../../../reference/receipts/10_fns_mobile_ticket_full_envelope_ozon_2023.json' with {
  type: 'json',
};
import r10 from '../../../../reference/receipts/11_ofdru_api_document_ip_2025_nulls.json' with {
  type: 'json',
};
import r11 from '../../../../reference/receipts/12_ofdru_api_document_lenta_2025_nulls.json' with {
  type: 'json',
};
import r12 from '../../../../reference/receipts/13_proverkacheka_json_message_fiscal_sign_vimos_2026.json' with {
  type: 'json',
};
import r13 from '../../../../reference/receipts/14_proverkacheka_json_x5_marked_goods_2026.json' with {
  type: 'json',
};
import r14 from '../../../../reference/receipts/15_proverkacheka_full_response_kfc_2021.json' with {
  type: 'json',
};
import r15 from '../../../../reference/receipts/16_fns_document_receipt_perekrestok_2020_rawdata.json' with {
  type: 'json',
};
import r16 from '../../../../reference/receipts/17_fns_bare_pyaterochka_2018_properties_array.json' with {
  type: 'json',
};
import r17 from '../../../../reference/receipts/18_fns_document_receipt_2018_empty_user.json' with {
  type: 'json',
};
import r18 from '../../../../reference/receipts/19_fns_document_receipt_t_i_k_2018_modifiers.json' with {
  type: 'json',
};
import r19 from '../../../../reference/receipts/20_truncated_items_bar_2025.json' with { type: 'json' };
import r20 from '../../../../reference/receipts/21_truncated_fn_perekrestok_2018.json' with { type: 'json' };
import r21 from '../../../../reference/receipts/22_ofd_export_anonymised_no_fn_2020.json' with {
  type: 'json',
};
import r22 from '../../../../reference/receipts/23_mongo_export_anonymised_fns_document_2016.json' with {
  type: 'json',
};
import r23 from '../../../../reference/receipts/24_SYNTHETIC_1ofd_consumer_ticket.json' with { type: 'json' };
import { normaliseFiscalReceipt } from './fiscal-receipt.ts';
import { formatQr, parseQr } from './qr.ts';

/** Bounded so the unit suite stays quick; a failure prints its seed and the shrunk input to replay. */
const RUNS = { numRuns: 300 };

/** Every real sample of the reference set, in each shape a receipt arrives in. */
const references: unknown[] = [
  r0,
  r1,
  r2,
  r3,
  r4,
  r5,
  r6,
  r7,
  r8,
  r9,
  r10,
  r11,
  r12,
  r13,
  r14,
  r15,
  r16,
  r17,
  r18,
  r19,
  r20,
  r21,
  r22,
  r23,
];

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
const qrValue = fc.oneof(
  fc.stringMatching(/^\d{0,20}$/),
  fc.stringMatching(/^\d{8}T\d{4,6}$/),
  fc.stringMatching(/^\d{1,9}(\.\d{0,3})?$/),
  anyText,
);
/** Strings shaped like a QR: known and unknown keys, repeats, odd separators and values. */
const qrLike = fc
  .array(fc.tuple(fc.constantFrom('t', 's', 'fn', 'i', 'fp', 'n', 'T', 'x', '', ' fn'), qrValue), {
    maxLength: 9,
  })
  .chain((pairs) =>
    fc.constantFrom('&', '&&', ';', '\n', '&amp;').map((sep) => pairs.map(([k, v]) => `${k}=${v}`).join(sep)),
  );

/** A reference receipt with one of its values, anywhere in the tree, replaced by something random. */
function mutate(doc: unknown, pathPick: number, replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v))
      v.forEach((x, i) => {
        slots.push({ parent: v, key: i });
        walk(x);
      });
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        slots.push({ parent: v as Record<string, unknown>, key: k });
        walk(x);
      }
  };
  walk(copy);
  const slot = slots[pathPick % Math.max(1, slots.length)];
  if (slot) (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
  return copy;
}

describe('receipt QR parser under random input', () => {
  it('never throws, and whatever it accepts is a well-formed QR that formats and parses back the same', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, qrLike), (input) => {
        const r = parseQr(input);
        if (!r.ok) {
          expect(r.error.code).toMatch(/^QR_(EMPTY|MISSING_KEY|MALFORMED_VALUE|DUPLICATE_KEY)$/);
          expect(r.error.message.length).toBeGreaterThan(0);
          return;
        }
        const v = r.value;
        expect(v.fn).toMatch(/^\d{16}$/);
        expect(Number.isSafeInteger(v.i) && v.i >= 0 && v.i <= 4_294_967_295).toBe(true);
        expect(Number.isSafeInteger(v.fp) && v.fp >= 0).toBe(true);
        expect([1, 2, 3, 4]).toContain(v.n);
        expect(Number.isSafeInteger(v.sum) && v.sum >= 0).toBe(true);
        expect(v.dateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
        const again = parseQr(formatQr(v));
        expect(again.ok && { ...again.value, ambiguousSum: v.ambiguousSum }).toEqual(v);
      }),
      RUNS,
    );
  });
});

const validFields = fc.record({
  dateTime: fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 19)),
  sum: fc.integer({ min: 0, max: 10_000_000_00 }),
  fn: fc.stringMatching(/^\d{16}$/),
  i: fc.integer({ min: 0, max: 4_294_967_295 }),
  fp: fc.integer({ min: 0, max: 4_294_967_295 }),
  n: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
});

describe('receipt QR parser on real-looking codes', () => {
  it('reads back every QR it formats', () => {
    fc.assert(
      fc.property(validFields, (fields) => {
        const r = parseQr(formatQr(fields));
        expect(r.ok && r.value).toMatchObject(fields);
      }),
      RUNS,
    );
  });

  it('never throws on a real QR with a character inserted, removed or replaced', () => {
    fc.assert(
      fc.property(
        validFields,
        fc.nat(),
        fc.string({ unit: 'binary', maxLength: 2 }),
        fc.nat({ max: 2 }),
        (f, at, ch, cut) => {
          const qr = formatQr(f);
          const i = at % (qr.length + 1);
          const broken = qr.slice(0, i) + ch + qr.slice(i + cut);
          const r = parseQr(broken);
          expect(typeof r.ok).toBe('boolean');
          if (r.ok) expect(r.value.fn).toMatch(/^\d{16}$/);
        },
      ),
      RUNS,
    );
  });
});

describe('fiscal receipt normaliser under random input', () => {
  const checkResult = (input: unknown) => {
    const r = normaliseFiscalReceipt(input);
    if (!r.ok) {
      expect(r.error.code).toMatch(
        /^(NOT_A_RECEIPT|SEVERAL_RECEIPTS|RECEIPT_NOT_LOADED|RECEIPT_FIELD_MISSING|RECEIPT_FIELD_INVALID)$/,
      );
      expect(r.error.message.length).toBeGreaterThan(0);
      return;
    }
    const v = r.value;
    for (const k of [
      'totalSum',
      'cashTotalSum',
      'ecashTotalSum',
      'prepaidSum',
      'creditSum',
      'provisionSum',
    ] as const)
      expect(Number.isSafeInteger(v[k]), k).toBe(true);
    expect(Array.isArray(v.items)).toBe(true);
    for (const item of v.items) {
      expect(Number.isSafeInteger(item.price) && Number.isSafeInteger(item.sum)).toBe(true);
      expect(Number.isFinite(item.quantity)).toBe(true);
      expect(typeof item.name).toBe('string');
    }
    expect(v.fn).toMatch(/^\d+$/);
    expect(v.dateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  };

  it('never throws on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), checkResult), RUNS);
  });

  it('never throws on arbitrary JavaScript values (what a parsed body can never be, but a caller might pass)', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 3 }), checkResult), { numRuns: 150 });
  });

  it('never throws on a real receipt with any one value replaced by noise', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: references.length - 1 }),
        fc.nat(),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyText, fc.double(), fc.constant(null), fc.constant(-1)),
        (n, at, replacement) => checkResult(mutate(references[n], at, replacement)),
      ),
      RUNS,
    );
  });
});
