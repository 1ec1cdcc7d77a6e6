import type {
  ActivityGroup,
  ActivityType,
  AreaAggregate,
  ComposeInput,
  IncidentSeverity,
  ReportKind,
  RequirementStatus,
  UnitType,
} from '@taizhang/composer';
import { DEFAULT_SELFCHECK_BASIS } from '@taizhang/composer';
import type { Actor } from '../access/data-scope';
import type { RequirementStatus as ComplianceStatus } from '../compliance/compliance-engine';
import type { Period } from '../compliance/compliance-periods';
import { halfYearPeriod, yearPeriod } from '../compliance/compliance-periods';
import type { ComplianceComputation, ComplianceService } from '../compliance/compliance.service';
import { defaultAreas } from './area-mapping';
import type { AggregateScope, ReportAggregatesRepository } from './report-aggregates.repository';
import type { ResolvedPeriod } from './report-periods';
import type { ReportsRepository } from './reports.repository';

export interface ReportUnitRef {
  id: number;
  name: string;
  type: string;
  path: string;
  parentName: string | null;
}

export interface BuildInputOptions {
  unit: ReportUnitRef;
  kind: ReportKind;
  period: ResolvedPeriod;
  documentDate: string;
  problems?: string[] | undefined;
  plans?: string[] | undefined;
  topicArea?: string | undefined;
  /** Today in China; compliance judges deadlines against it. */
  asOf: string;
}

export interface ReportInputServiceDeps {
  aggregates: ReportAggregatesRepository;
  reports: ReportsRepository;
  compliance: Pick<ComplianceService, 'compute'>;
}

const ACTIVITY_TYPES: readonly ActivityType[] = [
  'meeting',
  'study',
  'publicity',
  'event',
  'training',
  'other',
];
const UNIT_TYPES: readonly UnitType[] = ['党委', '党组', '党工委', '党总支', '党支部', '其他'];
const SEVERITIES: readonly IncidentSeverity[] = ['一般', '较大', '重大'];
const TOPICS_PER_GROUP = 5;
const QUARTERS = ['一', '二', '三', '四'];

const groupKey = (area: string, type: string, subtype: string) =>
  `${area}\u0000${type}\u0000${subtype}`;

function periodLabelOf(key: string): string {
  const m = /^(\d{4})(?:([QH])(\d))?$/.exec(key);
  if (!m) return key;
  if (!m[2]) return `${m[1]}年`;
  if (m[2] === 'H') return `${m[1]}年${m[3] === '1' ? '上' : '下'}半年`;
  return `${m[1]}年第${QUARTERS[Number(m[3]) - 1] ?? m[3]}季度`;
}

function cadenceText(cadence: string, min: number): string {
  switch (cadence) {
    case 'quarter':
      return `每季度不少于${min}次`;
    case 'half_year':
      return `每半年不少于${min}次`;
    case 'year':
      return `每年不少于${min}次`;
    default:
      return `不少于${min}次`;
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const hoursBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 3_600_000;

/** The compliance period a report period is judged in (custom ranges: the year of their start). */
export function compliancePeriodOf(period: ResolvedPeriod): Period {
  if (period.kind === 'half-year')
    return halfYearPeriod(period.year, period.from.slice(5, 7) === '01' ? 1 : 2);
  return yearPeriod(period.year);
}

/**
 * Builds the composer's input for a unit's subtree and a period with grouped SQL: counts per
 * framework area, type and subtype, a handful of samples, incidents, channels, compliance of the
 * unit's own duties (missed ones feed 存在的问题) and the subordinates' roll-up.
 */
export class ReportInputService {
  constructor(private readonly deps: ReportInputServiceDeps) {}

  scopeOf(
    unit: Pick<ReportUnitRef, 'id' | 'path'>,
    period: Pick<ResolvedPeriod, 'from' | 'to'>,
  ): AggregateScope {
    return {
      unitId: unit.id,
      unitPath: unit.path,
      subtree: true,
      from: period.from,
      to: period.to,
    };
  }

  /** Compliance of the unit's own duties for the period. */
  compliance(
    actor: Actor,
    unitId: number,
    period: ResolvedPeriod,
    asOf: string,
  ): Promise<ComplianceComputation> {
    return this.deps.compliance.compute(actor, { unitId }, compliancePeriodOf(period), 15, asOf);
  }

  async build(actor: Actor, options: BuildInputOptions): Promise<ComposeInput> {
    const { aggregates, reports } = this.deps;
    const { unit, period } = options;
    const scope = this.scopeOf(unit, period);
    const [
      totals,
      groups,
      outlets,
      topics,
      samples,
      incidents,
      channels,
      frameworkAreas,
      descendants,
      compliance,
    ] = await Promise.all([
      aggregates.totals(scope),
      aggregates.groups(scope),
      aggregates.outlets(scope),
      aggregates.topics(scope),
      aggregates.samples(scope),
      aggregates.incidents(scope),
      aggregates.channels(scope),
      aggregates.frameworkAreas(period.year),
      aggregates.descendants(unit.path),
      this.compliance(actor, unit.id, period, options.asOf),
    ]);
    const areaNames = frameworkAreas.length > 0 ? frameworkAreas : defaultAreas;
    const byKey = new Map<string, ActivityGroup>();
    for (const row of groups) {
      if (!ACTIVITY_TYPES.includes(row.type as ActivityType) || !areaNames.includes(row.area))
        continue;
      const group: ActivityGroup = {
        type: row.type as ActivityType,
        subtype: row.subtype,
        count: row.count,
        participants: row.participants,
        firstDate: row.first_date,
        lastDate: row.last_date,
        samples: [],
      };
      if (row.present > 0) group.attendancePresent = row.present;
      byKey.set(groupKey(row.area, row.type, row.subtype), group);
    }
    for (const row of outlets) {
      const group = byKey.get(groupKey(row.area, row.type, row.subtype));
      if (group) (group.outlets ??= []).push({ outlet: row.outlet, count: row.count });
    }
    const topicCounts = new Map<string, { topic: string; count: number }[]>();
    for (const row of topics) {
      const key = groupKey(row.area, row.type, row.subtype);
      topicCounts.set(key, [
        ...(topicCounts.get(key) ?? []),
        { topic: row.topic, count: row.count },
      ]);
    }
    for (const [key, list] of topicCounts) {
      const group = byKey.get(key);
      if (!group) continue;
      group.topics = list
        .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
        .slice(0, TOPICS_PER_GROUP)
        .map((t) => t.topic);
    }
    for (const row of samples) {
      const group = byKey.get(groupKey(row.area, row.type, row.subtype));
      if (!group) continue;
      const sample: ActivityGroup['samples'][number] = {
        id: String(row.id),
        date: row.date,
        title: row.title,
      };
      const sampleTopics = parseTopics(row.topics);
      if (sampleTopics.length > 0) sample.topics = sampleTopics;
      if (row.outlet) sample.outlet = row.outlet;
      if (row.participants !== null && row.participants !== undefined)
        sample.participants = Number(row.participants);
      group.samples.push(sample);
    }
    for (const group of byKey.values()) {
      group.outlets?.sort((a, b) => b.count - a.count || a.outlet.localeCompare(b.outlet));
      group.samples.sort((a, b) =>
        a.date === b.date ? Number(b.id) - Number(a.id) : a.date < b.date ? 1 : -1,
      );
    }
    const areas: AreaAggregate[] = areaNames.map((area) => ({
      area,
      groups: [...byKey.entries()]
        .filter(([key]) => key.startsWith(`${area}\u0000`))
        .map(([, g]) => g)
        .sort(
          (a, b) =>
            b.count - a.count || a.type.localeCompare(b.type) || a.subtype.localeCompare(b.subtype),
        ),
    }));

    const input: ComposeInput = {
      kind: options.kind,
      unit: {
        id: String(unit.id),
        name: unit.name,
        type: UNIT_TYPES.includes(unit.type as UnitType) ? (unit.type as UnitType) : '其他',
      },
      period: { kind: period.kind, label: period.label, from: period.from, to: period.to },
      documentDate: options.documentDate,
      scope: 'subtree',
      activityTotal: totals.total,
      areas,
      requirements: this.requirements(compliance, period),
    };
    if (unit.parentName) {
      input.parentUnitName = unit.parentName;
      input.recipient = unit.parentName;
    }
    const incidentTotal = incidents.bySeverity.reduce((sum, r) => sum + r.count, 0);
    if (incidentTotal > 0) {
      const bySeverity: Partial<Record<IncidentSeverity, number>> = {};
      for (const r of incidents.bySeverity) {
        const severity = SEVERITIES.find((s) => s === r.severity);
        if (severity) bySeverity[severity] = (bySeverity[severity] ?? 0) + r.count;
      }
      const spans = incidents.closedSpans.map((r) => hoursBetween(r.found, r.closed));
      input.incidents = {
        total: incidentTotal,
        bySeverity,
        closed: incidents.bySeverity
          .filter((r) => r.closed === 1)
          .reduce((sum, r) => sum + r.count, 0),
        medianResponseHours: median(spans),
        meanResponseHours:
          spans.length > 0 ? spans.reduce((a, b) => a + b, 0) / spans.length : null,
      };
    }
    const channelTotal = channels.reduce((sum, r) => sum + r.count, 0);
    if (channelTotal > 0) {
      const platforms = new Map<string, number>();
      for (const r of channels)
        platforms.set(r.platform, (platforms.get(r.platform) ?? 0) + r.count);
      input.channels = {
        total: channelTotal,
        active: channels.filter((r) => r.status === 'active').reduce((sum, r) => sum + r.count, 0),
        byPlatform: [...platforms]
          .map(([platform, count]) => ({ platform, count }))
          .sort((a, b) => b.count - a.count || a.platform.localeCompare(b.platform)),
      };
    }
    if (descendants.length > 0) {
      const reported = await reports.submittedUnitIds(unit.path, period.key);
      input.subordinates = {
        units: descendants.length,
        reported: reported.length,
        withRecords: totals.belowUnits,
        activities: totals.belowActivities,
      };
    }
    const problems = (options.problems ?? []).map((p) => p.trim()).filter((p) => p !== '');
    const plans = (options.plans ?? []).map((p) => p.trim()).filter((p) => p !== '');
    if (problems.length > 0) input.problems = problems;
    if (plans.length > 0) input.plans = plans;
    if (options.kind === 'selfcheck') input.basis = DEFAULT_SELFCHECK_BASIS;
    if (options.kind === 'topical') {
      const area =
        options.topicArea && areaNames.includes(options.topicArea)
          ? options.topicArea
          : busiestArea(areas);
      input.topic = { area };
    }
    return input;
  }

  private requirements(c: ComplianceComputation, period: ResolvedPeriod): RequirementStatus[] {
    const requirements = new Map(c.requirements.map((r) => [r.id, r]));
    const out: RequirementStatus[] = [];
    for (const s of c.statuses) {
      const status = outcomeOf(s);
      const requirement = requirements.get(s.requirementId);
      if (!status || !requirement || requirement.tracking !== 'activity') continue;
      if (s.periodStart > period.to || s.periodEnd < period.from) continue;
      out.push({
        id: String(s.requirementId),
        area: requirement.areaName,
        title: requirement.title,
        cadence: cadenceText(requirement.cadence, requirement.minCount),
        required: s.required,
        actual: s.count,
        status,
        periodLabel: periodLabelOf(s.period),
        from: s.periodStart,
        to: s.periodEnd,
      });
    }
    return out;
  }
}

function outcomeOf(s: ComplianceStatus): RequirementStatus['status'] | null {
  switch (s.status) {
    case 'met':
      return 'met';
    case 'missed':
      return 'missed';
    case 'due_soon':
      return 'due-soon';
    case 'pending':
      return 'pending';
    case 'not_tracked':
      return null;
  }
}

function parseTopics(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      : [];
  } catch {
    return [];
  }
}

function busiestArea(areas: readonly AreaAggregate[]): string {
  let best = areas[0]?.area ?? '宣传教育';
  let most = -1;
  for (const a of areas) {
    const n = a.groups.reduce((sum, g) => sum + g.count, 0);
    if (n > most) {
      most = n;
      best = a.area;
    }
  }
  return best;
}
