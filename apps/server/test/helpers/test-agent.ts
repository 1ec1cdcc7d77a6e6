import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An HTTP client over `app.inject` that keeps cookies and sends the CSRF header like the web app. */
export class TestAgent {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: Method,
    url: string,
    options: {
      body?: unknown;
      headers?: Record<string, string>;
      csrf?: boolean;
      rawBody?: string;
    } = {},
  ): Promise<LightMyRequestResponse> {
    const unsafe = method !== 'GET';
    if (unsafe && options.csrf !== false && !this.cookies.has('tz_csrf')) await this.fetchCsrf();
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (unsafe && options.csrf !== false)
      headers['x-csrf-token'] = this.cookies.get('tz_csrf') ?? '';
    const inject: InjectOptions = { method, url, headers };
    if (options.rawBody !== undefined) {
      inject.payload = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      inject.payload = options.body as InjectOptions['payload'];
    }
    const response = await this.app.inject(inject);
    this.storeCookies(response);
    return response;
  }

  private storeCookies(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      const expired =
        cookie.maxAge === 0 ||
        (cookie.expires instanceof Date && cookie.expires.getTime() <= Date.now()) ||
        cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  async fetchCsrf(): Promise<string> {
    const response = await this.request('GET', '/api/auth/csrf');
    return (response.json() as { token: string }).token;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, { body: body ?? {} });
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, { body });
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}
