import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/helpers/test-db';
import type { TestAgent } from '../../../../test/helpers/test-agent';
import { createLedgerTestApp, postRaw, unitIdByName, upload } from '../test/ledger-test-kit';

const header = '{"format":"taizhang-ledger","version":1}';

describe(`JSON Lines interchange on ${testDialect()}`, () => {
  let t: Awaited<ReturnType<typeof createLedgerTestApp>>;
  let admin: TestAgent;
  beforeAll(async () => {
    t = await createLedgerTestApp();
    admin = await t.ready('admin');
  });
  afterAll(async () => t.close());

  it('keeps unknown activity fields and reports the ones it has no place for', async () => {
    const file = [
      header,
      '{"kind":"unit","id":"x-u1","name":"青川市港务局党组","type":"党组","parent":null,"secretary":"某人"}',
      '{"kind":"activity","id":"x-a1","unit":"x-u1","type":"meeting","subtype":"专题研究","date":"2024-02-20","title":"党组会专题研究意识形态工作","source":"OA-2024-17","tags":["重点"]}',
      '{"kind":"channel","id":"x-c1","unit":"x-u1","name":"港务局网站","platform":"网站","status":"active","icp":"青ICP备0001号"}',
    ].join('\n');
    const result = await postRaw(t, admin, '/api/ledger/import', file);
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json().warnings).toEqual(['第2行：单位没有保存字段「secretary」的位置，已忽略']);
    const exported = (await admin.get('/api/ledger/export')).body;
    expect(exported).toContain(
      '{"kind":"channel","id":"x-c1","unit":"x-u1","name":"港务局网站","platform":"网站","status":"active","icp":"青ICP备0001号"}',
    );
    expect(exported).toContain(
      '{"kind":"activity","id":"x-a1","unit":"x-u1","type":"meeting","subtype":"专题研究","date":"2024-02-20","title":"党组会专题研究意识形态工作","source":"OA-2024-17","tags":["重点"]}',
    );
    const again = await postRaw(t, admin, '/api/ledger/import', file);
    expect(again.statusCode).toBe(400);
    expect(again.json().details.map((d: { message: string }) => d.message)).toEqual([
      '第3行（活动记录 x-a1）：编号「x-a1」的活动记录已经导入过，不能重复导入',
      '第4行（阵地 x-c1）：编号「x-c1」的阵地已经导入过，不能重复导入',
    ]);
  });

  it('rejects the whole file when any line is wrong, lists every error by line, and writes nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('activities')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const units = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('units')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [activitiesBefore, unitsBefore] = [await count(), await units()];
    const file = [
      header,
      '{"kind":"unit","id":"n1","name":"新建单位党支部","type":"党支部","parent":"青川市交通运输集团有限公司党委"}',
      '{"kind":"activity","id":"n-a1","unit":"n1","type":"event","subtype":"主题党日","date":"2024-06-21","title":"正确的一行"}',
      '{"kind":"activity","id":"n-a2","unit":"n1","type":"study","subtype":"中心组学习","date":"2024-13-01","title":"错误","attendance":[{"name":"张三","present":false}]}',
      'not json',
      '{"kind":"activity","id":"n-a3","unit":"nowhere","type":"meeting","subtype":"专题研究","date":"2024-01-01","title":"引用不存在的单位"}',
      '{"kind":"activity","id":"n-a1","unit":"n1","type":"event","subtype":"主题党日","date":"2024-06-22","title":"重复编号"}',
      '{"kind":"person","id":"n-p1","unit":"n1","name":"李四","post":"书记"}',
      '{"kind":"responsibility","id":"n-r1","unit":"n1","person":"n-p9","role":"第一责任人","year":2024}',
      '{"kind":"publication","id":"z"}',
    ].join('\n');
    const response = await postRaw(t, admin, '/api/ledger/import', file);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.message).toMatch(/^导入失败：发现 \d+ 处错误，未写入任何数据$/);
    const messages = body.details.map((d: { message: string }) => d.message);
    expect(messages).toEqual([
      '第5行：不是有效的 JSON',
      '第7行：活动记录编号「n-a1」与第3行重复',
      '第10行：kind 须为 unit、person、responsibility、activity、channel、incident 之一',
      '第4行（活动记录 n-a2）：date：日期不是有效的日期',
      '第4行（活动记录 n-a2）：attendance.0.reason：缺席人员「张三」须填写缺席原因',
      '第6行（活动记录 n-a3）：引用的单位「nowhere」既不是前面各行定义的编号，也不是系统中已有单位的名称',
      '第9行（责任分工 n-r1）：引用的人员「n-p9」不是前面各行定义的编号，也不是系统中已有的人员',
    ]);
    expect(await count()).toBe(activitiesBefore);
    expect(await units()).toBe(unitsBefore);
  });

  it('accepts the file as an upload too, and refuses a JSON body', async () => {
    const file = [
      header,
      '{"kind":"activity","id":"up-1","unit":"集团机关第二党支部","type":"training","subtype":"业务培训","date":"2024-04-10","title":"通讯员写作培训"}',
    ].join('\n');
    const uploaded = await upload(t, admin, '/api/ledger/import', {
      name: 'ledger.jsonl',
      bytes: Buffer.from(file),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json().created.activity).toBe(1);
    const json = await admin.post('/api/ledger/import', { kind: 'activity' });
    expect(json.statusCode).toBe(415);
    expect(json.json().message).toContain('application/x-ndjson');
  });

  it('checks the header and refers to existing units by exact name', async () => {
    const noHeader = await postRaw(
      t,
      admin,
      '/api/ledger/import',
      '{"kind":"unit","id":"u1","name":"甲","type":"党委","parent":null}',
    );
    expect(noHeader.json().details[0].message).toBe(
      '第1行：首行须为文件头 {"format":"taizhang-ledger","version":1}',
    );
    const byName = [
      header,
      '{"kind":"activity","id":"byname-1","unit":"集团机关第一党支部","type":"event","subtype":"志愿服务","date":"2024-03-05","title":"学雷锋志愿服务"}',
    ].join('\n');
    const response = await postRaw(t, admin, '/api/ledger/import', byName);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().created.activity).toBe(1);
    const jiguan1 = await unitIdByName(t, '集团机关第一党支部');
    expect((await admin.get(`/api/activities?unitId=${jiguan1}`)).json().items[0].title).toBe(
      '学雷锋志愿服务',
    );
  });
});
