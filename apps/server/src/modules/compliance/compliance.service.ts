import { AppError, notFound } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import type { Actor } from '../access/data-scope';
import { unitPathInScope } from '../access/data-scope';
import type { FrameworkRepository } from '../framework/framework.repository';
import type { FrameworkService } from '../framework/framework.service';
import { toRule } from '../framework/framework.presenter';
import type { RequirementRule, RequirementStatus } from './compliance-engine';
import {
  DEFAULT_DUE_SOON_DAYS,
  evaluateCompliance,
  evaluateFromCounts,
  isTracked,
  ruleWindows,
  writtenSubtypes,
} from './compliance-engine';
import type { ComplianceCounts } from './compliance-counts';
import { MAX_RECORD_IDS, present, presentSubtree, todoItems } from './compliance.presenter';
import { attendanceNeed, evidenceRange, typesOf } from './compliance-evidence';
import { sumOverSubtrees } from './subtree-counts';
import type { Period } from './compliance-periods';
import { currentPeriodKey, parsePeriod, yearPeriod } from './compliance-periods';
import type {
  ComplianceRepository,
  CountColumn,
  ScopedUnit,
  UnitSelection,
} from './compliance.repository';
import type {
  ComplianceQuery,
  ComplianceRecords,
  ComplianceRecordsQuery,
  ComplianceReport,
  ComplianceSubtreeReport,
  TodoResponse,
} from './compliance.schema';

export interface ComplianceServiceDeps {
  compliance: ComplianceRepository;
  counts: Pick<ComplianceCounts, 'matrix'>;
  frameworks: FrameworkRepository;
  frameworkService: Pick<FrameworkService, 'ensureForYear'>;
  clock: Clock;
}

/** Today's date in China (UTC+8), where the duties fall due. */
export function chinaToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface ComplianceComputation {
  period: Period;
  asOf: string;
  dueSoonDays: number;
  framework: { id: number; year: number; name: string };
  requirements: ComplianceReport['requirements'];
  units: ScopedUnit[];
  statuses: RequirementStatus[];
}

/** Compliance status of units against the year's framework, always within the actor's scope. */
export class ComplianceService {
  constructor(private readonly deps: ComplianceServiceDeps) {}

  /** The selection an actor covers by default: their subtree, or just their unit. */
  scopeSelection(actor: Actor): UnitSelection {
    switch (actor.dataScope) {
      case 'all':
        return { subtreePath: '/' };
      case 'unit_and_below':
        return { subtreePath: actor.unitPath };
      case 'unit':
      case 'self':
        return { unitId: actor.unitId };
    }
  }

  async status(
    actor: Actor,
    query: ComplianceQuery,
  ): Promise<ComplianceReport | ComplianceSubtreeReport> {
    const asOf = chinaToday(this.deps.clock);
    // A year's framework is created on first use; do not create them for far-off years.
    const period = this.checkedPeriod(query.period ?? currentPeriodKey('quarter', asOf), asOf);
    const unitId = query.unitId ?? actor.unitId;
    const [unit] = await this.deps.compliance.units(actor, { unitId });
    if (!unit) throw notFound('单位不存在或无权访问');
    const selection: UnitSelection = query.includeSubunits
      ? { subtreePath: unit.path }
      : { unitId };
    const dueSoonDays = query.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
    // A roll-up over a subtree (thousands of cells) is judged from counts aggregated in SQL,
    // compact (a status code and a count per cell) and lists no record ids: a clicked cell asks
    // `records` for them. A single unit lists its items with their records.
    if (query.includeSubunits) return this.subtree(actor, selection, period, dueSoonDays, asOf);
    return present(await this.compute(actor, selection, period, dueSoonDays, asOf));
  }

  /** The records that satisfy one requirement of one unit in one cadence period (a clicked cell). */
  async records(actor: Actor, query: ComplianceRecordsQuery): Promise<ComplianceRecords> {
    const asOf = chinaToday(this.deps.clock);
    const period = this.checkedPeriod(query.period, asOf);
    const [unit] = await this.deps.compliance.units(actor, { unitId: query.unitId });
    if (!unit) throw notFound('单位不存在或无权访问');
    const result = await this.compute(
      actor,
      { unitId: unit.id },
      period,
      query.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
      asOf,
    );
    if (!result.requirements.some((r) => r.id === query.requirementId))
      throw notFound('该年度的责任体系中没有这项要求');
    const item = result.statuses.find(
      (s) => s.requirementId === query.requirementId && s.period === period.key,
    );
    if (!item) throw notFound('该要求不适用于此单位或此期间');
    const { unitId: _u, recordIds, ...rest } = item;
    return { unitId: unit.id, ...rest, recordIds: recordIds.slice(0, MAX_RECORD_IDS) };
  }

  private checkedPeriod(text: string, asOf: string): Period {
    const period = parsePeriod(text);
    if (!period) throw new AppError('VALIDATION_FAILED', '期间须为 2026、2026H1 或 2026Q1 的形式');
    if (period.year < 2000 || period.year > Number(asOf.slice(0, 4)) + 1) {
      throw new AppError(
        'VALIDATION_FAILED',
        `期间须在 2000 年至 ${Number(asOf.slice(0, 4)) + 1} 年之间`,
      );
    }
    return period;
  }

  /** The year's framework, its rules and the aliases, and the selected units the actor sees. */
  private async load(actor: Actor, selection: UnitSelection, period: Period) {
    const { compliance, frameworks, frameworkService } = this.deps;
    const framework = await frameworkService.ensureForYear(actor, period.year);
    const [rows, areas, aliasRows, units] = await Promise.all([
      frameworks.requirements(framework.id),
      frameworks.areas(framework.id),
      frameworks.aliases(),
      compliance.units(actor, selection),
    ]);
    const rules = rows.map(toRule);
    const areaNames = new Map(areas.map((a) => [a.id, a.name]));
    return {
      framework: { id: framework.id, year: framework.year, name: framework.name },
      rules,
      aliases: new Map(aliasRows.map((a) => [a.alias, a.canonical])),
      units,
      requirements: rows.map((r, i) => ({
        id: r.id,
        code: r.code,
        title: r.title,
        areaName: areaNames.get(r.area_id) ?? '',
        cadence: rules[i]?.cadence ?? 'year',
        minCount: r.min_count,
        tracking: rules[i]?.tracking ?? 'not_tracked',
      })),
    };
  }

  /** Status of a selection of units with the ids of the satisfying records. */
  async compute(
    actor: Actor,
    selection: UnitSelection,
    period: Period,
    dueSoonDays: number,
    asOf = chinaToday(this.deps.clock),
  ): Promise<ComplianceComputation> {
    const { framework, rules, aliases, units, requirements } = await this.load(
      actor,
      selection,
      period,
    );
    const tracked = rules.filter(isTracked);
    // A rule that counts subordinate units' records needs the records of the whole subtree.
    const root = countingRoot(selection, units, tracked);
    const records =
      tracked.length > 0 && units.length > 0
        ? await this.deps.compliance.evidence(
            root ? { subtreePath: root } : selection,
            evidenceRange(tracked, period),
            typesOf(tracked),
            attendanceNeed(tracked, aliases),
          )
        : [];
    const visible = new Set(units.map((u) => u.id));
    const statuses = evaluateCompliance({
      units,
      requirements: rules,
      // Records of units the actor does not see count only towards subtree-scoped rules.
      records: root ? records : records.filter((r) => visible.has(r.unitId)),
      query: period,
      asOf,
      dueSoonDays,
      aliases,
    });
    // Subordinate units' records count for the totals, but only those the actor may see are
    // listed by id.
    const hidden = new Set(
      root ? records.filter((r) => !unitPathInScope(actor, r.unitPath)).map((r) => r.id) : [],
    );
    if (hidden.size > 0)
      for (const status of statuses)
        status.recordIds = status.recordIds.filter((id) => !hidden.has(id));
    return { period, asOf, dueSoonDays, framework, requirements, units, statuses };
  }

  /**
   * Status of a selection of units from counts aggregated in SQL (no record ids): what the
   * dashboard and the to-do list need, fast over thousands of units.
   */
  async count(
    actor: Actor,
    selection: UnitSelection,
    period: Period,
    dueSoonDays: number,
    asOf = chinaToday(this.deps.clock),
  ): Promise<ComplianceComputation> {
    const { framework, rules, units, requirements, countOf } = await this.counted(
      actor,
      selection,
      period,
    );
    const statuses = evaluateFromCounts(
      { units, requirements: rules, query: period, asOf, dueSoonDays },
      countOf,
    );
    return { period, asOf, dueSoonDays, framework, requirements, units, statuses };
  }

  /**
   * A subtree's report in its compact form: the requirement × period columns once, then per
   * unit a status code and a count per column, judged from counts aggregated in SQL exactly as
   * `count` judges them, without building an object per cell.
   */
  async subtree(
    actor: Actor,
    selection: UnitSelection,
    period: Period,
    dueSoonDays: number,
    asOf = chinaToday(this.deps.clock),
  ): Promise<ComplianceSubtreeReport> {
    const { framework, rules, units, requirements, countOf } = await this.counted(
      actor,
      selection,
      period,
    );
    return presentSubtree({
      framework,
      rules,
      units,
      requirements,
      countOf,
      period,
      asOf,
      dueSoonDays,
    });
  }

  /** The framework, the units and the SQL-aggregated count per unit, rule index and window. */
  private async counted(actor: Actor, selection: UnitSelection, period: Period) {
    const loaded = await this.load(actor, selection, period);
    const { rules, aliases, units } = loaded;
    const columns: CountColumn[] = [];
    // rule index → window index → column of the count matrix
    const columnOf: number[][] = rules.map(() => []);
    rules.forEach((rule, i) => {
      if (!isTracked(rule)) return;
      ruleWindows(rule, period).forEach((window, w) => {
        (columnOf[i] ?? [])[w] = columns.length;
        columns.push({
          types: rule.evidenceTypes.length > 0 ? rule.evidenceTypes : null,
          subtypes:
            rule.evidenceSubtypes.length > 0
              ? writtenSubtypes(rule.evidenceSubtypes, aliases)
              : null,
          from: window.period.start,
          to: window.windowEnd,
          requireAttendance: rule.requireAttendance,
        });
      });
    });
    const root = countingRoot(selection, units, rules.filter(isTracked));
    let matrix =
      columns.length > 0 && units.length > 0
        ? await this.deps.counts.matrix(root ? { subtreePath: root } : selection, columns)
        : new Map<number, number[]>();
    if (root && matrix.size > 0) {
      const summed = new Array<boolean>(columns.length).fill(false);
      rules.forEach((rule, i) => {
        if (rule.countScope === 'subtree') for (const k of columnOf[i] ?? []) summed[k] = true;
      });
      matrix = sumOverSubtrees(await this.deps.compliance.subtreeUnits(root), matrix, summed);
    }
    const countOf = (unitId: number, i: number, w: number): number =>
      matrix.get(unitId)?.[columnOf[i]?.[w] ?? -1] ?? 0;
    return { ...loaded, countOf };
  }

  /** Duties due soon or missed this year, in the actor's whole scope, most urgent first. */
  async todo(
    actor: Actor,
    options: { dueSoonDays?: number | undefined; limit?: number | undefined },
  ): Promise<TodoResponse> {
    const asOf = chinaToday(this.deps.clock);
    const year = Number(asOf.slice(0, 4));
    const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
    const selection = this.scopeSelection(actor);
    const computations = [await this.count(actor, selection, yearPeriod(year), dueSoonDays, asOf)];
    // Early in a year, last year's half-year and annual duties may still fall due (自查报告 by 15 January).
    if (asOf.slice(5, 7) <= '03')
      computations.push(
        await this.count(actor, selection, yearPeriod(year - 1), dueSoonDays, asOf),
      );
    const items = computations
      .flatMap(todoItems)
      .filter((item) => item.deadline >= `${year}-01-01`);
    items.sort((a, b) =>
      a.status !== b.status
        ? a.status === 'due_soon'
          ? -1
          : 1
        : a.status === 'due_soon'
          ? a.daysLeft - b.daysLeft
          : b.daysLeft - a.daysLeft,
    );
    return { asOf, total: items.length, items: items.slice(0, options.limit ?? 100) };
  }
}

/**
 * The path of the subtree whose records must be read when a tracked rule counts subordinate
 * units' records (the selection's own subtree); undefined when every rule counts a unit's own.
 */
function countingRoot(
  selection: UnitSelection,
  units: readonly ScopedUnit[],
  tracked: readonly RequirementRule[],
): string | undefined {
  if (!tracked.some((rule) => rule.countScope === 'subtree')) return undefined;
  if ('subtreePath' in selection) return selection.subtreePath;
  return units.find((u) => u.id === selection.unitId)?.path;
}
