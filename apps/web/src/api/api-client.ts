import type { ErrorBody, FieldIssue } from './types';

/** Every failed request surfaces as an ApiError with the server's code and Chinese message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldIssue[];

  constructor(status: number, code: string, message: string, details: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Codes that end or restrict the session; the auth provider reacts to them globally. */
export const SESSION_ERROR_CODES = [
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'PASSWORD_CHANGE_REQUIRED',
] as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

export function isSessionError(error: unknown): error is ApiError & { code: SessionErrorCode } {
  return isApiError(error) && (SESSION_ERROR_CODES as readonly string[]).includes(error.code);
}

type SessionErrorListener = (error: ApiError & { code: SessionErrorCode }) => void;
let sessionErrorListener: SessionErrorListener | null = null;

/** Registers the single handler that reacts to expired or missing sessions. */
export function onSessionError(listener: SessionErrorListener | null): void {
  sessionErrorListener = listener;
}

const CSRF_COOKIE = 'tz_csrf';
const CSRF_HEADER = 'X-CSRF-Token';
let lastCsrfToken: string | null = null;

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The current CSRF token: the readable cookie, or the last one the server sent. */
export function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? lastCsrfToken;
}

/** Fetches a fresh CSRF token; the server also sets it as the readable `tz_csrf` cookie. */
export async function refreshCsrfToken(): Promise<string> {
  const body = await send<{ token: string }>('GET', '/auth/csrf', undefined, { retryCsrf: false });
  lastCsrfToken = body.token;
  return body.token;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `/api{path}?…`, leaving out empty values. */
export function apiUrl(path: string, query?: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求参数有误',
  401: '请先登录',
  403: '没有执行此操作的权限',
  404: '请求的数据不存在或已被删除',
  409: '数据冲突，请刷新后重试',
  413: '提交的内容过大',
  423: '账号已被锁定，请稍后再试',
  429: '操作过于频繁，请稍后再试',
  500: '服务器内部错误，请稍后再试',
  502: '服务暂不可用，请稍后再试',
  503: '服务暂不可用，请稍后再试',
};

/** Reads a failed response's `{code, message, details}`, with a Chinese fallback per status. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = (await response.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const fallback = STATUS_MESSAGES[response.status] ?? `请求失败（${response.status}）`;
  return new ApiError(
    response.status,
    typeof body?.code === 'string' ? body.code : 'HTTP_ERROR',
    typeof body?.message === 'string' && body.message ? body.message : fallback,
    Array.isArray(body?.details) ? body.details : [],
  );
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface SendOptions {
  query?: QueryParams;
  retryCsrf?: boolean;
  /** Leave session errors to the caller (login and the initial "who am I" probe). */
  silentSessionErrors?: boolean;
}

async function send<T>(
  method: Method,
  path: string,
  body: unknown,
  options: SendOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken() ?? (await refreshCsrfToken());
    headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.code === 'CSRF_INVALID' && options.retryCsrf !== false) {
      await refreshCsrfToken();
      return send<T>(method, path, body, { ...options, retryCsrf: false });
    }
    if (!options.silentSessionErrors && isSessionError(error)) sessionErrorListener?.(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, options?: Omit<SendOptions, 'query'>) =>
    send<T>('GET', path, undefined, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: SendOptions) =>
    send<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, body),
  delete: <T = void>(path: string) => send<T>('DELETE', path, undefined),
};
