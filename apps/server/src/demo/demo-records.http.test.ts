import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGED_PASSWORD, createTestApp } from '../../test/helpers/test-app';
import type { TestApp } from '../../test/helpers/test-app';
import type { TestAgent } from '../../test/helpers/test-agent';
import { msUntilChinaMorning } from '../modules/compliance/compliance-test-kit';
import type { ComplianceReport } from '../modules/compliance/compliance.schema';
import type { DashboardOverview } from '../modules/dashboard/dashboard.schema';
import { parsePeriod } from '../modules/compliance/compliance-periods';
import { seedDemoRecords } from './demo-records';

describe('demo records and the dashboard built on them', () => {
  let t: TestApp;
  let admin: TestAgent;
  let keyun: TestAgent;
  let created = 0;
  const unit: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.ready('admin');
    await t.ready('keyun');
    t.clock.advance(msUntilChinaMorning(t.clock.now(), '2026-11-21'));
    created = (await seedDemoRecords(t.db, t.clock)).created;
    admin = await t.login('admin', CHANGED_PASSWORD);
    keyun = await t.login('keyun', CHANGED_PASSWORD);
    for (const row of await t.db.kysely.selectFrom('units').select(['id', 'name']).execute())
      unit[row.name] = row.id;
  });
  afterAll(async () => t.close());

  const status = async (unitName: string, period: string, code: string) => {
    const r = (
      await admin.get(`/api/compliance?unitId=${unit[unitName]}&period=${period}`)
    ).json<ComplianceReport>();
    const id = r.requirements.find((q) => q.code === code)?.id;
    return r.units[0]?.items.find((i) => i.requirementId === id);
  };

  it('seeds records up to today only, once', async () => {
    expect(created).toBeGreaterThan(300);
    const latest = await t.db.kysely
      .selectFrom('activities')
      .select((eb) => eb.fn.max('date').as('d'))
      .executeTakeFirstOrThrow();
    expect(String(latest.d) <= '2026-11-21').toBe(true);
    expect((await seedDemoRecords(t.db, t.clock)).created).toBe(0);
  });

  it('misses the duties it is meant to miss, and meets the neighbours', async () => {
    expect(await status('运营调度中心党支部', '2026Q2', 'situation-analysis')).toMatchObject({
      status: 'missed',
      count: 0,
    });
    expect(await status('青川客运中心站党支部', '2026Q2', 'situation-analysis')).toMatchObject({
      status: 'met',
    });
    expect(await status('客运分公司党总支', '2026H1', 'central-group-study')).toMatchObject({
      status: 'missed',
      count: 2,
      required: 3,
    });
    expect(await status('集团机关党总支', '2026H1', 'central-group-study')).toMatchObject({
      status: 'met',
    });
    expect(await status('青川港航物流有限公司党支部', '2025', 'special-study')).toMatchObject({
      status: 'missed',
      count: 1,
      required: 2,
    });
    expect(await status('交通工程建设公司党支部', '2025', 'staff-training')).toMatchObject({
      status: 'missed',
      count: 0,
    });
    expect(await status('交通工程建设公司党支部', '2026', 'staff-training')).toMatchObject({
      status: 'met',
    });
  });

  it('gives the same statuses from SQL counts as from the records themselves', async () => {
    const root = await t.db.kysely
      .selectFrom('units')
      .select(['id', 'path'])
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    const actor = {
      userId: 1,
      username: 'admin',
      displayName: '管理员',
      unitId: root.id,
      unitPath: root.path,
      dataScope: 'all' as const,
      permissions: new Set(['*:*:*']),
      ip: '',
    };
    for (const key of ['2025', '2026', '2026Q2']) {
      const period = parsePeriod(key);
      if (!period) throw new Error(key);
      const selection = { subtreePath: root.path };
      const fromRecords = await t.app.services.compliance.compute(actor, selection, period, 15);
      const fromCounts = await t.app.services.compliance.count(actor, selection, period, 15);
      const strip = (c: typeof fromRecords) =>
        c.statuses.map(({ recordIds: _ids, ...rest }) => rest);
      expect(strip(fromCounts)).toEqual(strip(fromRecords));
      expect(fromRecords.statuses.some((s) => s.status === 'missed')).toBe(true);
    }
  });

  it('gives the dashboard duties, counts by type and month, and recent records within scope', async () => {
    const overview = (await admin.get('/api/dashboard/overview')).json<DashboardOverview>();
    expect(overview).toMatchObject({ asOf: '2026-11-21', year: 2026, quarter: { key: '2026Q4' } });
    expect(overview.records.byMonth.map((m) => m.month)).toContain('2026-11');
    expect(overview.records.byMonth.every((m) => m.month.startsWith('2026-'))).toBe(true);
    expect(overview.records.total).toBe(overview.records.byType.reduce((a, b) => a + b.count, 0));
    expect(overview.records.recent).toHaveLength(10);
    expect(overview.records.recent[0]!.date >= overview.records.recent[9]!.date).toBe(true);
    expect(overview.compliance.missed.length).toBeGreaterThan(0);
    expect(overview.compliance.topMissedUnits.map((u) => u.unitName)).toEqual(
      expect.arrayContaining(['运营调度中心党支部', '客运分公司党总支']),
    );
    expect(overview.compliance.current.met).toBeGreaterThan(0);

    const scoped = (await keyun.get('/api/dashboard/overview')).json<DashboardOverview>();
    const keyunUnits = ['客运分公司党总支', '青川客运中心站党支部', '运营调度中心党支部'];
    expect(scoped.records.total).toBeLessThan(overview.records.total);
    expect(scoped.records.recent.every((r) => keyunUnits.includes(r.unitName))).toBe(true);
    expect(scoped.compliance.topMissedUnits.every((u) => keyunUnits.includes(u.unitName))).toBe(
      true,
    );
    expect((await keyun.get('/api/dashboard/summary')).json()).toEqual({
      units: 3,
      people: 4,
      users: 2,
    });
  });
});
