import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/database';
import type { Db } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrator';

export interface TestDb extends Db {
  /** Drops the isolated schema / deletes the file. */
  dispose(): Promise<void>;
}

export function testDialect(): 'sqlite' | 'postgres' {
  return (process.env.DATABASE_URL ?? '').startsWith('postgres') ? 'postgres' : 'sqlite';
}

/**
 * A fresh, migrated database of its own: a temporary SQLite file, or an isolated schema in the
 * PostgreSQL named by DATABASE_URL, so parallel test files and parallel runs never collide.
 */
export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  const suffix = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (testDialect() === 'postgres') {
    const url = process.env.DATABASE_URL as string;
    const schema = `t_${suffix}`;
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
    } catch (error) {
      throw new Error(`无法连接 PostgreSQL（${url}）：${String(error)}`);
    }
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const db = openDatabase(url, { schema, poolSize: 4 });
    if (migrate) await migrateToLatest(db);
    return {
      ...db,
      async dispose() {
        await db.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await cleanup.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-test-'));
  const db = openDatabase(`sqlite:${path.join(dir, 'test.db')}`);
  if (migrate) await migrateToLatest(db);
  return {
    ...db,
    async dispose() {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A DATABASE_URL of its own for spawned CLI processes, empty and not yet migrated: a temporary
 * SQLite file, or — on PostgreSQL runs — an isolated schema pinned through the URL's
 * `options=-c search_path=…`, so the CLI is tested on the suite's dialect too.
 */
export async function createTestDatabaseUrl(): Promise<{ url: string; dispose(): Promise<void> }> {
  if (testDialect() === 'postgres') {
    const base = process.env.DATABASE_URL as string;
    const schema = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    await adminQuery(base, `CREATE SCHEMA ${schema}`);
    const url = new URL(base);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      url: url.toString(),
      dispose: () => adminQuery(base, `DROP SCHEMA IF EXISTS ${schema} CASCADE`),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-cli-'));
  return {
    url: `sqlite:${path.join(dir, 'cli.db')}`,
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
