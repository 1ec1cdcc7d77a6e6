import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../../db/schema';
import type { Actor } from '../access/data-scope';
import { ownedRowVisible } from '../access/scope-query';
import { offsetOf } from '../../shared/pagination';
import { updateVersioned } from '../versioned-rows/versioned-row-sql';
import { containsText } from '../../shared/sql-text';

export interface UserListFilter {
  keyword?: string | undefined;
  unitId?: number | undefined;
  status?: string | undefined;
  page: number;
  pageSize: number;
  sort: {
    column: 'username' | 'display_name' | 'created_at' | 'last_login_at';
    direction: 'asc' | 'desc';
  };
}

export type UserListRow = UserRow & { unit_name: string };

export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findLiveByUsername(username: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  /** Whether a live user already holds the username (deleted users free their name). */
  async usernameTaken(username: string, trx: Kysely<Database> = this.db): Promise<boolean> {
    const row = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  findLiveById(id: number, trx: Kysely<Database> = this.db): Promise<UserRow | undefined> {
    return trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  /** A live user visible to the actor (users are scoped by their unit). */
  findVisible(
    actor: Actor,
    id: number,
    trx: Kysely<Database> = this.db,
  ): Promise<UserListRow | undefined> {
    return trx
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .selectAll('users')
      .select('units.name as unit_name')
      .where('users.id', '=', id)
      .where('users.deleted_at', 'is', null)
      .where(ownedRowVisible(actor, 'users.unit_id', null))
      .executeTakeFirst();
  }

  async list(
    actor: Actor,
    filter: UserListFilter,
  ): Promise<{ rows: UserListRow[]; total: number }> {
    let query = this.db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .where('users.deleted_at', 'is', null)
      .where(ownedRowVisible(actor, 'users.unit_id', null));
    if (filter.keyword) {
      const keyword = filter.keyword;
      query = query.where((eb) =>
        eb.or([
          containsText('users.username', keyword),
          containsText('users.display_name', keyword),
        ]),
      );
    }
    if (filter.unitId) query = query.where('users.unit_id', '=', filter.unitId);
    if (filter.status) query = query.where('users.status', '=', filter.status);
    const [rows, count] = await Promise.all([
      query
        .selectAll('users')
        .select('units.name as unit_name')
        .orderBy(`users.${filter.sort.column}`, filter.sort.direction)
        .orderBy('users.id')
        .limit(filter.pageSize)
        .offset(offsetOf(filter.page, filter.pageSize))
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  roleIdsOf(
    userIds: readonly number[],
    trx: Kysely<Database> = this.db,
  ): Promise<{ user_id: number; role_id: number; name: string }[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return trx
      .selectFrom('user_roles')
      .innerJoin('roles', 'roles.id', 'user_roles.role_id')
      .select(['user_roles.user_id', 'user_roles.role_id', 'roles.name'])
      .where('user_roles.user_id', 'in', userIds)
      .orderBy('user_roles.role_id')
      .execute();
  }

  async insert(
    values: {
      username: string;
      display_name: string;
      password_hash: string;
      unit_id: number;
      must_change_password: boolean;
    },
    now: string,
    trx: Kysely<Database> = this.db,
  ): Promise<number> {
    const row = await trx
      .insertInto('users')
      .values({
        ...values,
        must_change_password: values.must_change_password ? 1 : 0,
        status: 'active',
        failed_attempts: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async setRoles(
    userId: number,
    roleIds: readonly number[],
    trx: Kysely<Database> = this.db,
  ): Promise<void> {
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roleIds.length > 0) {
      await trx
        .insertInto('user_roles')
        .values(roleIds.map((roleId) => ({ user_id: userId, role_id: roleId })))
        .execute();
    }
  }

  /** Updates profile fields when the version matches; returns false on a stale version. */
  async update(
    id: number,
    version: number,
    values: Partial<Pick<UserRow, 'display_name' | 'unit_id' | 'status' | 'deleted_at'>>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    return updateVersioned(trx, 'users', id, version, values, now);
  }

  /** Login bookkeeping; not a user edit, so the version is left alone. */
  async setLoginState(
    id: number,
    values: Partial<Pick<UserRow, 'failed_attempts' | 'locked_until' | 'last_login_at'>>,
  ): Promise<void> {
    await this.db.updateTable('users').set(values).where('id', '=', id).execute();
  }

  async setPassword(
    id: number,
    passwordHash: string,
    mustChange: boolean,
    now: string,
    trx: Kysely<Database> = this.db,
  ): Promise<void> {
    await trx
      .updateTable('users')
      .set((eb) => ({
        password_hash: passwordHash,
        must_change_password: mustChange ? 1 : 0,
        password_changed_at: now,
        failed_attempts: 0,
        locked_until: null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
  }

  async countVisible(actor: Actor): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .where(ownedRowVisible(actor, 'users.unit_id', null))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
