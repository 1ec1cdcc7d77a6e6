import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import { insertActivity } from './compliance-test-kit';
import type { ComplianceReport, ComplianceSubtreeReport } from './compliance.schema';

interface RequirementDto {
  id: number;
  code: string;
  version: number;
  countScope: 'unit' | 'subtree';
}

describe('a requirement that counts subordinate units’ records (count scope “subtree”)', () => {
  let t: TestApp;
  let admin: TestAgent;
  const unit: Record<string, number> = {};
  let requirement: RequirementDto;

  /** The civilization requirement's count for a unit, from the single-unit report. */
  const single = async (unitId: number) => {
    const response = await admin.get(`/api/compliance?unitId=${unitId}&period=2026`);
    expect(response.statusCode, response.body).toBe(200);
    const item = response
      .json<ComplianceReport>()
      .units[0]?.items.find((i) => i.requirementId === requirement.id);
    return { count: item?.count, recordIds: item?.recordIds };
  };
  /** The same requirement's count per unit, from a subtree's compact report. */
  const rolled = async (unitId: number) => {
    const response = await admin.get(
      `/api/compliance?unitId=${unitId}&period=2026&includeSubunits=true`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<ComplianceSubtreeReport>();
    const column = report.columns.findIndex((c) => c.requirementId === requirement.id);
    return new Map(report.units.map((u) => [u.id, u.count[column]]));
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.ready('admin');
    const rows = await t.db.kysely.selectFrom('units').select(['id', 'name']).execute();
    const byName = (name: string) => rows.find((r) => r.name === name)?.id ?? 0;
    unit.root = byName('青川市交通运输集团有限公司党委');
    unit.jiguan1 = byName('集团机关第一党支部');
    unit.keyun = byName('客运分公司党总支');
    unit.keyunzhan = byName('青川客运中心站党支部');
    const framework = (await admin.get('/api/frameworks/year/2026')).json<{
      areas: { requirements: RequirementDto[] }[];
    }>();
    const found = framework.areas
      .flatMap((a) => a.requirements)
      .find((r) => r.code === 'civilization-activities');
    if (!found) throw new Error('no civilization requirement');
    requirement = found;
    expect(requirement.countScope).toBe('unit');
  });
  afterAll(async () => t?.close());

  it('counts only a unit’s own records by default', async () => {
    await insertActivity(t.db.kysely, {
      unitId: unit.keyunzhan!,
      type: 'event',
      subtype: '志愿服务',
      date: '2026-02-10',
    });
    expect((await single(unit.keyun!)).count).toBe(0);
    const counts = await rolled(unit.root!);
    expect(counts.get(unit.keyunzhan!)).toBe(1);
    expect(counts.get(unit.keyun!)).toBe(0);
    expect(counts.get(unit.root!)).toBe(0);
  });

  it('refuses an unknown count scope with a Chinese message', async () => {
    const response = await admin.patch(`/api/frameworks/requirements/${requirement.id}`, {
      version: requirement.version,
      countScope: 'everyone',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('计数范围');
  });

  it('once set to subtree, counts every subordinate unit’s records for each unit above them', async () => {
    const changed = await admin.patch(`/api/frameworks/requirements/${requirement.id}`, {
      version: requirement.version,
      countScope: 'subtree',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<RequirementDto>().countScope).toBe('subtree');

    const [record] = (
      await t.db.kysely
        .selectFrom('activities')
        .select('id')
        .where('unit_id', '=', unit.keyunzhan!)
        .where('type', '=', 'event')
        .execute()
    ).map((r) => r.id);
    expect(await single(unit.keyun!)).toEqual({ count: 1, recordIds: [record] });
    expect((await single(unit.root!)).count).toBe(1);
    expect((await single(unit.jiguan1!)).count).toBe(0);
    const counts = await rolled(unit.root!);
    expect(counts.get(unit.keyunzhan!)).toBe(1);
    expect(counts.get(unit.keyun!)).toBe(1);
    expect(counts.get(unit.root!)).toBe(1);
    expect(counts.get(unit.jiguan1!)).toBe(0);
    // A branch's own roll-up agrees with the whole tree's.
    expect((await rolled(unit.keyun!)).get(unit.keyun!)).toBe(1);

    const cell = await admin.get(
      `/api/compliance/records?unitId=${unit.keyun}&requirementId=${requirement.id}&period=2026`,
    );
    expect(cell.statusCode, cell.body).toBe(200);
    expect(cell.json<{ recordIds: number[] }>().recordIds).toEqual([record]);
  });

  it('counts subordinate records for a user who sees only the unit, but lists no ids of them', async () => {
    const clerkRole = await t.db.kysely
      .selectFrom('roles')
      .select('id')
      .where('code', '=', 'clerk')
      .executeTakeFirstOrThrow();
    const created = await admin.post('/api/users', {
      username: 'keyunclerk',
      displayName: '党总支台账专员',
      unitId: unit.keyun,
      roleIds: [clerkRole.id],
      password: 'Initial#2026ok',
    });
    expect(created.statusCode, created.body).toBe(201);
    const clerk = await t.login('keyunclerk', 'Initial#2026ok');
    const changed = await clerk.post('/api/auth/password', {
      oldPassword: 'Initial#2026ok',
      newPassword: 'Changed#2026ok',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const query = `unitId=${unit.keyun}&requirementId=${requirement.id}&period=2026`;
    const seen = await clerk.get(`/api/compliance/records?${query}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ count: 1, status: 'met', recordIds: [] });
    const all = (await admin.get(`/api/compliance/records?${query}`)).json<{
      recordIds: number[];
    }>();
    expect(all.recordIds).toHaveLength(1);
  });

  it('sees a new record of another branch at once, in the sums above it only', async () => {
    await insertActivity(t.db.kysely, {
      unitId: unit.jiguan1!,
      type: 'event',
      subtype: '主题党日',
      date: '2026-03-01',
    });
    const counts = await rolled(unit.root!);
    expect(counts.get(unit.root!)).toBe(2);
    expect(counts.get(unit.jiguan1!)).toBe(1);
    expect(counts.get(unit.keyun!)).toBe(1);
    expect((await single(unit.root!)).count).toBe(2);
  });
});
