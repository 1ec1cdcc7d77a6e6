import { loadConfig } from '../../../config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialect } from '../../../../test/helpers/test-db';
import type { TestDb } from '../../../../test/helpers/test-db';
import type { TestAgent } from '../../../../test/helpers/test-agent';
import { DEMO_ROOT_UNIT } from '../../../demo/demo-organization';
import { manualClock } from '../../../shared/clock';
import { createLedgerModule } from '../ledger.module';
import { AuditRepository } from '../../audit/audit.repository';
import { AuditService } from '../../audit/audit.service';
import { UnitsRepository } from '../../units/units.repository';
import {
  createLedgerTestApp,
  personIdByName,
  sampleRecords,
  unitIdByName,
  upload,
} from '../test/ledger-test-kit';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function ledgerOn(db: TestDb) {
  const clock = manualClock(new Date('2026-03-02T01:00:00.000Z'));
  const auditLog = new AuditRepository(db.kysely);
  return createLedgerModule({
    db,
    config: loadConfig({}, { filesDir: '/nonexistent' }),
    clock,
    audit: new AuditService(auditLog, clock),
    auditLog,
    units: new UnitsRepository(db.kysely),
  });
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

const header = '{"format":"taizhang-ledger","version":1}';

describe(`JSON Lines round trip on ${testDialect()}`, () => {
  let t: Awaited<ReturnType<typeof createLedgerTestApp>> | undefined;
  let empty: TestDb | undefined;
  let admin: TestAgent;
  beforeAll(async () => {
    t = await createLedgerTestApp();
    admin = await t.ready('admin');
  });
  afterAll(async () => {
    await t?.close();
    await empty?.dispose();
  });

  it('round-trips exactly: export → import into an empty database → export gives the same lines', async () => {
    const app = t as NonNullable<typeof t>;
    const rootId = await unitIdByName(app, DEMO_ROOT_UNIT);
    const people = {
      lin: await personIdByName(app, '林志远'),
      zhou: await personIdByName(app, '周明慧'),
    };
    for (const record of sampleRecords(rootId, people))
      expect((await admin.post('/api/activities', record)).statusCode).toBe(201);
    const first = (await admin.get('/api/activities?subtype=中心组学习')).json().items[0].id;
    await upload(app, admin, `/api/activities/${first}/evidence`, {
      name: '签到表.png',
      bytes: PNG,
    });
    await admin.post('/api/channels', {
      unitId: rootId,
      name: '青川交通',
      platform: '微信公众号',
      ownerPersonId: people.zhou,
      purpose: '发布集团新闻',
      registered: '2023-04-01',
      status: 'active',
    });
    await admin.post('/api/incidents', {
      unitId: rootId,
      found: '2024-04-02',
      source: '本地论坛',
      link: 'https://bbs.example.com/t/1',
      summary: '网民反映公交线路调整',
      severity: '一般',
      status: 'closed',
      closed: '2024-04-03',
      response: '发布线路调整说明。',
    });
    // a record deleted before the export stays out of it
    const gone = (
      await admin.post('/api/activities', {
        unitId: rootId,
        type: 'other',
        subtype: '其他',
        date: '2024-09-09',
        title: '已删除的记录',
      })
    ).json().id;
    await admin.delete(`/api/activities/${gone}`);

    const response = await admin.get('/api/ledger/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    const exported = response.body.trimEnd().split('\n');
    expect(exported[0]).toBe(header);
    expect(exported).toContain(
      '{"kind":"unit","id":"u1","name":"青川市交通运输集团有限公司党委","type":"党委","parent":null}',
    );
    expect(exported.filter((l) => l.includes('"kind":"activity"'))).toHaveLength(7);
    expect(response.body).not.toContain('已删除的记录');
    const study = JSON.parse(exported.find((l) => l.includes('中心组学习')) ?? '{}');
    expect(study).toMatchObject({
      speakers: ['林志远'],
      evidence: ['签到表.png'],
      attendance: [
        { person: `p${people.lin}`, present: true },
        { person: `p${people.zhou}`, present: false, reason: '公务出差' },
        { name: '特邀专家王教授', present: true },
      ],
    });

    // One isolated schema at a time: the migrator looks for its tables in every schema.
    await t?.close();
    t = undefined;
    empty = await createTestDb();
    const ledger = ledgerOn(empty);
    const result = await ledger.importer.importText(null, response.body);
    expect(result.created).toMatchObject({ unit: 9, activity: 7, channel: 1, incident: 1 });
    expect(result.warnings).toEqual([]);
    const again = await collect(ledger.exporter.lines(null, null));
    expect(again).toEqual(exported);
  });
});
