import type { ComplianceStatus, RequirementRule, RequirementStatus } from './compliance-engine';
import {
  appliesToUnit,
  complianceStatuses,
  emptyCounts,
  isTracked,
  judge,
  rollUp,
  ruleWindows,
} from './compliance-engine';
import type { Period } from './compliance-periods';
import { daysBetween } from './compliance-periods';
import type { ScopedUnit } from './compliance.repository';
import type { ComplianceReport, ComplianceSubtreeReport, TodoItem } from './compliance.schema';
import type { ComplianceComputation } from './compliance.service';

/** At most this many satisfying record ids per item; `count` always carries the total. */
export const MAX_RECORD_IDS = 50;

/** What a subtree's compact report is made of: the framework, the units and their counts. */
export interface SubtreeInput {
  framework: ComplianceComputation['framework'];
  rules: readonly RequirementRule[];
  requirements: ComplianceReport['requirements'];
  units: readonly ScopedUnit[];
  /** The number of satisfying records of a unit for rule `i` in its window `w`. */
  countOf(unitId: number, i: number, w: number): number;
  period: Period;
  asOf: string;
  dueSoonDays: number;
}

/**
 * A subtree's report in its compact form: the requirement × period columns once, then per
 * unit a status code and a count per column, judged from counts exactly as `evaluateFromCounts`
 * judges them, without building an object per cell.
 */
export function presentSubtree(input: SubtreeInput): ComplianceSubtreeReport {
  const { framework, rules, requirements, units, countOf, period, asOf, dueSoonDays } = input;
  const codeOf = new Map(complianceStatuses.map((s, k) => [s, k]));
  const columns: ComplianceSubtreeReport['columns'] = [];
  /** Per column: its rule index, window index, cadence period and deadline. */
  const specs: { i: number; w: number; period: Period; deadline: string }[] = [];
  rules.forEach((rule, i) => {
    const requirement = requirements[i];
    ruleWindows(rule, period).forEach((window, w) => {
      specs.push({ i, w, period: window.period, deadline: window.deadline });
      columns.push({
        requirementId: rule.id,
        title: requirement?.title ?? '',
        areaName: requirement?.areaName ?? '',
        period: window.period.key,
        periodStart: window.period.start,
        periodEnd: window.period.end,
        deadline: window.deadline,
        required: rule.minCount,
      });
    });
  });
  const tracked = rules.map(isTracked);
  const total = emptyCounts();
  const byRequirement = rules.map(() => emptyCounts());
  const applied = rules.map(() => false);
  const unitRows = units.map((unit) => {
    const counts = emptyCounts();
    const status = new Array<number>(specs.length);
    const count = new Array<number>(specs.length);
    const applies = rules.map((rule) => appliesToUnit(rule, unit.type));
    for (let k = 0; k < specs.length; k += 1) {
      const spec = specs[k];
      const rule = spec ? rules[spec.i] : undefined;
      if (!spec || !rule || !applies[spec.i]) {
        status[k] = -1;
        count[k] = 0;
        continue;
      }
      let judged: ComplianceStatus = 'not_tracked';
      let n = 0;
      if (tracked[spec.i]) {
        n = countOf(unit.id, spec.i, spec.w);
        judged = judge(n, rule.minCount, spec.period, spec.deadline, asOf, dueSoonDays);
      }
      status[k] = codeOf.get(judged) ?? -1;
      count[k] = n;
      counts[judged] += 1;
      total[judged] += 1;
      const req = byRequirement[spec.i];
      if (req) req[judged] += 1;
      applied[spec.i] = true;
    }
    return {
      id: unit.id,
      name: unit.name,
      type: unit.type,
      parentId: unit.parentId,
      counts,
      status,
      count,
    };
  });
  return {
    period: { key: period.key, start: period.start, end: period.end },
    asOf,
    dueSoonDays,
    framework,
    requirements,
    summary: {
      unitCount: units.length,
      counts: total,
      byRequirement: rules.flatMap((rule, i) =>
        applied[i] ? [{ requirementId: rule.id, counts: byRequirement[i] ?? emptyCounts() }] : [],
      ),
    },
    statusCodes: [...complianceStatuses],
    columns,
    units: unitRows,
  };
}

/** The due-soon and missed duties of a computation, as to-do items (unsorted). */
export function todoItems(c: ComplianceComputation): TodoItem[] {
  const units = new Map(c.units.map((u) => [u.id, u.name]));
  const requirements = new Map(c.requirements.map((r) => [r.id, r]));
  const items: TodoItem[] = [];
  for (const s of c.statuses) {
    if (s.status !== 'due_soon' && s.status !== 'missed') continue;
    items.push({
      unitId: s.unitId,
      unitName: units.get(s.unitId) ?? '',
      requirementId: s.requirementId,
      requirementTitle: requirements.get(s.requirementId)?.title ?? '',
      areaName: requirements.get(s.requirementId)?.areaName ?? '',
      period: s.period,
      deadline: s.deadline,
      daysLeft: daysBetween(c.asOf, s.deadline),
      status: s.status,
      count: s.count,
      required: s.required,
    });
  }
  return items;
}

export function present(c: ComplianceComputation): ComplianceReport {
  const rolled = rollUp(c.statuses);
  const itemsByUnit = new Map<number, RequirementStatus[]>();
  let lastUnitId = Number.NaN;
  let list: RequirementStatus[] = [];
  for (const s of c.statuses) {
    if (s.unitId !== lastUnitId) {
      lastUnitId = s.unitId;
      const found = itemsByUnit.get(s.unitId);
      if (found) list = found;
      else {
        list = [];
        itemsByUnit.set(s.unitId, list);
      }
    }
    list.push(s);
  }
  return {
    period: { key: c.period.key, start: c.period.start, end: c.period.end },
    asOf: c.asOf,
    dueSoonDays: c.dueSoonDays,
    framework: c.framework,
    requirements: c.requirements,
    summary: {
      unitCount: c.units.length,
      counts: rolled.total,
      byRequirement: [...rolled.byRequirement].map(([requirementId, counts]) => ({
        requirementId,
        counts,
      })),
    },
    units: c.units.map((u) => ({
      id: u.id,
      name: u.name,
      type: u.type,
      parentId: u.parentId,
      counts: rolled.byUnit.get(u.id) ?? emptyCounts(),
      items: (itemsByUnit.get(u.id) ?? []).map((s) => ({
        requirementId: s.requirementId,
        period: s.period,
        periodStart: s.periodStart,
        periodEnd: s.periodEnd,
        deadline: s.deadline,
        status: s.status,
        count: s.count,
        required: s.required,
        recordIds:
          s.recordIds.length > MAX_RECORD_IDS ? s.recordIds.slice(0, MAX_RECORD_IDS) : s.recordIds,
      })),
    })),
  };
}
