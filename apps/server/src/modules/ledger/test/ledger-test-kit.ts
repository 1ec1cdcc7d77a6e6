import type { AppConfig } from '../../../config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp } from '../../../../test/helpers/test-app';
import type { TestApp } from '../../../../test/helpers/test-app';
import type { TestAgent } from '../../../../test/helpers/test-agent';

/** The real app on a fresh database with the demo organization and its own evidence folder. */
export async function createLedgerTestApp(
  config: Partial<AppConfig> = {},
): Promise<TestApp & { filesDir: string }> {
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-files-'));
  const t = await createTestApp({ config: { filesDir, ...config } });
  const close = t.close.bind(t);
  return Object.assign(t, {
    filesDir,
    async close() {
      await close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  });
}

export async function unitIdByName(t: TestApp, name: string): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('units')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function personIdByName(t: TestApp, name: string): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('people')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sends one file as multipart/form-data (field `file`) with the agent's session and CSRF token. */
export async function upload(
  t: TestApp,
  agent: TestAgent,
  url: string,
  file: { name: string; bytes: Buffer; contentType?: string },
): Promise<LightMyRequestResponse> {
  if (!agent.cookies.has('tz_csrf')) await agent.fetchCsrf();
  const boundary = `----taizhang${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': agent.cookies.get('tz_csrf') ?? '',
    },
    payload: Buffer.concat([head, file.bytes, tail]),
  });
}

/** Sends a raw body (JSON Lines) with the agent's session and CSRF token. */
export async function postRaw(
  t: TestApp,
  agent: TestAgent,
  url: string,
  body: string,
  contentType = 'application/x-ndjson',
) {
  if (!agent.cookies.has('tz_csrf')) await agent.fetchCsrf();
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': contentType,
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': agent.cookies.get('tz_csrf') ?? '',
    },
    payload: body,
  });
}

/** One valid record of each type, for the unit and people given. */
export function sampleRecords(unitId: number, people: { lin: number; zhou: number }) {
  return [
    {
      unitId,
      type: 'meeting',
      subtype: '形势研判',
      date: '2024-03-28',
      title: '一季度意识形态领域形势分析研判会',
      summary: '分析研判一季度意识形态领域形势。',
      participants: 9,
      areas: ['组织领导'],
    },
    {
      unitId,
      type: 'study',
      subtype: '中心组学习',
      date: '2024-01-16',
      title: '党委理论学习中心组1月集中学习',
      topics: ['学习贯彻党的二十大精神', '意识形态工作责任制'],
      speakers: ['林志远'],
      participants: 8,
      attendance: [
        { personId: people.lin, present: true },
        { personId: people.zhou, present: false, reason: '公务出差' },
        { name: '特邀专家王教授', present: true },
      ],
      areas: ['理论学习'],
    },
    {
      unitId,
      type: 'publicity',
      subtype: '稿件',
      date: '2024-05-09',
      title: '集团开展安全生产月宣传',
      outlet: '青川日报',
      link: 'https://news.example.com/2024/05/09/1.html',
      areas: ['宣传教育'],
    },
    {
      unitId,
      type: 'publicity',
      subtype: '宣讲',
      date: '2024-06-12',
      title: '党的创新理论进站点宣讲',
      audience: 120,
      areas: ['宣传教育'],
    },
    {
      unitId,
      type: 'event',
      subtype: '主题党日',
      date: '2024-06-21',
      title: '七一主题党日活动',
      participants: 23,
      areas: ['文明创建'],
    },
    {
      unitId,
      type: 'training',
      subtype: '网络宣传队伍培训',
      date: '2024-04-18',
      title: '网评员业务能力培训',
      participants: 15,
      areas: ['队伍建设'],
    },
    {
      unitId,
      type: 'other',
      subtype: '其他',
      date: '2024-02-01',
      title: '意识形态工作台账规范化整理',
      summary: '整理上年度台账。',
    },
  ];
}
