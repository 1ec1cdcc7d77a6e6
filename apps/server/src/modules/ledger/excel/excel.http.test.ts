import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-db';
import type { TestAgent } from '../../../../test/helpers/test-agent';
import { DEMO_ROOT_UNIT } from '../../../demo/demo-organization';
import { activityTypes } from '../activities/activity-kinds';
import { minimalDocx } from '../test/sample-files';
import {
  createLedgerTestApp,
  personIdByName,
  sampleRecords,
  unitIdByName,
  upload,
} from '../test/ledger-test-kit';

async function readSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

async function workbookOf(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// A spreadsheet lists those present and those absent in two columns, so compare attendance as a set.
const comparable = (r: Record<string, unknown>) => {
  const {
    id: _id,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    evidence: _e,
    externalId: _x,
    attendance,
    ...rest
  } = r;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return { ...rest, attendance: [...(attendance as { name: string }[])].sort(byName) };
};

describe(`Excel templates, imports and exports on ${testDialect()}`, () => {
  let t: Awaited<ReturnType<typeof createLedgerTestApp>>;
  let admin: TestAgent;
  let rootId: number;
  const xlsxUpload = (agent: TestAgent, bytes: Buffer, query = '') =>
    upload(t, agent, `/api/activities/import/excel${query}`, { name: '台账.xlsx', bytes });
  const activityCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('activities')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createLedgerTestApp({ excelMaxRows: 20 }); // small, so the limit is cheap to test
    admin = await t.ready('admin');
    rootId = await unitIdByName(t, DEMO_ROOT_UNIT);
  });
  afterAll(async () => t.close());

  it('offers a template per record type with Chinese headers, an example row and a subtype list', async () => {
    for (const type of activityTypes) {
      const response = await admin.get(`/api/activities/template?type=${type}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers['content-disposition']).toMatch(/^attachment;/);
      const sheet = await readSheet(response.rawPayload);
      const headers = (sheet.getRow(1).values as unknown[]).filter(Boolean);
      expect(headers.slice(0, 4)).toEqual(['所属单位', '子类型', '日期', '标题']);
      expect(String(sheet.getCell(2, 4).value)).toContain('【示例】');
      expect(sheet.getCell(2, 2).dataValidation).toMatchObject({ type: 'list' });
    }
    const study = await readSheet(
      (await admin.get('/api/activities/template?type=study')).rawPayload,
    );
    expect((study.getRow(1).values as unknown[]).filter(Boolean)).toContain('缺席人员及原因');
    expect(String(study.getCell(2, 2).dataValidation.formulae?.[0])).toContain('中心组学习');
    expect((await admin.get('/api/activities/template?type=party')).statusCode).toBe(400);
  });

  it('imports a filled template (the example row skipped) and every type round-trips through export and re-import', async () => {
    const template = (await admin.get('/api/activities/template?type=study')).rawPayload;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    sheet.addRow([
      DEMO_ROOT_UNIT,
      '中心组学习',
      '2024-02-20',
      '二月中心组学习',
      '学习有关文件',
      6,
      '学习贯彻党的二十大精神；网络意识形态',
      '理论学习',
      '林志远',
      '林志远、周明慧',
      '沈浩然：公务出差；外单位王五（病假）',
    ]);
    const filled = await xlsxUpload(
      admin,
      Buffer.from(await workbook.xlsx.writeBuffer()),
      '?type=study',
    );
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json()).toEqual({ created: 1, skipped: 1 });
    const imported = (await admin.get('/api/activities?q=二月中心组学习')).json().items[0];
    const detail = (await admin.get(`/api/activities/${imported.id}`)).json();
    expect(detail.attendance).toEqual([
      { personId: await personIdByName(t, '林志远'), name: '林志远', present: true, reason: null },
      { personId: await personIdByName(t, '周明慧'), name: '周明慧', present: true, reason: null },
      {
        personId: await personIdByName(t, '沈浩然'),
        name: '沈浩然',
        present: false,
        reason: '公务出差',
      },
      { personId: null, name: '外单位王五', present: false, reason: '病假' },
    ]);
    expect(detail.topics).toEqual(['学习贯彻党的二十大精神', '网络意识形态']);

    const people = {
      lin: await personIdByName(t, '林志远'),
      zhou: await personIdByName(t, '周明慧'),
    };
    const originals = [];
    for (const record of sampleRecords(rootId, people))
      originals.push((await admin.post('/api/activities', record)).json());
    const exported = await admin.get(
      `/api/activities/export.xlsx?unitId=${rootId}&period=2024H1&sort=date`,
    );
    expect(exported.statusCode).toBe(200);
    const exportedSheet = await readSheet(exported.rawPayload);
    expect(exportedSheet.rowCount).toBe(1 + originals.length + 1);
    await admin.delete(`/api/activities/${imported.id}`);
    for (const o of originals) await admin.delete(`/api/activities/${o.id}`);
    const reimport = await xlsxUpload(admin, exported.rawPayload);
    expect(reimport.statusCode, reimport.body).toBe(200);
    expect(reimport.json().created).toBe(originals.length + 1);
    const again = (await admin.get(`/api/activities?unitId=${rootId}&pageSize=100`)).json()
      .items as { id: number; title: string }[];
    for (const original of originals) {
      const match = again.find((a) => a.title === original.title);
      expect(match, original.title).toBeDefined();
      const copy = (await admin.get(`/api/activities/${match?.id}`)).json();
      expect(comparable(copy)).toEqual(comparable(original));
    }
  });

  it('rejects the whole workbook when any row is wrong, listing row-level Chinese errors, and writes nothing', async () => {
    const before = await activityCount();
    const bytes = await workbookOf([
      ['类型', '所属单位', '子类型', '日期', '标题', '参加人数', '缺席人员及原因', '链接'],
      ['会议', DEMO_ROOT_UNIT, '专题研究', '2024-03-01', '正确的一行', 9, '', ''],
      ['学习', DEMO_ROOT_UNIT, '中心组学习', '2024-03-02', '缺席无原因', 5, '张三', ''],
      ['会议', '不存在的单位', '专题研究', '2024-03-03', '单位错误', '', '', ''],
      ['宣传', DEMO_ROOT_UNIT, '稿件', '2024/03/04', '日期与链接错误', '很多', '', 'ftp://x'],
      ['聚会', DEMO_ROOT_UNIT, '其他', '2024-03-05', '类型错误', '', '', ''],
    ]);
    const response = await xlsxUpload(admin, bytes);
    expect(response.statusCode).toBe(400);
    const messages = response.json().details.map((d: { message: string }) => d.message);
    expect(messages).toEqual([
      '第3行：出席/缺席人员：缺席人员「张三」须填写缺席原因',
      '第4行：所属单位「不存在的单位」不存在或无权访问',
      '第5行：日期：日期须为 YYYY-MM-DD 格式，如 2024-03-28',
      '第5行：参加人数：参加人数必须是数字',
      '第5行：链接：链接须为以 http:// 或 https:// 开头的有效网址',
      '第6行：类型「聚会」无效，须为会议、学习、宣传、活动、培训或其他',
    ]);
    expect(response.json().message).toContain('未写入任何数据');
    expect(await activityCount()).toBe(before);
  });

  it('refuses files that are not .xlsx, unknown columns and too many rows', async () => {
    const docx = await xlsxUpload(admin, minimalDocx());
    expect(docx.statusCode).toBe(415);
    expect(docx.json().message).toContain('只能上传 .xlsx');
    const csv = await xlsxUpload(admin, Buffer.from('所属单位,标题\n甲,乙\n'));
    expect(csv.statusCode).toBe(415);
    const unknown = await xlsxUpload(
      admin,
      await workbookOf([
        ['所属单位', '子类型', '日期', '标题', '心得体会'],
        [DEMO_ROOT_UNIT, '党课', '2024-01-01', '党课', ''],
      ]),
      '?type=study',
    );
    expect(unknown.json().details[0].message).toBe('第1行：无法识别的列「心得体会」');
    const noType = await xlsxUpload(
      admin,
      await workbookOf([
        ['所属单位', '子类型', '日期', '标题'],
        [DEMO_ROOT_UNIT, '党课', '2024-01-01', '党课'],
      ]),
    );
    expect(noType.json().details[0].message).toContain('缺少“类型”列');
    const rows = Array.from({ length: 21 }, (_, i) => [
      DEMO_ROOT_UNIT,
      '党课',
      '2024-01-01',
      `党课${i}`,
    ]);
    const tooMany = await xlsxUpload(
      admin,
      await workbookOf([['所属单位', '子类型', '日期', '标题'], ...rows]),
      '?type=study',
    );
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().message).toBe('每次最多导入 20 行，当前文件有 21 行');
    for (let i = 0; i < 21; i += 1) {
      await admin.post('/api/activities', {
        unitId: rootId,
        type: 'study',
        subtype: '党课',
        date: '2025-01-01',
        title: `党课${i}`,
      });
    }
    const bigExport = await admin.get('/api/activities/export.xlsx?subtype=党课');
    expect(bigExport.statusCode).toBe(413);
    expect(bigExport.json().message).toContain('超过单次导出上限 20 条');
  });
});
