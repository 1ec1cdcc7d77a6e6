// Multipart uploads and binary downloads for the ledger. JSON calls go through `api`; these need
// FormData bodies or file responses, with the same CSRF header and error shape.
import { ApiError, refreshCsrfToken } from '../../api/api-client';
import type { ErrorBody } from '../../api/types';

function csrfCookie(): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === 'tz_csrf') return decodeURIComponent(rest.join('='));
  }
  return null;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = (await response.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const fallback = response.status === 413 ? '文件过大' : `请求失败（${response.status}）`;
  return new ApiError(
    response.status,
    typeof body?.code === 'string' ? body.code : 'HTTP_ERROR',
    typeof body?.message === 'string' && body.message ? body.message : fallback,
    Array.isArray(body?.details) ? body.details : [],
  );
}

async function request(
  method: 'GET' | 'POST',
  url: string,
  body?: FormData,
  retried = false,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfCookie() ?? (await refreshCsrfToken());
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (response.ok) return response;
  const error = await toApiError(response);
  if (error.code === 'CSRF_INVALID' && !retried) {
    await refreshCsrfToken();
    return request(method, url, body, true);
  }
  throw error;
}

/** Builds `/api{path}?…`, leaving out empty values. */
export function apiUrl(path: string, query: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

/** POSTs one file as multipart/form-data (field `file`) and parses the JSON answer. */
export async function postFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return (await (await request('POST', url, form)).json()) as T;
}

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (!encoded) return fallback;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return fallback;
  }
}

/** Downloads a file from a GET endpoint and saves it under the server's file name. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const response = await request('GET', url);
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileNameOf(response, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
