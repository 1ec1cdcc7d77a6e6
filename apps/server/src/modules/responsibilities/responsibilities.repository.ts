import type { Kysely } from 'kysely';
import type { Database, ResponsibilityRow } from '../../db/schema';
import type { Actor } from '../access/data-scope';
import { ownedRowVisible } from '../access/scope-query';
import { updateAtVersion } from '../versioned-rows/versioned-row-sql';

export type ResponsibilityWithPerson = ResponsibilityRow & { person_name: string; post: string };

export class ResponsibilitiesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private visible(actor: Actor, trx: Kysely<Database>) {
    return trx
      .selectFrom('responsibilities')
      .innerJoin('people', 'people.id', 'responsibilities.person_id')
      .selectAll('responsibilities')
      .select(['people.name as person_name', 'people.post'])
      .where(ownedRowVisible(actor, 'responsibilities.unit_id', 'responsibilities.created_by'));
  }

  list(
    actor: Actor,
    filter: { unitId?: number | undefined; year?: number | undefined },
  ): Promise<ResponsibilityWithPerson[]> {
    let query = this.visible(actor, this.db);
    if (filter.unitId) query = query.where('responsibilities.unit_id', '=', filter.unitId);
    if (filter.year) query = query.where('responsibilities.year', '=', filter.year);
    return query
      .orderBy('responsibilities.year', 'desc')
      .orderBy('responsibilities.unit_id')
      .orderBy('responsibilities.id')
      .limit(1000)
      .execute();
  }

  findVisible(
    actor: Actor,
    id: number,
    trx: Kysely<Database> = this.db,
  ): Promise<ResponsibilityWithPerson | undefined> {
    return this.visible(actor, trx).where('responsibilities.id', '=', id).executeTakeFirst();
  }

  async insert(
    values: Pick<ResponsibilityRow, 'unit_id' | 'person_id' | 'role' | 'areas' | 'year'>,
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const row = await trx
      .insertInto('responsibilities')
      .values({ ...values, version: 1, created_by: createdBy, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(
    id: number,
    version: number,
    values: Partial<Pick<ResponsibilityRow, 'role' | 'areas'>>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    return updateAtVersion(trx, 'responsibilities', id, version, values, now);
  }

  async delete(id: number, trx: Kysely<Database>): Promise<void> {
    await trx.deleteFrom('responsibilities').where('id', '=', id).execute();
  }

  async findFirstResponsible(
    unitId: number,
    year: number,
    trx: Kysely<Database>,
  ): Promise<ResponsibilityRow | undefined> {
    return trx
      .selectFrom('responsibilities')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .where('role', '=', '第一责任人')
      .executeTakeFirst();
  }
}
