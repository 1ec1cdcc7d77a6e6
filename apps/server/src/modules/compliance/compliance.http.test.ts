import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGED_PASSWORD, createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import { insertActivity, msUntilChinaMorning } from './compliance-test-kit';
import type { ComplianceReport, ComplianceSubtreeReport, TodoResponse } from './compliance.schema';

type UnitReport = ComplianceReport['units'][number];

/** A subtree's compact report as a single unit's report would list it (no record ids). */
function decodeSubtree(r: ComplianceSubtreeReport): ComplianceReport {
  const { statusCodes, columns, units, ...rest } = r;
  return {
    ...rest,
    units: units.map(({ status, count, ...u }) => ({
      ...u,
      items: columns.flatMap((c, k) => {
        const code = status[k] ?? -1;
        const decoded = statusCodes[code];
        if (code < 0 || !decoded) return [];
        return [
          {
            requirementId: c.requirementId,
            period: c.period,
            periodStart: c.periodStart,
            periodEnd: c.periodEnd,
            deadline: c.deadline,
            status: decoded,
            count: count[k] ?? 0,
            required: c.required,
            recordIds: [],
          },
        ];
      }),
    })),
  };
}

// The test clock starts on 2026-03-02 and only moves forward, so the cases run in date order.
describe('compliance status through the API, on a real database', () => {
  let t: TestApp;
  let admin: TestAgent;
  const unit: Record<string, number> = {};
  let situationId = 0;

  const report = async (agent: TestAgent, query: string) => {
    const response = await agent.get(`/api/compliance?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    if (!/includeSubunits=true/.test(query)) return response.json<ComplianceReport>();
    const compact = response.json<ComplianceSubtreeReport>();
    // Compact: the columns once, then a status code and a count per unit and column.
    expect(compact.units.every((u) => u.status.length === compact.columns.length)).toBe(true);
    expect(compact.units.every((u) => u.count.length === compact.columns.length)).toBe(true);
    return decodeSubtree(compact);
  };
  /** The items of one requirement (by its code, stable across years' frameworks) for one unit. */
  const itemsOf = (r: ComplianceReport, unitId: number, code: string): UnitReport['items'] => {
    const requirementId = r.requirements.find((q) => q.code === code)?.id;
    return (
      r.units
        .find((u) => u.id === unitId)
        ?.items.filter((i) => i.requirementId === requirementId) ?? []
    );
  };
  let clerk: TestAgent;
  let keyun: TestAgent;
  // Moving the clock idles sessions out, so everyone signs in again afterwards.
  const moveTo = async (date: string) => {
    t.clock.advance(msUntilChinaMorning(t.clock.now(), date));
    admin = await t.login('admin', CHANGED_PASSWORD);
    clerk = await t.login('jiguan1', CHANGED_PASSWORD);
    keyun = await t.login('keyun', CHANGED_PASSWORD);
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.ready('admin');
    clerk = await t.ready('jiguan1');
    keyun = await t.ready('keyun');
    const rows = await t.db.kysely.selectFrom('units').select(['id', 'name']).execute();
    const byName = (name: string) => rows.find((r) => r.name === name)?.id ?? 0;
    unit.root = byName('青川市交通运输集团有限公司党委');
    unit.jiguan1 = byName('集团机关第一党支部');
    unit.jiguan2 = byName('集团机关第二党支部');
    unit.keyun = byName('客运分公司党总支');
    unit.keyunzhan = byName('青川客运中心站党支部');
    const fw = (await admin.get('/api/frameworks/year/2026')).json<{
      areas: { requirements: { id: number; code: string }[] }[];
    }>();
    situationId =
      fw.areas.flatMap((a) => a.requirements).find((r) => r.code === 'situation-analysis')?.id ?? 0;
    expect(situationId).toBeGreaterThan(0);
  });
  afterAll(async () => t.close());

  it('counts a record under an aliased subtype, on the right side of a year boundary', async () => {
    const eve = await insertActivity(t.db.kysely, {
      unitId: unit.jiguan1!,
      subtype: '意识形态形势分析研判会',
      date: '2025-12-31',
    });
    const newYear = await insertActivity(t.db.kysely, {
      unitId: unit.jiguan1!,
      subtype: '形势研判',
      date: '2026-01-01',
    });
    await insertActivity(t.db.kysely, {
      unitId: unit.jiguan1!,
      subtype: '形势研判',
      date: '2026-02-01',
      deleted: true,
    });

    const q4 = await report(admin, `unitId=${unit.jiguan1}&period=2025Q4`);
    expect(itemsOf(q4, unit.jiguan1!, 'situation-analysis')).toEqual([
      expect.objectContaining({ period: '2025Q4', status: 'met', count: 1, recordIds: [eve] }),
    ]);
    const q1 = await report(admin, `unitId=${unit.jiguan1}&period=2026Q1`);
    expect(itemsOf(q1, unit.jiguan1!, 'situation-analysis')).toEqual([
      expect.objectContaining({
        period: '2026Q1',
        status: 'met',
        count: 1,
        recordIds: [newYear],
        deadline: '2026-03-31',
      }),
    ]);
    // A roll-up lists no ids; a clicked cell asks for them, judged exactly as the single view.
    const rolled = await report(admin, `unitId=${unit.root}&period=2026Q1&includeSubunits=true`);
    const rolledItem = itemsOf(rolled, unit.jiguan1!, 'situation-analysis')[0];
    expect(rolledItem).toMatchObject({ status: 'met', count: 1, recordIds: [] });
    const cell = await admin.get(
      `/api/compliance/records?unitId=${unit.jiguan1}&requirementId=${rolledItem?.requirementId}&period=2026Q1`,
    );
    expect(cell.statusCode, cell.body).toBe(200);
    expect(cell.json()).toEqual({ ...rolledItem, unitId: unit.jiguan1, recordIds: [newYear] });
    const outside = await admin.get(
      `/api/compliance/records?unitId=${unit.jiguan1}&requirementId=${rolledItem?.requirementId}&period=2026H1`,
    );
    expect(outside.statusCode).toBe(404);
    const year = await report(admin, `unitId=${unit.jiguan1}&period=2025`);
    expect(itemsOf(year, unit.jiguan1!, 'situation-analysis').map((i) => i.status)).toEqual([
      'missed',
      'missed',
      'missed',
      'met',
    ]);
  });

  it('marks an unmet quarterly duty pending, then due soon within 15 days, then missed after the quarter', async () => {
    expect(
      itemsOf(
        await report(admin, `unitId=${unit.jiguan2}&period=2026Q1`),
        unit.jiguan2!,
        'situation-analysis',
      )[0]?.status,
    ).toBe('pending');
    await moveTo('2026-03-16');
    const soon = await report(admin, `unitId=${unit.jiguan2}&period=2026Q1`);
    expect(soon.asOf).toBe('2026-03-16');
    expect(itemsOf(soon, unit.jiguan2!, 'situation-analysis')[0]).toMatchObject({
      status: 'due_soon',
      count: 0,
      required: 1,
    });
    expect(
      itemsOf(
        await report(admin, `unitId=${unit.jiguan2}&period=2026Q1&dueSoonDays=5`),
        unit.jiguan2!,
        'situation-analysis',
      )[0]?.status,
    ).toBe('pending');
    expect(
      itemsOf(
        await report(admin, `unitId=${unit.jiguan2}&period=2026Q2`),
        unit.jiguan2!,
        'situation-analysis',
      )[0]?.status,
    ).toBe('pending');
  });

  it("lists the duties due soon in the user's own scope as to-dos", async () => {
    const todo = (await admin.get('/api/compliance/todo')).json<TodoResponse>();
    const situation = todo.items.filter((i) => i.requirementId === situationId);
    expect(situation.map((i) => i.unitId)).not.toContain(unit.jiguan1);
    expect(situation.map((i) => i.unitId)).toContain(unit.jiguan2);
    expect(situation[0]).toMatchObject({
      status: 'due_soon',
      daysLeft: 15,
      deadline: '2026-03-31',
      requirementTitle: '意识形态形势分析研判',
    });
    const scoped = (await keyun.get('/api/compliance/todo')).json<TodoResponse>();
    expect(scoped.items.length).toBeGreaterThan(0);
    expect(new Set(scoped.items.map((i) => i.unitName))).toEqual(
      new Set(['客运分公司党总支', '青川客运中心站党支部', '运营调度中心党支部']),
    );
  });

  it('needs attendance for 中心组学习 and shows committee-only duties only to committees', async () => {
    const withList = [{ name: '林志远', present: true }];
    await insertActivity(t.db.kysely, {
      unitId: unit.keyun!,
      type: 'study',
      subtype: '中心组学习',
      date: '2026-01-10',
      attendance: withList,
    });
    await insertActivity(t.db.kysely, {
      unitId: unit.keyun!,
      type: 'study',
      subtype: '理论学习中心组学习',
      date: '2026-02-10',
      attendance: withList,
    });
    await insertActivity(t.db.kysely, {
      unitId: unit.keyun!,
      type: 'study',
      subtype: '中心组学习',
      date: '2026-03-10',
    });
    const r = await report(admin, `unitId=${unit.keyun}&period=2026H1&includeSubunits=true`);
    expect(itemsOf(r, unit.keyun!, 'central-group-study')[0]).toMatchObject({
      period: '2026H1',
      status: 'pending',
      count: 2,
      required: 3,
    });
    expect(itemsOf(r, unit.keyunzhan!, 'central-group-study')).toEqual([]);
    await moveTo('2026-07-01');
    const after = await report(admin, `unitId=${unit.keyun}&period=2026H1`);
    expect(itemsOf(after, unit.keyun!, 'central-group-study')[0]).toMatchObject({
      status: 'missed',
      count: 2,
    });
  });

  it('rolls the subtree up: which branch missed what, with counts per status that add up', async () => {
    const r = await report(admin, `unitId=${unit.root}&period=2026Q1&includeSubunits=true`);
    expect(r.summary.unitCount).toBe(9);
    const jiguan1 = r.units.find((u) => u.id === unit.jiguan1);
    const jiguan2 = r.units.find((u) => u.id === unit.jiguan2);
    expect(itemsOf(r, unit.jiguan1!, 'situation-analysis')[0]?.status).toBe('met');
    expect(itemsOf(r, unit.jiguan2!, 'situation-analysis')[0]?.status).toBe('missed');
    expect(jiguan2?.counts.missed).toBeGreaterThan(jiguan1?.counts.missed ?? 0);
    const situation = r.summary.byRequirement.find((b) => b.requirementId === situationId);
    expect(situation?.counts).toMatchObject({ met: 1, missed: 8 });
    const sum = r.units.reduce(
      (acc, u) =>
        acc +
        u.counts.missed +
        u.counts.met +
        u.counts.not_tracked +
        u.counts.pending +
        u.counts.due_soon,
      0,
    );
    const total = Object.values(r.summary.counts).reduce((a, b) => a + b, 0);
    expect(sum).toBe(total);
    // Untracked duties are counted per unit and coded as such in the compact view.
    expect(itemsOf(r, unit.root!, 'self-check-report')[0]).toMatchObject({
      status: 'not_tracked',
      count: 0,
    });
    expect(r.units.find((u) => u.id === unit.root)?.counts.not_tracked).toBeGreaterThan(0);
    const single = await report(admin, `unitId=${unit.root}&period=2026Q1`);
    expect(itemsOf(single, unit.root!, 'self-check-report')[0]).toMatchObject({
      status: 'not_tracked',
      deadline: '2026-07-15',
      recordIds: [],
    });
  });

  it('judges a roll-up (counted in SQL) exactly like each unit on its own (judged from records)', async () => {
    for (const period of ['2026', '2026H1', '2025']) {
      const rolled = await report(
        admin,
        `unitId=${unit.root}&period=${period}&includeSubunits=true`,
      );
      expect(rolled.units.length).toBeGreaterThan(3);
      for (const u of rolled.units) {
        const single = await report(admin, `unitId=${u.id}&period=${period}`);
        expect(u.counts).toEqual(single.units[0]?.counts);
        const withoutIds = (single.units[0]?.items ?? []).map((i) => ({ ...i, recordIds: [] }));
        expect(u.items).toEqual(withoutIds);
      }
    }
  });

  it('follows framework edits: a higher minimum turns a met duty into a missed one', async () => {
    const requirement = (await admin.get('/api/frameworks/year/2026'))
      .json<{ areas: { requirements: { id: number; version: number }[] }[] }>()
      .areas.flatMap((a) => a.requirements)
      .find((q) => q.id === situationId);
    const patched = await admin.patch(`/api/frameworks/requirements/${situationId}`, {
      version: requirement?.version,
      minCount: 2,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const r = await report(admin, `unitId=${unit.jiguan1}&period=2026Q1`);
    expect(itemsOf(r, unit.jiguan1!, 'situation-analysis')[0]).toMatchObject({
      status: 'missed',
      count: 1,
      required: 2,
    });
    await admin.patch(`/api/frameworks/requirements/${situationId}`, {
      version: patched.json<{ version: number }>().version,
      minCount: 1,
    });
  });

  it('counts a subtype once an alias maps it to the canonical one', async () => {
    await insertActivity(t.db.kysely, {
      unitId: unit.jiguan2!,
      subtype: '季度形势研判座谈会',
      date: '2026-07-05',
    });
    const before = await report(admin, `unitId=${unit.jiguan2}&period=2026Q3`);
    expect(itemsOf(before, unit.jiguan2!, 'situation-analysis')[0]?.count).toBe(0);
    expect(
      (
        await admin.post('/api/frameworks/subtype-aliases', {
          alias: '季度形势研判座谈会',
          canonical: '形势研判',
        })
      ).statusCode,
    ).toBe(201);
    const after = await report(admin, `unitId=${unit.jiguan2}&period=2026Q3`);
    expect(itemsOf(after, unit.jiguan2!, 'situation-analysis')[0]).toMatchObject({
      status: 'met',
      count: 1,
    });
  });

  describe('data scope', () => {
    it('refuses a unit outside the scope as not found, and never counts records from outside it', async () => {
      expect(
        (await clerk.get(`/api/compliance?unitId=${unit.keyunzhan}&period=2026Q1`)).statusCode,
      ).toBe(404);
      expect(
        (await clerk.get(`/api/compliance?unitId=${unit.root}&period=2026Q1&includeSubunits=true`))
          .statusCode,
      ).toBe(404);
      const own = await report(clerk, `period=2026Q1&includeSubunits=true`);
      expect(own.units.map((u) => u.id)).toEqual([unit.jiguan1]);
      expect(
        (await keyun.get(`/api/compliance?unitId=${unit.root}&period=2026Q1&includeSubunits=true`))
          .statusCode,
      ).toBe(404);
      const subtree = await report(
        keyun,
        `unitId=${unit.keyun}&period=2026Q1&includeSubunits=true`,
      );
      expect(subtree.units.map((u) => u.name)).toEqual([
        '客运分公司党总支',
        '青川客运中心站党支部',
        '运营调度中心党支部',
      ]);
      const todo = (await clerk.get('/api/compliance/todo')).json<TodoResponse>();
      expect(new Set(todo.items.map((i) => i.unitId))).toEqual(new Set([unit.jiguan1]));
    });

    it('requires a session and the compliance:view permission', async () => {
      expect((await t.agent().get('/api/compliance')).statusCode).toBe(401);
      expect((await t.agent().get('/api/compliance/todo')).statusCode).toBe(401);
      expect((await admin.get('/api/compliance?period=2026Q5')).statusCode).toBe(400);
      expect((await admin.get('/api/compliance?period=2099')).statusCode).toBe(400);
      const role = await admin.post('/api/roles', {
        name: '只看工作台',
        code: 'dashboard_only',
        dataScope: 'all',
        permissions: ['dashboard:view'],
      });
      expect(role.statusCode, role.body).toBe(201);
      const created = await admin.post('/api/users', {
        username: 'dashonly',
        displayName: '工作台用户',
        unitId: unit.root,
        roleIds: [role.json<{ id: number }>().id],
        password: 'Init#Pass2026',
      });
      expect(created.statusCode, created.body).toBe(201);
      const agent = await t.login('dashonly', 'Init#Pass2026');
      expect(
        (
          await agent.post('/api/auth/password', {
            oldPassword: 'Init#Pass2026',
            newPassword: CHANGED_PASSWORD,
          })
        ).statusCode,
      ).toBe(204);
      expect((await agent.get('/api/compliance')).statusCode).toBe(403);
      expect((await agent.get('/api/compliance/todo')).statusCode).toBe(403);
      expect((await agent.get('/api/frameworks')).statusCode).toBe(403);
      expect((await agent.get('/api/dashboard/overview')).statusCode).toBe(200);
    });
  });
});
