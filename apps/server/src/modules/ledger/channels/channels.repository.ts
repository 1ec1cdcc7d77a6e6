import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { ChannelRow, ChannelTable } from '../../../db/schema-ledger';
import { offsetOf } from '../../../shared/pagination';
import { containsText } from '../../../shared/sql-text';
import type { Actor } from '../../access/data-scope';
import { pathUpperBound } from '../../access/data-scope';
import { ownedRowVisible } from '../../access/scope-query';

export type ChannelWithNames = ChannelRow & { unit_name: string; owner_name: string | null };
export type ChannelValues = Omit<
  Insertable<ChannelTable>,
  'id' | 'version' | 'created_by' | 'created_at' | 'updated_at' | 'deleted_at'
>;

export interface ChannelFilter {
  unit?: { id: number; path: string; includeSubunits: boolean } | undefined;
  status?: string | undefined;
  keyword?: string | undefined;
}

/** The register of the organization's own channels (阵地); no message content. */
export class ChannelsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private visible(actor: Actor | null, trx: Kysely<Database>) {
    const query = trx
      .selectFrom('channels')
      .innerJoin('units', 'units.id', 'channels.unit_id')
      .leftJoin('people', 'people.id', 'channels.owner_person_id')
      .where('channels.deleted_at', 'is', null);
    return actor
      ? query.where(ownedRowVisible(actor, 'channels.unit_id', 'channels.created_by'))
      : query;
  }

  findVisible(
    actor: Actor,
    id: number,
    trx: Kysely<Database> = this.db,
  ): Promise<ChannelWithNames | undefined> {
    return this.visible(actor, trx)
      .selectAll('channels')
      .select(['units.name as unit_name', 'people.name as owner_name'])
      .where('channels.id', '=', id)
      .executeTakeFirst();
  }

  async list(
    actor: Actor | null,
    filter: ChannelFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: ChannelWithNames[]; total: number }> {
    let query = this.visible(actor, this.db);
    const unit = filter.unit;
    if (unit) {
      query = unit.includeSubunits
        ? query
            .where('units.path', '>=', unit.path)
            .where('units.path', '<', pathUpperBound(unit.path))
        : query.where('channels.unit_id', '=', unit.id);
    }
    if (filter.status) query = query.where('channels.status', '=', filter.status);
    if (filter.keyword) {
      const keyword = filter.keyword;
      query = query.where((eb) =>
        eb.or([containsText('channels.name', keyword), containsText('channels.platform', keyword)]),
      );
    }
    const [rows, count] = await Promise.all([
      query
        .selectAll('channels')
        .select(['units.name as unit_name', 'people.name as owner_name'])
        .orderBy('channels.id')
        .limit(pageSize)
        .offset(offsetOf(page, pageSize))
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  async insert(
    values: ChannelValues,
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const { id } = await trx
      .insertInto('channels')
      .values({ ...values, version: 1, created_by: createdBy, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async update(
    id: number,
    version: number,
    values: Partial<ChannelValues & Pick<ChannelRow, 'deleted_at'>>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('channels')
      .set({ ...values, version: version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
