import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';

// Rate limits shared by the processes of `serve --workers N`. Each worker would otherwise count
// on its own, and a client spreading its requests over N connections would get N times the
// configured budget (or, for logins, N times the attempts per minute). The counters live in
// the cluster's primary; workers ask it over the IPC channel node:cluster already provides.

/** Hits of one key within its current window. */
export interface RateCount {
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

/**
 * Hit counters in fixed windows per (scope, key), as @fastify/rate-limit's own store keeps
 * them: the first hit opens a window of `timeWindow` ms, later hits count until it ends.
 * At most `maxKeys` windows are kept; expired ones go first, then the oldest.
 */
export class RateCounters {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly maxKeys = 100_000) {}

  incr(scope: string, key: string, timeWindow: number, now: number): RateCount {
    const id = `${scope}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || window.endsAt <= now) {
      this.windows.delete(id);
      if (this.windows.size >= this.maxKeys) this.prune(now);
      window = { count: 0, endsAt: now + timeWindow };
      this.windows.set(id, window);
    }
    window.count += 1;
    return { current: window.count, ttl: window.endsAt - now };
  }

  get size(): number {
    return this.windows.size;
  }

  private prune(now: number): void {
    for (const [id, window] of this.windows) if (window.endsAt <= now) this.windows.delete(id);
    // Still full: drop the oldest windows (a Map iterates in insertion order).
    for (const id of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(id);
    }
  }
}

/** Where a worker's store counts its hits. */
export interface RateChannel {
  incr(scope: string, key: string, timeWindow: number): Promise<RateCount>;
}

/** A worker's request to the primary. */
export interface RateRequest {
  type: 'taizhang:rate';
  id: number;
  scope: string;
  key: string;
  timeWindow: number;
}

/** The primary's answer. */
export interface RateReply extends RateCount {
  type: 'taizhang:rate-reply';
  id: number;
}

export function isRateRequest(message: unknown): message is RateRequest {
  const m = message as Partial<RateRequest> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'taizhang:rate' &&
    typeof m.id === 'number' &&
    typeof m.scope === 'string' &&
    typeof m.key === 'string' &&
    typeof m.timeWindow === 'number' &&
    Number.isFinite(m.timeWindow)
  );
}

function isRateReply(message: unknown): message is RateReply {
  const m = message as Partial<RateReply> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === 'taizhang:rate-reply' &&
    typeof m.id === 'number' &&
    typeof m.current === 'number' &&
    typeof m.ttl === 'number'
  );
}

/** The primary's answer to a worker's request, counted in `counters`. */
export function answerRateRequest(
  counters: RateCounters,
  request: RateRequest,
  now: number,
): RateReply {
  const count = counters.incr(request.scope, request.key, request.timeWindow, now);
  return { type: 'taizhang:rate-reply', id: request.id, ...count };
}

/** The IPC end of a cluster worker (`process` in a worker). */
export interface IpcEndpoint {
  send?(message: unknown): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** How long a worker waits for the primary before it counts a hit on its own. */
const PRIMARY_TIMEOUT_MS = 1000;

/**
 * Counts through the cluster's primary. Should the primary not answer in time (or the channel
 * be gone), the hit is counted in this process instead, so that requests are never held up.
 */
export function primaryRateChannel(endpoint: IpcEndpoint, clock = Date.now): RateChannel {
  const local = new RateCounters();
  const pending = new Map<number, (count: RateCount) => void>();
  let nextId = 1;
  endpoint.on('message', (message) => {
    if (!isRateReply(message)) return;
    pending.get(message.id)?.({ current: message.current, ttl: message.ttl });
  });
  return {
    incr(scope, key, timeWindow) {
      return new Promise<RateCount>((resolve) => {
        const id = nextId++;
        const fallback = () => {
          pending.delete(id);
          resolve(local.incr(scope, key, timeWindow, clock()));
        };
        const timer = setTimeout(fallback, PRIMARY_TIMEOUT_MS);
        pending.set(id, (count) => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(count);
        });
        const request: RateRequest = { type: 'taizhang:rate', id, scope, key, timeWindow };
        let sent = false;
        try {
          sent = endpoint.send?.(request) ?? false;
        } catch {
          sent = false;
        }
        if (!sent && pending.has(id)) {
          clearTimeout(timer);
          fallback();
        }
      });
    },
  };
}

/**
 * A @fastify/rate-limit store that counts through `channel`: the global limit under one scope,
 * each route with limits of its own (e.g. logins) under its method and URL.
 */
export function sharedRateLimitStore(channel: RateChannel): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly scope = 'global',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: RateCount) => void,
      timeWindow = 60_000,
    ): void {
      channel.incr(this.scope, key, timeWindow).then(
        (count) => callback(null, count),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: unknown): FastifyRateLimitStore {
      // The plugin passes the route's merged limit options, with the route as `routeInfo`.
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      const method = Array.isArray(route?.method) ? route.method.join(',') : route?.method;
      return new SharedRateLimitStore(routeOptions, `${String(method)} ${String(route?.url)}`);
    }
  }
  return SharedRateLimitStore;
}
