import type { FigureSegment } from '@taizhang/composer';
import { collectFigures, segmentText } from '@taizhang/composer';
import { notFound } from '../../errors/app-error';
import type { Actor } from '../access/data-scope';
import type { AggregateScope, ReportAggregatesRepository } from './report-aggregates.repository';
import type { ReportInputService } from './report-input.service';
import { resolvePeriod } from './report-periods';
import { contentOf } from './reports.presenter';
import type { FigureRecordDto } from './reports.schema';
import type { ReportsService } from './reports.service';

export interface ReportFiguresServiceDeps {
  reports: Pick<ReportsService, 'visible' | 'today'>;
  aggregates: ReportAggregatesRepository;
  input: Pick<ReportInputService, 'compliance'>;
}

const ACTIVITY_MEASURES = new Set([
  'activity.total',
  'activity.count',
  'activity.participants',
  'activity.attendance',
  'outlet.count',
  'record.participants',
  'subordinate.activities',
]);
const INCIDENT_MEASURES = new Set([
  'incident.count',
  'incident.closed',
  'incident.open',
  'incident.inTime',
  'incident.responseHours.median',
  'incident.responseHours.mean',
]);
const CHANNEL_MEASURES = new Set(['channel.total', 'channel.active', 'channel.platform']);
const REQUIREMENT_MEASURES = new Set(['requirement.actual']);

const TYPE_LABELS: Record<string, string> = {
  meeting: '会议',
  study: '学习',
  publicity: '宣传',
  event: '活动',
  training: '培训',
  other: '其他',
};

function linked(measure: string): boolean {
  return (
    ACTIVITY_MEASURES.has(measure) ||
    INCIDENT_MEASURES.has(measure) ||
    CHANNEL_MEASURES.has(measure) ||
    REQUIREMENT_MEASURES.has(measure)
  );
}

/** Every figure of a report, and the records behind each one (within the actor's data scope). */
export class ReportFiguresService {
  constructor(private readonly deps: ReportFiguresServiceDeps) {}

  async figures(actor: Actor, id: number) {
    const { row } = await this.deps.reports.visible(actor, id);
    const seen = new Map<string, FigureSegment>();
    for (const f of collectFigures(contentOf(row))) if (!seen.has(f.key)) seen.set(f.key, f);
    return [...seen.values()].map((f) => ({
      key: f.key,
      value: f.value,
      ...(f.unit ? { unit: f.unit } : {}),
      measure: f.refs.measure,
      text: segmentText(f),
      linked: linked(f.refs.measure),
    }));
  }

  async records(actor: Actor, id: number, key: string, page: number, pageSize: number) {
    const { row } = await this.deps.reports.visible(actor, id);
    const figure = collectFigures(contentOf(row)).find((f) => f.key === key);
    if (!figure) throw notFound('报告中没有这个数字');
    const { refs } = figure;
    const scope: AggregateScope = {
      unitId: row.unit_id,
      unitPath: row.unit_path,
      subtree: refs.subtree,
      from: refs.from,
      to: refs.to,
    };
    const limit = pageSize;
    const offset = (page - 1) * pageSize;
    const base = { key, value: figure.value, text: segmentText(figure), page, pageSize };
    let items: FigureRecordDto[] = [];
    let total = 0;
    let note: string | undefined;
    if (ACTIVITY_MEASURES.has(refs.measure)) {
      const result = await this.deps.aggregates.figureRecords(
        actor,
        refs.measure === 'subordinate.activities' ? { ...scope, excludeOwn: true } : scope,
        {
          area: refs.area,
          type: refs.type,
          subtype: refs.subtype,
          outlet: refs.outlet,
          recordIds: refs.recordIds?.map(Number),
        },
        limit,
        offset,
      );
      items = result.rows.map((r) => ({
        kind: 'activity',
        id: r.id,
        unitName: r.unit_name,
        date: r.date,
        title: r.title,
        detail: [
          TYPE_LABELS[r.type] ?? r.type,
          r.subtype,
          r.outlet ?? '',
          r.participants ? `${r.participants}人` : '',
        ]
          .filter(Boolean)
          .join(' · '),
      }));
      total = result.total;
    } else if (REQUIREMENT_MEASURES.has(refs.measure)) {
      const period = row.period_key.includes('~')
        ? resolvePeriod({ from: row.period_from, to: row.period_to })
        : resolvePeriod({ period: row.period_key });
      const computation = await this.deps.input.compliance(
        actor,
        row.unit_id,
        period,
        this.deps.reports.today(),
      );
      const status = computation.statuses.find(
        (s) => String(s.requirementId) === refs.requirementId && s.periodStart === refs.from,
      );
      const ids = status?.recordIds ?? [];
      const result = await this.deps.aggregates.figureRecords(
        actor,
        { ...scope, subtree: false, from: '0000-01-01', to: '9999-12-31' },
        { recordIds: ids },
        limit,
        offset,
      );
      items = result.rows.map((r) => ({
        kind: 'activity',
        id: r.id,
        unitName: r.unit_name,
        date: r.date,
        title: r.title,
        detail: [TYPE_LABELS[r.type] ?? r.type, r.subtype].filter(Boolean).join(' · '),
      }));
      total = result.total;
    } else if (INCIDENT_MEASURES.has(refs.measure)) {
      const closed =
        refs.measure === 'incident.open'
          ? false
          : refs.measure === 'incident.count'
            ? undefined
            : true;
      const result = await this.deps.aggregates.incidentRecords(
        actor,
        scope,
        { severity: refs.severity, closed },
        limit,
        offset,
      );
      items = result.rows.map((r) => ({
        kind: 'incident',
        id: r.id,
        unitName: r.unit_name,
        date: r.found,
        title: r.summary,
        detail: [
          r.severity,
          r.status === 'closed' ? `已办结${r.closed ? `（${r.closed}）` : ''}` : '未办结',
        ].join(' · '),
      }));
      total = result.total;
    } else if (CHANNEL_MEASURES.has(refs.measure)) {
      const result = await this.deps.aggregates.channelRecords(
        actor,
        scope,
        { platform: refs.platform, active: refs.measure === 'channel.active' },
        limit,
        offset,
      );
      items = result.rows.map((r) => ({
        kind: 'channel',
        id: r.id,
        unitName: r.unit_name,
        date: r.registered,
        title: r.name,
        detail: [
          r.platform,
          r.status === 'active' ? '在用' : r.status === 'suspended' ? '暂停' : '已关停',
        ].join(' · '),
      }));
      total = result.total;
    } else {
      note = '该数字由汇总计算得出，没有对应的单条台账记录';
    }
    return { ...base, total, items, ...(note ? { note } : {}) };
  }
}
