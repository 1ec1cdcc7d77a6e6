import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-db';
import type { TestAgent } from '../../../../test/helpers/test-agent';
import { DEMO_ROOT_UNIT } from '../../../demo/demo-organization';
import {
  createLedgerTestApp,
  personIdByName,
  sampleRecords,
  unitIdByName,
} from '../test/ledger-test-kit';

describe(`activity records over HTTP on ${testDialect()}`, () => {
  let t: Awaited<ReturnType<typeof createLedgerTestApp>>;
  let admin: TestAgent;
  let rootId: number;
  let people: { lin: number; zhou: number };
  beforeAll(async () => {
    t = await createLedgerTestApp();
    admin = await t.ready('admin');
    rootId = await unitIdByName(t, DEMO_ROOT_UNIT);
    people = { lin: await personIdByName(t, '林志远'), zhou: await personIdByName(t, '周明慧') };
  });
  afterAll(async () => t.close());

  it('creates and reads back a record of every type with all its fields', async () => {
    for (const record of sampleRecords(rootId, people)) {
      const created = await admin.post('/api/activities', record);
      expect(created.statusCode, created.body).toBe(201);
      const detail = (await admin.get(`/api/activities/${created.json().id}`)).json();
      expect(detail).toMatchObject({
        ...record,
        attendance: expect.any(Array),
        unitName: DEMO_ROOT_UNIT,
        version: 1,
        deletedAt: null,
      });
      if (record.attendance) {
        expect(detail.attendance).toEqual([
          { personId: people.lin, name: '林志远', present: true, reason: null },
          { personId: people.zhou, name: '周明慧', present: false, reason: '公务出差' },
          { personId: null, name: '特邀专家王教授', present: true, reason: null },
        ]);
      }
    }
  });

  it('refuses records that break the type rules, with Chinese messages', async () => {
    const base = { unitId: rootId, date: '2024-03-01', title: '测试' };
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          ...base,
          type: 'study',
          subtype: '中心组学习',
          attendance: [{ name: '张三', present: false }],
        },
        '缺席人员「张三」须填写缺席原因',
      ],
      [{ ...base, type: 'study', subtype: '中心组学习' }, '中心组学习须登记出席情况'],
      [
        {
          ...base,
          type: 'publicity',
          subtype: '稿件',
          outlet: '青川日报',
          link: 'javascript:alert(1)',
        },
        '须为以 http:// 或 https:// 开头的有效网址',
      ],
      [{ ...base, type: 'publicity', subtype: '稿件' }, '须填写发布媒体或平台'],
      [{ ...base, type: 'publicity', subtype: '宣讲' }, '宣讲须填写受众人数'],
      [
        { ...base, type: 'meeting', subtype: '专题研究', speakers: ['张三'] },
        '只有学习类记录可以填写主讲人',
      ],
      [{ ...base, type: 'meeting', subtype: '专题研究', date: '2024-02-30' }, '日期不是有效的日期'],
      [{ ...base, type: 'meeting', subtype: '专题研究', areas: ['后勤保障'] }, '所属领域须为'],
      [
        {
          ...base,
          type: 'meeting',
          subtype: '专题研究',
          participants: 1,
          attendance: [
            { name: '甲', present: true },
            { name: '乙', present: true },
          ],
        },
        '参加人数（1）少于出席名单中的出席人数（2）',
      ],
      [{ ...base, type: 'party', subtype: 'x' }, '记录类型须为'],
      [
        { ...base, type: 'meeting', subtype: '专题研究', title: '<script>x</script>' },
        '不能包含 HTML 标签',
      ],
    ];
    for (const [body, message] of cases) {
      const response = await admin.post('/api/activities', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.json())).toContain(message);
    }
  });

  it('lists with filters: unit subtree, type, subtype, period, area and sorting', async () => {
    const jiguan1 = await unitIdByName(t, '集团机关第一党支部');
    const created = await admin.post('/api/activities', {
      unitId: jiguan1,
      type: 'event',
      subtype: '志愿服务',
      date: '2024-07-05',
      title: '志愿服务进社区',
      areas: ['文明创建'],
    });
    expect(created.statusCode).toBe(201);
    const only = (await admin.get(`/api/activities?unitId=${rootId}`)).json();
    expect(only.items.every((i: { unitId: number }) => i.unitId === rootId)).toBe(true);
    const subtree = (
      await admin.get(`/api/activities?unitId=${rootId}&includeSubunits=true`)
    ).json();
    expect(subtree.total).toBe(only.total + 1);
    expect((await admin.get('/api/activities?type=publicity')).json().total).toBe(2);
    expect(
      (await admin.get('/api/activities?type=publicity&subtype=宣讲')).json().items[0].title,
    ).toBe('党的创新理论进站点宣讲');
    const q2 = (await admin.get('/api/activities?period=2024Q2&sort=date')).json();
    expect(q2.items.map((i: { date: string }) => i.date)).toEqual([
      '2024-04-18',
      '2024-05-09',
      '2024-06-12',
      '2024-06-21',
    ]);
    expect((await admin.get('/api/activities?period=2024H2')).json().total).toBe(1);
    expect((await admin.get('/api/activities?period=2024&from=2024-06-01')).json().total).toBe(3);
    const area = (await admin.get('/api/activities?area=文明创建')).json();
    expect(area.items.map((i: { title: string }) => i.title).sort()).toEqual([
      '七一主题党日活动',
      '志愿服务进社区',
    ]);
    const page = (await admin.get('/api/activities?pageSize=3&page=2&sort=-date')).json();
    expect(page.items).toHaveLength(3);
    expect(page.items[0].date >= page.items[2].date).toBe(true);
    expect((await admin.get('/api/activities?period=2024H3')).statusCode).toBe(400);
  });

  it('updates with the version (optimistic lock): a stale version gets 409 and changes nothing', async () => {
    const record = (
      await admin.post('/api/activities', {
        unitId: rootId,
        type: 'meeting',
        subtype: '专题研究',
        date: '2024-03-05',
        title: '党委会专题研究意识形态工作',
      })
    ).json();
    const updated = await admin.patch(`/api/activities/${record.id}`, {
      version: 1,
      title: '党委会第一次专题研究意识形态工作',
      participants: 11,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      version: 2,
      title: '党委会第一次专题研究意识形态工作',
      participants: 11,
      subtype: '专题研究',
    });
    const stale = await admin.patch(`/api/activities/${record.id}`, {
      version: 1,
      title: '旧版本覆盖',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    const invalid = await admin.patch(`/api/activities/${record.id}`, {
      version: 2,
      type: 'publicity',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toContain('发布媒体或平台');
    expect((await admin.get(`/api/activities/${record.id}`)).json()).toMatchObject({
      version: 2,
      title: '党委会第一次专题研究意识形态工作',
      type: 'meeting',
    });
  });

  it('soft-deletes and restores; the edit history shows every change from the operation log', async () => {
    const record = (
      await admin.post('/api/activities', {
        unitId: rootId,
        type: 'study',
        subtype: '党课',
        date: '2024-06-28',
        title: '书记讲党课',
      })
    ).json();
    await admin.patch(`/api/activities/${record.id}`, { version: 1, summary: '讲授专题党课。' });
    expect((await admin.delete(`/api/activities/${record.id}`)).statusCode).toBe(204);
    const list = (await admin.get('/api/activities?subtype=党课')).json();
    expect(list.items.some((i: { id: number }) => i.id === record.id)).toBe(false);
    const bin = (await admin.get('/api/activities?deleted=only')).json();
    expect(bin.items.map((i: { id: number }) => i.id)).toContain(record.id);
    expect(
      (await admin.patch(`/api/activities/${record.id}`, { version: 3, title: 'x' })).statusCode,
    ).toBe(404);
    const restored = await admin.post(`/api/activities/${record.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, summary: '讲授专题党课。' });
    expect((await admin.post(`/api/activities/${record.id}/restore`)).statusCode).toBe(409);
    const history = (await admin.get(`/api/activities/${record.id}/history`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toEqual([
      'create',
      'update',
      'delete',
      'restore',
    ]);
    expect(history.items[1].changes).toEqual([
      { field: 'summary', before: '', after: '讲授专题党课。' },
    ]);
    expect(history.items[1].username).toBe('admin');
    const stale = await admin.request('DELETE', `/api/activities/${record.id}?version=1`);
    expect(stale.statusCode).toBe(409);
  });

  it('publishes the vocabulary: types with labels and common subtypes, and the areas', async () => {
    const body = (await admin.get('/api/ledger/vocabulary')).json();
    expect(body.types.find((t: { code: string }) => t.code === 'study')).toEqual({
      code: 'study',
      label: '学习',
      subtypes: ['中心组学习', '党课', '专题辅导', '专题研讨', '集中学习'],
    });
    expect(body.areas).toHaveLength(8);
  });

  it('offers aggregate counts for compliance without loading rows', async () => {
    const repo = t.app.services.ledger.repositories.activities;
    const counts = await repo.countByUnitTypeSubtype({
      unitPath: `/${rootId}/`,
      from: '2024-01-01',
      to: '2024-06-30',
    });
    expect(counts.find((c) => c.subtype === '形势研判')).toMatchObject({
      unit_id: rootId,
      type: 'meeting',
      count: 1,
      first_date: '2024-03-28',
    });
    const months = await repo.countByMonthAndType({
      unitIds: [rootId],
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(months.find((m) => m.month === '2024-06' && m.type === 'publicity')?.count).toBe(1);
    const records = await repo.recordsFor({
      unitIds: [rootId],
      from: '2024-01-01',
      to: '2024-12-31',
      subtypes: ['中心组学习'],
    });
    expect(records.map((r) => r.title)).toEqual(['党委理论学习中心组1月集中学习']);
  });
});
