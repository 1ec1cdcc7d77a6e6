import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../access/data-scope';
import { ownedRowVisible } from '../access/scope-query';

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

  private visibleActivities(actor: Actor) {
    return this.db
      .selectFrom('activities')
      .where('activities.deleted_at', 'is', null)
      .where(ownedRowVisible(actor, 'activities.unit_id', 'activities.created_by'));
  }

  /** Live records per month (`YYYY-MM`) and type within [from, to]. */
  async countByMonthAndType(actor: Actor, from: string, to: string): Promise<{ month: string; type: string; count: number }[]> {
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
