import type { Kysely } from 'kysely';
import type { Database, RoleRow } from '../../db/schema';
import { conflict, forbidden, notFound, versionConflict } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Page } from '../../shared/pagination';
import type { Actor, DataScope } from '../access/data-scope';
import { permissionCatalog } from '../access/permissions';
import type { PermissionDef } from '../access/permissions';
import type { AuditService } from '../audit/audit.service';
import type { RolesRepository, RoleValues } from './roles.repository';
import { grantOf, presentRole, roleSnapshot } from './roles.presenter';
import { grantViolation } from '../access/grants';
import type { Grant } from '../access/grants';
import type { RoleDto } from './roles.schema';

export interface RolesServiceDeps {
  db: Kysely<Database>;
  roles: RolesRepository;
  audit: AuditService;
  clock: Clock;
}

export interface RoleInput {
  name: string;
  code: string;
  dataScope: DataScope;
  permissions: string[];
  remark?: string | undefined;
}

export type RoleUpdate = Partial<Omit<RoleInput, 'code'>> & { version: number };

const ADMIN_ROLE_CODE = 'admin';

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((v) => right.has(v));
}

/** Roles and their permission codes; nobody can grant more than they hold. */
export class RolesService {
  constructor(private readonly deps: RolesServiceDeps) {}

  permissions(): { items: PermissionDef[] } {
    return { items: permissionCatalog };
  }

  async list(query: { page: number; pageSize: number }): Promise<Page<RoleDto>> {
    const { roles } = this.deps;
    // Roles number in the tens, so one page is cut from the whole list.
    const rows = await roles.list();
    const start = (query.page - 1) * query.pageSize;
    const pageRows = rows.slice(start, start + query.pageSize);
    const counts = await Promise.all(pageRows.map((row) => roles.countUsers(row.id)));
    return {
      items: pageRows.map((row, i) => presentRole(row, counts[i] ?? 0)),
      total: rows.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: number): Promise<RoleDto> {
    const row = await this.deps.roles.findById(id);
    if (!row) throw notFound('角色不存在');
    return presentRole(row, await this.deps.roles.countUsers(id));
  }

  private assertCanGrant(actor: Actor, grant: Grant): void {
    const violation = grantViolation(actor, grant);
    if (violation) throw forbidden(`不能授予超出自身权限的角色：${violation}`);
  }

  /** Only a role the actor could have granted may be changed or removed by it. */
  private assertCanManage(actor: Actor, row: RoleRow): void {
    const violation = grantViolation(actor, grantOf(row));
    if (violation) throw forbidden(`不能管理权限超出自身的角色「${row.name}」：${violation}`);
  }

  async create(actor: Actor, input: RoleInput): Promise<RoleDto> {
    const { db, roles, audit, clock } = this.deps;
    const permissions = unique(input.permissions);
    this.assertCanGrant(actor, { permissions, dataScope: input.dataScope });
    const id = await db.transaction().execute(async (trx) => {
      if (await roles.findByCode(input.code, trx)) throw conflict('角色标识已存在');
      const newId = await roles.insert(
        {
          name: input.name,
          code: input.code,
          data_scope: input.dataScope,
          permissions: JSON.stringify(permissions),
          remark: input.remark ?? '',
        },
        isoNow(clock),
        false,
        trx,
      );
      const created = await roles.findById(newId, trx);
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'role',
          entityId: newId,
          summary: `新增角色「${input.name}」`,
          after: created && roleSnapshot(created),
        },
        trx,
      );
      return newId;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: number, input: RoleUpdate): Promise<RoleDto> {
    const { db, roles, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const role = await roles.findById(id, trx);
      if (!role) throw notFound('角色不存在');
      if (role.version !== input.version) throw versionConflict();
      this.assertCanManage(actor, role);
      const current = grantOf(role);
      const permissions = input.permissions && unique(input.permissions);
      if (role.builtin === 1 && role.code === ADMIN_ROLE_CODE) {
        const changes =
          (input.name !== undefined && input.name !== role.name) ||
          (input.dataScope !== undefined && input.dataScope !== current.dataScope) ||
          (permissions !== undefined && !sameSet(permissions, current.permissions));
        if (changes) throw conflict('内置管理员角色的名称、权限和数据权限不能修改');
      }
      this.assertCanGrant(actor, {
        permissions: permissions ?? current.permissions,
        dataScope: input.dataScope ?? current.dataScope,
      });
      const values: Partial<RoleValues> = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.dataScope !== undefined ? { data_scope: input.dataScope } : {}),
        ...(permissions !== undefined ? { permissions: JSON.stringify(permissions) } : {}),
        ...(input.remark !== undefined ? { remark: input.remark } : {}),
      };
      const ok = await roles.update(id, input.version, values, isoNow(clock), trx);
      if (!ok) throw versionConflict();
      const after = await roles.findById(id, trx);
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'role',
          entityId: id,
          summary: `修改角色「${role.name}」`,
          before: roleSnapshot(role),
          after: after && roleSnapshot(after),
        },
        trx,
      );
    });
    return this.get(id);
  }

  /** Deletes a role no live user holds; built-in roles stay. */
  async remove(actor: Actor, id: number): Promise<void> {
    const { db, roles, audit } = this.deps;
    const role = await roles.findById(id);
    if (!role) throw notFound('角色不存在');
    if (role.builtin === 1) throw conflict('内置角色不能删除');
    this.assertCanManage(actor, role);
    // countUsers reads outside the transaction (SQLite has one connection, held by the transaction).
    const userCount = await roles.countUsers(id);
    if (userCount > 0) throw conflict(`该角色仍分配给 ${userCount} 个用户，请先取消分配后再删除`);
    await db.transaction().execute(async (trx) => {
      await roles.delete(id, trx);
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'role',
          entityId: id,
          summary: `删除角色「${role.name}」`,
          before: roleSnapshot(role),
        },
        trx,
      );
    });
  }
}
