import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import { postForm } from './proofread.test-kit';

const TSV = [
  '词条\t类别\t级别\t建议\t备注',
  '最最重要\t禁用\t\t最重要\t语病',
  '搞活动\tdiscouraged\t警告\t开展活动\t',
  '党建工作\t推荐\tinfo\t\t推荐用语',
].join('\n');

type Json = Record<string, unknown>;

async function createList(agent: TestAgent, name: string, unitId?: number): Promise<Json> {
  const response = await agent.post('/api/proofread/term-lists', {
    name,
    ...(unitId ? { unitId } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

function upload(agent: TestAgent, listId: unknown, name: string, data: string | Buffer) {
  return postForm(
    agent,
    `/api/proofread/term-lists/${String(listId)}/versions`,
    {},
    { name, data },
  );
}

async function xlsxRows(payload: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= 5; c++) cells.push(row.getCell(c).text);
    rows.push(cells);
  });
  return rows;
}

describe('term lists API', () => {
  let t: TestApp;
  let clerk: TestAgent;
  let otherClerk: TestAgent;
  beforeAll(async () => {
    t = await createTestApp();
    clerk = await t.ready('jiguan1');
    otherClerk = await t.ready('keyunzhan');
  });
  afterAll(async () => t.close());

  it('round-trips a TSV with Chinese labels through upload, entries, export and an .xlsx re-upload', async () => {
    const list = await createList(clerk, '支部常用词表');
    expect(list).toMatchObject({
      unitName: '集团机关第一党支部',
      currentVersionNumber: null,
      entryCount: 0,
    });
    const uploaded = await upload(clerk, list.id, '词表.tsv', TSV);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({
      number: 1,
      entryCount: 3,
      current: true,
      source: '词表.tsv',
    });

    const entries = (await clerk.get(`/api/proofread/term-lists/${list.id}/entries`)).json();
    expect(entries.total).toBe(3);
    expect(entries.items[0]).toEqual({
      row: 2,
      term: '最最重要',
      category: 'forbidden',
      severity: null,
      suggestion: '最重要',
      note: '语病',
    });
    expect(entries.items[1]).toMatchObject({ category: 'discouraged', severity: 'warning' });

    const exported = await clerk.get(`/api/proofread/term-lists/${list.id}/export`);
    expect(exported.statusCode).toBe(200);
    const rows = await xlsxRows(exported.rawPayload);
    expect(rows[0]).toEqual(['词条', '类别', '级别', '建议', '备注']);
    expect(rows[1]).toEqual(['最最重要', '禁用', '', '最重要', '语病']);

    const again = await upload(clerk, list.id, '导出.xlsx', exported.rawPayload);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ number: 2, entryCount: 3 });
    const second = (await clerk.get(`/api/proofread/term-lists/${list.id}/entries`)).json();
    expect(
      second.items.map((e: Json) => [e.term, e.category, e.severity, e.suggestion, e.note]),
    ).toEqual(
      entries.items.map((e: Json) => [e.term, e.category, e.severity, e.suggestion, e.note]),
    );
  });

  it('flags a forbidden term of the unit’s list in checks, with its suggestion', async () => {
    const list = await createList(clerk, '检查用词表');
    await upload(clerk, list.id, 'terms.tsv', '党的十八大以来最最重要\t禁用\terror\t最重要\n');
    const response = await clerk.post('/api/proofread/check', {
      text: '这是最最重要的工作。',
      termListIds: [list.id],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.termLists).toEqual([{ id: list.id, name: '检查用词表', versionNumber: 1 }]);
    expect(body.findings.filter((f: Json) => f.category === 'terminology')).toHaveLength(0);
    await upload(clerk, list.id, 'terms.tsv', '最最重要\t禁用\terror\t最重要\n');
    const after = (
      await clerk.post('/api/proofread/check', {
        text: '这是最最重要的工作。',
        termListIds: [list.id],
      })
    ).json();
    const hit = after.findings.find((f: Json) => f.category === 'terminology');
    expect(hit).toMatchObject({
      excerpt: '最最重要',
      severity: 'error',
      suggestion: '最重要',
      line: 1,
      column: 3,
    });
  });

  it('rejects a file with bad rows as a whole, listing each row in Chinese, and writes nothing', async () => {
    const list = await createList(clerk, '出错词表');
    const before = await t.db.kysely
      .selectFrom('term_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = [
      '词条\t类别\t级别\t建议\t备注',
      '正确词条\t禁用\t\t\t',
      '\t禁用\t\t\t',
      '某词\t乱写\t\t\t',
      '正确词条\t慎用\t\t\t',
      '另一词\t推荐\t严重\t\t',
    ].join('\n');
    const response = await upload(clerk, list.id, 'bad.tsv', bad);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('未导入任何词条');
    expect(body.details.map((d: Json) => d.message)).toEqual([
      '第3行：词条为空',
      expect.stringMatching(/^第4行：未知类别“乱写”/),
      '第5行：词条“正确词条”与第2行重复',
      expect.stringMatching(/^第6行：未知级别“严重”/),
    ]);
    const after = await t.db.kysely
      .selectFrom('term_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const versions = (await clerk.get(`/api/proofread/term-lists/${list.id}/versions`)).json();
    expect(versions.items).toEqual([]);
    const broken = await upload(
      clerk,
      list.id,
      'broken.xlsx',
      Buffer.from('PK\u0003\u0004garbage'),
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toContain('Excel');
    const wrongType = await upload(clerk, list.id, 'terms.csv', 'a,b');
    expect(wrongType.statusCode).toBe(415);
    const empty = await upload(clerk, list.id, 'empty.tsv', '词条\t类别\n');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('没有词条');
  });

  it('keeps every version, lists them newest first, and rolls back by copying forward', async () => {
    const list = await createList(clerk, '版本词表');
    const v1 = (await upload(clerk, list.id, 'v1.tsv', '旧提法\t禁用\t\t新提法\n')).json();
    await upload(clerk, list.id, 'v2.tsv', '另一提法\t慎用\n');
    const check = async () =>
      (await clerk.post('/api/proofread/check', { text: '坚持旧提法。', termListIds: [list.id] }))
        .json()
        .findings.filter((f: Json) => f.category === 'terminology');
    expect(await check()).toHaveLength(0);

    const rolled = await clerk.post(
      `/api/proofread/term-lists/${list.id}/versions/${v1.id}/rollback`,
    );
    expect(rolled.statusCode, rolled.body).toBe(201);
    expect(rolled.json()).toMatchObject({
      number: 3,
      copiedFromNumber: 1,
      entryCount: 1,
      current: true,
    });
    expect(await check()).toHaveLength(1);

    const versions = (await clerk.get(`/api/proofread/term-lists/${list.id}/versions`)).json()
      .items;
    expect(versions.map((v: Json) => [v.number, v.current, v.createdBy])).toEqual([
      [3, true, '陆嘉宁'],
      [2, false, '陆嘉宁'],
      [1, false, '陆嘉宁'],
    ]);
    const old = (
      await clerk.get(`/api/proofread/term-lists/${list.id}/entries?versionId=${versions[1].id}`)
    ).json();
    expect(old.items[0].term).toBe('另一提法');
    const again = await clerk.post(
      `/api/proofread/term-lists/${list.id}/versions/${versions[0].id}/rollback`,
    );
    expect(again.statusCode).toBe(409);
    const log = await t.db.kysely
      .selectFrom('operation_logs')
      .select('summary')
      .where('entity', '=', 'term_list')
      .where('entity_id', '=', String(list.id))
      .orderBy('id')
      .execute();
    expect(log.map((l) => l.summary)).toEqual([
      '新建词表「版本词表」（集团机关第一党支部）',
      '上传词表「版本词表」（v1.tsv，1 条）',
      '上传词表「版本词表」（v2.tsv，1 条）',
      '回滚词表「版本词表」至第 1 版',
    ]);
  });

  it('renames with optimistic locking, refuses duplicate names, and deletes', async () => {
    const list = await createList(clerk, '改名词表');
    await createList(clerk, '已有词表');
    const dup = await clerk.patch(`/api/proofread/term-lists/${list.id}`, {
      name: '已有词表',
      version: list.version,
    });
    expect(dup.statusCode).toBe(409);
    const renamed = await clerk.patch(`/api/proofread/term-lists/${list.id}`, {
      name: '新名称',
      version: list.version,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('新名称');
    const stale = await clerk.patch(`/api/proofread/term-lists/${list.id}`, {
      name: '又一名称',
      version: list.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await clerk.delete(`/api/proofread/term-lists/${list.id}`)).statusCode).toBe(204);
    expect((await clerk.get(`/api/proofread/term-lists/${list.id}`)).statusCode).toBe(404);
    expect((await createList(clerk, '新名称')).name).toBe('新名称');
  });

  it('hides another unit’s lists: 404 on read, upload, export and when used in a check', async () => {
    const list = await createList(clerk, '机关专用词表');
    await upload(clerk, list.id, 't.tsv', '内部词\t禁用\n');
    const mine = (await otherClerk.get('/api/proofread/term-lists')).json().items;
    expect(mine.some((l: Json) => l.id === list.id)).toBe(false);
    expect((await otherClerk.get(`/api/proofread/term-lists/${list.id}`)).statusCode).toBe(404);
    expect((await upload(otherClerk, list.id, 't.tsv', '词\t禁用\n')).statusCode).toBe(404);
    expect((await otherClerk.get(`/api/proofread/term-lists/${list.id}/export`)).statusCode).toBe(
      404,
    );
    expect((await otherClerk.get(`/api/proofread/term-lists/${list.id}/versions`)).statusCode).toBe(
      404,
    );
    const used = await otherClerk.post('/api/proofread/check', {
      text: '内部词',
      termListIds: [list.id],
    });
    expect(used.statusCode).toBe(404);
    expect(used.json().message).toContain('词表不存在或无权访问');
    const otherUnit = await otherClerk.post('/api/proofread/term-lists', {
      name: '越权词表',
      unitId: list.unitId,
    });
    expect(otherUnit.statusCode).toBe(400);
    // The superior unit's administrator sees lists of units below.
    const admin = await t.ready('xuanchuan');
    expect((await admin.get(`/api/proofread/term-lists/${list.id}`)).statusCode).toBe(200);
  });

  it('offers the template as .xlsx and .tsv, and the .tsv uploads as it is', async () => {
    const xlsx = await clerk.get('/api/proofread/term-template');
    expect(xlsx.statusCode).toBe(200);
    expect((await xlsxRows(xlsx.rawPayload))[0]).toEqual(['词条', '类别', '级别', '建议', '备注']);
    const tsv = await clerk.get('/api/proofread/term-template?format=tsv');
    const list = await createList(clerk, '模板词表');
    const response = await upload(clerk, list.id, '词表模板.tsv', tsv.rawPayload);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().entryCount).toBe(3);
  });

  it('imports 100,000 rows in one upload and uses them in a check', async () => {
    const list = await createList(clerk, '十万词表');
    const lines = ['词条\t类别\t级别\t建议\t备注'];
    for (let i = 0; i < 100_000; i++) {
      lines.push(
        `测试词${i.toString(36)}号\t${i % 3 === 0 ? '禁用' : i % 3 === 1 ? '慎用' : '推荐'}\t\t建议${i}\t`,
      );
    }
    const response = await upload(clerk, list.id, 'big.tsv', lines.join('\n'));
    expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
    expect(response.json().entryCount).toBe(100_000);
    const check = await clerk.post('/api/proofread/check', {
      text: `本次发现测试词${(99_999).toString(36)}号。`,
      termListIds: [list.id],
    });
    const hit = check.json().findings.find((f: Json) => f.category === 'terminology');
    expect(hit).toMatchObject({ excerpt: `测试词${(99_999).toString(36)}号` });
  });
});
