import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/helpers/test-db';
import type { TestDb } from '../../../test/helpers/test-db';
import { parseStringArray } from '../../shared/json-column';
import { builtinRoles } from './builtin-roles';
import { ensureBuiltinRoles } from './ensure-builtin-roles';
import { RolesRepository } from './roles.repository';

describe('ensureBuiltinRoles', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db.dispose());

  it('creates the built-in roles once, then adds defaults introduced later without dropping custom grants', async () => {
    const now = new Date().toISOString();
    const roles = new RolesRepository(db.kysely);
    const first = await db.kysely
      .transaction()
      .execute((trx) => ensureBuiltinRoles(new RolesRepository(trx), now, trx));
    expect([...first.keys()].sort()).toEqual(builtinRoles.map((r) => r.code).sort());
    const clerkId = first.get('clerk')!;
    const clerk = (await roles.findById(clerkId))!;
    // An older release's clerk: one default missing, one custom grant added by an admin.
    const older = parseStringArray(clerk.permissions).filter((p) => p !== 'org:person:add');
    await db.kysely
      .updateTable('roles')
      .set({ permissions: JSON.stringify([...older, 'monitor:operlog:list']) })
      .where('id', '=', clerkId)
      .execute();
    const second = await db.kysely
      .transaction()
      .execute((trx) => ensureBuiltinRoles(new RolesRepository(trx), now, trx));
    expect(second.get('clerk')).toBe(clerkId);
    const upgraded = parseStringArray((await roles.findById(clerkId))!.permissions);
    expect(upgraded).toContain('org:person:add');
    expect(upgraded).toContain('monitor:operlog:list');
    expect(await db.kysely.selectFrom('roles').select('id').execute()).toHaveLength(
      builtinRoles.length,
    );
  });
});
