import { type ErrorCode, errorMessage, errorStatus } from '@remed/core';

/**
 * The one error currency: a stable code whose status and Russian text live in core's table, a message of
 * its own only where it tells more than the table, and optional details (e.g. `fields`) for forms.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? errorMessage(code));
    this.name = 'AppError';
    this.status = errorStatus(code);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
