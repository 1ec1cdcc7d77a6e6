import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, CHANGED_PASSWORD } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import type { LoginLogDto, OperationLogDto } from './logs.schema';

interface ErrorBody {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}
interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

let t: TestApp;
let admin: TestAgent;

async function loginLogs(agent: TestAgent, query: string): Promise<Page<LoginLogDto>> {
  const response = await agent.get(`/api/logs/login?pageSize=100&${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<Page<LoginLogDto>>();
}

async function operationLogs(agent: TestAgent, query: string): Promise<Page<OperationLogDto>> {
  const response = await agent.get(`/api/logs/operations?pageSize=100&${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<Page<OperationLogDto>>();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.ready('admin');
});

afterAll(async () => {
  await t.close();
});

describe('login log', () => {
  it('records successful and failed logins, filterable by username and result', async () => {
    const failed = await t
      .agent()
      .post('/api/auth/login', { username: 'nobody', password: 'Wrong#2026x' });
    expect(failed.statusCode).toBe(401);

    const nobody = await loginLogs(admin, 'username=nobody');
    expect(nobody.total).toBe(1);
    expect(nobody.items[0]).toMatchObject({
      username: 'nobody',
      success: false,
      message: '用户名或密码错误',
    });
    expect(typeof nobody.items[0]?.ip).toBe('string');
    expect(typeof nobody.items[0]?.userAgent).toBe('string');

    const successes = await loginLogs(admin, 'username=admin&success=true');
    expect(successes.total).toBeGreaterThanOrEqual(1);
    expect(successes.items.every((l) => l.success && l.username === 'admin')).toBe(true);

    const failures = await loginLogs(admin, 'success=false');
    expect(failures.items.every((l) => !l.success)).toBe(true);
    expect(failures.items.map((l) => l.username)).toContain('nobody');
  });

  it('pages newest first', async () => {
    const all = await loginLogs(admin, '');
    const first = (await admin.get('/api/logs/login?pageSize=1')).json<Page<LoginLogDto>>();
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 1 });
    expect(first.items[0]?.id).toBe(Math.max(...all.items.map((l) => l.id)));
  });
});

describe('operation log', () => {
  it('shows each write with parsed before/after, filterable by user, action, entity and record', async () => {
    const root = await t.db.kysely
      .selectFrom('units')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    const created = await admin.post('/api/units', {
      parentId: root.id,
      name: '日志测试党支部',
      type: '党支部',
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json<{ id: number; version: number }>();
    await admin.patch(`/api/units/${unit.id}`, {
      version: unit.version,
      name: '日志测试第二党支部',
    });

    const forUnit = await operationLogs(admin, `entity=unit&entityId=${unit.id}`);
    expect(forUnit.items.map((l) => l.action)).toEqual(['update', 'create']);
    const [update, create] = forUnit.items;
    expect(create).toMatchObject({
      username: 'admin',
      entity: 'unit',
      entityId: String(unit.id),
      summary: '新增单位「日志测试党支部」',
      before: null,
      after: { id: unit.id, name: '日志测试党支部' },
    });
    expect(update).toMatchObject({
      before: { name: '日志测试党支部' },
      after: { name: '日志测试第二党支部' },
    });
    expect(typeof create?.userId).toBe('number');

    const creates = await operationLogs(admin, 'action=create&entity=unit&username=admin');
    expect(creates.items.map((l) => l.entityId)).toContain(String(unit.id));
    expect(creates.items.every((l) => l.action === 'create' && l.entity === 'unit')).toBe(true);

    expect((await operationLogs(admin, 'username=someone-else')).total).toBe(0);
  });

  it('includes the system entry written when the demo organization was created', async () => {
    const imports = await operationLogs(admin, 'action=import');
    expect(imports.items).toHaveLength(1);
    expect(imports.items[0]).toMatchObject({
      username: 'system',
      userId: null,
      entity: 'demo',
      entityId: null,
    });
    expect(imports.items[0]?.after).toMatchObject({ units: expect.any(Number) });
  });
});

describe('filters and access', () => {
  it.each([
    ['/api/logs/login?from=2026-3-1', '开始日期须为 YYYY-MM-DD 格式的日期'],
    ['/api/logs/operations?to=2026-02-30', '结束日期不是有效的日期'],
    ['/api/logs/login?success=maybe', '登录结果须为 true 或 false'],
  ])('rejects %s with a Chinese message', async (url, message) => {
    const response = await admin.get(url);
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details?.map((d) => d.message)).toContain(message);
  });

  it('requires the log permissions', async () => {
    const clerk = await t.ready('jiguan1');
    expect((await clerk.get('/api/logs/login')).statusCode).toBe(403);
    expect((await clerk.get('/api/logs/operations')).statusCode).toBe(403);
  });

  // Runs last in the file: it moves the clock, which ends the sessions above.
  it('filters by China Standard Time days, the end day included', async () => {
    const dayOneLogins = await loginLogs(admin, 'username=admin&success=true');
    expect(dayOneLogins.total).toBeGreaterThan(0);

    // 2026-03-02T20:30Z is already 2026-03-03 04:30 in Beijing.
    t.clock.advance(new Date('2026-03-02T20:30:00.000Z').getTime() - t.clock.now().getTime());
    const agent = await t.login('admin', CHANGED_PASSWORD);
    const [lateLogin] = (await loginLogs(agent, 'username=admin&success=true')).items;
    expect(lateLogin?.createdAt).toBe('2026-03-02T20:30:00.000Z');

    const fromDayTwo = await loginLogs(agent, 'username=admin&from=2026-03-03');
    expect(fromDayTwo.items.map((l) => l.id)).toEqual([lateLogin?.id]);

    const toDayOne = await loginLogs(agent, 'username=admin&success=true&to=2026-03-02');
    expect(toDayOne.items.map((l) => l.id)).toEqual(dayOneLogins.items.map((l) => l.id));

    const dayOneOnly = await loginLogs(
      agent,
      'username=admin&success=true&from=2026-03-02&to=2026-03-02',
    );
    expect(dayOneOnly.total).toBe(dayOneLogins.total);

    const dayTwoOps = await operationLogs(agent, 'from=2026-03-03&to=2026-03-03');
    expect(dayTwoOps.total).toBe(0);
    const dayOneOps = await operationLogs(agent, 'from=2026-03-02&to=2026-03-02');
    expect(dayOneOps.total).toBeGreaterThan(0);
  });
});
