import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../access/data-scope';
import { pathUpperBound } from '../access/data-scope';
import { unitVisible } from '../access/scope-query';
import type { ComplianceUnit, EvidenceRecord } from './compliance-engine';

export interface ScopedUnit extends ComplianceUnit {
  name: string;
  parentId: number | null;
  path: string;
}

/** Records whose attendance matters: these types and raw subtypes (null: any). */
export interface AttendanceNeed {
  types: readonly string[] | null;
  subtypes: readonly string[] | null;
}

/** One column of a count matrix: records of these types and written subtypes (null: any) in [from, to]. */
export interface CountColumn {
  types: readonly string[] | null;
  subtypes: readonly string[] | null;
  from: string;
  to: string;
  requireAttendance: boolean;
}

/** Which units' records to read: one unit, or a subtree by materialized path. */
export type UnitSelection = { unitId: number } | { subtreePath: string };

/** The units to count records of: a selection, or a list of unit ids (those not yet counted). */
export type CountSelection = UnitSelection | { unitIds: readonly number[] };

/** The condition on `units` for a selection: one unit by id, or a subtree by path range. */
export function unitInSelection(selection: UnitSelection) {
  return (eb: ExpressionBuilder<Database, 'units'>): Expression<SqlBool> =>
    'unitId' in selection
      ? eb('units.id', '=', selection.unitId)
      : eb.and([
          eb('units.path', '>=', selection.subtreePath),
          eb('units.path', '<', pathUpperBound(selection.subtreePath)),
        ]);
}

/** SQL over units and the ledger's activities for compliance; no rules here. */
export class ComplianceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Live units of the selection that the actor may see, in tree order. */
  async units(actor: Actor, selection: UnitSelection): Promise<ScopedUnit[]> {
    const rows = await this.db
      .selectFrom('units')
      .select(['id', 'name', 'type', 'parent_id', 'path'])
      .where('deleted_at', 'is', null)
      .where(unitVisible(actor))
      .where(unitInSelection(selection))
      .orderBy('path')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      type: r.type,
      parentId: r.parent_id,
      path: r.path,
    }));
  }

  /** Every live unit of a subtree (whatever the actor sees): for summing counts over it. */
  async subtreeUnits(path: string): Promise<{ id: number; path: string }[]> {
    return this.db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('deleted_at', 'is', null)
      .where(unitInSelection({ subtreePath: path }))
      .execute();
  }

  /**
   * Live activities of the selected units dated within [from, to], reduced to what the engine
   * needs. `types` narrows to the activity types tracked requirements count (null: any).
   * `attendance` says which records the engine needs the attendance flag of; only those are
   * read from the table, everything else comes from the covering index.
   */
  async evidence(
    selection: UnitSelection,
    range: { from: string; to: string },
    types: readonly string[] | null,
    attendance: AttendanceNeed | null,
  ): Promise<EvidenceRecord[]> {
    const [rows, withAttendance] = await Promise.all([
      this.inScope(selection, range, types)
        .innerJoin('units as record_unit', 'record_unit.id', 'activities.unit_id')
        .select([
          'activities.id',
          'activities.unit_id',
          'record_unit.path as unit_path',
          'activities.type',
          'activities.subtype',
          'activities.date',
        ])
        .execute(),
      attendance
        ? this.inScope(selection, range, attendance.types)
            .$if(attendance.subtypes !== null, (q) =>
              q.where('activities.subtype', 'in', nonEmpty(attendance.subtypes ?? [])),
            )
            .where(hasAttendanceList)
            .select('activities.id')
            .execute()
        : Promise.resolve([]),
    ]);
    const attended = new Set(withAttendance.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitPath: r.unit_path,
      type: r.type,
      subtype: r.subtype,
      date: r.date,
      hasAttendance: attended.has(r.id),
    }));
  }

  /**
   * Per unit, the number of live records matching each column's condition: one grouped query
   * (two when some columns need attendance), one row per unit, no record rows in memory.
   */
  async countMatrix(
    selection: CountSelection,
    columns: readonly CountColumn[],
  ): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>();
    const indexed = columns.map((column, k) => ({ column, k }));
    for (const group of [
      indexed.filter((c) => !c.column.requireAttendance),
      indexed.filter((c) => c.column.requireAttendance),
    ]) {
      if (group.length === 0) continue;
      const range = {
        from: group.reduce((min, c) => (c.column.from < min ? c.column.from : min), '9999-12-31'),
        to: group.reduce((max, c) => (c.column.to > max ? c.column.to : max), '0000-01-01'),
      };
      const types = group.some((c) => c.column.types === null)
        ? null
        : [...new Set(group.flatMap((c) => c.column.types ?? []))];
      const needsAttendance = group[0]?.column.requireAttendance ?? false;
      const subtypes = group.some((c) => c.column.subtypes === null)
        ? null
        : [...new Set(group.flatMap((c) => c.column.subtypes ?? []))];
      const rows = await this.inScope(selection, range, types)
        // Narrow by subtype first so only candidate rows are read from the table.
        .$if(needsAttendance && subtypes !== null, (q) =>
          q.where('activities.subtype', 'in', nonEmpty(subtypes ?? [])),
        )
        .$if(needsAttendance, (q) => q.where(hasAttendanceList))
        .select('activities.unit_id')
        .select(
          group.map(({ column, k }) =>
            sql<number>`count(case when ${matches(column)} then 1 end)`.as(`c${k}`),
          ),
        )
        .groupBy('activities.unit_id')
        .execute();
      for (const row of rows) {
        const counts = result.get(row.unit_id) ?? new Array<number>(columns.length).fill(0);
        const values = row as Record<string, unknown>;
        for (const { k } of group) counts[k] = Number(values[`c${k}`] ?? 0);
        result.set(row.unit_id, counts);
      }
    }
    return result;
  }

  private inScope(
    selection: CountSelection,
    range: { from: string; to: string },
    types: readonly string[] | null,
  ) {
    let query = this.db
      .selectFrom('activities')
      .where('activities.deleted_at', 'is', null)
      .where('activities.date', '>=', range.from)
      .where('activities.date', '<=', range.to);
    if (types !== null) query = query.where('activities.type', 'in', nonEmpty(types));
    if ('unitIds' in selection)
      return query.where('activities.unit_id', 'in', [...selection.unitIds, -1]);
    return 'unitId' in selection
      ? query.where('activities.unit_id', '=', selection.unitId)
      : query.where('activities.unit_id', 'in', (eb) =>
          eb
            .selectFrom('units')
            .select('units.id')
            .where('units.path', '>=', selection.subtreePath)
            .where('units.path', '<', pathUpperBound(selection.subtreePath)),
        );
  }
}

/**
 * SQL condition of one count column (values bound as parameters). Evaluated for every scanned
 * row once per column: the type comes first so most rows fail on one comparison.
 */
function matches(column: CountColumn) {
  const parts = [];
  if (column.types !== null) parts.push(oneOf(sql`activities.type`, column.types));
  if (column.subtypes !== null) parts.push(oneOf(sql`activities.subtype`, column.subtypes));
  parts.push(sql`activities.date >= ${column.from}`, sql`activities.date <= ${column.to}`);
  return sql.join(parts, sql` and `);
}

function oneOf(column: RawBuilder<unknown>, values: readonly string[]) {
  return values.length === 1
    ? sql`${column} = ${values[0]}`
    : sql`${column} in (${sql.join(nonEmpty(values))})`;
}

/**
 * Records with an attendance list. Spelled as a literal so that SQLite matches it with the
 * partial index `activities_attended_idx`, which holds exactly these records.
 */
const hasAttendanceList = sql<boolean>`activities.attendance <> '[]'`;

/** `IN ()` is not SQL; an impossible value keeps the condition false. */
function nonEmpty(values: readonly string[]): string[] {
  return values.length > 0 ? [...values] : [''];
}
