import type { Kysely } from 'kysely';
import type { Database, RoleRow } from '../../db/schema';
import { updateAtVersion } from '../versioned-rows/versioned-row-sql';

export interface RoleValues {
  name: string;
  code: string;
  data_scope: string;
  permissions: string;
  remark: string;
}

export class RolesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(): Promise<RoleRow[]> {
    return this.db.selectFrom('roles').selectAll().orderBy('id').execute();
  }

  findById(id: number, trx: Kysely<Database> = this.db): Promise<RoleRow | undefined> {
    return trx.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByIds(ids: readonly number[], trx: Kysely<Database> = this.db): Promise<RoleRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return trx.selectFrom('roles').selectAll().where('id', 'in', ids).execute();
  }

  findByCode(code: string, trx: Kysely<Database> = this.db): Promise<RoleRow | undefined> {
    return trx.selectFrom('roles').selectAll().where('code', '=', code).executeTakeFirst();
  }

  rolesOfUser(userId: number): Promise<RoleRow[]> {
    return this.db
      .selectFrom('roles')
      .innerJoin('user_roles', 'user_roles.role_id', 'roles.id')
      .selectAll('roles')
      .where('user_roles.user_id', '=', userId)
      .orderBy('roles.id')
      .execute();
  }

  async insert(
    values: RoleValues,
    now: string,
    builtin = false,
    trx: Kysely<Database> = this.db,
  ): Promise<number> {
    const row = await trx
      .insertInto('roles')
      .values({ ...values, builtin: builtin ? 1 : 0, version: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Updates when the version matches; returns false on a stale version. */
  async update(
    id: number,
    version: number,
    values: Partial<RoleValues>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    return updateAtVersion(trx, 'roles', id, version, values, now);
  }

  async delete(id: number, trx: Kysely<Database>): Promise<void> {
    await trx.deleteFrom('user_roles').where('role_id', '=', id).execute();
    await trx.deleteFrom('roles').where('id', '=', id).execute();
  }

  async countUsers(id: number): Promise<number> {
    const row = await this.db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_roles.role_id', '=', id)
      .where('users.deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
