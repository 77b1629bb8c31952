import { z } from 'zod';
import { toMicro } from '../money.ts';

/** 804н service code: `A04.16.001`, `B01.047.001`, optionally with a fourth group. */
export const SERVICE_CODE_RE = /^[AB]\d{2}\.\d{2,3}\.\d{3}(\.\d{3})?$/;

const kopecks = z
  .number()
  .int('Сумма должна быть в копейках (целое число)')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => toMicro(p) !== null, 'Процент: не больше 6 знаков после запятой');

const letterItemSchema = z.object({
  line: z.number().int().positive(),
  code: z.string().trim().regex(SERVICE_CODE_RE, 'Код услуги не по номенклатуре 804н').nullish(),
  clinicCode: z.string().trim().nullish(),
  name: z.string().trim().min(1, 'Укажите наименование услуги'),
  price: kopecks,
  quantity: z
    .number()
    .positive()
    .refine((q) => toMicro(q) !== null, 'Количество: не больше 6 знаков после запятой'),
});

/** `remed.guarantee-letter/v1`: what the product exports and the adjudication command reads. */
export const guaranteeLetterSchema = z
  .object({
    format: z.literal('remed.guarantee-letter/v1'),
    number: z.string().trim().min(1),
    issuedAt: z.iso.datetime({ offset: true }),
    validFrom: z.iso.date(),
    validUntil: z.iso.date(),
    policyNumber: z.string().trim().min(1),
    insuredName: z.string().trim().min(1),
    clinic: z.object({
      inn: z
        .string()
        .trim()
        .regex(/^(\d{10}|\d{12})$/, 'ИНН клиники: 10 или 12 цифр'),
      name: z.string().trim().min(1),
    }),
    franchisePercent: percent,
    cashbackPercent: percent,
    remainingLimit: kopecks.nullable(),
    items: z.array(letterItemSchema).min(1, 'В гарантийном письме нет услуг'),
  })
  .refine((l) => l.validFrom <= l.validUntil, {
    message: 'Срок действия письма заканчивается раньше, чем начинается',
    path: ['validUntil'],
  })
  .refine((l) => new Set(l.items.map((i) => i.line)).size === l.items.length, {
    message: 'Номера строк гарантийного письма повторяются',
    path: ['items'],
  });

export type GuaranteeLetter = z.infer<typeof guaranteeLetterSchema>;
export type GuaranteeLetterItem = GuaranteeLetter['items'][number];
