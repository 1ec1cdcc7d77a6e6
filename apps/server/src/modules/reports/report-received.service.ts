import { notFound } from '../../errors/app-error';
import type { Actor } from '../access/data-scope';
import { unitPathInScope } from '../access/data-scope';
import type { UnitsRepository } from '../units/units.repository';
import type { ReportAggregatesRepository } from './report-aggregates.repository';
import { resolvePeriod, submissionDeadline } from './report-periods';
import { presentSummary } from './reports.presenter';
import type { ReportsRepository } from './reports.repository';
import type { ReceivedResponse } from './reports.schema';

export interface ReportReceivedServiceDeps {
  reports: ReportsRepository;
  aggregates: ReportAggregatesRepository;
  units: UnitsRepository;
  today: () => string;
}

const STATE_LABELS = {
  submitted: '已报送',
  late: '逾期报送',
  overdue: '逾期未报',
  pending: '未报送',
} as const;

/** The date (China time) of an ISO timestamp. */
function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The parent's view of a period: which direct subordinates have submitted, and who is late. */
export class ReportReceivedService {
  constructor(private readonly deps: ReportReceivedServiceDeps) {}

  async received(
    actor: Actor,
    query: { period: string; unitId?: number | undefined },
  ): Promise<ReceivedResponse> {
    const unit = await this.deps.units.findLive(query.unitId ?? actor.unitId);
    if (!unit || !unitPathInScope(actor, unit.path)) throw notFound('单位不存在或无权访问');
    const period = resolvePeriod({ period: query.period });
    const deadline = submissionDeadline(period);
    const asOf = this.deps.today();
    const [children, submitted] = await Promise.all([
      this.deps.aggregates
        .descendants(unit.path)
        .then((rows) => rows.filter((r) => r.parent_id === unit.id)),
      this.deps.reports.submittedBelow(unit.path, period.key),
    ]);
    const units = children.map((child) => {
      const reports = submitted.filter((r) => r.unit_id === child.id).map(presentSummary);
      const first = reports
        .map((r) => (r.submittedAt ? chinaDate(r.submittedAt) : ''))
        .filter(Boolean)
        .sort()[0];
      const state: keyof typeof STATE_LABELS = first
        ? deadline && first > deadline
          ? 'late'
          : 'submitted'
        : deadline && asOf > deadline
          ? 'overdue'
          : 'pending';
      return {
        unitId: child.id,
        unitName: child.name,
        state,
        stateLabel: STATE_LABELS[state],
        reports,
      };
    });
    return {
      unit: { id: unit.id, name: unit.name },
      periodKey: period.key,
      periodLabel: period.label,
      deadline,
      asOf,
      units,
      counts: {
        units: units.length,
        submitted: units.filter((u) => u.state === 'submitted' || u.state === 'late').length,
        overdue: units.filter((u) => u.state === 'overdue').length,
        pending: units.filter((u) => u.state === 'pending').length,
      },
    };
  }
}
