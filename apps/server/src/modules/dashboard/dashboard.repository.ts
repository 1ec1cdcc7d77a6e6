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
    // Grouped by day in index order (no sort of every record), then folded into months here.
    // Every unit is under `/`: an `all` actor needs no unit filter and the live (date, type)
    // index answers alone.
    const scoped =
      actor.dataScope === 'all'
        ? this.db.selectFrom('activities').where('activities.deleted_at', 'is', null)
        : this.visibleActivities(actor);
    const rows = await scoped
      .select(['activities.date', 'activities.type', (eb) => eb.fn.countAll<number>().as('count')])
      .where('activities.date', '>=', from)
      .where('activities.date', '<=', to)
      .groupBy(['activities.date', 'activities.type'])
      .execute();
    const byMonth = new Map<string, { month: string; type: string; count: number }>();
    for (const row of rows) {
      const month = row.date.slice(0, 7);
      const key = `${month}\u0000${row.type}`;
      const found = byMonth.get(key);
      if (found) found.count += Number(row.count);
      else byMonth.set(key, { month, type: row.type, count: Number(row.count) });
    }
    return [...byMonth.values()].sort((a, b) =>
      a.month !== b.month
        ? a.month < b.month
          ? -1
          : 1
        : a.type < b.type
          ? -1
          : a.type > b.type
            ? 1
            : 0,
    );
  }

  /** The latest records by date of the work. */
  async recent(actor: Actor, limit: number): Promise<RecentRecordRow[]> {
    if (actor.dataScope !== 'all') {
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
    // Everything is visible: walk the date index from the end (joined to units, SQLite would
    // start from the units and sort every record), then name the few units.
    const rows = await this.db
      .selectFrom('activities')
      .where('activities.deleted_at', 'is', null)
      .select([
        'activities.id',
        'activities.unit_id',
        'activities.type',
        'activities.subtype',
        'activities.date',
        'activities.title',
      ])
      .orderBy('activities.date', 'desc')
      .orderBy('activities.id', 'desc')
      .limit(limit)
      .execute();
    const unitIds = [...new Set(rows.map((r) => r.unit_id))];
    const names = new Map(
      unitIds.length === 0
        ? []
        : (
            await this.db
              .selectFrom('units')
              .select(['id', 'name'])
              .where('id', 'in', unitIds)
              .execute()
          ).map((u) => [u.id, u.name]),
    );
    return rows.map((r) => ({ ...r, unit_name: names.get(r.unit_id) ?? '' }));
  }
}
