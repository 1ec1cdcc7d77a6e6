import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import type { FrameworkDto, FrameworkSummaryDto, RequirementDto } from './framework.schema';

describe('frameworks: default on first use, copy to a new year, CRUD with optimistic locks', () => {
  let t: TestApp;
  let admin: TestAgent;
  let framework: FrameworkDto;

  const operations = (entity: string) =>
    t.db.kysely
      .selectFrom('operation_logs')
      .select(['action', 'summary'])
      .where('entity', '=', entity)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.ready('admin');
    const response = await admin.get('/api/frameworks/year/2026');
    expect(response.statusCode, response.body).toBe(200);
    framework = response.json<FrameworkDto>();
  });
  afterAll(async () => t.close());

  it('creates the default framework of DESIGN.md once, on first use, and logs it', async () => {
    expect(framework.year).toBe(2026);
    expect(framework.areas.map((a) => a.name)).toEqual([
      '组织领导',
      '理论学习',
      '宣传教育',
      '阵地管理',
      '舆情应对',
      '文明创建',
      '队伍建设',
      '督查考核',
    ]);
    const requirements = framework.areas.flatMap((a) => a.requirements);
    expect(requirements.find((r) => r.code === 'situation-analysis')).toMatchObject({
      cadence: 'quarter',
      minCount: 1,
      tracking: 'activity',
      evidenceTypes: ['meeting'],
      evidenceSubtypes: ['形势研判'],
    });
    expect(requirements.find((r) => r.code === 'central-group-study')).toMatchObject({
      cadence: 'half_year',
      minCount: 3,
      requireAttendance: true,
    });
    expect(requirements.find((r) => r.code === 'self-check-report')).toMatchObject({
      deadlines: ['07-15', '01-15'],
      tracking: 'not_tracked',
    });
    expect((await admin.get('/api/frameworks/year/2026')).json<FrameworkDto>().id).toBe(
      framework.id,
    );
    expect(await operations('framework')).toEqual([
      expect.objectContaining({ action: 'create', summary: '按默认框架自动生成 2026 年框架' }),
    ]);
    const aliases = (await admin.get('/api/frameworks/subtype-aliases')).json<
      { alias: string; canonical: string }[]
    >();
    expect(aliases).toContainEqual(
      expect.objectContaining({ alias: '意识形态形势分析研判会', canonical: '形势研判' }),
    );
  });

  it('copies a framework to a new year with its edits, and refuses a second framework for a year', async () => {
    const created = await admin.post('/api/frameworks', { year: 2027, copyFromId: framework.id });
    expect(created.statusCode, created.body).toBe(201);
    const copy = created.json<FrameworkDto>();
    expect(copy).toMatchObject({
      year: 2027,
      sourceId: framework.id,
      name: framework.name.replace('2026', '2027'),
    });
    expect(copy.areas.flatMap((a) => a.requirements.map((r) => r.code))).toEqual(
      framework.areas.flatMap((a) => a.requirements.map((r) => r.code)),
    );
    expect((await admin.post('/api/frameworks', { year: 2027 })).statusCode).toBe(409);
    const list = (await admin.get('/api/frameworks')).json<FrameworkSummaryDto[]>();
    expect(list.map((f) => f.year)).toEqual([2027, 2026]);
    expect(list[0]?.requirementCount).toBe(copy.areas.flatMap((a) => a.requirements).length);
  });

  it('adds, edits and deletes areas and requirements, refusing stale versions', async () => {
    const area = await admin.post(`/api/frameworks/${framework.id}/areas`, {
      name: '网络安全',
      sortOrder: 9,
    });
    expect(area.statusCode, area.body).toBe(201);
    const areaId = area.json<{ id: number; version: number }>().id;
    expect(
      (await admin.post(`/api/frameworks/${framework.id}/areas`, { name: '网络安全' })).statusCode,
    ).toBe(409);

    const body = {
      areaId,
      code: 'cyber-drill',
      title: '网络安全应急演练',
      cadence: 'half_year',
      minCount: 1,
      tracking: 'activity',
      evidenceTypes: ['training'],
      deadlines: ['06-30', '12-31'],
    };
    const created = await admin.post(`/api/frameworks/${framework.id}/requirements`, body);
    expect(created.statusCode, created.body).toBe(201);
    const requirement = created.json<RequirementDto>();
    expect(requirement).toMatchObject({
      version: 1,
      cadence: 'half_year',
      evidenceTypes: ['training'],
      unitTypes: [],
    });
    expect(
      (await admin.post(`/api/frameworks/${framework.id}/requirements`, body)).statusCode,
    ).toBe(409);

    const updated = await admin.patch(`/api/frameworks/requirements/${requirement.id}`, {
      version: 1,
      minCount: 2,
      unitTypes: ['党委'],
    });
    expect(updated.json<RequirementDto>()).toMatchObject({
      version: 2,
      minCount: 2,
      unitTypes: ['党委'],
    });
    const stale = await admin.patch(`/api/frameworks/requirements/${requirement.id}`, {
      version: 1,
      minCount: 3,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });

    expect((await admin.delete(`/api/frameworks/areas/${areaId}`)).statusCode).toBe(409);
    expect(
      (
        await admin.patch(`/api/frameworks/areas/${areaId}`, { version: 1, name: '网络安全工作' })
      ).json(),
    ).toMatchObject({ name: '网络安全工作', version: 2 });
    expect(
      (await admin.patch(`/api/frameworks/areas/${areaId}`, { version: 1, name: '又改了' }))
        .statusCode,
    ).toBe(409);
    expect((await admin.delete(`/api/frameworks/requirements/${requirement.id}`)).statusCode).toBe(
      204,
    );
    expect((await admin.delete(`/api/frameworks/areas/${areaId}`)).statusCode).toBe(204);
    expect((await operations('framework_requirement')).map((o) => o.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
    expect((await operations('framework_area')).map((o) => o.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
  });

  it('rejects malformed requirements with Chinese messages', async () => {
    const areaId = framework.areas[0]?.id;
    const bad = await admin.post(`/api/frameworks/${framework.id}/requirements`, {
      areaId,
      code: 'x',
      title: '测试',
      cadence: 'month',
      tracking: 'activity',
      deadlines: ['13-40'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/周期须为|截止日期须为/);
    const otherArea = (await admin.get('/api/frameworks/year/2027')).json<FrameworkDto>().areas[0]
      ?.id;
    const foreign = await admin.post(`/api/frameworks/${framework.id}/requirements`, {
      areaId: otherArea,
      code: 'foreign',
      title: '测试',
      cadence: 'year',
      tracking: 'not_tracked',
    });
    expect(foreign.statusCode).toBe(400);
  });

  it('renames a framework with its version and deletes one', async () => {
    const renamed = await admin.patch(`/api/frameworks/${framework.id}`, {
      version: framework.version,
      name: '2026年意识形态工作责任制考核细则',
    });
    expect(renamed.json<FrameworkDto>()).toMatchObject({
      version: framework.version + 1,
      name: '2026年意识形态工作责任制考核细则',
    });
    expect(
      (
        await admin.patch(`/api/frameworks/${framework.id}`, {
          version: framework.version,
          name: '旧版本',
        })
      ).statusCode,
    ).toBe(409);
    const y2027 = (await admin.get('/api/frameworks/year/2027')).json<FrameworkDto>();
    expect((await admin.delete(`/api/frameworks/${y2027.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/frameworks/${y2027.id}`)).statusCode).toBe(404);
  });

  it('lets clerks and leaders read frameworks but not change them; strangers get nothing', async () => {
    for (const username of ['jiguan1', 'keyun']) {
      const agent = await t.ready(username);
      expect((await agent.get(`/api/frameworks/${framework.id}`)).statusCode).toBe(200);
      expect(
        (await agent.post(`/api/frameworks/${framework.id}/areas`, { name: '越权领域' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await agent.patch(`/api/frameworks/${framework.id}`, { version: 1, name: '越权' }))
          .statusCode,
      ).toBe(403);
      expect((await agent.delete(`/api/frameworks/${framework.id}`)).statusCode).toBe(403);
      expect(
        (
          await agent.post('/api/frameworks/subtype-aliases', {
            alias: '越权',
            canonical: '形势研判',
          })
        ).statusCode,
      ).toBe(403);
    }
    const unitAdmin = await t.ready('xuanchuan');
    expect((await unitAdmin.post('/api/frameworks', { year: 2030 })).statusCode).toBe(403);
    expect((await t.agent().get('/api/frameworks')).statusCode).toBe(401);
  });
});
