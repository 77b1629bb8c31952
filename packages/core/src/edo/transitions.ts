/**
 * Who may do what to a contract, a supplementary agreement or an exchanged document, and what status follows.
 * The tables are the whole rule: a pair that is not in a table is refused.
 */

export type Side = 'service' | 'clinic';

export const CONTRACT_STATUSES = ['draft', 'sent', 'signed_by_clinic', 'signed', 'cancelled'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_ACTIONS = ['send', 'regenerate', 'cancel', 'sign'] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

type Table<S extends string, A extends string> = Partial<
  Record<S, Partial<Record<A, Partial<Record<Side, S>>>>>
>;

/**
 * The service prepares and sends; the clinic signs first, the service countersigns. Until anyone has
 * signed, the service may regenerate the PDF (fresh requisites) or cancel it.
 */
export const CONTRACT_TRANSITIONS: Table<ContractStatus, ContractAction> = {
  draft: {
    send: { service: 'sent' },
    regenerate: { service: 'draft' },
    cancel: { service: 'cancelled' },
  },
  sent: {
    regenerate: { service: 'sent' },
    cancel: { service: 'cancelled' },
    sign: { clinic: 'signed_by_clinic' },
  },
  signed_by_clinic: { sign: { service: 'signed' } },
};

export function contractNext(
  status: ContractStatus,
  action: ContractAction,
  side: Side,
): ContractStatus | null {
  return CONTRACT_TRANSITIONS[status]?.[action]?.[side] ?? null;
}

export function contractActions(status: ContractStatus, side: Side): ContractAction[] {
  return CONTRACT_ACTIONS.filter((a) => contractNext(status, a, side) !== null);
}

export const DOCUMENT_STATUSES = ['sent', 'received', 'signed', 'rejected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_ACTIONS = ['receive', 'sign', 'reject'] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

/** Roles in the exchange of one document: the side that uploaded it, and the counterpart who answers. */
export type DocumentRole = 'sender' | 'recipient';

/** Only the counterpart answers a document: opening it marks it received, then it signs or rejects. */
export const DOCUMENT_TRANSITIONS: Partial<
  Record<DocumentStatus, Partial<Record<DocumentAction, Partial<Record<DocumentRole, DocumentStatus>>>>>
> = {
  sent: {
    receive: { recipient: 'received' },
    sign: { recipient: 'signed' },
    reject: { recipient: 'rejected' },
  },
  received: { sign: { recipient: 'signed' }, reject: { recipient: 'rejected' } },
};

export function documentNext(
  status: DocumentStatus,
  action: DocumentAction,
  role: DocumentRole,
): DocumentStatus | null {
  return DOCUMENT_TRANSITIONS[status]?.[action]?.[role] ?? null;
}

export function documentActions(status: DocumentStatus, role: DocumentRole): DocumentAction[] {
  return DOCUMENT_ACTIONS.filter((a) => a !== 'receive' && documentNext(status, a, role) !== null);
}

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: 'Черновик',
  sent: 'Ожидает подписи клиники',
  signed_by_clinic: 'Подписан клиникой, ждёт подписи сервиса',
  signed: 'Подписан обеими сторонами',
  cancelled: 'Отменён',
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  sent: 'Отправлен',
  received: 'Получен',
  signed: 'Подписан',
  rejected: 'Отклонён',
};
