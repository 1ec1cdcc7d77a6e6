import type { Kysely } from 'kysely';
import type { Database, PersonRow } from '../../db/schema';
import type { Actor } from '../access/data-scope';
import { pathUpperBound } from '../access/data-scope';
import { ownedRowVisible } from '../access/scope-query';
import { offsetOf } from '../../shared/pagination';
import { containsText } from '../../shared/sql-text';

export type PersonWithUnit = PersonRow & { unit_name: string };

export interface PeopleListFilter {
  unit?: { id: number; path: string; includeSubunits: boolean } | undefined;
  keyword?: string | undefined;
  page: number;
  pageSize: number;
  sort: { column: 'name' | 'post' | 'created_at' | 'unit_id'; direction: 'asc' | 'desc' };
}

export type PersonValues = Pick<
  PersonRow,
  'unit_id' | 'name' | 'post' | 'gender' | 'phone' | 'remark'
>;

export class PeopleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private visible(actor: Actor, trx: Kysely<Database>) {
    return trx
      .selectFrom('people')
      .innerJoin('units', 'units.id', 'people.unit_id')
      .where('people.deleted_at', 'is', null)
      .where(ownedRowVisible(actor, 'people.unit_id', 'people.created_by'));
  }

  findVisible(
    actor: Actor,
    id: number,
    trx: Kysely<Database> = this.db,
  ): Promise<PersonWithUnit | undefined> {
    return this.visible(actor, trx)
      .selectAll('people')
      .select('units.name as unit_name')
      .where('people.id', '=', id)
      .executeTakeFirst();
  }

  async list(
    actor: Actor,
    filter: PeopleListFilter,
  ): Promise<{ rows: PersonWithUnit[]; total: number }> {
    let query = this.visible(actor, this.db);
    const unit = filter.unit;
    if (unit) {
      query = unit.includeSubunits
        ? query
            .where('units.path', '>=', unit.path)
            .where('units.path', '<', pathUpperBound(unit.path))
        : query.where('people.unit_id', '=', unit.id);
    }
    if (filter.keyword) {
      const keyword = filter.keyword;
      query = query.where((eb) =>
        eb.or([containsText('people.name', keyword), containsText('people.post', keyword)]),
      );
    }
    const [rows, count] = await Promise.all([
      query
        .selectAll('people')
        .select('units.name as unit_name')
        .orderBy(`people.${filter.sort.column}`, filter.sort.direction)
        .orderBy('people.id')
        .limit(filter.pageSize)
        .offset(offsetOf(filter.page, filter.pageSize))
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  async countVisible(actor: Actor): Promise<number> {
    const row = await this.visible(actor, this.db)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(
    values: PersonValues,
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const row = await trx
      .insertInto('people')
      .values({ ...values, version: 1, created_by: createdBy, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(
    id: number,
    version: number,
    values: Partial<PersonValues & Pick<PersonRow, 'deleted_at'>>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('people')
      .set({ ...values, version: version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
