import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../demo/demo-organization';
import { createTestDatabaseUrl, testDialect } from '../../test/helpers/test-db';

const bin = path.resolve(import.meta.dirname, '../../bin/taizhang.js');

/** The pids of a primary's cluster workers (not the TypeScript loader's esbuild service). */
function childPids(pid: number): number[] {
  const result = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], {
    encoding: 'utf8',
  });
  return result.stdout
    .split('\n')
    .filter((line) => line.includes('taizhang.js'))
    .map((line) => Number.parseInt(line.trim(), 10))
    .filter((n) => n > 0);
}

async function until<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One request on a new connection each time, so the cluster spreads them over its workers. */
function request(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** The client's address (another loopback address counts as another client). */
    localAddress?: string;
  } = {},
): Promise<{ status: number; body: string; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
        localAddress: options.localAddress,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, cookies: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Requests per minute the cluster is started with (far more than the test needs besides). */
const API_LIMIT = 40;

const cookiePairs = (lines: string[]) => lines.map((line) => line.split(';')[0] ?? '');

describe(`taizhang serve --workers on ${testDialect()}`, () => {
  let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
  let server: ChildProcess | undefined;
  let output = '';
  beforeAll(async () => {
    database = await createTestDatabaseUrl();
  });
  afterAll(async () => {
    if (server?.exitCode === null) server.kill('SIGKILL');
    await database?.dispose();
  });

  it('refuses a bad worker count with exit code 2 and a Chinese message', () => {
    const result = spawnSync(process.execPath, [bin, 'serve', '--workers', '0'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: database.url },
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('工作进程数无效');
  }, 120_000);

  it('serves from two worker processes sharing sessions and rate limits, restarts a dead worker, and stops cleanly', async () => {
    const primary = spawn(process.execPath, [bin, 'serve', '--workers', '2', '--port', '0'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
        API_RATE_LIMIT: String(API_LIMIT),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = primary;
    primary.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const base = (await until(() => /台账已启动：(\S+)/.exec(output)?.[1], 90_000)).replace(
      'localhost',
      '127.0.0.1',
    );
    expect(output).toContain('工作进程：2 个');
    const pid = primary.pid ?? 0;
    const workers = childPids(pid);
    expect(workers).toHaveLength(2);

    // Log in through one worker; the session (in the database) works on every connection.
    const csrf = await request(`${base}/api/auth/csrf`);
    const csrfCookie = cookiePairs(csrf.cookies);
    const token = (JSON.parse(csrf.body) as { token: string }).token;
    const login = await request(`${base}/api/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': token,
        cookie: csrfCookie.join('; '),
      },
      body: JSON.stringify({ username: DEMO_ADMIN, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = [...csrfCookie, ...cookiePairs(login.cookies)].join('; ');
    for (let i = 0; i < 6; i += 1) {
      const me = await request(`${base}/api/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(JSON.parse(me.body)).toMatchObject({ username: DEMO_ADMIN });
    }

    // The rate limit holds for the workers together (counted in the primary): a client whose
    // requests alternate between the two workers still gets API_LIMIT per minute in all.
    const statuses: number[] = [];
    for (let i = 0; i < API_LIMIT + 5; i += 1) {
      statuses.push((await request(`${base}/api/health`, { localAddress: '127.0.0.2' })).status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(API_LIMIT);
    expect(statuses.slice(API_LIMIT)).toEqual([429, 429, 429, 429, 429]);

    // A worker that dies is replaced, and the service keeps answering.
    const [victim] = workers;
    process.kill(victim ?? 0, 'SIGKILL');
    const replaced = await until(() => {
      const now = childPids(pid);
      return now.length === 2 && !now.includes(victim ?? 0) ? now : undefined;
    });
    expect(replaced).toHaveLength(2);
    await until(() => (output.includes('正在重新启动') ? true : undefined));
    expect((await request(`${base}/api/health`)).status).toBe(200);

    // SIGTERM stops the workers, then the primary, with exit code 0.
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const worker of replaced) expect(() => process.kill(worker, 0)).toThrow();
  }, 180_000);
});
