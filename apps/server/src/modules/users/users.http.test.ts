import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, CHANGED_PASSWORD } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import type { UserDto } from './users.schema';

const INITIAL_PASSWORD = 'Init#Pass2026';

interface ErrorBody {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}
interface UserPage {
  items: UserDto[];
  total: number;
  page: number;
  pageSize: number;
}
interface OperationLog {
  action: string;
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
}

let t: TestApp;
let admin: TestAgent;
const unitIds = new Map<string, number>();
const roleIds = new Map<string, number>();
let serial = 0;

async function unitId(name: string): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('units')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

function unit(key: string): number {
  const id = unitIds.get(key);
  if (id === undefined) throw new Error(`unknown unit ${key}`);
  return id;
}

function role(code: string): number {
  const id = roleIds.get(code);
  if (id === undefined) throw new Error(`unknown role ${code}`);
  return id;
}

function uniqueName(prefix: string): string {
  serial += 1;
  return `${prefix}${serial}`;
}

async function createUser(
  agent: TestAgent,
  overrides: Partial<{
    username: string;
    displayName: string;
    unitId: number;
    roleIds: number[];
    password: string;
  }> = {},
): Promise<UserDto> {
  const response = await agent.post('/api/users', {
    username: uniqueName('user'),
    displayName: '测试用户',
    unitId: unit('jiguan1'),
    roleIds: [role('clerk')],
    password: INITIAL_PASSWORD,
    ...overrides,
  });
  if (response.statusCode !== 201)
    throw new Error(`create user failed: ${response.statusCode} ${response.body}`);
  return response.json<UserDto>();
}

/** Logs a freshly created user in and replaces the initial password, so it can use the API. */
async function signIn(username: string): Promise<TestAgent> {
  const agent = await t.login(username, INITIAL_PASSWORD);
  const changed = await agent.post('/api/auth/password', {
    oldPassword: INITIAL_PASSWORD,
    newPassword: CHANGED_PASSWORD,
  });
  expect(changed.statusCode).toBe(204);
  return agent;
}

async function sessionCount(userId: number): Promise<number> {
  const rows = await t.db.kysely
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .execute();
  return rows.length;
}

async function operationLogs(entityId: number): Promise<OperationLog[]> {
  const response = await admin.get(
    `/api/logs/operations?entity=user&entityId=${entityId}&pageSize=100`,
  );
  expect(response.statusCode).toBe(200);
  return response.json<{ items: OperationLog[] }>().items;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.ready('admin');
  for (const [key, name] of [
    ['root', '青川市交通运输集团有限公司党委'],
    ['jiguan1', '集团机关第一党支部'],
    ['keyunzhan', '青川客运中心站党支部'],
  ] as const) {
    unitIds.set(key, await unitId(name));
  }
  for (const row of await t.db.kysely.selectFrom('roles').select(['id', 'code']).execute()) {
    roleIds.set(row.code, row.id);
  }
});

afterAll(async () => {
  await t.close();
});

describe('listing users', () => {
  it('pages through users with their unit and role names', async () => {
    const first = await admin.get('/api/users?pageSize=2&sort=username');
    expect(first.statusCode).toBe(200);
    const page = first.json<UserPage>();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.page).toBe(1);
    expect(page.items[0]?.username).toBe('admin');
    expect(page.items[0]).toMatchObject({
      unitName: '青川市交通运输集团有限公司党委',
      roleIds: [role('admin')],
      roleNames: ['超级管理员'],
      status: 'active',
    });
    expect(page.items[0]).not.toHaveProperty('passwordHash');

    const second = (await admin.get('/api/users?pageSize=2&page=2&sort=username')).json<UserPage>();
    expect(second.items.map((u) => u.username)).not.toContain('admin');
    expect(second.items).toHaveLength(2);
  });

  it('filters by keyword, unit and status', async () => {
    const byKeyword = (
      await admin.get(`/api/users?keyword=${encodeURIComponent('秦国')}`)
    ).json<UserPage>();
    expect(byKeyword.items.map((u) => u.username)).toEqual(['keyun']);

    const byUnit = (await admin.get(`/api/users?unitId=${unit('keyunzhan')}`)).json<UserPage>();
    expect(byUnit.items.every((u) => u.unitId === unit('keyunzhan'))).toBe(true);
    expect(byUnit.items.map((u) => u.username)).toContain('keyunzhan');

    const disabled = await createUser(admin);
    await admin.patch(`/api/users/${disabled.id}`, {
      version: disabled.version,
      status: 'disabled',
    });
    const byStatus = (await admin.get('/api/users?status=disabled&pageSize=100')).json<UserPage>();
    expect(byStatus.items.map((u) => u.id)).toContain(disabled.id);
    expect(byStatus.items.every((u) => u.status === 'disabled')).toBe(true);
  });

  it('requires the user-list permission', async () => {
    const clerk = await t.ready('jiguan1');
    const response = await clerk.get('/api/users');
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>().code).toBe('FORBIDDEN');
  });
});

describe('creating users', () => {
  it('creates a user who must change the password at first login', async () => {
    const username = uniqueName('new.user_');
    const created = await createUser(admin, { username, displayName: '新同志' });
    expect(created).toMatchObject({
      username,
      displayName: '新同志',
      unitId: unit('jiguan1'),
      unitName: '集团机关第一党支部',
      roleIds: [role('clerk')],
      roleNames: ['台账专员'],
      status: 'active',
      mustChangePassword: true,
      lockedUntil: null,
      lastLoginAt: null,
      version: 1,
    });
    const agent = await t.login(username, INITIAL_PASSWORD);
    const blocked = await agent.get('/api/people');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<ErrorBody>().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('rejects unknown fields with a Chinese message', async () => {
    const response = await admin.post('/api/users', {
      username: uniqueName('extra'),
      displayName: '张三',
      unitId: unit('jiguan1'),
      roleIds: [role('clerk')],
      password: INITIAL_PASSWORD,
      isAdmin: true,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(body.details?.map((d) => d.path)).toEqual(['isAdmin']);
    expect(body.details?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each([
    ['ab', '用户名至少 3 个字符'],
    ['张三丰', '用户名只能包含字母、数字、下划线、点和连字符'],
    ['bad name', '用户名只能包含字母、数字、下划线、点和连字符'],
    ['x'.repeat(33), '用户名不能超过 32 个字符'],
  ])('rejects the username %j', async (username, message) => {
    const response = await admin.post('/api/users', {
      username,
      displayName: '张三',
      unitId: unit('jiguan1'),
      roleIds: [role('clerk')],
      password: INITIAL_PASSWORD,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().details).toContainEqual({ path: 'username', message });
  });

  it.each(['Sh0rt!', 'alllowercase1', 'NoDigitsOrSymbols'])(
    'rejects the weak password %j',
    async (password) => {
      const username = uniqueName('weak');
      const response = await admin.post('/api/users', {
        username,
        displayName: '张三',
        unitId: unit('jiguan1'),
        roleIds: [role('clerk')],
        password,
      });
      expect(response.statusCode).toBe(400);
      const body = response.json<ErrorBody>();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.message).toContain('密码至少 8 位');
      expect(body.details?.[0]?.path).toBe('password');
      const list = (await admin.get(`/api/users?keyword=${username}`)).json<UserPage>();
      expect(list.total).toBe(0);
    },
  );

  it('rejects a duplicate username with 409 but frees the name once the user is deleted', async () => {
    const username = uniqueName('dup');
    const first = await createUser(admin, { username });
    const again = await admin.post('/api/users', {
      username,
      displayName: '重名',
      unitId: unit('jiguan1'),
      roleIds: [role('clerk')],
      password: INITIAL_PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>()).toMatchObject({ code: 'CONFLICT', message: '用户名已存在' });

    expect((await admin.delete(`/api/users/${first.id}`)).statusCode).toBe(204);
    const reused = await createUser(admin, { username });
    expect(reused.id).not.toBe(first.id);
  });

  it('rejects roles that do not exist', async () => {
    const response = await admin.post('/api/users', {
      username: uniqueName('norole'),
      displayName: '张三',
      unitId: unit('jiguan1'),
      roleIds: [999_999],
      password: INITIAL_PASSWORD,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().details).toContainEqual({
      path: 'roleIds',
      message: '所选角色不存在',
    });
  });
});

describe('editing users', () => {
  it('updates with the current version and refuses a stale one with 409', async () => {
    const user = await createUser(admin);
    const updated = await admin.patch(`/api/users/${user.id}`, {
      version: user.version,
      displayName: '改名后',
      unitId: unit('keyunzhan'),
      roleIds: [role('leader')],
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json<UserDto>()).toMatchObject({
      displayName: '改名后',
      unitId: unit('keyunzhan'),
      roleIds: [role('leader')],
      roleNames: ['单位领导'],
      version: user.version + 1,
    });

    const stale = await admin.patch(`/api/users/${user.id}`, {
      version: user.version,
      displayName: '过期修改',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>()).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: '数据已被他人修改，请刷新后重试',
    });
    expect((await admin.get(`/api/users/${user.id}`)).json<UserDto>().displayName).toBe('改名后');
  });

  it('ends the sessions of a user who is disabled', async () => {
    const user = await createUser(admin);
    const agent = await signIn(user.username);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);

    const current = (await admin.get(`/api/users/${user.id}`)).json<UserDto>();
    const disabled = await admin.patch(`/api/users/${user.id}`, {
      version: current.version,
      status: 'disabled',
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json<UserDto>().status).toBe('disabled');

    // Checked before the next request, which would also drop the session of a disabled user.
    expect(await sessionCount(user.id)).toBe(0);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('does not let an actor disable or delete itself', async () => {
    const me = (await admin.get('/api/users?keyword=admin'))
      .json<UserPage>()
      .items.find((u) => u.username === 'admin');
    if (!me) throw new Error('admin missing');
    const disable = await admin.patch(`/api/users/${me.id}`, {
      version: me.version,
      status: 'disabled',
    });
    expect(disable.statusCode).toBe(409);
    expect(disable.json<ErrorBody>().message).toBe('不能停用自己的账号');
    const remove = await admin.delete(`/api/users/${me.id}`);
    expect(remove.statusCode).toBe(409);
    expect(remove.json<ErrorBody>().message).toBe('不能删除自己的账号');
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('rejects unknown fields and a missing version', async () => {
    const user = await createUser(admin);
    const extra = await admin.patch(`/api/users/${user.id}`, {
      version: user.version,
      passwordHash: 'x',
    });
    expect(extra.statusCode).toBe(400);
    const noVersion = await admin.patch(`/api/users/${user.id}`, { displayName: '无版本' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json<ErrorBody>().details).toContainEqual({
      path: 'version',
      message: '缺少版本号（version）',
    });
  });
});

describe('deleting users and resetting passwords', () => {
  it('soft-deletes a user, ends their sessions and hides them from reads', async () => {
    const user = await createUser(admin);
    const agent = await signIn(user.username);
    expect(await sessionCount(user.id)).toBe(1);
    expect((await admin.delete(`/api/users/${user.id}`)).statusCode).toBe(204);
    expect(await sessionCount(user.id)).toBe(0);

    expect((await admin.get(`/api/users/${user.id}`)).statusCode).toBe(404);
    const list = (await admin.get(`/api/users?keyword=${user.username}`)).json<UserPage>();
    expect(list.total).toBe(0);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    const row = await t.db.kysely
      .selectFrom('users')
      .select('deleted_at')
      .where('id', '=', user.id)
      .executeTakeFirst();
    expect(row?.deleted_at).not.toBeNull();
  });

  it('resets a password: forces a change, lifts the lockout and ends sessions', async () => {
    const user = await createUser(admin);
    const agent = await signIn(user.username);
    const lockedUntil = new Date(t.clock.now().getTime() + 15 * 60_000).toISOString();
    await t.db.kysely
      .updateTable('users')
      .set({ locked_until: lockedUntil, failed_attempts: 3 })
      .where('id', '=', user.id)
      .execute();

    const weak = await admin.post(`/api/users/${user.id}/reset-password`, { password: 'weak' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<ErrorBody>().message).toContain('密码至少 8 位');

    const reset = await admin.post(`/api/users/${user.id}/reset-password`, {
      password: 'Reset#Pass2026',
    });
    expect(reset.statusCode).toBe(204);
    const after = (await admin.get(`/api/users/${user.id}`)).json<UserDto>();
    expect(after).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);

    const relogin = await t.login(user.username, 'Reset#Pass2026');
    expect(
      (await relogin.get('/api/auth/me')).json<{ mustChangePassword: boolean }>()
        .mustChangePassword,
    ).toBe(true);
  });
});

describe('data scope of a 党支部 administrator', () => {
  let branchAdmin: TestAgent;
  let outsider: UserDto;
  let insider: UserDto;

  beforeAll(async () => {
    const account = await createUser(admin, {
      username: uniqueName('branchadmin'),
      displayName: '支部管理员',
      unitId: unit('jiguan1'),
      roleIds: [role('unit_admin')],
    });
    branchAdmin = await signIn(account.username);
    outsider = await createUser(admin, { unitId: unit('keyunzhan') });
    insider = await createUser(admin, { unitId: unit('jiguan1') });
  });

  it('lists only users of its own unit', async () => {
    const page = (await branchAdmin.get('/api/users?pageSize=100')).json<UserPage>();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((u) => u.unitId === unit('jiguan1'))).toBe(true);
    expect(page.items.map((u) => u.id)).toContain(insider.id);
    expect(page.items.map((u) => u.id)).not.toContain(outsider.id);
    const filtered = (
      await branchAdmin.get(`/api/users?unitId=${unit('keyunzhan')}`)
    ).json<UserPage>();
    expect(filtered.total).toBe(0);
  });

  it('gets 404 when reading, updating, deleting or resetting a user of another unit', async () => {
    const responses = [
      await branchAdmin.get(`/api/users/${outsider.id}`),
      await branchAdmin.patch(`/api/users/${outsider.id}`, {
        version: outsider.version,
        displayName: '越权修改',
      }),
      await branchAdmin.delete(`/api/users/${outsider.id}`),
      await branchAdmin.post(`/api/users/${outsider.id}/reset-password`, {
        password: 'Hijack#2026x',
      }),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(404);
      expect(response.json<ErrorBody>().code).toBe('NOT_FOUND');
    }
    const unchanged = (await admin.get(`/api/users/${outsider.id}`)).json<UserDto>();
    expect(unchanged).toMatchObject({
      displayName: outsider.displayName,
      version: outsider.version,
      mustChangePassword: true,
    });
  });

  it('cannot create a user in, or move a user to, a unit outside its scope', async () => {
    const create = await branchAdmin.post('/api/users', {
      username: uniqueName('elsewhere'),
      displayName: '外单位',
      unitId: unit('keyunzhan'),
      roleIds: [role('clerk')],
      password: INITIAL_PASSWORD,
    });
    expect(create.statusCode).toBe(400);
    expect(create.json<ErrorBody>().details).toContainEqual({
      path: 'unitId',
      message: '所属单位不存在或无权访问',
    });

    const current = (await branchAdmin.get(`/api/users/${insider.id}`)).json<UserDto>();
    const move = await branchAdmin.patch(`/api/users/${insider.id}`, {
      version: current.version,
      unitId: unit('root'),
    });
    expect(move.statusCode).toBe(400);
  });

  it('can assign roles within its own privileges but not a broader one', async () => {
    const created = await branchAdmin.post('/api/users', {
      username: uniqueName('branchclerk'),
      displayName: '支部干事',
      unitId: unit('jiguan1'),
      roleIds: [role('clerk')],
      password: INITIAL_PASSWORD,
    });
    expect(created.statusCode).toBe(201);

    const escalate = await branchAdmin.post('/api/users', {
      username: uniqueName('superuser'),
      displayName: '越权',
      unitId: unit('jiguan1'),
      roleIds: [role('admin')],
      password: INITIAL_PASSWORD,
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json<ErrorBody>().message).toContain('不能分配角色「超级管理员」');

    const current = (await branchAdmin.get(`/api/users/${insider.id}`)).json<UserDto>();
    const promote = await branchAdmin.patch(`/api/users/${insider.id}`, {
      version: current.version,
      roleIds: [role('admin')],
    });
    expect(promote.statusCode).toBe(403);
    expect((await admin.get(`/api/users/${insider.id}`)).json<UserDto>().roleIds).toEqual([
      role('clerk'),
    ]);
  });

  it('cannot take over a more privileged account of its own unit', async () => {
    const superUser = await createUser(admin, {
      unitId: unit('jiguan1'),
      roleIds: [role('admin')],
    });
    const reset = await branchAdmin.post(`/api/users/${superUser.id}/reset-password`, {
      password: 'Hijack#2026x',
    });
    expect(reset.statusCode).toBe(403);
    const demote = await branchAdmin.patch(`/api/users/${superUser.id}`, {
      version: superUser.version,
      roleIds: [role('clerk')],
    });
    expect(demote.statusCode).toBe(403);
    expect((await branchAdmin.delete(`/api/users/${superUser.id}`)).statusCode).toBe(403);
  });

  it('sees dashboard counts limited to its scope', async () => {
    const summary = (await branchAdmin.get('/api/dashboard/summary')).json<{
      units: number;
      people: number;
      users: number;
    }>();
    const all = (await admin.get('/api/dashboard/summary')).json<{
      units: number;
      people: number;
      users: number;
    }>();
    expect(summary.units).toBe(1);
    expect(summary.users).toBe((await branchAdmin.get('/api/users')).json<UserPage>().total);
    expect(all.units).toBeGreaterThan(summary.units);
    expect(all.users).toBeGreaterThan(summary.users);
  });
});

describe('operation log of user writes', () => {
  it('records create, update, reset and delete with before/after and never a password hash', async () => {
    const user = await createUser(admin, { displayName: '留痕用户' });
    const updated = (
      await admin.patch(`/api/users/${user.id}`, {
        version: user.version,
        displayName: '留痕用户二',
      })
    ).json<UserDto>();
    expect(
      (await admin.post(`/api/users/${user.id}/reset-password`, { password: 'Reset#Pass2026' }))
        .statusCode,
    ).toBe(204);
    expect((await admin.delete(`/api/users/${user.id}`)).statusCode).toBe(204);

    const logs = await operationLogs(user.id);
    expect(logs.map((l) => l.action).sort()).toEqual([
      'create',
      'delete',
      'reset-password',
      'update',
    ]);
    const byAction = new Map(logs.map((l) => [l.action, l]));
    expect(byAction.get('create')?.after).toMatchObject({
      id: user.id,
      username: user.username,
      displayName: '留痕用户',
    });
    expect(byAction.get('update')?.before).toMatchObject({
      displayName: '留痕用户',
      version: user.version,
    });
    expect(byAction.get('update')?.after).toMatchObject({
      displayName: '留痕用户二',
      version: updated.version,
    });
    expect(byAction.get('delete')?.before).toMatchObject({ id: user.id, username: user.username });
    expect(byAction.get('update')?.summary).toBe(`修改用户「${user.username}」`);

    const raw = await t.db.kysely
      .selectFrom('operation_logs')
      .select(['before_json', 'after_json'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', String(user.id))
      .execute();
    const text = JSON.stringify(raw);
    expect(text).not.toMatch(/argon2|password_?hash|passwordHash/i);
    expect(text).not.toContain('Reset#Pass2026');
    expect(text).not.toContain(INITIAL_PASSWORD);
  });

  it('writes nothing when a write is refused', async () => {
    const user = await createUser(admin);
    const before = await operationLogs(user.id);
    await admin.patch(`/api/users/${user.id}`, {
      version: user.version + 5,
      displayName: '不会生效',
    });
    expect(await operationLogs(user.id)).toHaveLength(before.length);
  });
});
