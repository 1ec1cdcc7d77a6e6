import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, CHANGED_PASSWORD } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import { permissionCatalog } from '../access/permissions';
import type { RoleDto } from './roles.schema';

const INITIAL_PASSWORD = 'Init#Pass2026';

interface ErrorBody {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}
interface RolePage {
  items: RoleDto[];
  total: number;
  page: number;
  pageSize: number;
}

let t: TestApp;
let admin: TestAgent;
let serial = 0;

function uniqueCode(prefix: string): string {
  serial += 1;
  return `${prefix}_${serial}`;
}

async function roleByCode(code: string): Promise<RoleDto> {
  const page = (await admin.get('/api/roles?pageSize=100')).json<RolePage>();
  const found = page.items.find((r) => r.code === code);
  if (!found) throw new Error(`role ${code} missing`);
  return found;
}

async function createRole(agent: TestAgent, overrides: Partial<Omit<RoleDto, 'id'>> = {}) {
  return agent.post('/api/roles', {
    name: '测试角色',
    code: uniqueCode('test'),
    dataScope: 'unit',
    permissions: ['dashboard:view', 'org:unit:list'],
    ...overrides,
  });
}

/** An account holding only the given role, signed in with its initial password changed. */
async function accountWithRole(roleId: number): Promise<TestAgent> {
  const username = uniqueCode('acct').replace('_', '');
  const unit = await t.db.kysely
    .selectFrom('units')
    .select('id')
    .where('name', '=', '集团机关第一党支部')
    .executeTakeFirstOrThrow();
  const created = await admin.post('/api/users', {
    username,
    displayName: '角色测试员',
    unitId: unit.id,
    roleIds: [roleId],
    password: INITIAL_PASSWORD,
  });
  expect(created.statusCode).toBe(201);
  const agent = await t.login(username, INITIAL_PASSWORD);
  const changed = await agent.post('/api/auth/password', {
    oldPassword: INITIAL_PASSWORD,
    newPassword: CHANGED_PASSWORD,
  });
  expect(changed.statusCode).toBe(204);
  return agent;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.ready('admin');
});

afterAll(async () => {
  await t.close();
});

describe('reading roles', () => {
  it('lists the built-in roles with their user counts', async () => {
    const response = await admin.get('/api/roles');
    expect(response.statusCode).toBe(200);
    const page = response.json<RolePage>();
    expect(page.page).toBe(1);
    expect(page.items.map((r) => r.code)).toEqual(
      expect.arrayContaining(['admin', 'unit_admin', 'clerk', 'leader']),
    );
    const adminRole = page.items.find((r) => r.code === 'admin');
    expect(adminRole).toMatchObject({
      name: '超级管理员',
      dataScope: 'all',
      permissions: ['*:*:*'],
      builtin: true,
      userCount: 1,
    });
    expect(page.items.find((r) => r.code === 'clerk')?.userCount).toBe(2);
  });

  it('pages through roles', async () => {
    const all = (await admin.get('/api/roles?pageSize=100')).json<RolePage>();
    const second = (await admin.get('/api/roles?pageSize=2&page=2')).json<RolePage>();
    expect(second.total).toBe(all.total);
    expect(second.pageSize).toBe(2);
    expect(second.items.map((r) => r.id)).toEqual(all.items.slice(2, 4).map((r) => r.id));
  });

  it('reads one role and 404s on an unknown id', async () => {
    const clerk = await roleByCode('clerk');
    expect((await admin.get(`/api/roles/${clerk.id}`)).json<RoleDto>()).toEqual(clerk);
    const missing = await admin.get('/api/roles/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>().code).toBe('NOT_FOUND');
  });

  it('serves the permission catalog', async () => {
    const response = await admin.get('/api/permissions');
    expect(response.statusCode).toBe(200);
    expect(response.json<{ items: unknown[] }>().items).toEqual(permissionCatalog);
  });

  it('requires the role-list permission', async () => {
    const clerk = await t.ready('jiguan1');
    expect((await clerk.get('/api/roles')).statusCode).toBe(403);
    expect((await clerk.get('/api/permissions')).statusCode).toBe(403);
  });
});

describe('creating roles', () => {
  it('creates a role', async () => {
    const code = uniqueCode('reviewer');
    const response = await createRole(admin, {
      name: '审核员',
      code,
      permissions: ['dashboard:view', 'dashboard:view'],
      remark: '备注',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<RoleDto>()).toMatchObject({
      name: '审核员',
      code,
      dataScope: 'unit',
      permissions: ['dashboard:view'],
      remark: '备注',
      builtin: false,
      version: 1,
      userCount: 0,
    });
  });

  it('rejects unknown permissions, bad codes and unknown fields in Chinese', async () => {
    const unknownPermission = await createRole(admin, { permissions: ['system:everything'] });
    expect(unknownPermission.statusCode).toBe(400);
    expect(unknownPermission.json<ErrorBody>().details).toContainEqual({
      path: 'permissions.0',
      message: '权限标识不存在',
    });

    const badCode = await createRole(admin, { code: 'Bad-Code' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json<ErrorBody>().details?.[0]).toMatchObject({ path: 'code' });
    expect(badCode.json<ErrorBody>().details?.[0]?.message).toContain('角色标识须以小写字母开头');

    const badScope = await createRole(admin, { dataScope: 'galaxy' as RoleDto['dataScope'] });
    expect(badScope.statusCode).toBe(400);
    expect(badScope.json<ErrorBody>().details?.[0]?.message).toContain('数据权限须为');

    const extra = await admin.post('/api/roles', {
      name: '多余字段',
      code: uniqueCode('extra'),
      dataScope: 'unit',
      permissions: [],
      builtin: true,
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json<ErrorBody>().details?.map((d) => d.path)).toEqual(['builtin']);
  });

  it('rejects a duplicate code with 409', async () => {
    const duplicate = await createRole(admin, { code: 'clerk' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<ErrorBody>()).toMatchObject({
      code: 'CONFLICT',
      message: '角色标识已存在',
    });
  });
});

describe('editing and deleting roles', () => {
  it('updates with the current version and refuses a stale one with 409', async () => {
    const role = (await createRole(admin)).json<RoleDto>();
    const updated = await admin.patch(`/api/roles/${role.id}`, {
      version: role.version,
      name: '改名角色',
      dataScope: 'unit_and_below',
      permissions: ['dashboard:view'],
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json<RoleDto>()).toMatchObject({
      name: '改名角色',
      dataScope: 'unit_and_below',
      permissions: ['dashboard:view'],
      version: role.version + 1,
    });
    const stale = await admin.patch(`/api/roles/${role.id}`, {
      version: role.version,
      name: '过期',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().code).toBe('VERSION_CONFLICT');
  });

  it('refuses to change the name, permissions or data scope of the built-in admin role', async () => {
    const adminRole = await roleByCode('admin');
    for (const change of [
      { name: '改名' },
      { permissions: ['dashboard:view'] },
      { dataScope: 'unit' },
    ]) {
      const response = await admin.patch(`/api/roles/${adminRole.id}`, {
        version: adminRole.version,
        ...change,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json<ErrorBody>().message).toBe(
        '内置管理员角色的名称、权限和数据权限不能修改',
      );
    }
    const remark = await admin.patch(`/api/roles/${adminRole.id}`, {
      version: adminRole.version,
      remark: '新的说明',
    });
    expect(remark.statusCode).toBe(200);
    expect(remark.json<RoleDto>()).toMatchObject({
      remark: '新的说明',
      permissions: ['*:*:*'],
      dataScope: 'all',
    });
  });

  it('refuses to delete a built-in role', async () => {
    const leader = await roleByCode('leader');
    const response = await admin.delete(`/api/roles/${leader.id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>().message).toBe('内置角色不能删除');
    expect((await admin.get(`/api/roles/${leader.id}`)).statusCode).toBe(200);
  });

  it('refuses to delete a role still assigned to users, then deletes it once unassigned', async () => {
    const role = (await createRole(admin)).json<RoleDto>();
    await accountWithRole(role.id);
    const refused = await admin.delete(`/api/roles/${role.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().message).toContain('该角色仍分配给 1 个用户');

    const unused = (await createRole(admin)).json<RoleDto>();
    expect((await admin.delete(`/api/roles/${unused.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/roles/${unused.id}`)).statusCode).toBe(404);
  });
});

describe('privilege escalation through roles', () => {
  let manager: TestAgent;

  beforeAll(async () => {
    const managerRole = (
      await createRole(admin, {
        name: '角色管理员',
        code: uniqueCode('role_manager'),
        dataScope: 'unit',
        permissions: [
          'dashboard:view',
          'system:role:list',
          'system:role:add',
          'system:role:edit',
          'system:role:remove',
        ],
      })
    ).json<RoleDto>();
    manager = await accountWithRole(managerRole.id);
  });

  it('lets a role manager create roles within its own permissions and scope', async () => {
    const response = await createRole(manager, {
      permissions: ['dashboard:view'],
      dataScope: 'self',
    });
    expect(response.statusCode).toBe(201);
  });

  it('refuses permissions the role manager does not hold', async () => {
    const response = await createRole(manager, {
      permissions: ['dashboard:view', 'system:user:add'],
    });
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>().message).toContain('system:user:add');
    const wildcard = await createRole(manager, { permissions: ['*:*:*'] });
    expect(wildcard.statusCode).toBe(403);
  });

  it('refuses a data scope broader than the role manager’s own', async () => {
    const response = await createRole(manager, {
      permissions: ['dashboard:view'],
      dataScope: 'all',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>().message).toContain('超出了您自己的数据权限');
  });

  it('refuses to widen an existing role beyond the manager’s privileges', async () => {
    const role = (await createRole(manager, { permissions: ['dashboard:view'] })).json<RoleDto>();
    const widen = await manager.patch(`/api/roles/${role.id}`, {
      version: role.version,
      permissions: ['system:user:remove'],
    });
    expect(widen.statusCode).toBe(403);
    const broaden = await manager.patch(`/api/roles/${role.id}`, {
      version: role.version,
      dataScope: 'unit_and_below',
    });
    expect(broaden.statusCode).toBe(403);
    expect((await admin.get(`/api/roles/${role.id}`)).json<RoleDto>()).toMatchObject({
      version: role.version,
    });
  });

  it('refuses to edit or delete a role more powerful than the manager', async () => {
    const unitAdmin = await roleByCode('unit_admin');
    const edit = await manager.patch(`/api/roles/${unitAdmin.id}`, {
      version: unitAdmin.version,
      permissions: ['dashboard:view'],
    });
    expect(edit.statusCode).toBe(403);
    const strong = (
      await createRole(admin, { permissions: ['system:user:add'], dataScope: 'unit' })
    ).json<RoleDto>();
    expect((await manager.delete(`/api/roles/${strong.id}`)).statusCode).toBe(403);
  });
});

describe('operation log of role writes', () => {
  it('records create, update and delete with before and after', async () => {
    const role = (await createRole(admin, { name: '留痕角色' })).json<RoleDto>();
    await admin.patch(`/api/roles/${role.id}`, { version: role.version, name: '留痕角色二' });
    await admin.delete(`/api/roles/${role.id}`);
    const logs = (await admin.get(`/api/logs/operations?entity=role&entityId=${role.id}`)).json<{
      items: { action: string; summary: string; before: unknown; after: unknown }[];
    }>().items;
    const byAction = new Map(logs.map((l) => [l.action, l]));
    expect([...byAction.keys()].sort()).toEqual(['create', 'delete', 'update']);
    expect(byAction.get('create')).toMatchObject({
      summary: '新增角色「留痕角色」',
      before: null,
      after: { name: '留痕角色', code: role.code },
    });
    expect(byAction.get('update')).toMatchObject({
      before: { name: '留痕角色' },
      after: { name: '留痕角色二', version: role.version + 1 },
    });
    expect(byAction.get('delete')).toMatchObject({ before: { name: '留痕角色二' }, after: null });
  });
});
