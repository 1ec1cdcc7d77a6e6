import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { IncidentRow, IncidentTable } from '../../../db/schema-ledger';
import { offsetOf } from '../../../shared/pagination';
import type { Actor } from '../../access/data-scope';
import { pathUpperBound } from '../../access/data-scope';
import { ownedRowVisible } from '../../access/scope-query';

export type IncidentWithUnit = IncidentRow & { unit_name: string };
export type IncidentValues = Omit<
  Insertable<IncidentTable>,
  'id' | 'version' | 'created_by' | 'created_at' | 'updated_at' | 'deleted_at'
>;

export interface IncidentFilter {
  unit?: { id: number; path: string; includeSubunits: boolean } | undefined;
  status?: string | undefined;
  severity?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Opinion incidents (舆情事件): public items about the organization and the response. */
export class IncidentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private visible(actor: Actor | null, trx: Kysely<Database>) {
    const query = trx
      .selectFrom('incidents')
      .innerJoin('units', 'units.id', 'incidents.unit_id')
      .where('incidents.deleted_at', 'is', null);
    return actor
      ? query.where(ownedRowVisible(actor, 'incidents.unit_id', 'incidents.created_by'))
      : query;
  }

  findVisible(
    actor: Actor,
    id: number,
    trx: Kysely<Database> = this.db,
  ): Promise<IncidentWithUnit | undefined> {
    return this.visible(actor, trx)
      .selectAll('incidents')
      .select('units.name as unit_name')
      .where('incidents.id', '=', id)
      .executeTakeFirst();
  }

  async list(
    actor: Actor | null,
    filter: IncidentFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: IncidentWithUnit[]; total: number }> {
    let query = this.visible(actor, this.db);
    const unit = filter.unit;
    if (unit) {
      query = unit.includeSubunits
        ? query
            .where('units.path', '>=', unit.path)
            .where('units.path', '<', pathUpperBound(unit.path))
        : query.where('incidents.unit_id', '=', unit.id);
    }
    if (filter.status) query = query.where('incidents.status', '=', filter.status);
    if (filter.severity) query = query.where('incidents.severity', '=', filter.severity);
    if (filter.from) query = query.where('incidents.found', '>=', filter.from);
    if (filter.to) query = query.where('incidents.found', '<=', filter.to);
    const [rows, count] = await Promise.all([
      query
        .selectAll('incidents')
        .select('units.name as unit_name')
        .orderBy('incidents.found', 'desc')
        .orderBy('incidents.id', 'desc')
        .limit(pageSize)
        .offset(offsetOf(page, pageSize))
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  async insert(
    values: IncidentValues,
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const { id } = await trx
      .insertInto('incidents')
      .values({ ...values, version: 1, created_by: createdBy, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async update(
    id: number,
    version: number,
    values: Partial<IncidentValues & Pick<IncidentRow, 'deleted_at'>>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('incidents')
      .set({ ...values, version: version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
