import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database, UnitRow } from '../../db/schema';
import type { Actor } from '../access/data-scope';
import { pathUpperBound } from '../access/data-scope';
import { unitVisible } from '../access/scope-query';
import { containsText } from '../../shared/sql-text';
import { selectPage, updateVersioned } from '../versioned-rows/versioned-row-sql';

export type UnitWithCounts = UnitRow & {
  parent_name: string | null;
  child_count: number;
  people_count: number;
};

export interface UnitListFilter {
  keyword?: string | undefined;
  type?: string | undefined;
  parentId?: number | undefined;
  page: number;
  pageSize: number;
  sort: { column: 'name' | 'sort_order' | 'created_at' | 'path'; direction: 'asc' | 'desc' };
}

export class UnitsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findLive(id: number, trx: Kysely<Database> = this.db): Promise<UnitRow | undefined> {
    return trx
      .selectFrom('units')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  }

  findLiveByName(name: string): Promise<UnitRow | undefined> {
    return this.db
      .selectFrom('units')
      .selectAll()
      .where('name', '=', name)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
  }

  private withCounts(trx: Kysely<Database>) {
    return trx
      .selectFrom('units')
      .leftJoin('units as parent', 'parent.id', 'units.parent_id')
      .selectAll('units')
      .select('parent.name as parent_name')
      .select((eb) => [
        eb
          .selectFrom('units as c')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('c.parent_id', '=', 'units.id')
          .where('c.deleted_at', 'is', null)
          .as('child_count'),
        eb
          .selectFrom('people')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('people.unit_id', '=', 'units.id')
          .where('people.deleted_at', 'is', null)
          .as('people_count'),
      ])
      .where('units.deleted_at', 'is', null);
  }

  async findVisible(
    actor: Actor,
    id: number,
    trx: Kysely<Database> = this.db,
  ): Promise<UnitWithCounts | undefined> {
    const row = await this.withCounts(trx)
      .where('units.id', '=', id)
      .where(unitVisible(actor))
      .executeTakeFirst();
    return row ? normalizeCounts(row) : undefined;
  }

  /** Every visible live unit, ordered for building a tree. */
  visibleForTree(
    actor: Actor,
  ): Promise<Pick<UnitRow, 'id' | 'parent_id' | 'name' | 'type' | 'sort_order' | 'path'>[]> {
    return this.db
      .selectFrom('units')
      .select(['id', 'parent_id', 'name', 'type', 'sort_order', 'path'])
      .where('deleted_at', 'is', null)
      .where(unitVisible(actor))
      .orderBy('depth')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  async list(
    actor: Actor,
    filter: UnitListFilter,
  ): Promise<{ rows: UnitWithCounts[]; total: number }> {
    let base = this.withCounts(this.db).where(unitVisible(actor));
    let count = this.db
      .selectFrom('units')
      .where('units.deleted_at', 'is', null)
      .where(unitVisible(actor));
    if (filter.keyword) {
      base = base.where(containsText('units.name', filter.keyword));
      count = count.where(containsText('units.name', filter.keyword));
    }
    if (filter.type) {
      base = base.where('units.type', '=', filter.type);
      count = count.where('units.type', '=', filter.type);
    }
    if (filter.parentId) {
      base = base.where('units.parent_id', '=', filter.parentId);
      count = count.where('units.parent_id', '=', filter.parentId);
    }
    const sorted = base
      .orderBy(`units.${filter.sort.column}`, filter.sort.direction)
      .orderBy('units.id');
    const { rows, total } = await selectPage(sorted, count, filter.page, filter.pageSize);
    return { rows: rows.map(normalizeCounts), total };
  }

  async countVisible(actor: Actor): Promise<number> {
    const row = await this.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .where(unitVisible(actor))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Inserts a unit under `parent` (or as a root) and sets its materialized path. */
  async insert(
    values: {
      parent: Pick<UnitRow, 'id' | 'path' | 'depth'> | null;
      name: string;
      type: string;
      sort_order: number;
      remark: string;
      created_by: number | null;
    },
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const { id } = await trx
      .insertInto('units')
      .values({
        parent_id: values.parent?.id ?? null,
        name: values.name,
        type: values.type,
        path: '/',
        depth: (values.parent?.depth ?? -1) + 1,
        sort_order: values.sort_order,
        remark: values.remark,
        version: 1,
        created_by: values.created_by,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('units')
      .set({ path: `${values.parent?.path ?? '/'}${id}/` })
      .where('id', '=', id)
      .execute();
    return id;
  }

  /** Optimistic update; a deleted unit never matches, as soft deletes bump the version too. */
  update(
    id: number,
    version: number,
    values: Partial<Pick<UnitRow, 'name' | 'type' | 'sort_order' | 'remark' | 'deleted_at'>>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    return updateVersioned(trx, 'units', id, version, values, now);
  }

  /** Moves a unit and its whole subtree under a new parent by rewriting path prefixes. */
  async move(
    unit: Pick<UnitRow, 'id' | 'path' | 'depth'>,
    parent: Pick<UnitRow, 'id' | 'path' | 'depth'>,
    trx: Kysely<Database>,
  ): Promise<void> {
    const newPath = `${parent.path}${unit.id}/`;
    const depthDelta = parent.depth + 1 - unit.depth;
    await trx
      .updateTable('units')
      .set({
        path: sql<string>`${newPath} || substr(path, ${unit.path.length + 1})`,
        depth: sql<number>`depth + ${depthDelta}`,
      })
      .where('path', '>=', unit.path)
      .where('path', '<', pathUpperBound(unit.path))
      .execute();
    await trx
      .updateTable('units')
      .set({ parent_id: parent.id })
      .where('id', '=', unit.id)
      .execute();
  }

  async countLiveChildren(id: number, trx: Kysely<Database> = this.db): Promise<number> {
    const row = await trx
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function normalizeCounts<T extends { child_count: unknown; people_count: unknown }>(
  row: T,
): T & { child_count: number; people_count: number } {
  return {
    ...row,
    child_count: Number(row.child_count ?? 0),
    people_count: Number(row.people_count ?? 0),
  };
}
