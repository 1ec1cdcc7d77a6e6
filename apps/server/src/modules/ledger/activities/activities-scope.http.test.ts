import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-db';
import type { TestAgent } from '../../../../test/helpers/test-agent';
import { DEMO_PASSWORD } from '../../../demo/demo-organization';
import { createLedgerTestApp, postRaw, unitIdByName, upload } from '../test/ledger-test-kit';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe(`ledger data scope on ${testDialect()}`, () => {
  let t: Awaited<ReturnType<typeof createLedgerTestApp>>;
  let admin: TestAgent;
  let clerk: TestAgent;
  let leader: TestAgent;
  let other: {
    activity: number;
    evidence: number;
    channel: number;
    incident: number;
    unit: number;
  };
  let own: number;
  beforeAll(async () => {
    t = await createLedgerTestApp();
    admin = await t.ready('admin');
    clerk = await t.ready('jiguan1'); // clerk of 集团机关第一党支部, scope 本单位
    leader = await t.ready('keyun'); // leader of 客运分公司党总支, scope 本单位及下级
    const unit = await unitIdByName(t, '青川客运中心站党支部');
    const activity = (
      await admin.post('/api/activities', {
        unitId: unit,
        type: 'event',
        subtype: '主题党日',
        date: '2024-05-20',
        title: '客运站主题党日',
      })
    ).json().id as number;
    const evidence = (
      await upload(t, admin, `/api/activities/${activity}/evidence`, {
        name: '签到表.png',
        bytes: PNG,
      })
    ).json().id as number;
    const channel = (
      await admin.post('/api/channels', {
        unitId: unit,
        name: '客运站宣传栏',
        platform: '宣传栏',
        status: 'active',
      })
    ).json().id as number;
    const incident = (
      await admin.post('/api/incidents', {
        unitId: unit,
        found: '2024-04-02',
        source: '本地论坛',
        summary: '反映候车厅空调故障',
        severity: '一般',
        status: 'open',
      })
    ).json().id as number;
    other = { activity, evidence, channel, incident, unit };
    const mine = await clerk.post('/api/activities', {
      unitId: await unitIdByName(t, '集团机关第一党支部'),
      type: 'study',
      subtype: '党课',
      date: '2024-05-21',
      title: '支部书记讲党课',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    own = mine.json().id as number;
  });
  afterAll(async () => t.close());

  it('a 党支部 clerk cannot list, read, update, delete or restore another unit’s records (404)', async () => {
    const list = (await clerk.get('/api/activities?pageSize=100')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([own]);
    expect((await clerk.get(`/api/activities?unitId=${other.unit}`)).statusCode).toBe(404);
    expect((await clerk.get('/api/activities?q=主题党日')).json().total).toBe(0);
    expect((await clerk.get(`/api/activities/${other.activity}`)).statusCode).toBe(404);
    expect((await clerk.get(`/api/activities/${other.activity}/history`)).statusCode).toBe(404);
    expect(
      (await clerk.patch(`/api/activities/${other.activity}`, { version: 1, title: '篡改' }))
        .statusCode,
    ).toBe(404);
    await admin.delete(`/api/activities/${own}`);
    await admin.post(`/api/activities/${own}/restore`);
    // the clerk may not remove at all (no permission), and cannot restore what it cannot see
    expect((await clerk.delete(`/api/activities/${other.activity}`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/activities/${other.activity}`)).statusCode).toBe(204);
    const unitAdmin = await t.ready('xuanchuan');
    expect((await leader.post(`/api/activities/${other.activity}/restore`)).statusCode).toBe(403);
    expect((await unitAdmin.post(`/api/activities/${other.activity}/restore`)).statusCode).toBe(
      200,
    );
    expect((await clerk.get(`/api/activities/${other.activity}`)).statusCode).toBe(404);
  });

  it('a 支部 administrator with every ledger permission still gets 404 outside its unit, even to delete or restore', async () => {
    const codes = ['list', 'add', 'edit', 'remove', 'import', 'export'].map(
      (a) => `ledger:record:${a}`,
    );
    const role = await admin.post('/api/roles', {
      name: '支部台账管理员',
      code: 'branch_ledger',
      dataScope: 'unit',
      permissions: codes,
    });
    expect(role.statusCode, role.body).toBe(201);
    const user = await admin.post('/api/users', {
      username: 'zhibu_admin',
      displayName: '陆嘉宁',
      unitId: await unitIdByName(t, '集团机关第一党支部'),
      roleIds: [role.json().id],
      password: DEMO_PASSWORD,
    });
    expect(user.statusCode, user.body).toBe(201);
    const branch = await t.ready('zhibu_admin');
    expect((await branch.delete(`/api/activities/${other.activity}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/activities/${other.activity}`)).statusCode).toBe(204);
    expect((await branch.post(`/api/activities/${other.activity}/restore`)).statusCode).toBe(404);
    expect((await branch.get('/api/activities?deleted=only')).json().total).toBe(0);
    expect((await admin.post(`/api/activities/${other.activity}/restore`)).statusCode).toBe(200);
    expect((await branch.delete(`/api/activities/${own}`)).statusCode).toBe(204);
    expect((await branch.post(`/api/activities/${own}/restore`)).statusCode).toBe(200);
  });

  it('a clerk cannot create records for another unit, nor move its own record there', async () => {
    const create = await clerk.post('/api/activities', {
      unitId: other.unit,
      type: 'event',
      subtype: '主题党日',
      date: '2024-05-22',
      title: '越权登记',
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().message).toContain('无权在该单位登记台账');
    const version = (await clerk.get(`/api/activities/${own}`)).json().version as number;
    const move = await clerk.patch(`/api/activities/${own}`, { version, unitId: other.unit });
    expect(move.statusCode).toBe(400);
    expect((await admin.get(`/api/activities?unitId=${other.unit}`)).json().total).toBe(1);
  });

  it('a clerk cannot upload to, download or delete another unit’s evidence', async () => {
    expect(
      (
        await upload(t, clerk, `/api/activities/${other.activity}/evidence`, {
          name: 'x.png',
          bytes: PNG,
        })
      ).statusCode,
    ).toBe(404);
    expect((await clerk.get(`/api/evidence/${other.evidence}`)).statusCode).toBe(404);
    expect((await clerk.delete(`/api/evidence/${other.evidence}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/evidence/${other.evidence}`)).statusCode).toBe(200);
  });

  it('channels and incidents of another unit are invisible and untouchable', async () => {
    expect((await clerk.get('/api/channels')).json().total).toBe(0);
    expect((await clerk.get(`/api/channels/${other.channel}`)).statusCode).toBe(404);
    expect(
      (await clerk.patch(`/api/channels/${other.channel}`, { version: 1, name: '篡改' }))
        .statusCode,
    ).toBe(404);
    expect((await clerk.get('/api/incidents')).json().total).toBe(0);
    expect((await clerk.get(`/api/incidents/${other.incident}`)).statusCode).toBe(404);
    expect(
      (await clerk.patch(`/api/incidents/${other.incident}`, { version: 1, source: '篡改' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await clerk.post('/api/channels', {
          unitId: other.unit,
          name: '越权阵地',
          platform: '网站',
          status: 'active',
        })
      ).statusCode,
    ).toBe(400);
    expect((await leader.get('/api/channels')).json().total).toBe(1);
    expect((await leader.get('/api/incidents')).json().total).toBe(1);
  });

  it('exports only what the actor may see, and refuses imports into other units', async () => {
    const jsonl = (await clerk.get('/api/ledger/export')).body;
    expect(jsonl).toContain('支部书记讲党课');
    expect(jsonl).not.toContain('客运站主题党日');
    expect((await clerk.get(`/api/ledger/export?unitId=${other.unit}`)).statusCode).toBe(404);
    const file = [
      '{"format":"taizhang-ledger","version":1}',
      '{"kind":"activity","id":"x1","unit":"青川客运中心站党支部","type":"event","subtype":"主题党日","date":"2024-06-01","title":"越权导入"}',
    ].join('\n');
    const response = await postRaw(t, clerk, '/api/ledger/import', file);
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0].message).toContain(
      '无权在单位「青川客运中心站党支部」导入数据',
    );
    const xlsx = await clerk.get(`/api/activities/export.xlsx?unitId=${other.unit}`);
    expect(xlsx.statusCode).toBe(404);
  });

  it('a leader can read but not write', async () => {
    expect((await leader.get(`/api/activities/${other.activity}`)).statusCode).toBe(200);
    expect(
      (
        await leader.post('/api/activities', {
          unitId: other.unit,
          type: 'event',
          subtype: '主题党日',
          date: '2024-05-22',
          title: '领导登记',
        })
      ).statusCode,
    ).toBe(403);
    expect((await leader.get('/api/ledger/export')).statusCode).toBe(200);
  });
});
