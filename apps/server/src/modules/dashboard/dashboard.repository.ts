import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../access/data-scope';
import { pathUpperBound } from '../access/data-scope';

export interface RecentRecordRow {
  id: number;
  unit_id: number;
  unit_name: string;
  type: string;
  subtype: string;
  date: string;
  title: string;
}

/** Grouped reads of the ledger for the dashboard: one query each, scoped like the ledger list. */
export class DashboardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Live records the actor may see. Units are selected by materialized path (an index range the
   * compliance index serves without table reads); `self` sees only the records it created, as
   * in the ledger list.
   */
  private visibleActivities(actor: Actor) {
    const query = this.db.selectFrom('activities').where('activities.deleted_at', 'is', null);
    switch (actor.dataScope) {
      case 'all':
      case 'unit_and_below': {
        const prefix = actor.dataScope === 'all' ? '/' : actor.unitPath;
        return query.where('activities.unit_id', 'in', (eb) =>
          eb
            .selectFrom('units')
            .select('units.id')
            .where('units.path', '>=', prefix)
            .where('units.path', '<', pathUpperBound(prefix)),
        );
      }
      case 'unit':
        return query.where('activities.unit_id', '=', actor.unitId);
      case 'self':
        return query.where('activities.created_by', '=', actor.userId);
    }
  }

  /** Live records per month (`YYYY-MM`) and type within [from, to]. */
  async countByMonthAndType(
    actor: Actor,
    from: string,
    to: string,
  ): Promise<{ month: string; type: string; count: number }[]> {
    const month = sql<string>`substr(activities.date, 1, 7)`;
    const rows = await this.visibleActivities(actor)
      .select([month.as('month'), 'activities.type', (eb) => eb.fn.countAll<number>().as('count')])
      .where('activities.date', '>=', from)
      .where('activities.date', '<=', to)
      .groupBy([month, 'activities.type'])
      .orderBy(month)
      .orderBy('activities.type')
      .execute();
    return rows.map((r) => ({ month: r.month, type: r.type, count: Number(r.count) }));
  }

  /** The latest records by date of the work. */
  recent(actor: Actor, limit: number): Promise<RecentRecordRow[]> {
    return this.visibleActivities(actor)
      .innerJoin('units', 'units.id', 'activities.unit_id')
      .select([
        'activities.id',
        'activities.unit_id',
        'units.name as unit_name',
        'activities.type',
        'activities.subtype',
        'activities.date',
        'activities.title',
      ])
      .orderBy('activities.date', 'desc')
      .orderBy('activities.id', 'desc')
      .limit(limit)
      .execute();
  }
}
