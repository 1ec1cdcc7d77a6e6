import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo';
import { seedDemoRecords } from '../../demo/demo-records';
import { manualClock } from '../../shared/clock';
import { createTestDb, testDialect } from '../../../test/helpers/test-db';
import type { TestDb } from '../../../test/helpers/test-db';
import { ComplianceCounts } from './compliance-counts';
import { ComplianceCountsRepository } from './compliance-counts.repository';
import { insertActivity } from './compliance-test-kit';
import { ComplianceRepository } from './compliance.repository';
import type { CountColumn, CountSelection, UnitSelection } from './compliance.repository';

const quarter = (from: string, to: string): CountColumn => ({
  types: ['meeting'],
  subtypes: ['形势研判', '意识形态形势分析研判会'],
  from,
  to,
  requireAttendance: false,
});
const COLUMNS: CountColumn[] = [
  quarter('2026-01-01', '2026-03-31'),
  quarter('2026-04-01', '2026-06-30'),
  quarter('2026-07-01', '2026-09-30'),
  quarter('2026-10-01', '2026-12-31'),
  {
    types: ['publicity'],
    subtypes: null,
    from: '2026-01-01',
    to: '2026-12-31',
    requireAttendance: false,
  },
  { types: null, subtypes: null, from: '2026-01-01', to: '2026-06-30', requireAttendance: false },
  {
    types: ['study'],
    subtypes: ['中心组学习', '理论学习中心组学习'],
    from: '2026-01-01',
    to: '2026-12-31',
    requireAttendance: true,
  },
];

describe(`materialized compliance counts on ${testDialect()}`, () => {
  let db: TestDb;
  let repository: ComplianceRepository;
  const clock = manualClock(new Date('2026-11-21T02:00:00.000Z'));
  /** The selections the SQL count was asked for, per call of `matrix`. */
  let asked: CountSelection[] = [];
  /** Runs after the SQL count and before its counts are returned (a concurrent write). */
  let duringCount: (() => Promise<void>) | undefined;
  let counts: ComplianceCounts;
  let root: UnitSelection;
  let branchId = 0;
  let otherId = 0;

  const revisionOf = async (unitId: number) =>
    (
      await db.kysely
        .selectFrom('ledger_revisions')
        .select('revision')
        .where('unit_id', '=', unitId)
        .executeTakeFirst()
    )?.revision ?? 0;
  /** The counts straight from SQL, zeros for units without records, keyed like `matrix`. */
  const direct = async (unitIds: readonly number[], columns = COLUMNS) => {
    const fresh = await repository.countMatrix(root, columns);
    return new Map(
      unitIds.map((id) => [id, fresh.get(id) ?? new Array<number>(columns.length).fill(0)]),
    );
  };

  beforeAll(async () => {
    db = await createTestDb();
    await seedDemo(db, clock);
    await seedDemoRecords(db, clock);
    repository = new ComplianceRepository(db.kysely);
    counts = new ComplianceCounts({
      compliance: {
        countMatrix: async (selection, columns) => {
          asked.push(selection);
          const result = await repository.countMatrix(selection, columns);
          if (duringCount) await duringCount();
          return result;
        },
      },
      counts: new ComplianceCountsRepository(db.kysely),
      clock,
      subtreeQueryAbove: 3,
    });
    const units = await db.kysely
      .selectFrom('units')
      .select(['id', 'path', 'depth'])
      .orderBy('path')
      .execute();
    const top = units[0];
    if (!top) throw new Error('no units');
    root = { subtreePath: top.path };
    branchId = units.find((u) => u.depth === 2)?.id ?? 0;
    otherId = units.filter((u) => u.depth === 2).at(-1)?.id ?? 0;
    expect(branchId).toBeGreaterThan(0);
    expect(otherId).not.toBe(branchId);
  });
  afterAll(async () => db?.dispose());

  it('moves a unit’s ledger revision on every write that can change a count, and only then', async () => {
    const before = await revisionOf(branchId);
    const id = await insertActivity(db.kysely, { unitId: branchId, date: '2026-05-06' });
    expect(await revisionOf(branchId)).toBe(before + 1);
    const update = (values: Record<string, string | null | number>) =>
      db.kysely.updateTable('activities').set(values).where('id', '=', id).execute();
    await update({ title: '改了标题', summary: '改了摘要' });
    expect(await revisionOf(branchId)).toBe(before + 1);
    const changes: Record<string, string | null>[] = [
      { date: '2026-05-07' },
      { subtype: '民主生活会' },
      { type: 'study' },
      { attendance: '[{"name":"张三","present":true}]' },
      { deleted_at: '2026-11-21T02:00:00.000Z' },
      { deleted_at: null },
    ];
    for (const change of changes) {
      const was = await revisionOf(branchId);
      await update(change);
      expect(await revisionOf(branchId), JSON.stringify(change)).toBeGreaterThan(was);
    }
    const [branchWas, otherWas] = [await revisionOf(branchId), await revisionOf(otherId)];
    await update({ unit_id: otherId });
    expect(await revisionOf(branchId)).toBeGreaterThan(branchWas);
    expect(await revisionOf(otherId)).toBeGreaterThan(otherWas);
    const otherNow = await revisionOf(otherId);
    await db.kysely.deleteFrom('activities').where('id', '=', id).execute();
    expect(await revisionOf(otherId)).toBe(otherNow + 1);
  });

  it('counts every unit once, then answers from the stored counts, equal to the SQL count', async () => {
    asked = [];
    const first = await counts.matrix(root, COLUMNS);
    expect(asked).toEqual([root]); // more units than the threshold: one subtree query
    const expected = await direct([...first.keys()]);
    expect(first.size).toBeGreaterThan(3);
    expect(first).toEqual(expected);
    expect([...first.values()].some((row) => row.some((n) => n > 0))).toBe(true);

    asked = [];
    expect(await counts.matrix(root, COLUMNS)).toEqual(expected);
    expect(asked).toEqual([]);
  });

  it('recounts just the units whose records changed, and sees the change', async () => {
    const before = await counts.matrix(root, COLUMNS);
    await insertActivity(db.kysely, { unitId: branchId, date: '2026-08-12', subtype: '形势研判' });
    await insertActivity(db.kysely, {
      unitId: otherId,
      type: 'study',
      subtype: '理论学习中心组学习',
      date: '2026-09-01',
      attendance: [{ name: '李四', present: true }],
    });
    asked = [];
    const after = await counts.matrix(root, COLUMNS);
    expect(asked).toHaveLength(1);
    expect(
      'unitIds' in (asked[0] ?? {}) && [...(asked[0] as { unitIds: number[] }).unitIds].sort(),
    ).toEqual([branchId, otherId].sort());
    expect(after.get(branchId)?.[2]).toBe((before.get(branchId)?.[2] ?? 0) + 1);
    expect(after.get(otherId)?.[6]).toBe((before.get(otherId)?.[6] ?? 0) + 1);
    expect(after).toEqual(await direct([...after.keys()]));
  });

  it('keeps separate counts per column set: another period is counted, not mistaken for this one', async () => {
    const lastYear = COLUMNS.map((c) => ({
      ...c,
      from: c.from.replace('2026', '2025'),
      to: c.to.replace('2026', '2025'),
    }));
    asked = [];
    const counted = await counts.matrix(root, lastYear);
    expect(asked).toHaveLength(1);
    expect(counted).toEqual(await direct([...counted.keys()], lastYear));
    expect(await counts.matrix(root, COLUMNS)).toEqual(await direct([...counted.keys()]));
  });

  it('never trusts counts a concurrent write overtook: the unit is counted again next time', async () => {
    await insertActivity(db.kysely, { unitId: branchId, date: '2026-02-03' }); // branch is stale
    duringCount = async () => {
      duringCount = undefined;
      await insertActivity(db.kysely, { unitId: branchId, date: '2026-02-04' });
    };
    const raced = await counts.matrix(root, COLUMNS);
    const truth = await direct([...raced.keys()]);
    // The answer was counted before the second write …
    expect(raced.get(branchId)?.[0]).toBe((truth.get(branchId)?.[0] ?? 0) - 1);
    // … and is not served again: the next call counts the branch once more.
    asked = [];
    expect(await counts.matrix(root, COLUMNS)).toEqual(truth);
    expect(asked).toEqual([{ unitIds: [branchId] }]);
  });

  it('answers a single unit and drops counts nobody recomputed for 30 days', async () => {
    const single = await counts.matrix({ unitId: otherId }, COLUMNS);
    expect([...single.keys()]).toEqual([otherId]);
    const stored = async () =>
      Number(
        (
          await db.kysely
            .selectFrom('compliance_counts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await stored()).toBeGreaterThan(0);
    clock.advance(31 * 86_400_000);
    await insertActivity(db.kysely, { unitId: otherId, date: '2026-12-01' });
    await counts.matrix({ unitId: otherId }, COLUMNS); // stores one row, prunes the old ones
    expect(await stored()).toBe(1);
  });
});
