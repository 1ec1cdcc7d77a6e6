import { sql } from 'kysely';
import type {
  Insertable,
  Kysely,
  RawBuilder,
  SelectQueryBuilder,
  SqlBool,
  Updateable,
} from 'kysely';
import type { Database } from '../../db/schema';
import { offsetOf } from '../../shared/pagination';
import { pathUpperBound } from '../access/data-scope';

// SQL shared by the repositories of versioned rows (optimistic updates), most of them soft
// deleted. Table and column names come from repositories, never from users.

/** Tables whose rows carry `version`, `created_by`, `created_at`, `updated_at`, `deleted_at`. */
export type VersionedTable = 'units' | 'people' | 'channels' | 'incidents' | 'users' | 'activities';
/** Tables whose rows carry `version` and `updated_at` and are deleted outright. */
export type HardDeletedVersionedTable =
  'roles' | 'responsibilities' | 'frameworks' | 'framework_areas' | 'framework_requirements';
/** Versioned tables whose rows belong to a unit (`unit_id`) and are inserted as plain values. */
export type UnitOwnedTable = 'people' | 'channels' | 'incidents';

/** The columns a new row gets from `insertVersioned` rather than from the caller. */
export type StampedColumn =
  'id' | 'version' | 'created_by' | 'created_at' | 'updated_at' | 'deleted_at';

/** A list narrowed to one unit, or to the unit and everything below it. */
export interface UnitFilter {
  id: number;
  path: string;
  includeSubunits: boolean;
}

/** SQL condition for `UnitFilter`; the query must join `units` on the row's `unitColumn`. */
export function inUnit(unitColumn: string, unit: UnitFilter): RawBuilder<SqlBool> {
  if (!unit.includeSubunits) return sql<SqlBool>`${sql.ref(unitColumn)} = ${unit.id}`;
  const path = sql.ref('units.path');
  return sql<SqlBool>`(${path} >= ${unit.path} and ${path} < ${pathUpperBound(unit.path)})`;
}

/**
 * One page of `rows` (already filtered, selected and ordered) and the total of `filtered`, the
 * same filter without the selection, so both run side by side.
 */
export async function selectPage<DB, TB extends keyof DB, O, FDB, FTB extends keyof FDB, FO>(
  rows: SelectQueryBuilder<DB, TB, O>,
  filtered: SelectQueryBuilder<FDB, FTB, FO>,
  page: number,
  pageSize: number,
) {
  const [items, count] = await Promise.all([
    rows.limit(pageSize).offset(offsetOf(page, pageSize)).execute(),
    filtered
      .select((eb) => eb.fn.countAll<number>().as('n'))
      // PostgreSQL returns count(*) as a string; Number() below covers both dialects.
      .$castTo<{ n: number | string | bigint }>()
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: items, total: Number(count.n) };
}

/** Inserts a row at version 1, stamped with its creator and time; returns its id. */
export async function insertVersioned<T extends UnitOwnedTable>(
  trx: Kysely<Database>,
  table: T,
  values: Omit<Insertable<Database[T]>, StampedColumn> & { unit_id: number },
  createdBy: number | null,
  now: string,
): Promise<number> {
  // Kysely cannot resolve columns of a generic table; the union keeps the shared ones typed,
  // while `T` still ties `values` to the table at the call site.
  const into: UnitOwnedTable = table;
  const { id } = await trx
    .insertInto(into)
    .values({ ...values, version: 1, created_by: createdBy, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Optimistic update of a live row: applies `values` only if the row still has `version`, and
 * bumps it. False means someone else changed (or deleted) the row first.
 */
export function updateVersioned<T extends VersionedTable>(
  trx: Kysely<Database>,
  table: T,
  id: number,
  version: number,
  values: Updateable<Database[T]>,
  now: string,
): Promise<boolean> {
  return bumpVersion(trx, table, id, version, values, now, true);
}

/**
 * Optimistic update of a row that is deleted outright (no `deleted_at`): applies `values` only if
 * the row still has `version`, and bumps it. False means someone else changed or deleted it.
 */
export function updateAtVersion<T extends HardDeletedVersionedTable>(
  trx: Kysely<Database>,
  table: T,
  id: number,
  version: number,
  values: Updateable<Database[T]>,
  now: string,
): Promise<boolean> {
  return bumpVersion(trx, table, id, version, values, now, false);
}

async function bumpVersion(
  trx: Kysely<Database>,
  target: VersionedTable | HardDeletedVersionedTable,
  id: number,
  version: number,
  values: Updateable<Database[VersionedTable | HardDeletedVersionedTable]>,
  now: string,
  liveOnly: boolean,
): Promise<boolean> {
  const result = await trx
    .updateTable(target)
    .set({ ...values, version: version + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .$if(liveOnly, (query) => query.where(sql<SqlBool>`deleted_at is null`))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
