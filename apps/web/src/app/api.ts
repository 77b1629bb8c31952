import { errorMessage } from '@remed/core';

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: { fields?: Record<string, string> } & Record<string, unknown>;
}

/** The one error currency of the UI: every failed call becomes an ApiError with a code and a Russian message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** Anything else the server explained, e.g. `reason: 'DUPLICATE_RECEIPT'`. */
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message || errorMessage(body.code));
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.details?.fields ?? {};
    this.details = body.details ?? {};
  }
}

export const NETWORK_ERROR = 'NETWORK';

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

export const isAuthLost = (e: unknown) =>
  isApiError(e) && e.status === 401 && (e.code === 'UNAUTHENTICATED' || e.code === 'SESSION_EXPIRED');

type AuthLostListener = (error: ApiError) => void;
let authLostListener: AuthLostListener | null = null;

/** The session layer subscribes here, so any call anywhere that finds the session gone sends the user to log in. */
export function onAuthLost(listener: AuthLostListener | null) {
  authLostListener = listener;
}

/** The account still has a temporary password: the server answers nothing else until it is changed. */
export const isPasswordChangeRequired = (e: unknown) =>
  isApiError(e) && e.code === 'PASSWORD_CHANGE_REQUIRED';

let passwordChangeListener: (() => void) | null = null;

/** The session layer subscribes here, so a call refused for a temporary password opens the change form. */
export function onPasswordChangeRequired(listener: (() => void) | null) {
  passwordChangeListener = listener;
}

let csrfToken: Promise<string> | null = null;

function fetchCsrfToken(): Promise<string> {
  csrfToken = request<{ csrfToken: string }>('GET', '/api/auth/csrf').then((r) => r.csrfToken);
  csrfToken.catch(() => {
    csrfToken = null;
  });
  return csrfToken;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(method: string, url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = body instanceof FormData;
  // A FormData body sets its own multipart content type with the boundary.
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method)) headers['x-csrf-token'] = await (csrfToken ?? fetchCsrfToken());
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      code: NETWORK_ERROR,
      message: 'Нет связи с сервером. Проверьте интернет и повторите',
    });
  }
}

async function toError(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
  if (body && typeof body.code === 'string') return new ApiError(res.status, body);
  return new ApiError(res.status, {
    code: res.status >= 500 ? 'INTERNAL' : 'UNKNOWN',
    message: errorMessage('INTERNAL'),
  });
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res = await send(method, url, body);
  if (res.status === 403 && UNSAFE.has(method)) {
    const error = await toError(res);
    if (isPasswordChangeRequired(error)) passwordChangeListener?.();
    if (error.code !== 'CSRF_INVALID') throw error;
    await fetchCsrfToken();
    res = await send(method, url, body);
  }
  if (!res.ok) {
    const error = await toError(res);
    if (isAuthLost(error)) authLostListener?.(error);
    if (isPasswordChangeRequired(error)) passwordChangeListener?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  /** Multipart upload (files): same CSRF and error handling as the JSON calls. */
  upload: <T>(url: string, form: FormData) => request<T>('POST', url, form),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

/** Builds a query string from filters, leaving out empty values so URLs stay short and shareable. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}
