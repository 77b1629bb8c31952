import { z } from 'zod';
import { SUPPLEMENT_TYPES } from './edo/contract-template.ts';
import {
  CONTRACT_ACTIONS,
  CONTRACT_STATUSES,
  DOCUMENT_ACTIONS,
  DOCUMENT_STATUSES,
} from './edo/transitions.ts';
import { endNotBeforeStart, isoDateInput, optionalPeriod, pageLimit } from './list-query.schemas.ts';

export const sideSchema = z.enum(['service', 'clinic']);

export const signatureViewSchema = z.object({
  side: sideSchema,
  signerName: z.string(),
  signerPost: z.string(),
  signedAt: z.iso.datetime(),
  documentSha256: z.string(),
  codeId: z.uuid(),
});
export type SignatureView = z.infer<typeof signatureViewSchema>;

export const contractViewSchema = z.object({
  id: z.uuid(),
  clinicId: z.uuid(),
  clinicName: z.string(),
  kind: z.enum(['contract', 'supplement']),
  supplementType: z.enum(SUPPLEMENT_TYPES).nullable(),
  number: z.string(),
  title: z.string(),
  parentId: z.uuid().nullable(),
  parentNumber: z.string().nullable(),
  status: z.enum(CONTRACT_STATUSES),
  documentDate: z.iso.date(),
  /** For the main contract: the end of its term, prolongations included once they are signed. */
  validUntil: z.iso.date().nullable(),
  effectiveFrom: z.iso.date().nullable(),
  cashbackPercent: z.number().int().nullable(),
  pdfSha256: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  createdBySide: sideSchema,
  sentAt: z.iso.datetime().nullable(),
  signedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  cancelReason: z.string().nullable(),
  signatures: z.array(signatureViewSchema),
  /** What the user who asked may do now. */
  actions: z.array(z.enum(CONTRACT_ACTIONS)),
});
export type ContractView = z.infer<typeof contractViewSchema>;

export const missingRequisiteSchema = z.object({ field: z.string(), label: z.string() });

export const clinicContractsSchema = z.object({
  contracts: z.array(contractViewSchema),
  /** Requisites the clinic must fill before a contract can be drawn up; empty when it can. */
  missingRequisites: z.array(missingRequisiteSchema),
  /** Whether the user may draw up the main contract now. */
  canCreateContract: z.boolean(),
});
export type ClinicContracts = z.infer<typeof clinicContractsSchema>;

export const createSupplementSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prolongation'), validUntil: isoDateInput }),
  z.object({ type: z.literal('requisites'), effectiveFrom: isoDateInput }),
  z.object({
    type: z.literal('cashback'),
    effectiveFrom: isoDateInput,
    cashbackPercent: z
      .number()
      .int('Целое число процентов')
      .min(2, 'Не меньше 2 %')
      .max(10, 'Не больше 10 %'),
  }),
]);
export type CreateSupplement = z.infer<typeof createSupplementSchema>;

export const cancelContractSchema = z.object({
  reason: z.string().trim().min(3, 'Укажите причину отмены').max(500, 'Не длиннее 500 символов'),
});

export const signatureCodeRequestSchema = z.object({
  channel: z.enum(['sms', 'email']).optional(),
});

export const signatureCodeResponseSchema = z.object({
  channel: z.enum(['sms', 'email']),
  /** Where the code went, partly hidden: +7 916 ***-**-67, o***@clinic.ru. */
  sentTo: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SignatureCodeResponse = z.infer<typeof signatureCodeResponseSchema>;

export const signRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Код — шесть цифр из SMS или письма'),
  /** SHA-256 of the PDF or file the signer was shown; the signature is refused if the document changed. */
  documentHash: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, 'Неверный хэш документа. Обновите страницу'),
  signerPost: z.string().trim().min(2, 'Укажите вашу должность').max(200, 'Не длиннее 200 символов'),
});
export type SignRequest = z.infer<typeof signRequestSchema>;

export const DOCUMENT_TYPES = ['act', 'registry', 'report', 'letter', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  act: 'Акт',
  registry: 'Реестр',
  report: 'Отчёт',
  letter: 'Письмо',
  other: 'Другой документ',
};

export const edoDocumentViewSchema = z.object({
  id: z.uuid(),
  clinicId: z.uuid(),
  clinicName: z.string(),
  senderSide: sideSchema,
  type: z.enum(DOCUMENT_TYPES),
  number: z.string(),
  documentDate: z.iso.date(),
  periodFrom: z.iso.date().nullable(),
  periodTo: z.iso.date().nullable(),
  comment: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  receivedAt: z.iso.datetime().nullable(),
  rejectedAt: z.iso.datetime().nullable(),
  rejectReason: z.string().nullable(),
  signature: signatureViewSchema.nullable(),
  actions: z.array(z.enum(DOCUMENT_ACTIONS)),
});
export type EdoDocumentView = z.infer<typeof edoDocumentViewSchema>;

/** The fields of an upload besides the file itself (sent as multipart form fields). */
export const uploadDocumentSchema = z
  .object({
    type: z.enum(DOCUMENT_TYPES, 'Выберите тип документа'),
    number: z.string().trim().min(1, 'Укажите номер документа').max(100, 'Не длиннее 100 символов'),
    documentDate: isoDateInput,
    periodFrom: isoDateInput.optional(),
    periodTo: isoDateInput.optional(),
    comment: z.string().trim().max(2000, 'Не длиннее 2000 символов').optional(),
  })
  .refine(...endNotBeforeStart('periodFrom', 'periodTo'));
export type UploadDocument = z.infer<typeof uploadDocumentSchema>;

export const rejectDocumentSchema = z.object({
  reason: z.string().trim().min(3, 'Укажите причину отказа').max(1000, 'Не длиннее 1000 символов'),
});

export const documentFilterSchema = z.object({
  clinicId: z.uuid().optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  ...optionalPeriod(isoDateInput),
  q: z.string().trim().max(200).optional(),
});
export type DocumentFilter = z.infer<typeof documentFilterSchema>;

export const EDO_EVENT_ACTIONS = [
  'created',
  'sent',
  'regenerated',
  'cancelled',
  'code_requested',
  'signed',
  'received',
  'rejected',
] as const;
export type EdoEventAction = (typeof EDO_EVENT_ACTIONS)[number];
export const EDO_EVENT_LABELS: Record<EdoEventAction, string> = {
  created: 'Создан',
  sent: 'Отправлен',
  regenerated: 'Сформирован заново',
  cancelled: 'Отменён',
  code_requested: 'Запрошен код подписи',
  signed: 'Подписан',
  received: 'Получен',
  rejected: 'Отклонён',
};

/** Kinds the history filters by: the contract and its agreements, and each document type. */
export const HISTORY_KINDS = ['contract', 'supplement', ...DOCUMENT_TYPES] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const historyFilterSchema = z.object({
  clinicId: z.uuid().optional(),
  kind: z.enum(HISTORY_KINDS).optional(),
  status: z
    .enum([...new Set([...CONTRACT_STATUSES, ...DOCUMENT_STATUSES])] as [string, ...string[]])
    .optional(),
  ...optionalPeriod(isoDateInput),
  q: z.string().trim().max(200).optional(),
  limit: pageLimit(500, 200),
});
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

export const historyEventSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  clinicId: z.uuid(),
  clinicName: z.string(),
  entity: z.enum(['contract', 'document']),
  entityId: z.uuid(),
  kind: z.enum(HISTORY_KINDS),
  title: z.string(),
  status: z.string(),
  action: z.enum(EDO_EVENT_ACTIONS),
  actorName: z.string(),
  actorSide: sideSchema.nullable(),
  details: z.string().nullable(),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

export const edoClinicSchema = z.object({ id: z.uuid(), name: z.string(), inn: z.string() });
