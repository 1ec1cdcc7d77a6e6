import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import { minimalDocx, postForm } from './proofread.test-kit';

const REPORT = [
  '集团机关第一党支部关于2024年上半年意识形态工作的报告',
  '',
  '今年以来，XX同志带领支部认真落实意识形态工作责任制。',
  '一、主要工作',
  '二、存在的问题',
  '三、下一步工作打算',
  '',
  '集团机关第一党支部',
  '2024年7月10日',
].join('\n');

const FINDING_KEYS = [
  'category',
  'column',
  'excerpt',
  'length',
  'line',
  'message',
  'rule',
  'severity',
];

describe('proofread API', () => {
  let t: TestApp;
  let clerk: TestAgent;
  beforeAll(async () => {
    t = await createTestApp();
    clerk = await t.ready('jiguan1');
  });
  afterAll(async () => t.close());

  it('returns contract-shaped findings for pasted text, with an XX placeholder as an error', async () => {
    const response = await clerk.post('/api/proofread/check', { text: REPORT });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ date: '2024-07-10', kind: expect.any(String), termLists: [] });
    expect(body.dateSource).not.toBe('option');
    expect(body.dateReason).toEqual(expect.any(String));
    for (const f of body.findings) {
      const keys = Object.keys(f)
        .filter((k) => k !== 'suggestion')
        .sort();
      expect(keys).toEqual(FINDING_KEYS);
    }
    const placeholder = body.findings.find(
      (f: { category: string }) => f.category === 'placeholder',
    );
    expect(placeholder).toMatchObject({ severity: 'error', line: 3, column: 6, excerpt: 'XX' });
    expect(placeholder.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('uses the given date and kind instead of inferring them', async () => {
    const response = await clerk.post('/api/proofread/check', {
      text: REPORT,
      date: '2024-07-12',
      kind: 'selfcheck',
      termListIds: [],
    });
    expect(response.json()).toMatchObject({
      date: '2024-07-12',
      dateSource: 'option',
      kind: 'selfcheck',
    });
  });

  it('refuses empty text, a malformed date and an unknown kind with Chinese messages', async () => {
    const empty = await clerk.post('/api/proofread/check', { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('请输入要校对的文字');
    const badDate = await clerk.post('/api/proofread/check', { text: '正文', date: '2024-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toContain('日期无效');
    const badKind = await clerk.post('/api/proofread/check', { text: '正文', kind: 'poem' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().message).toContain('文档类型');
  });

  it('refuses text above 2 MB with 413 and a clear message', async () => {
    const text = '汉'.repeat(800_000); // 2.4 MB of UTF-8
    const response = await clerk.post('/api/proofread/check', { text });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(response.json().message).toContain('分段校对');
  });

  it('checks an uploaded .txt and returns its text with the findings', async () => {
    const response = await postForm(
      clerk,
      '/api/proofread/check-file',
      {},
      {
        name: '上半年报告.txt',
        data: REPORT.replace(/\n/g, '\r\n'),
      },
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ fileName: '上半年报告.txt', format: 'txt', date: '2024-07-10' });
    expect(body.text).toBe(REPORT);
    expect(body.findings.some((f: { category: string }) => f.category === 'placeholder')).toBe(
      true,
    );
  });

  it('checks a minimal .docx with the date and kind sent as form fields', async () => {
    const response = await postForm(
      clerk,
      '/api/proofread/check-file',
      { date: '2024-07-10', kind: 'summary', termListIds: '' },
      { name: 'report.docx', data: minimalDocx(REPORT.split('\n').filter(Boolean)) },
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ format: 'docx', dateSource: 'option', kind: 'summary' });
    expect(body.text).toContain('XX同志');
    expect(body.findings.some((f: { excerpt: string }) => f.excerpt === 'XX')).toBe(true);
  });

  it('answers bad uploads with Chinese 4xx errors and keeps serving', async () => {
    const cases: { name: string; data: Buffer | string; status: number; text: string }[] = [
      { name: 'empty.txt', data: '', status: 400, text: '文件为空' },
      {
        name: 'blob.txt',
        data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
        status: 415,
        text: '二进制',
      },
      {
        name: 'broken.docx',
        data: Buffer.from('PK\u0003\u0004 not really a zip'),
        status: 400,
        text: '.docx',
      },
      { name: 'old.doc', data: 'whatever', status: 415, text: '.docx' },
    ];
    for (const c of cases) {
      const response = await postForm(
        clerk,
        '/api/proofread/check-file',
        {},
        { name: c.name, data: c.data },
      );
      expect(response.statusCode, c.name).toBe(c.status);
      expect(response.json().message, c.name).toContain(c.text);
    }
    const noFile = await postForm(clerk, '/api/proofread/check-file', { kind: 'summary' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().message).toContain('没有收到文件');
    const notMultipart = await clerk.post('/api/proofread/check-file', { text: 'x' });
    expect(notMultipart.statusCode).toBe(415);
    const badField = await postForm(
      clerk,
      '/api/proofread/check-file',
      { date: '10/07/2024' },
      { name: 'a.txt', data: '正文' },
    );
    expect(badField.statusCode).toBe(400);
    expect(badField.json().message).toContain('YYYY-MM-DD');
    expect((await clerk.post('/api/proofread/check', { text: REPORT })).statusCode).toBe(200);
  });

  it('exports findings to an .xlsx with Chinese labels', async () => {
    const { findings } = (await clerk.post('/api/proofread/check', { text: REPORT })).json();
    const response = await clerk.post('/api/proofread/export', {
      title: '上半年报告',
      date: '2024-07-10',
      findings,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(String(response.headers['content-disposition'])).toContain(
      encodeURIComponent('上半年报告-校对结果.xlsx'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe('序号');
    expect(sheet?.rowCount).toBe(findings.length + 2);
    const categories = new Set<string>();
    sheet?.eachRow((row, n) => {
      if (n > 2) categories.add(String(row.getCell(3).value));
    });
    expect(categories.has('占位符')).toBe(true);
  });

  it('lays the text out as an official .docx, reading title, headings, signature and date', async () => {
    const response = await clerk.post('/api/proofread/export-docx', {
      text: REPORT.replace('XX同志', '支部书记'),
      title: '不会用到的标题',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(String(response.headers['content-disposition'])).toContain(
      encodeURIComponent('集团机关第一党支部关于2024年上半年意识形态工作的报告.docx'),
    );
    const { value } = await mammoth.extractRawText({ buffer: response.rawPayload });
    const lines = value.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toEqual([
      '集团机关第一党支部关于2024年上半年意识形态工作的报告',
      '今年以来，支部书记带领支部认真落实意识形态工作责任制。',
      '一、主要工作',
      '二、存在的问题',
      '三、下一步工作打算',
      '集团机关第一党支部',
      '2024年7月10日',
    ]);

    // Without a title line the given title is used.
    const untitled = await clerk.post('/api/proofread/export-docx', {
      text: '今年以来，支部认真落实责任制。',
      title: '支部/报告',
    });
    expect(untitled.statusCode).toBe(200);
    expect(String(untitled.headers['content-disposition'])).toContain(
      encodeURIComponent('支部报告.docx'),
    );
    const empty = await clerk.post('/api/proofread/export-docx', { text: ' \n ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('请输入要导出的文字');
    const tooMany = await clerk.post('/api/proofread/export-docx', {
      text: '段落。\n'.repeat(6000),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toContain('文档段落过多');
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await t.agent().get('/api/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/proofread/check',
        '/api/proofread/check-file',
        '/api/proofread/export',
        '/api/proofread/export-docx',
        '/api/proofread/term-lists',
        '/api/proofread/term-lists/{id}/versions',
        '/api/proofread/term-lists/{id}/versions/{versionId}/rollback',
      ]),
    );
    const body =
      spec.paths['/api/proofread/check'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['text']);
  });

  it('requires a session and the proofread permission', async () => {
    const anonymous = await t.agent().post('/api/proofread/check', { text: REPORT });
    expect(anonymous.statusCode).toBe(401);
    // A role without proofread permissions (system:role:list only) is refused.
    const admin = await t.ready('admin');
    const role = await admin.post('/api/roles', {
      name: '只读角色',
      code: 'readonly_x',
      dataScope: 'unit',
      permissions: ['dashboard:view'],
    });
    expect(role.statusCode, role.body).toBe(201);
    const user = await admin.post('/api/users', {
      username: 'noproof',
      displayName: '无校对',
      unitId: 1,
      roleIds: [role.json().id],
      password: 'Initial#2026ok',
    });
    expect(user.statusCode, user.body).toBe(201);
    const agent = await t.login('noproof', 'Initial#2026ok');
    await agent.post('/api/auth/password', {
      oldPassword: 'Initial#2026ok',
      newPassword: 'Changed#2026ok',
    });
    const refused = await agent.post('/api/proofread/check', { text: REPORT });
    expect(refused.statusCode).toBe(403);
    const docx = await agent.post('/api/proofread/export-docx', { text: REPORT });
    expect(docx.statusCode).toBe(403);
    expect((await agent.get('/api/proofread/term-lists')).statusCode).toBe(403);
  });
});
