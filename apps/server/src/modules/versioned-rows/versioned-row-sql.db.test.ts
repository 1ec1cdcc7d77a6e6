import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo';
import { manualClock } from '../../shared/clock';
import { createTestDb, testDialect } from '../../../test/helpers/test-db';
import type { TestDb } from '../../../test/helpers/test-db';
import { updateAtVersion, updateVersioned } from './versioned-row-sql';

// The optimistic updates' SQL itself (services check versions before writing; these guards
// decide when two writes race).
describe(`versioned-row updates on ${testDialect()}`, () => {
  let db: TestDb;
  const now = '2026-03-02T01:00:00.000Z';

  beforeAll(async () => {
    db = await createTestDb();
    await seedDemo(db, manualClock());
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('updates a live row at its version once, and never a soft-deleted one', async () => {
    const person = await db.kysely
      .selectFrom('people')
      .select(['id', 'version'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { id, version } = person;
    expect(await updateVersioned(db.kysely, 'people', id, version, { post: '宣传委员' }, now)).toBe(
      true,
    );
    // The same version again: someone else's write came first.
    expect(await updateVersioned(db.kysely, 'people', id, version, { post: '组织委员' }, now)).toBe(
      false,
    );
    const row = await db.kysely
      .selectFrom('people')
      .select(['post', 'version', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ post: '宣传委员', version: version + 1, updated_at: now });

    await db.kysely.updateTable('people').set({ deleted_at: now }).where('id', '=', id).execute();
    expect(
      await updateVersioned(db.kysely, 'people', id, version + 1, { post: '纪检委员' }, now),
    ).toBe(false);
  });

  it('updates a row that is deleted outright at its version once', async () => {
    const role = await db.kysely
      .selectFrom('roles')
      .select(['id', 'version', 'name'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const renamed = `${role.name}（改）`;
    expect(
      await updateAtVersion(db.kysely, 'roles', role.id, role.version, { name: renamed }, now),
    ).toBe(true);
    expect(
      await updateAtVersion(db.kysely, 'roles', role.id, role.version, { name: '又改' }, now),
    ).toBe(false);
    const row = await db.kysely
      .selectFrom('roles')
      .select(['name', 'version'])
      .where('id', '=', role.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: renamed, version: role.version + 1 });
  });
});
