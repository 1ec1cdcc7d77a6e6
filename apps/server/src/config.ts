import os from 'node:os';
import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  filesDir: string;
  /** Idle session timeout in minutes. */
  sessionIdleMinutes: number;
  /** Absolute session lifetime in hours, whatever the activity. */
  sessionMaxHours: number;
  /** Login attempts allowed per IP and minute. */
  loginRateLimit: number;
  /** Requests allowed per IP and minute on the whole API. */
  apiRateLimit: number;
  /** Largest JSON body accepted, in bytes. */
  bodyLimit: number;
  /** Serve cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  /** Largest evidence file in bytes (EVIDENCE_MAX_MB, default 20 MB). */
  evidenceMaxBytes: number;
  /** Largest Excel or JSON Lines upload in bytes (IMPORT_MAX_MB, default 50 MB). */
  importMaxBytes: number;
  /** Most data rows in one Excel import or export (EXCEL_MAX_ROWS, default 50,000). */
  excelMaxRows: number;
  webDistDir: string;
  logLevel: string;
  /** HTTP worker processes `serve` starts (WORKERS: a number or `auto` for one per CPU). */
  workers: number;
}

const MB = 1024 * 1024;
/** More processes than this only contend for the same cores and database. */
export const MAX_WORKERS = 64;

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new Error(`配置值无效：${value}`);
  }
  return parsed;
}

/** `auto` is one worker per CPU the process may use; otherwise a positive whole number. */
export function parseWorkers(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  if (value === 'auto') return os.availableParallelism();
  const count = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(count >= 1 && count <= MAX_WORKERS))
    throw new Error(`工作进程数无效：${value}（应为 1–${MAX_WORKERS} 或 auto）`);
  return count;
}

/** Reads configuration from the environment; CLI flags override by passing `overrides`. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  return {
    port: intFrom(env.PORT, 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/taizhang.db',
    filesDir: env.FILES_DIR ?? './data/files',
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 30),
    sessionMaxHours: intFrom(env.SESSION_MAX_HOURS, 12),
    loginRateLimit: intFrom(env.LOGIN_RATE_LIMIT, 20),
    apiRateLimit: intFrom(env.API_RATE_LIMIT, 1200),
    bodyLimit: intFrom(env.BODY_LIMIT, 1024 * 1024),
    secureCookies: env.SECURE_COOKIES === 'true',
    evidenceMaxBytes: intFrom(env.EVIDENCE_MAX_MB, 20) * MB,
    importMaxBytes: intFrom(env.IMPORT_MAX_MB, 50) * MB,
    excelMaxRows: intFrom(env.EXCEL_MAX_ROWS, 50_000),
    webDistDir: env.WEB_DIST_DIR ?? path.join(repoRoot, 'apps/web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    workers: parseWorkers(env.WORKERS),
    ...overrides,
  };
}
