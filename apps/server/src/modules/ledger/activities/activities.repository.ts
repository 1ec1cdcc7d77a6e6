import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { DialectName } from '../../../db/database';
import type { Database } from '../../../db/schema';
import type { ActivityRow } from '../../../db/schema-ledger';
import { offsetOf } from '../../../shared/pagination';
import type { Actor } from '../../access/data-scope';
import { pathUpperBound } from '../../access/data-scope';
import { ownedRowVisible } from '../../access/scope-query';
import { activityMatches } from '../search/search-sql';
import type { SearchToken } from '../search/search-tokens';
import { updateVersioned } from '../../versioned-rows/versioned-row-sql';

export type ActivityWithUnit = ActivityRow & { unit_name: string };
export type ActivityListRow = ActivityWithUnit & { evidence_count: number };

/** Every column a service writes; the repository adds id, version and timestamps. */
export type ActivityValues = Pick<
  ActivityRow,
  | 'unit_id'
  | 'type'
  | 'subtype'
  | 'date'
  | 'title'
  | 'summary'
  | 'participants'
  | 'topics'
  | 'attendance'
  | 'speakers'
  | 'outlet'
  | 'link'
  | 'audience'
  | 'areas'
  | 'extra'
  | 'external_id'
  | 'search_text'
>;

export interface ActivityFilter {
  unit?: { id: number; path: string; includeSubunits: boolean } | undefined;
  type?: string | undefined;
  subtype?: string | undefined;
  /** Inclusive YYYY-MM-DD bounds. */
  from?: string | undefined;
  to?: string | undefined;
  area?: string | undefined;
  tokens?: readonly SearchToken[] | undefined;
  /** true: only soft-deleted records (the recycle bin); otherwise only live ones. */
  deleted?: boolean | undefined;
}

export type ActivitySortColumn = 'date' | 'created_at' | 'updated_at' | 'title' | 'type';
export interface ActivitySort {
  column: ActivitySortColumn;
  direction: 'asc' | 'desc';
}

/** Scope of an aggregate: a unit subtree (by path) or a list of units, and a date range. */
export interface AggregateScope {
  unitPath?: string | undefined;
  unitIds?: readonly number[] | undefined;
  from: string;
  to: string;
  types?: readonly string[] | undefined;
}

export interface UnitSubtypeCount {
  unit_id: number;
  type: string;
  subtype: string;
  count: number;
  first_date: string;
  last_date: string;
}

type ActivityEb = ExpressionBuilder<Database, 'activities'>;

/**
 * SQL for the `activities` and `activity_areas` tables. Reads join `units` (for names and
 * subtree paths) and take the actor's data scope; aggregates for compliance and dashboards
 * count in SQL without loading rows.
 */
export class ActivitiesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  /** Activities in the actor's scope, not yet joined: counts need no join. */
  private scoped(actor: Actor | null, trx: Kysely<Database>) {
    const query = trx.selectFrom('activities');
    return actor
      ? query.where(ownedRowVisible(actor, 'activities.unit_id', 'activities.created_by'))
      : query;
  }

  private base(actor: Actor | null, trx: Kysely<Database>) {
    return this.scoped(actor, trx).innerJoin('units', 'units.id', 'activities.unit_id');
  }

  private conditions(filter: ActivityFilter) {
    return (eb: ActivityEb): Expression<SqlBool> => {
      const all: Expression<SqlBool>[] = [
        filter.deleted
          ? eb('activities.deleted_at', 'is not', null)
          : eb('activities.deleted_at', 'is', null),
      ];
      const unit = filter.unit;
      if (unit) {
        all.push(
          unit.includeSubunits
            ? eb(
                'activities.unit_id',
                'in',
                eb
                  .selectFrom('units as sub')
                  .select('sub.id')
                  .where('sub.path', '>=', unit.path)
                  .where('sub.path', '<', pathUpperBound(unit.path)),
              )
            : eb('activities.unit_id', '=', unit.id),
        );
      }
      if (filter.type) all.push(eb('activities.type', '=', filter.type));
      if (filter.subtype) all.push(eb('activities.subtype', '=', filter.subtype));
      if (filter.from) all.push(eb('activities.date', '>=', filter.from));
      if (filter.to) all.push(eb('activities.date', '<=', filter.to));
      if (filter.area) {
        const area = filter.area;
        all.push(
          eb(
            'activities.id',
            'in',
            eb.selectFrom('activity_areas').select('activity_id').where('area', '=', area),
          ),
        );
      }
      if (filter.tokens && filter.tokens.length > 0) {
        all.push(
          activityMatches(this.dialect, 'activities.id', 'activities.search_text', filter.tokens),
        );
      }
      return eb.and(all);
    };
  }

  async list(
    actor: Actor,
    filter: ActivityFilter,
    sort: ActivitySort,
    page: number,
    pageSize: number,
  ): Promise<{ rows: ActivityListRow[]; total: number }> {
    const query = this.scoped(actor, this.db).where(this.conditions(filter));
    const [rows, count] = await Promise.all([
      query
        .innerJoin('units', 'units.id', 'activities.unit_id')
        .selectAll('activities')
        .select('units.name as unit_name')
        .select((eb) =>
          eb
            .selectFrom('evidence')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('evidence.activity_id', '=', 'activities.id')
            .where('evidence.deleted_at', 'is', null)
            .as('evidence_count'),
        )
        .orderBy(`activities.${sort.column}`, sort.direction)
        .orderBy('activities.id', sort.direction)
        .limit(pageSize)
        .offset(offsetOf(page, pageSize))
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      rows: rows.map((r) => ({ ...r, evidence_count: Number(r.evidence_count ?? 0) })),
      total: Number(count.n),
    };
  }

  /** Full rows for exports, at most `limit` (callers check `count` first). */
  listAll(
    actor: Actor | null,
    filter: ActivityFilter,
    sort: ActivitySort,
    limit: number,
  ): Promise<ActivityWithUnit[]> {
    return this.scoped(actor, this.db)
      .where(this.conditions(filter))
      .innerJoin('units', 'units.id', 'activities.unit_id')
      .selectAll('activities')
      .select('units.name as unit_name')
      .orderBy(`activities.${sort.column}`, sort.direction)
      .orderBy('activities.id', sort.direction)
      .limit(limit)
      .execute();
  }

  async count(actor: Actor | null, filter: ActivityFilter): Promise<number> {
    const row = await this.scoped(actor, this.db)
      .where(this.conditions(filter))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  findVisible(
    actor: Actor,
    id: number,
    options: { includeDeleted?: boolean } = {},
    trx: Kysely<Database> = this.db,
  ): Promise<ActivityWithUnit | undefined> {
    let query = this.base(actor, trx)
      .selectAll('activities')
      .select('units.name as unit_name')
      .where('activities.id', '=', id);
    if (!options.includeDeleted) query = query.where('activities.deleted_at', 'is', null);
    return query.executeTakeFirst();
  }

  /** Live or deleted records that carry one of these interchange ids. */
  async externalIdsTaken(
    ids: readonly string[],
    trx: Kysely<Database> = this.db,
  ): Promise<Set<string>> {
    const taken = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx
        .selectFrom('activities')
        .select('external_id')
        .where('external_id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const row of rows) if (row.external_id) taken.add(row.external_id);
    }
    return taken;
  }

  async insert(
    values: ActivityValues,
    areas: readonly string[],
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const { id } = await trx
      .insertInto('activities')
      .values({ ...values, version: 1, created_by: createdBy, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.replaceAreas(id, areas, trx);
    return id;
  }

  /** Replaces every field; false when the version no longer matches. */
  async update(
    id: number,
    version: number,
    values: ActivityValues,
    areas: readonly string[],
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    if (!(await updateVersioned(trx, 'activities', id, version, values, now))) return false;
    await this.replaceAreas(id, areas, trx);
    return true;
  }

  /** Soft delete (`deletedAt` set) or restore (`null`); false on a version mismatch. */
  async setDeleted(
    id: number,
    version: number,
    deletedAt: string | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('activities')
      .set({ deleted_at: deletedAt, version: version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private async replaceAreas(id: number, areas: readonly string[], trx: Kysely<Database>) {
    await trx.deleteFrom('activity_areas').where('activity_id', '=', id).execute();
    if (areas.length > 0) {
      await trx
        .insertInto('activity_areas')
        .values(areas.map((area) => ({ activity_id: id, area })))
        .execute();
    }
  }

  private aggregateBase(scope: AggregateScope) {
    let query = this.db
      .selectFrom('activities')
      .where('activities.deleted_at', 'is', null)
      .where('activities.date', '>=', scope.from)
      .where('activities.date', '<=', scope.to);
    if (scope.unitIds) {
      if (scope.unitIds.length === 0) query = query.where(sql<SqlBool>`1 = 0`);
      else query = query.where('activities.unit_id', 'in', [...scope.unitIds]);
    }
    if (scope.unitPath) {
      const path = scope.unitPath;
      query = query.where('activities.unit_id', 'in', (eb) =>
        eb
          .selectFrom('units')
          .select('units.id')
          .where('units.path', '>=', path)
          .where('units.path', '<', pathUpperBound(path)),
      );
    }
    if (scope.types && scope.types.length > 0) {
      query = query.where('activities.type', 'in', [...scope.types]);
    }
    return query;
  }

  /**
   * Live records per unit, type and subtype in a date range, counted in SQL — what compliance
   * needs to decide "at least N per period" without loading records.
   */
  async countByUnitTypeSubtype(scope: AggregateScope): Promise<UnitSubtypeCount[]> {
    const rows = await this.aggregateBase(scope)
      .select(['activities.unit_id', 'activities.type', 'activities.subtype'])
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn.min('activities.date').as('first_date'),
        eb.fn.max('activities.date').as('last_date'),
      ])
      .groupBy(['activities.unit_id', 'activities.type', 'activities.subtype'])
      .execute();
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** Live records per month (`YYYY-MM`) and type in a date range, for charts. */
  async countByMonthAndType(
    scope: AggregateScope,
  ): Promise<{ month: string; type: string; count: number }[]> {
    const month = sql<string>`substr(activities.date, 1, 7)`;
    const rows = await this.aggregateBase(scope)
      .select([month.as('month'), 'activities.type'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .groupBy([month, 'activities.type'])
      .orderBy(month)
      .execute();
    return rows.map((r) => ({ month: r.month, type: r.type, count: Number(r.count) }));
  }

  /** The live records behind a figure: id, unit, type, subtype, date and title only. */
  recordsFor(
    scope: AggregateScope & { subtypes?: readonly string[] | undefined },
    limit = 1000,
  ): Promise<Pick<ActivityRow, 'id' | 'unit_id' | 'type' | 'subtype' | 'date' | 'title'>[]> {
    let query = this.aggregateBase(scope);
    if (scope.subtypes && scope.subtypes.length > 0) {
      query = query.where('activities.subtype', 'in', [...scope.subtypes]);
    }
    return query
      .select([
        'activities.id',
        'activities.unit_id',
        'activities.type',
        'activities.subtype',
        'activities.date',
        'activities.title',
      ])
      .orderBy('activities.date')
      .orderBy('activities.id')
      .limit(limit)
      .execute();
  }
}
