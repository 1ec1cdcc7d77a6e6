import type { Command } from 'commander';
import { warmUp } from '@taizhang/proofreader';
import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../../config';
import { loadConfig, parseWorkers } from '../../config';
import { openDatabase } from '../../db/database';
import type { Db } from '../../db/database';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../../demo/demo-organization';
import { seedDemo } from '../../demo/seed-demo';
import { seedDemoRecords } from '../../demo/demo-records';
import { buildApp } from '../../http/app';
import { primaryRateChannel, sharedRateLimitStore } from '../../http/shared-rate-limit';
import { systemClock } from '../../shared/clock';
import { UsersRepository } from '../../modules/users/users.repository';
import { CliError } from '../cli-error';
import { openMigratedDatabase } from '../open-database';
import type { WorkerListening } from '../worker-supervisor';
import { superviseWorkers } from '../worker-supervisor';

interface ServeOptions {
  port?: string;
  host?: string;
  workers?: string;
  demo: boolean;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动服务（自动执行迁移；空数据库首次启动时创建演示组织）')
    .option('-p, --port <port>', '端口（默认 PORT 或 3000）')
    .option('--host <host>', '监听地址（默认 HOST 或 127.0.0.1）')
    .option('-w, --workers <count>', '工作进程数（默认 WORKERS 或 1；auto 为每个 CPU 一个）')
    .option('--no-demo', '空数据库时不创建演示组织')
    .action(async (options: ServeOptions) => {
      const overrides = serveOverrides(options);
      // A cluster worker runs this same command: the primary has migrated and seeded already.
      if (cluster.isWorker) return serveWorker(overrides);
      const { db, config } = await openMigratedDatabase(overrides);
      let notes: string[];
      try {
        const empty = !(await db.kysely
          .selectFrom('units')
          .select('id')
          .limit(1)
          .executeTakeFirst());
        if (empty && options.demo) {
          await seedDemo(db, systemClock);
          await seedDemoRecords(db, systemClock);
        }
        notes = await startupNotes(db, config);
      } catch (error) {
        await db.close();
        throw error;
      }
      if (config.workers <= 1) return serveInProcess(db, config, notes);
      await db.close();
      serveWithWorkers(config, notes);
    });
}

function serveOverrides(options: ServeOptions): Partial<AppConfig> {
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
    throw new CliError(`端口无效：${options.port}`);
  let workers: number | undefined;
  try {
    workers = options.workers === undefined ? undefined : parseWorkers(options.workers);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  return {
    ...(port !== undefined ? { port } : {}),
    ...(options.host ? { host: options.host } : {}),
    ...(workers !== undefined ? { workers } : {}),
  };
}

/** The lines printed under the address: database, login hint, missing web build. */
async function startupNotes(db: Db, config: AppConfig): Promise<string[]> {
  const notes = [`数据库：${db.describe}`];
  if (!fs.existsSync(path.join(config.webDistDir, 'index.html')))
    notes.push('提示：未找到前端构建产物，请先运行 npm run build:web');
  const admin = await new UsersRepository(db.kysely).findLiveByUsername(DEMO_ADMIN);
  if (admin?.must_change_password === 1)
    notes.push(`登录：用户名 ${DEMO_ADMIN}，初始密码 ${DEMO_PASSWORD}（首次登录须修改密码）`);
  return notes;
}

function printBanner(address: string, notes: readonly string[]): void {
  const url = address.replace('127.0.0.1', 'localhost');
  console.log('');
  console.log(`台账已启动：${url}`);
  for (const note of notes) console.log(note);
  console.log(`接口文档：${url}/api/docs`);
}

async function serveInProcess(db: Db, config: AppConfig, notes: string[]): Promise<void> {
  const app = await buildApp({ db, config });
  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  printBanner(await app.listen({ port: config.port, host: config.host }), notes);
  warmUpSoon();
}

/** Prepares the proofreader once the server listens, so the first check is not slower. */
function warmUpSoon(): void {
  setImmediate(() => {
    try {
      warmUp();
    } catch {
      // The first check will report whatever is wrong.
    }
  });
}

/**
 * Several processes answer on one port (node:cluster): with SQLite (WAL) they read in
 * parallel, so one heavy query no longer queues every other request behind it.
 */
function serveWithWorkers(config: AppConfig, notes: string[]): void {
  const supervisor = superviseWorkers({
    count: config.workers,
    onListening: (address) => printBanner(address, [...notes, `工作进程：${config.workers} 个`]),
    onFailure: (message) => {
      process.stderr.write(`错误：${message}\n`);
      process.exit(1);
    },
    log: (message) => process.stderr.write(`${message}\n`),
  });
  const shutdown = async () => {
    await supervisor.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** One cluster worker: the HTTP app on the shared port, closed when the primary says so. */
async function serveWorker(overrides: Partial<AppConfig>): Promise<void> {
  const config = loadConfig(process.env, overrides);
  const db = openDatabase(config.databaseUrl);
  // Rate limits count in the primary, for all workers together.
  const rateLimitStore = sharedRateLimitStore(primaryRateChannel(process));
  const app = await buildApp({ db, config, rateLimitStore });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await db.close();
    process.exit(0);
  };
  // Ctrl-C reaches the whole process group; the primary decides and sends SIGTERM.
  process.on('SIGINT', () => undefined);
  process.once('SIGTERM', shutdown);
  process.once('disconnect', shutdown);
  const address = await app.listen({ port: config.port, host: config.host });
  const message: WorkerListening = { type: 'taizhang:listening', address };
  process.send?.(message);
  warmUpSoon();
}
