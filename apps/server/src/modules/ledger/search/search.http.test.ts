import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-db';
import type { TestAgent } from '../../../../test/helpers/test-agent';
import { DEMO_ROOT_UNIT } from '../../../demo/demo-organization';
import { createLedgerTestApp, unitIdByName } from '../test/ledger-test-kit';

describe(`Chinese full-text search on ${testDialect()}`, () => {
  let t: Awaited<ReturnType<typeof createLedgerTestApp>>;
  let admin: TestAgent;
  const titles = async (q: string) =>
    (
      (await admin.get(`/api/activities?q=${encodeURIComponent(q)}&pageSize=100`)).json().items as {
        title: string;
      }[]
    )
      .map((i) => i.title)
      .sort();

  beforeAll(async () => {
    t = await createLedgerTestApp();
    admin = await t.ready('admin');
    const unitId = await unitIdByName(t, DEMO_ROOT_UNIT);
    const records = [
      { type: 'study', subtype: '党课', title: '书记讲党课', summary: '结合岗位实际讲授。' },
      {
        type: 'study',
        subtype: '集中学习',
        title: '支部集中学习',
        summary: '学习党的课程体系建设有关文件。',
      },
      { type: 'meeting', subtype: '形势研判', title: '二季度意识形态形势研判会', summary: '' },
      {
        type: 'meeting',
        subtype: '专题研究',
        title: '党委会专题研究',
        summary: '',
        topics: ['网络舆情研判机制'],
      },
      {
        type: 'publicity',
        subtype: '新媒体发布',
        title: 'WeChat 公众号推送',
        summary: '',
        outlet: '青川交通',
      },
    ];
    for (const [i, r] of records.entries()) {
      const res = await admin.post('/api/activities', { unitId, date: `2024-0${i + 1}-10`, ...r });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('finds two-character terms only where they occur: 党课 is not 党的课程', async () => {
    expect(await titles('党课')).toEqual(['书记讲党课']);
    expect(await titles('研判')).toEqual(['二季度意识形态形势研判会', '党委会专题研究']);
    expect(await titles('课程')).toEqual(['支部集中学习']);
  });

  it('searches titles, summaries and topics, ANDs several words, and ignores case in Latin', async () => {
    expect(await titles('岗位实际')).toEqual(['书记讲党课']);
    expect(await titles('舆情研判')).toEqual(['党委会专题研究']);
    expect(await titles('形势 研判会')).toEqual(['二季度意识形态形势研判会']);
    expect(await titles('wechat')).toEqual(['WeChat 公众号推送']);
    expect(await titles('研判 党课')).toEqual([]);
  });

  it('keeps the index in step with edits and handles odd input safely', async () => {
    const list = (await admin.get('/api/activities?q=课程')).json();
    const record = list.items[0];
    await admin.patch(`/api/activities/${record.id}`, {
      version: record.version,
      summary: '学习有关文件。',
      title: '支部专题课',
    });
    expect(await titles('课程')).toEqual([]);
    expect(await titles('专题课')).toEqual(['支部专题课']);
    expect(await titles('"\' OR 1=1 --')).toEqual([]);
    expect(await titles('！！')).toEqual([]);
    expect(await titles('党')).toContain('党委会专题研究');
  });
});
