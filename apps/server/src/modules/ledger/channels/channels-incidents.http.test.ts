import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-db';
import type { TestAgent } from '../../../../test/helpers/test-agent';
import { DEMO_ROOT_UNIT } from '../../../demo/demo-organization';
import { createLedgerTestApp, personIdByName, unitIdByName } from '../test/ledger-test-kit';

describe(`channels and incidents on ${testDialect()}`, () => {
  let t: Awaited<ReturnType<typeof createLedgerTestApp>>;
  let admin: TestAgent;
  let rootId: number;
  beforeAll(async () => {
    t = await createLedgerTestApp();
    admin = await t.ready('admin');
    rootId = await unitIdByName(t, DEMO_ROOT_UNIT);
  });
  afterAll(async () => t.close());

  it('registers, edits (with version), lists and deletes a channel', async () => {
    const owner = await personIdByName(t, '曹一鸣');
    const created = await admin.post('/api/channels', {
      unitId: rootId,
      name: '青川交通',
      platform: '微信公众号',
      ownerPersonId: owner,
      purpose: '发布集团新闻',
      registered: '2023-04-01',
      status: 'active',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      ownerName: '曹一鸣',
      unitName: DEMO_ROOT_UNIT,
      version: 1,
    });
    const id = created.json().id;
    expect(
      (await admin.patch(`/api/channels/${id}`, { version: 1, status: 'suspended' })).json(),
    ).toMatchObject({ status: 'suspended', version: 2 });
    expect(
      (await admin.patch(`/api/channels/${id}`, { version: 1, status: 'closed' })).statusCode,
    ).toBe(409);
    expect((await admin.get('/api/channels?status=suspended')).json().total).toBe(1);
    expect((await admin.get('/api/channels?keyword=公众号')).json().total).toBe(1);
    expect(
      (
        await admin.post('/api/channels', {
          unitId: rootId,
          name: '网站',
          platform: '网站',
          status: 'deleted',
        })
      ).statusCode,
    ).toBe(400);
    expect((await admin.delete(`/api/channels/${id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/channels/${id}`)).statusCode).toBe(404);
  });

  it('records an incident without any data about authors, and checks the closing rules', async () => {
    const base = {
      unitId: rootId,
      found: '2024-04-02',
      source: '本地论坛',
      summary: '网民反映公交线路调整',
      severity: '一般',
    };
    const open = await admin.post('/api/incidents', { ...base, status: 'open' });
    expect(open.statusCode, open.body).toBe(201);
    expect(Object.keys(open.json())).not.toContain('author');
    expect(
      (await admin.post('/api/incidents', { ...base, status: 'open', author: '某网民' }))
        .statusCode,
    ).toBe(400);
    const noDate = await admin.post('/api/incidents', { ...base, status: 'closed' });
    expect(noDate.json().message).toContain('已办结的舆情须填写办结日期');
    const early = await admin.patch(`/api/incidents/${open.json().id}`, {
      version: 1,
      status: 'closed',
      closed: '2024-04-01',
    });
    expect(early.json().message).toBe('办结日期不能早于发现日期');
    const closed = await admin.patch(`/api/incidents/${open.json().id}`, {
      version: 1,
      status: 'closed',
      closed: '2024-04-03',
      response: '发布情况说明。',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closed: '2024-04-03', version: 2 });
    expect(
      (await admin.post('/api/incidents', { ...base, status: 'open', severity: '特大' })).json()
        .message,
    ).toContain('一般、较大、重大');
    expect(
      (await admin.get('/api/incidents?status=closed&from=2024-04-01&to=2024-04-30')).json().total,
    ).toBe(1);
    expect((await admin.delete(`/api/incidents/${open.json().id}`)).statusCode).toBe(204);
    expect((await admin.get('/api/incidents')).json().total).toBe(0);
  });
});
