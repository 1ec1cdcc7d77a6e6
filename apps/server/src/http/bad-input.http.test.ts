import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers/test-app';
import type { TestApp } from '../../test/helpers/test-app';
import type { TestAgent } from '../../test/helpers/test-agent';

const CHINESE = /[\u4e00-\u9fff]/;

describe('bad input gets a clear Chinese 4xx and changes nothing', () => {
  let t: TestApp;
  let admin: TestAgent;
  let rootId: number;
  let counts: () => Promise<{ units: number; people: number; logs: number }>;

  beforeAll(async () => {
    t = await createTestApp({ config: { bodyLimit: 64 * 1024 } });
    admin = await t.ready('admin');
    rootId = (await admin.get('/api/units/tree')).json()[0].id;
    const count = async (table: 'units' | 'people' | 'operation_logs') =>
      Number(
        (
          await t.db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    counts = async () => ({
      units: await count('units'),
      people: await count('people'),
      logs: await count('operation_logs'),
    });
  });
  afterAll(async () => t.close());

  const expectRejected = async (
    response: { statusCode: number; json(): { code: string; message: string } },
    status: number,
    code: string,
  ) => {
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(body.code).toBe(code);
    expect(body.message).toMatch(CHINESE);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|stack/i);
  };

  it('malformed JSON', async () => {
    const before = await counts();
    await expectRejected(
      await admin.request('POST', '/api/units', { rawBody: '{"parentId": 1, "name": "坏' }),
      400,
      'INVALID_JSON',
    );
    expect(await counts()).toEqual(before);
  });

  it('an oversize body', async () => {
    const before = await counts();
    const response = await admin.post('/api/units', {
      parentId: rootId,
      name: '大',
      type: '党支部',
      remark: '很'.repeat(70 * 1024),
    });
    await expectRejected(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(await counts()).toEqual(before);
  });

  it('unknown fields', async () => {
    const before = await counts();
    const response = await admin.post('/api/units', {
      parentId: rootId,
      name: '未知字段党支部',
      type: '党支部',
      isAdmin: true,
    });
    await expectRejected(response, 400, 'VALIDATION_FAILED');
    expect(await counts()).toEqual(before);
  });

  it('SQL in a name field', async () => {
    const before = await counts();
    const response = await admin.post('/api/units', {
      parentId: rootId,
      name: "x'; DROP TABLE units; --",
      type: '党支部',
    });
    await expectRejected(response, 400, 'VALIDATION_FAILED');
    expect(response.json().message).toContain('单位名称只能包含汉字、字母、数字和常用标点');
    expect(await counts()).toEqual(before);
  });

  it('HTML in name and free-text fields', async () => {
    const before = await counts();
    await expectRejected(
      await admin.post('/api/people', { unitId: rootId, name: '<script>alert(1)</script>' }),
      400,
      'VALIDATION_FAILED',
    );
    const remark = await admin.post('/api/units', {
      parentId: rootId,
      name: '备注测试党支部',
      type: '党支部',
      remark: '<img src=x onerror=alert(1)>',
    });
    await expectRejected(remark, 400, 'VALIDATION_FAILED');
    expect(remark.json().message).toContain('不能包含 HTML 标签');
    expect(await counts()).toEqual(before);
  });

  it('a wrong enum value and a wrong type, with field details', async () => {
    const response = await admin.post('/api/units', {
      parentId: 'one',
      name: '类型错误党支部',
      type: '支部',
    });
    await expectRejected(response, 400, 'VALIDATION_FAILED');
    const paths = (response.json() as unknown as { details: { path: string }[] }).details.map(
      (d) => d.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['parentId', 'type']));
  });

  it('a missing or wrong CSRF token', async () => {
    const before = await counts();
    await expectRejected(
      await admin.request('POST', '/api/units', {
        body: { parentId: rootId, name: '无令牌党支部', type: '党支部' },
        csrf: false,
      }),
      403,
      'CSRF_INVALID',
    );
    await expectRejected(
      await admin.request('DELETE', `/api/units/${rootId}`, {
        csrf: false,
        headers: { 'x-csrf-token': 'not-the-token' },
      }),
      403,
      'CSRF_INVALID',
    );
    expect(await counts()).toEqual(before);
  });

  it('no session, an unknown route and a non-numeric id', async () => {
    await expectRejected(await t.agent().get('/api/units'), 401, 'UNAUTHENTICATED');
    await expectRejected(await admin.get('/api/no-such-thing'), 404, 'NOT_FOUND');
    await expectRejected(await admin.get('/api/units/abc'), 400, 'VALIDATION_FAILED');
  });
});
