// Multipart uploads and file downloads. JSON calls go through `api`; these need FormData bodies
// or binary responses, with the same CSRF header, retry and error shape.
import { ApiError, csrfToken, refreshCsrfToken, toApiError } from './api-client';

async function request(
  method: 'GET' | 'POST',
  url: string,
  body?: FormData | string,
  retried = false,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken() ?? (await refreshCsrfToken());
  if (typeof body === 'string') headers['Content-Type'] = 'application/json';
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

/** POSTs a multipart form (field `file` plus text fields) and parses the JSON answer. */
export async function postForm<T>(
  url: string,
  file: File,
  fields: Record<string, string | undefined> = {},
): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) form.append(key, value);
  }
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

/**
 * Downloads a file — from a GET endpoint, or a POST one when a JSON body is given — and saves
 * it under the server's file name.
 */
export async function downloadFile(
  url: string,
  fallbackName: string,
  jsonBody?: unknown,
): Promise<void> {
  const response =
    jsonBody === undefined
      ? await request('GET', url)
      : await request('POST', url, JSON.stringify(jsonBody));
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileNameOf(response, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
