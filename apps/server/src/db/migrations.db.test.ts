import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialect } from '../../test/helpers/test-db';
import type { TestDb } from '../../test/helpers/test-db';
import { migrateToLatest } from './migrator';

describe(`migrations on ${testDialect()}`, () => {
  let db: TestDb | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
  });

  it('migrate an empty database to the latest schema, and a second run applies nothing', async () => {
    db = await createTestDb({ migrate: false });
    const applied = await migrateToLatest(db);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied[0]).toMatch(/^\d{8}T\d{4}-/);
    const tables = (await db.kysely.introspection.getTables()).map((t) => t.name);
    for (const table of [
      'units',
      'people',
      'responsibilities',
      'users',
      'roles',
      'user_roles',
      'sessions',
      'login_logs',
      'operation_logs',
    ]) {
      expect(tables).toContain(table);
    }
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('keep the operation log append-only: updates and deletes are refused by the database', async () => {
    db = await createTestDb();
    const now = new Date().toISOString();
    await db.kysely
      .insertInto('operation_logs')
      .values({
        user_id: null,
        username: 'system',
        action: 'create',
        entity: 'unit',
        entity_id: '1',
        summary: '测试',
        before_json: null,
        after_json: null,
        ip: '127.0.0.1',
        created_at: now,
      })
      .execute();
    await expect(
      db.kysely.updateTable('operation_logs').set({ summary: '篡改' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.kysely.deleteFrom('operation_logs').execute()).rejects.toThrow(/append-only/);
    await expect(db.kysely.deleteFrom('login_logs').execute()).resolves.toBeDefined();
    await db.kysely
      .insertInto('login_logs')
      .values({ username: 'a', ip: '', user_agent: '', success: 1, message: '', created_at: now })
      .execute();
    await expect(db.kysely.deleteFrom('login_logs').execute()).rejects.toThrow(/append-only/);
    const rows = await sql<{ n: number }>`select count(*) as n from operation_logs`.execute(
      db.kysely,
    );
    expect(Number(rows.rows[0]?.n)).toBe(1);
  });
});
