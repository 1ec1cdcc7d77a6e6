import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { conflict, forbidden, invalid, notFound, versionConflict } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Page } from '../../shared/pagination';
import { parseSort } from '../../shared/pagination';
import type { Actor } from '../access/data-scope';
import { unitPathInScope } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import { checkPasswordPolicy, hashPassword } from '../auth/password';
import type { SessionRepository } from '../auth/session.repository';
import type { RolesRepository } from '../roles/roles.repository';
import { grantViolation } from '../access/grants';
import { grantOf } from '../roles/roles.presenter';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from './users.repository';
import type { UserRoleRef } from './users.presenter';
import { presentUser, userSnapshot } from './users.presenter';
import type { UserDto, UserStatus } from './users.schema';

export interface UsersServiceDeps {
  db: Kysely<Database>;
  users: UsersRepository;
  roles: RolesRepository;
  units: UnitsRepository;
  sessions: SessionRepository;
  audit: AuditService;
  clock: Clock;
}

export interface UserInput {
  username: string;
  displayName: string;
  unitId: number;
  roleIds: number[];
  password: string;
}

export interface UserUpdate {
  version: number;
  displayName?: string | undefined;
  unitId?: number | undefined;
  roleIds?: number[] | undefined;
  status?: UserStatus | undefined;
}

export interface UserListQuery {
  keyword?: string | undefined;
  unitId?: number | undefined;
  status?: UserStatus | undefined;
  page: number;
  pageSize: number;
  sort?: string | undefined;
}

const sortable = {
  username: 'username',
  displayName: 'display_name',
  createdAt: 'created_at',
  lastLoginAt: 'last_login_at',
} as const;

const NOT_VISIBLE = '用户不存在或无权访问';

function rolesByUser(
  refs: readonly (UserRoleRef & { user_id: number })[],
): Map<number, UserRoleRef[]> {
  const map = new Map<number, UserRoleRef[]>();
  for (const ref of refs) {
    const list = map.get(ref.user_id) ?? [];
    list.push(ref);
    map.set(ref.user_id, list);
  }
  return map;
}

/**
 * User accounts, limited to users whose unit is inside the actor's data scope. An actor can
 * neither hand out roles beyond its own privileges nor manage a user who holds such roles.
 */
export class UsersService {
  constructor(private readonly deps: UsersServiceDeps) {}

  async list(actor: Actor, query: UserListQuery): Promise<Page<UserDto>> {
    const { users } = this.deps;
    const sort = parseSort(query.sort, sortable, { column: 'username', direction: 'asc' });
    const { rows, total } = await users.list(actor, { ...query, sort });
    const roles = rolesByUser(await users.roleIdsOf(rows.map((r) => r.id)));
    return {
      items: rows.map((row) => presentUser(row, roles.get(row.id) ?? [])),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: Actor, id: number): Promise<UserDto> {
    const { users } = this.deps;
    const row = await users.findVisible(actor, id);
    if (!row) throw notFound(NOT_VISIBLE);
    return presentUser(row, await users.roleIdsOf([id]));
  }

  async create(actor: Actor, input: UserInput): Promise<UserDto> {
    const { db, users, audit, clock } = this.deps;
    const policy = checkPasswordPolicy(input.password);
    if (policy) throw invalid('password', policy);
    const roleIds = [...new Set(input.roleIds)];
    const passwordHash = await hashPassword(input.password);
    const id = await db.transaction().execute(async (trx) => {
      await this.assertUnitInScope(actor, input.unitId, trx);
      await this.assertGrantable(actor, roleIds, trx);
      if (await users.usernameTaken(input.username, trx)) throw conflict('用户名已存在');
      const newId = await users.insert(
        {
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
          unit_id: input.unitId,
          must_change_password: true,
        },
        isoNow(clock),
        trx,
      );
      await users.setRoles(newId, roleIds, trx);
      const created = await users.findLiveById(newId, trx);
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'user',
          entityId: newId,
          summary: `新增用户「${input.username}」`,
          after: created && userSnapshot(created, roleIds),
        },
        trx,
      );
      return newId;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, input: UserUpdate): Promise<UserDto> {
    const { db, users, sessions, audit, clock } = this.deps;
    const roleIds = input.roleIds && [...new Set(input.roleIds)];
    const disabled = await db.transaction().execute(async (trx) => {
      const user = await this.visibleUser(actor, id, trx);
      if (user.version !== input.version) throw versionConflict();
      if (input.status === 'disabled' && id === actor.userId) throw conflict('不能停用自己的账号');
      const currentRoleIds = await this.assertCanManage(actor, id, trx);
      if (input.unitId !== undefined && input.unitId !== user.unit_id) {
        await this.assertUnitInScope(actor, input.unitId, trx);
      }
      if (roleIds) await this.assertGrantable(actor, roleIds, trx);
      const ok = await users.update(
        id,
        input.version,
        {
          ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
          ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
        },
        isoNow(clock),
        trx,
      );
      if (!ok) throw versionConflict();
      if (roleIds) await users.setRoles(id, roleIds, trx);
      const after = await users.findLiveById(id, trx);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'user',
          entityId: id,
          summary: `修改用户「${user.username}」`,
          before: userSnapshot(user, currentRoleIds),
          after: after && userSnapshot(after, roleIds ?? currentRoleIds),
        },
        trx,
      );
      return input.status === 'disabled';
    });
    // Sessions go after the commit: the SQLite connection belongs to the transaction until then.
    if (disabled) await sessions.deleteForUser(id);
    return this.get(actor, id);
  }

  /** Soft delete; the username becomes free again and the user's sessions end. */
  async remove(actor: Actor, id: number): Promise<void> {
    const { db, users, sessions, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const user = await this.visibleUser(actor, id, trx);
      if (id === actor.userId) throw conflict('不能删除自己的账号');
      const roleIds = await this.assertCanManage(actor, id, trx);
      const now = isoNow(clock);
      const ok = await users.update(id, user.version, { deleted_at: now }, now, trx);
      if (!ok) throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'user',
          entityId: id,
          summary: `删除用户「${user.username}」`,
          before: userSnapshot(user, roleIds),
        },
        trx,
      );
    });
    await sessions.deleteForUser(id);
  }

  /** Sets a new initial password: the user must change it at next login; lockout is lifted. */
  async resetPassword(actor: Actor, id: number, password: string): Promise<void> {
    const { db, users, sessions, audit, clock } = this.deps;
    const policy = checkPasswordPolicy(password);
    if (policy) throw invalid('password', policy);
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      const user = await this.visibleUser(actor, id, trx);
      await this.assertCanManage(actor, id, trx);
      await users.setPassword(id, passwordHash, true, isoNow(clock), trx);
      await audit.record(
        actor,
        {
          action: 'reset-password',
          entity: 'user',
          entityId: id,
          summary: `重置用户「${user.username}」的密码`,
          before: {
            lockedUntil: user.locked_until,
            mustChangePassword: user.must_change_password === 1,
          },
          after: { lockedUntil: null, mustChangePassword: true },
        },
        trx,
      );
    });
    await sessions.deleteForUser(id);
  }

  private async visibleUser(actor: Actor, id: number, trx: Kysely<Database>) {
    const user = await this.deps.users.findVisible(actor, id, trx);
    if (!user) throw notFound(NOT_VISIBLE);
    return user;
  }

  private async assertUnitInScope(
    actor: Actor,
    unitId: number,
    trx: Kysely<Database>,
  ): Promise<void> {
    const unit = await this.deps.units.findLive(unitId, trx);
    if (!unit || !unitPathInScope(actor, unit.path)) {
      throw invalid('unitId', '所属单位不存在或无权访问');
    }
  }

  /** The roles to assign, each one within what the actor itself holds. */
  private async assertGrantable(
    actor: Actor,
    roleIds: readonly number[],
    trx: Kysely<Database>,
  ): Promise<void> {
    const rows = await this.deps.roles.findByIds(roleIds, trx);
    if (rows.length !== roleIds.length) throw invalid('roleIds', '所选角色不存在');
    for (const row of rows) {
      const violation = grantViolation(actor, grantOf(row));
      if (violation) throw forbidden(`不能分配角色「${row.name}」：${violation}`);
    }
  }

  /**
   * Refuses to touch a user who holds a role the actor could not grant (else a branch admin
   * could reset a super administrator's password); returns the user's current role ids.
   */
  private async assertCanManage(
    actor: Actor,
    userId: number,
    trx: Kysely<Database>,
  ): Promise<number[]> {
    const roleIds = (await this.deps.users.roleIdsOf([userId], trx)).map((r) => r.role_id);
    const rows = await this.deps.roles.findByIds(roleIds, trx);
    for (const row of rows) {
      const violation = grantViolation(actor, grantOf(row));
      if (violation) throw forbidden(`该用户拥有超出您权限的角色「${row.name}」，不能操作`);
    }
    return roleIds;
  }
}
