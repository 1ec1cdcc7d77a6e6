import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { ChannelRow, ChannelTable } from '../../../db/schema-ledger';
import { containsText } from '../../../shared/sql-text';
import type { Actor } from '../../access/data-scope';
import { ownedRowVisible } from '../../access/scope-query';
import type { StampedColumn, UnitFilter } from '../../versioned-rows/versioned-row-sql';
import {
  inUnit,
  insertVersioned,
  selectPage,
  updateVersioned,
} from '../../versioned-rows/versioned-row-sql';

export type ChannelWithNames = ChannelRow & { unit_name: string; owner_name: string | null };
export type ChannelValues = Omit<Insertable<ChannelTable>, StampedColumn>;

export interface ChannelFilter {
  unit?: UnitFilter | undefined;
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

  list(
    actor: Actor | null,
    filter: ChannelFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: ChannelWithNames[]; total: number }> {
    let query = this.visible(actor, this.db);
    if (filter.unit) query = query.where(inUnit('channels.unit_id', filter.unit));
    if (filter.status) query = query.where('channels.status', '=', filter.status);
    const keyword = filter.keyword;
    if (keyword) {
      query = query.where((eb) =>
        eb.or([containsText('channels.name', keyword), containsText('channels.platform', keyword)]),
      );
    }
    const rows = query
      .selectAll('channels')
      .select(['units.name as unit_name', 'people.name as owner_name'])
      .orderBy('channels.id');
    return selectPage(rows, query, page, pageSize);
  }

  insert(
    values: ChannelValues,
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    return insertVersioned(trx, 'channels', values, createdBy, now);
  }

  update(
    id: number,
    version: number,
    values: Partial<ChannelValues & Pick<ChannelRow, 'deleted_at'>>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    return updateVersioned(trx, 'channels', id, version, values, now);
  }
}
