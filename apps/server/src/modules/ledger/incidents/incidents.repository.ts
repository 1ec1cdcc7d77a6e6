import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { IncidentRow, IncidentTable } from '../../../db/schema-ledger';
import type { Actor } from '../../access/data-scope';
import { ownedRowVisible } from '../../access/scope-query';
import type { StampedColumn, UnitFilter } from '../../versioned-rows/versioned-row-sql';
import {
  inUnit,
  insertVersioned,
  selectPage,
  updateVersioned,
} from '../../versioned-rows/versioned-row-sql';

export type IncidentWithUnit = IncidentRow & { unit_name: string };
export type IncidentValues = Omit<Insertable<IncidentTable>, StampedColumn>;

export interface IncidentFilter {
  unit?: UnitFilter | undefined;
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

  list(
    actor: Actor | null,
    filter: IncidentFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: IncidentWithUnit[]; total: number }> {
    let query = this.visible(actor, this.db);
    if (filter.unit) query = query.where(inUnit('incidents.unit_id', filter.unit));
    if (filter.status) query = query.where('incidents.status', '=', filter.status);
    if (filter.severity) query = query.where('incidents.severity', '=', filter.severity);
    if (filter.from) query = query.where('incidents.found', '>=', filter.from);
    if (filter.to) query = query.where('incidents.found', '<=', filter.to);
    const rows = query
      .selectAll('incidents')
      .select('units.name as unit_name')
      .orderBy('incidents.found', 'desc')
      .orderBy('incidents.id', 'desc');
    return selectPage(rows, query, page, pageSize);
  }

  insert(
    values: IncidentValues,
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    return insertVersioned(trx, 'incidents', values, createdBy, now);
  }

  update(
    id: number,
    version: number,
    values: Partial<IncidentValues & Pick<IncidentRow, 'deleted_at'>>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    return updateVersioned(trx, 'incidents', id, version, values, now);
  }
}
