import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config';
import { buildApp } from './app';
import type { App } from './app';
import {
  answerRateRequest,
  isRateRequest,
  primaryRateChannel,
  RateCounters,
  sharedRateLimitStore,
} from './shared-rate-limit';
import type { IpcEndpoint, RateChannel } from './shared-rate-limit';
import { createTestDb, testDialect } from '../../test/helpers/test-db';
import type { TestDb } from '../../test/helpers/test-db';

describe('RateCounters', () => {
  it('counts hits per scope and key within a window, then starts a new window', () => {
    const counters = new RateCounters();
    expect(counters.incr('global', '10.0.0.1', 60_000, 1_000)).toEqual({
      current: 1,
      ttl: 60_000,
    });
    expect(counters.incr('global', '10.0.0.1', 60_000, 21_000)).toEqual({
      current: 2,
      ttl: 40_000,
    });
    // Another key, another scope: counted apart.
    expect(counters.incr('global', '10.0.0.2', 60_000, 21_000).current).toBe(1);
    expect(counters.incr('POST /api/auth/login', '10.0.0.1', 60_000, 21_000).current).toBe(1);
    // The window ends at 61 s: the next hit opens a new one.
    expect(counters.incr('global', '10.0.0.1', 60_000, 61_000)).toEqual({
      current: 1,
      ttl: 60_000,
    });
  });

  it('keeps at most maxKeys windows, dropping expired ones first, then the oldest', () => {
    const counters = new RateCounters(3);
    counters.incr('s', 'a', 1_000, 0); // ends at 1 s
    counters.incr('s', 'b', 60_000, 0);
    counters.incr('s', 'c', 60_000, 0);
    counters.incr('s', 'd', 60_000, 2_000); // a has expired: it goes
    expect(counters.size).toBe(3);
    expect(counters.incr('s', 'b', 60_000, 3_000).current).toBe(2);
    counters.incr('s', 'e', 60_000, 4_000); // none expired: the oldest window (b's) goes
    expect(counters.size).toBe(3);
    expect(counters.incr('s', 'c', 60_000, 5_000).current).toBe(2);
    expect(counters.incr('s', 'b', 60_000, 5_000).current).toBe(1);
  });
});

/** A primary in this process: the endpoint's messages are answered from `counters`. */
function loopback(counters: RateCounters, now: () => number) {
  const listeners: ((message: unknown) => void)[] = [];
  const sent: unknown[] = [];
  const endpoint: IpcEndpoint & { answer: boolean } = {
    answer: true,
    send(message) {
      sent.push(message);
      if (endpoint.answer && isRateRequest(message)) {
        const reply = answerRateRequest(counters, message, now());
        queueMicrotask(() => listeners.forEach((listener) => listener(reply)));
      }
      return true;
    },
    on(_event, listener) {
      listeners.push(listener);
      return endpoint;
    },
  };
  return { endpoint, sent };
}

describe('primaryRateChannel', () => {
  it('counts through the primary', async () => {
    const counters = new RateCounters();
    const { endpoint, sent } = loopback(counters, () => 5_000);
    const channel = primaryRateChannel(endpoint, () => 5_000);
    expect(await channel.incr('global', 'k', 60_000)).toEqual({ current: 1, ttl: 60_000 });
    expect(await channel.incr('global', 'k', 60_000)).toEqual({ current: 2, ttl: 60_000 });
    expect(sent).toHaveLength(2);
    expect(counters.incr('global', 'k', 60_000, 5_000).current).toBe(3);
  });

  it('counts in the worker when the channel is gone or the primary does not answer', async () => {
    const gone = primaryRateChannel({ on: () => undefined }, () => 0);
    expect(await gone.incr('global', 'k', 60_000)).toEqual({ current: 1, ttl: 60_000 });
    expect(await gone.incr('global', 'k', 60_000)).toEqual({ current: 2, ttl: 60_000 });

    vi.useFakeTimers();
    try {
      const { endpoint } = loopback(new RateCounters(), () => 0);
      endpoint.answer = false;
      const silent = primaryRateChannel(endpoint, () => 0);
      const pending = silent.incr('global', 'k', 60_000);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await pending).toEqual({ current: 1, ttl: 60_000 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe(`rate limits shared by two app instances on ${testDialect()}`, () => {
  let db: TestDb;
  const apps: App[] = [];

  beforeAll(async () => {
    db = await createTestDb();
    const counters = new RateCounters();
    // Two workers' apps, both counting in the same primary.
    const channel: RateChannel = {
      incr: async (scope, key, timeWindow) => counters.incr(scope, key, timeWindow, Date.now()),
    };
    const config = loadConfig({}, { apiRateLimit: 5, loginRateLimit: 3, logLevel: 'silent' });
    for (let i = 0; i < 2; i += 1) {
      const app = await buildApp({
        db,
        config,
        logger: false,
        rateLimitStore: sharedRateLimitStore(channel),
      });
      await app.ready();
      apps.push(app);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.dispose();
  });

  it('allow the configured requests per minute in all, not per instance', async () => {
    const [a, b] = apps as [App, App];
    const health = (app: App) =>
      app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.0.0.1' });
    const statuses: number[] = [];
    for (const app of [a, b, a, b, a]) {
      statuses.push((await health(app)).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const over = await health(b);
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: '请求过于频繁，请稍后再试',
    });
  });

  it('count a route with a limit of its own (login) apart, across instances', async () => {
    const [a, b] = apps as [App, App];
    const remoteAddress = '10.0.0.2';
    const csrf = await a.inject({ method: 'GET', url: '/api/auth/csrf', remoteAddress });
    const token = csrf.cookies.find((cookie) => cookie.name === 'tz_csrf')?.value ?? '';
    expect(token).not.toBe('');
    const attempt = (app: App) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        headers: { cookie: `tz_csrf=${token}`, 'x-csrf-token': token },
        payload: { username: 'nobody', password: 'wrong-password' },
      });
    for (const app of [a, b, a]) expect((await attempt(app)).statusCode).toBe(401);
    expect((await attempt(b)).statusCode).toBe(429);
    // The global limit of this address was not used by the logins (only by the CSRF request).
    expect((await b.inject({ method: 'GET', url: '/api/health', remoteAddress })).statusCode).toBe(
      200,
    );
  });
});
