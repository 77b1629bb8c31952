import type { ErrorCode } from '@remed/core';
import { errorMessage } from '@remed/core';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_BLOCKED: 403,
  LOGIN_LOCKED: 429,
  RATE_LIMITED: 429,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  PHONE_TAKEN: 409,
  WRONG_PASSWORD: 400,
  WEAK_PASSWORD: 400,
  ORGANISATION_REQUIRED: 400,
  CANNOT_BLOCK_SELF: 400,
  PAYLOAD_TOO_LARGE: 413,
  CODE_INVALID: 400,
  CODE_EXPIRED: 400,
  CODE_TOO_MANY_ATTEMPTS: 429,
  CODE_RATE_LIMITED: 429,
  ALREADY_REGISTERED: 409,
  CONSENT_REQUIRED: 400,
  NOT_COVERED: 422,
  LIMIT_EXCEEDED: 422,
  PRICE_NOT_FOUND: 422,
  PRICE_LIST_HAS_ERRORS: 422,
  INVALID_STATE: 409,
  POLICY_NOT_ACTIVE: 422,
  QR_NOT_FOUND: 422,
  REQUISITES_INCOMPLETE: 422,
  DOCUMENT_CHANGED: 409,
  CLINIC_ALREADY_REGISTERED: 409,
  COMPANY_INACTIVE: 422,
  CONTRACT_REQUIRED: 422,
  PRICE_LIST_REQUIRED: 422,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** The one error currency: a stable code, a Russian message for people, optional details for forms. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? errorMessage(code));
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
