import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type {
  FrameworkAreaRow,
  FrameworkAreaTable,
  FrameworkRequirementRow,
  FrameworkRequirementTable,
  FrameworkRow,
  SubtypeAliasRow,
} from '../../db/schema-framework';
import { updateAtVersion } from '../versioned-rows/versioned-row-sql';

export type FrameworkWithCounts = FrameworkRow & { area_count: number; requirement_count: number };
export type NewRequirementRow = Omit<
  Insertable<FrameworkRequirementTable>,
  'version' | 'created_at' | 'updated_at'
>;
type AreaChanges = Omit<Updateable<FrameworkAreaTable>, 'id' | 'version' | 'updated_at'>;
type RequirementChanges = Omit<
  Updateable<FrameworkRequirementTable>,
  'id' | 'version' | 'updated_at'
>;

/** Frameworks, their areas and requirements, and the subtype aliases: SQL only. */
export class FrameworkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every framework (or just one) with its counts of areas and requirements, latest year first. */
  async list(id?: number): Promise<FrameworkWithCounts[]> {
    const rows = await this.db
      .selectFrom('frameworks')
      .selectAll('frameworks')
      .select((eb) => [
        eb
          .selectFrom('framework_areas')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('framework_areas.framework_id', '=', 'frameworks.id')
          .as('area_count'),
        eb
          .selectFrom('framework_requirements')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('framework_requirements.framework_id', '=', 'frameworks.id')
          .as('requirement_count'),
      ])
      .$if(id !== undefined, (q) => q.where('frameworks.id', '=', id ?? 0))
      .orderBy('year', 'desc')
      .execute();
    return rows.map((r) => ({
      ...r,
      area_count: Number(r.area_count ?? 0),
      requirement_count: Number(r.requirement_count ?? 0),
    }));
  }

  find(id: number, trx: Kysely<Database> = this.db): Promise<FrameworkRow | undefined> {
    return trx.selectFrom('frameworks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByYear(year: number, trx: Kysely<Database> = this.db): Promise<FrameworkRow | undefined> {
    return trx.selectFrom('frameworks').selectAll().where('year', '=', year).executeTakeFirst();
  }

  /** The most recent framework of an earlier year, to copy forward. */
  latestBefore(year: number, trx: Kysely<Database> = this.db): Promise<FrameworkRow | undefined> {
    return trx
      .selectFrom('frameworks')
      .selectAll()
      .where('year', '<', year)
      .orderBy('year', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async insert(
    values: { year: number; name: string; source_id: number | null; created_by: number | null },
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const { id } = await trx
      .insertInto('frameworks')
      .values({ ...values, version: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async update(
    id: number,
    version: number,
    values: { name: string },
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    return updateAtVersion(trx, 'frameworks', id, version, values, now);
  }

  async delete(id: number, trx: Kysely<Database>): Promise<void> {
    await trx.deleteFrom('framework_requirements').where('framework_id', '=', id).execute();
    await trx.deleteFrom('framework_areas').where('framework_id', '=', id).execute();
    await trx.deleteFrom('frameworks').where('id', '=', id).execute();
  }

  areas(frameworkId: number, trx: Kysely<Database> = this.db): Promise<FrameworkAreaRow[]> {
    return trx
      .selectFrom('framework_areas')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  findArea(id: number, trx: Kysely<Database> = this.db): Promise<FrameworkAreaRow | undefined> {
    return trx.selectFrom('framework_areas').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findAreaByName(
    frameworkId: number,
    name: string,
    trx: Kysely<Database> = this.db,
  ): Promise<FrameworkAreaRow | undefined> {
    return trx
      .selectFrom('framework_areas')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  async insertArea(
    values: { framework_id: number; name: string; sort_order: number },
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const { id } = await trx
      .insertInto('framework_areas')
      .values({ ...values, version: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async updateArea(
    id: number,
    version: number,
    values: AreaChanges,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    return updateAtVersion(trx, 'framework_areas', id, version, values, now);
  }

  async deleteArea(id: number, trx: Kysely<Database>): Promise<void> {
    await trx.deleteFrom('framework_areas').where('id', '=', id).execute();
  }

  async countRequirementsInArea(areaId: number, trx: Kysely<Database>): Promise<number> {
    const row = await trx
      .selectFrom('framework_requirements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('area_id', '=', areaId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  requirements(
    frameworkId: number,
    trx: Kysely<Database> = this.db,
  ): Promise<FrameworkRequirementRow[]> {
    return trx
      .selectFrom('framework_requirements')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  }

  findRequirement(
    id: number,
    trx: Kysely<Database> = this.db,
  ): Promise<FrameworkRequirementRow | undefined> {
    return trx
      .selectFrom('framework_requirements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findRequirementByCode(
    frameworkId: number,
    code: string,
    trx: Kysely<Database>,
  ): Promise<FrameworkRequirementRow | undefined> {
    return trx
      .selectFrom('framework_requirements')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .where('code', '=', code)
      .executeTakeFirst();
  }

  async insertRequirement(
    values: NewRequirementRow,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const { id } = await trx
      .insertInto('framework_requirements')
      .values({ ...values, version: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async updateRequirement(
    id: number,
    version: number,
    values: RequirementChanges,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    return updateAtVersion(trx, 'framework_requirements', id, version, values, now);
  }

  async deleteRequirement(id: number, trx: Kysely<Database>): Promise<void> {
    await trx.deleteFrom('framework_requirements').where('id', '=', id).execute();
  }

  aliases(trx: Kysely<Database> = this.db): Promise<SubtypeAliasRow[]> {
    return trx
      .selectFrom('subtype_aliases')
      .selectAll()
      .orderBy('canonical')
      .orderBy('alias')
      .execute();
  }

  findAlias(id: number, trx: Kysely<Database> = this.db): Promise<SubtypeAliasRow | undefined> {
    return trx.selectFrom('subtype_aliases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findAliasByText(
    alias: string,
    trx: Kysely<Database> = this.db,
  ): Promise<SubtypeAliasRow | undefined> {
    return trx
      .selectFrom('subtype_aliases')
      .selectAll()
      .where('alias', '=', alias)
      .executeTakeFirst();
  }

  async insertAlias(
    alias: string,
    canonical: string,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const { id } = await trx
      .insertInto('subtype_aliases')
      .values({ alias, canonical, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async deleteAlias(id: number, trx: Kysely<Database>): Promise<void> {
    await trx.deleteFrom('subtype_aliases').where('id', '=', id).execute();
  }

  async countAliases(trx: Kysely<Database> = this.db): Promise<number> {
    const row = await trx
      .selectFrom('subtype_aliases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
