import { type ErrorCode, errorMessage, isErrorCode } from '@remed/core';

interface ApiErrorBody {
  code: ErrorCode;
  /** The server's words; when it sends none, the UI shows core's text for the code. */
  message?: string;
  details?: { fields?: Record<string, string> } & Record<string, unknown>;
  /** Sent with a 5xx: the id under which the server logged what went wrong, for support. */
  requestId?: string;
}

/** The one error currency of the UI: every failed call becomes an ApiError with a code and a Russian message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  /** Anything else the server explained, e.g. `reason: 'DUPLICATE_RECEIPT'`. */
  readonly details: Record<string, unknown>;
  readonly requestId: string | null;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message || errorMessage(body.code));
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.details?.fields ?? {};
    this.details = body.details ?? {};
    this.requestId = body.requestId ?? null;
  }
}

/** No answer at all: the server was never reached (status 0). */
export const isNetworkError = (e: unknown): e is ApiError => isApiError(e) && e.status === 0;

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
const isPasswordChangeRequired = (e: unknown) => isApiError(e) && e.code === 'PASSWORD_CHANGE_REQUIRED';

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
      code: 'UNAVAILABLE',
      message: 'Нет связи с сервером. Проверьте интернет и повторите',
    });
  }
}

/** What a proxy's own page (no JSON of ours) most likely means, by its status. */
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE',
};

async function toError(res: Response): Promise<ApiError> {
  const json: unknown = await res.json().catch(() => null);
  const body = (json && typeof json === 'object' ? json : {}) as Omit<ApiErrorBody, 'code'> & {
    code?: unknown;
  };
  // A code this build does not know keeps the server's message but reads as an internal error.
  const code = isErrorCode(body.code) ? body.code : (CODE_OF_STATUS[res.status] ?? 'INTERNAL');
  return new ApiError(res.status, { ...body, code });
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
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
