import type { Actor } from '../access/data-scope';
import type { ComplianceService } from '../compliance/compliance.service';
import { todoItems } from '../compliance/compliance.presenter';
import { chinaToday } from '../compliance/compliance.service';
import { DEFAULT_DUE_SOON_DAYS, emptyCounts } from '../compliance/compliance-engine';
import { periodContaining, yearPeriod } from '../compliance/compliance-periods';
import type { PeopleRepository } from '../people/people.repository';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import type { Clock } from '../../shared/clock';
import type { DashboardRepository } from './dashboard.repository';
import type { DashboardOverview, DashboardSummary } from './dashboard.schema';

export interface DashboardServiceDeps {
  units: Pick<UnitsRepository, 'countVisible'>;
  people: Pick<PeopleRepository, 'countVisible'>;
  users: Pick<UsersRepository, 'countVisible'>;
  dashboard: DashboardRepository;
  compliance: Pick<ComplianceService, 'count' | 'scopeSelection'>;
  clock: Clock;
}

/** The dashboard's figures, each counted within the actor's data scope. */
export class DashboardService {
  constructor(private readonly deps: DashboardServiceDeps) {}

  async summary(actor: Actor): Promise<DashboardSummary> {
    const { units, people, users } = this.deps;
    const [unitCount, peopleCount, userCount] = await Promise.all([
      units.countVisible(actor),
      people.countVisible(actor),
      users.countVisible(actor),
    ]);
    return { units: unitCount, people: peopleCount, users: userCount };
  }

  /** Duties due and missed, record counts by type and month, recent records: the landing page. */
  async overview(actor: Actor): Promise<DashboardOverview> {
    const { dashboard, compliance, clock } = this.deps;
    const asOf = chinaToday(clock);
    const year = Number(asOf.slice(0, 4));
    const yearRange = yearPeriod(year);
    const quarter = periodContaining('quarter', asOf);
    const [status, byMonth, recent] = await Promise.all([
      compliance.count(
        actor,
        compliance.scopeSelection(actor),
        yearRange,
        DEFAULT_DUE_SOON_DAYS,
        asOf,
      ),
      dashboard.countByMonthAndType(actor, yearRange.start, yearRange.end),
      dashboard.recent(actor, 10),
    ]);
    const units = new Map(status.units.map((u) => [u.id, u.name]));
    const current = emptyCounts();
    const yearToDate = emptyCounts();
    for (const s of status.statuses) {
      if (s.periodStart <= asOf && asOf <= s.periodEnd) current[s.status] += 1;
      if (s.periodStart <= asOf) yearToDate[s.status] += 1;
    }
    const todo = todoItems(status);
    const dueSoon = todo.filter((item) => item.status === 'due_soon');
    const missed = todo.filter((item) => item.status === 'missed');
    const missedByUnit = new Map<number, number>();
    for (const item of missed)
      missedByUnit.set(item.unitId, (missedByUnit.get(item.unitId) ?? 0) + 1);
    dueSoon.sort((a, b) => a.daysLeft - b.daysLeft);
    missed.sort((a, b) => b.daysLeft - a.daysLeft);
    const byType = new Map<string, number>();
    for (const row of byMonth) byType.set(row.type, (byType.get(row.type) ?? 0) + row.count);
    return {
      asOf,
      year,
      quarter: { key: quarter.key, start: quarter.start, end: quarter.end },
      compliance: {
        current,
        yearToDate,
        dueSoon: dueSoon.slice(0, 10),
        missed: missed.slice(0, 10),
        topMissedUnits: [...missedByUnit]
          .sort((a, b) => b[1] - a[1] || a[0] - b[0])
          .slice(0, 5)
          .map(([unitId, count]) => ({ unitId, unitName: units.get(unitId) ?? '', missed: count })),
      },
      records: {
        total: [...byType.values()].reduce((a, b) => a + b, 0),
        byType: [...byType].map(([type, count]) => ({ type, count })),
        byMonth,
        recent: recent.map((r) => ({
          id: r.id,
          unitId: r.unit_id,
          unitName: r.unit_name,
          type: r.type,
          subtype: r.subtype,
          date: r.date,
          title: r.title,
        })),
      },
    };
  }
}
