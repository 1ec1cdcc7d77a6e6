// File uploads and downloads for the proofreader pages. JSON calls go through `api`; these
// need FormData bodies or binary responses, with the same CSRF header and error shape.
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
  const fallback = response.status === 413 ? '文件或内容过大' : `请求失败（${response.status}）`;
  return new ApiError(
    response.status,
    typeof body?.code === 'string' ? body.code : 'HTTP_ERROR',
    typeof body?.message === 'string' && body.message ? body.message : fallback,
    Array.isArray(body?.details) ? body.details : [],
  );
}

async function request(
  method: 'GET' | 'POST',
  path: string,
  body?: FormData | string,
  retried = false,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfCookie() ?? (await refreshCsrfToken());
  if (typeof body === 'string') headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (response.ok) return response;
  const error = await toApiError(response);
  if (error.code === 'CSRF_INVALID' && !retried) {
    await refreshCsrfToken();
    return request(method, path, body, true);
  }
  throw error;
}

/** POSTs a multipart form (field `file` plus text fields) and parses the JSON answer. */
export async function postForm<T>(
  path: string,
  file: File,
  fields: Record<string, string | undefined> = {},
): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields))
    if (value !== undefined) form.append(key, value);
  form.append('file', file, file.name);
  return (await (await request('POST', path, form)).json()) as T;
}

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return fallback;
    }
  }
  return fallback;
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a file from a GET endpoint, or a POST one with a JSON body. */
export async function download(
  path: string,
  fallbackName: string,
  jsonBody?: unknown,
): Promise<void> {
  const response =
    jsonBody === undefined
      ? await request('GET', path)
      : await request('POST', path, JSON.stringify(jsonBody));
  save(await response.blob(), fileNameOf(response, fallbackName));
}
