// For bench:ledger: the real `taizhang serve` in child processes (one or several workers) and a
// small HTTP client that logs in like the web app (session cookie + CSRF header).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '../apps/server/bin/taizhang.js');

export interface ServedApp {
  url: string;
  stop(): Promise<void>;
}

/** Starts `taizhang serve --workers N` on a free port against `databaseUrl`; resolves when it listens. */
export async function startServer(databaseUrl: string, workers: number): Promise<ServedApp> {
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, 'serve', '--workers', String(workers), '--port', '0', '--no-demo'],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'silent',
        API_RATE_LIMIT: '1000000000',
        LOGIN_RATE_LIMIT: '1000000',
        SESSION_IDLE_MINUTES: '600',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /台账已启动：(\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve 退出（${code}）：${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A fetch client that keeps cookies and sends the CSRF header on state-changing requests. */
export class HttpAgent {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  private async send(method: string, target: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') {
      headers['x-csrf-token'] = this.cookies.get('tz_csrf') ?? '';
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.base + target, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }

  async login(username: string, password: string): Promise<void> {
    await (await this.send('GET', '/api/auth/csrf')).arrayBuffer();
    const response = await this.send('POST', '/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`登录失败：${await response.text()}`);
  }

  /** GET, reading the whole body; throws unless 200. */
  async get(target: string): Promise<string> {
    const response = await this.send('GET', target);
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`${target} → ${response.status} ${text.slice(0, 300)}`);
    return text;
  }
}
