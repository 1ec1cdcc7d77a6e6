import type { Kysely } from 'kysely';
import type { Database, PersonRow } from '../../db/schema';
import type { Actor } from '../access/data-scope';
import { ownedRowVisible } from '../access/scope-query';
import { containsText } from '../../shared/sql-text';
import type { UnitFilter } from '../versioned-rows/versioned-row-sql';
import {
  inUnit,
  insertVersioned,
  selectPage,
  updateVersioned,
} from '../versioned-rows/versioned-row-sql';

export type PersonWithUnit = PersonRow & { unit_name: string };

export interface PeopleListFilter {
  unit?: UnitFilter | undefined;
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

  list(actor: Actor, filter: PeopleListFilter): Promise<{ rows: PersonWithUnit[]; total: number }> {
    let query = this.visible(actor, this.db);
    if (filter.unit) query = query.where(inUnit('people.unit_id', filter.unit));
    const keyword = filter.keyword;
    if (keyword) {
      query = query.where((eb) =>
        eb.or([containsText('people.name', keyword), containsText('people.post', keyword)]),
      );
    }
    const rows = query
      .selectAll('people')
      .select('units.name as unit_name')
      .orderBy(`people.${filter.sort.column}`, filter.sort.direction)
      .orderBy('people.id');
    return selectPage(rows, query, filter.page, filter.pageSize);
  }

  async countVisible(actor: Actor): Promise<number> {
    const row = await this.visible(actor, this.db)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  insert(
    values: PersonValues,
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    return insertVersioned(trx, 'people', values, createdBy, now);
  }

  update(
    id: number,
    version: number,
    values: Partial<PersonValues & Pick<PersonRow, 'deleted_at'>>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    return updateVersioned(trx, 'people', id, version, values, now);
  }
}
