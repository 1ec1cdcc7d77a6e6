import type { Cadence, Period } from './compliance-periods';
import {
  cadencePeriodsOverlapping,
  daysBetween,
  deadlineOf,
  periodsOfYear,
} from './compliance-periods';

/** How a requirement is judged: `not_tracked` is honest about evidence the ledger lacks. */
export type ComplianceStatus = 'met' | 'due_soon' | 'missed' | 'pending' | 'not_tracked';
export const complianceStatuses = [
  'met',
  'due_soon',
  'missed',
  'pending',
  'not_tracked',
] as const satisfies readonly ComplianceStatus[];

export interface RequirementRule {
  id: number;
  cadence: Cadence;
  minCount: number;
  /** `MM-DD` per period of the year (index 0 = Q1/H1/year); missing entries mean period end. */
  deadlines: readonly string[];
  tracking: 'activity' | 'not_tracked';
  /** Activity types that count; empty = any. */
  evidenceTypes: readonly string[];
  /** Canonical subtypes that count; empty = any. */
  evidenceSubtypes: readonly string[];
  requireAttendance: boolean;
  /** `unit`: the unit's own records count; `subtree`: its subordinate units' records too. */
  countScope: 'unit' | 'subtree';
  /** Unit types the requirement applies to; empty = every unit. */
  unitTypes: readonly string[];
}

export interface EvidenceRecord {
  id: number;
  unitId: number;
  /** The materialized path of the record's unit (`/1/5/12/`), for subtree-scoped rules. */
  unitPath: string;
  type: string;
  subtype: string;
  date: string;
  hasAttendance: boolean;
}

export interface ComplianceUnit {
  id: number;
  type: string;
  /** Materialized path (`/1/5/12/`). */
  path: string;
}

export interface RequirementStatus {
  unitId: number;
  requirementId: number;
  period: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  status: ComplianceStatus;
  count: number;
  required: number;
  /** Ids of the records that satisfy the requirement, oldest first. */
  recordIds: number[];
}

export interface EvaluateComplianceOptions {
  units: readonly ComplianceUnit[];
  requirements: readonly RequirementRule[];
  records: readonly EvidenceRecord[];
  query: Period;
  /** Today, `YYYY-MM-DD`. */
  asOf: string;
  /** A not-yet-met duty whose deadline is this close is `due_soon`. */
  dueSoonDays: number;
  /** Subtype as written → canonical subtype. */
  aliases: ReadonlyMap<string, string>;
}

export const DEFAULT_DUE_SOON_DAYS = 15;

/** Resolves a subtype as clerks write it to the canonical one the framework names. */
export function canonicalSubtype(subtype: string, aliases: ReadonlyMap<string, string>): string {
  const trimmed = subtype.trim();
  return aliases.get(trimmed) ?? trimmed;
}

export function appliesToUnit(rule: Pick<RequirementRule, 'unitTypes'>, unitType: string): boolean {
  return rule.unitTypes.length === 0 || rule.unitTypes.includes(unitType);
}

/** Whether a record (with its canonical subtype) is evidence for a requirement. */
export function recordCounts(
  rule: RequirementRule,
  record: Pick<EvidenceRecord, 'type' | 'hasAttendance'>,
  canonical: string,
): boolean {
  if (rule.evidenceTypes.length > 0 && !rule.evidenceTypes.includes(record.type)) return false;
  if (rule.evidenceSubtypes.length > 0 && !rule.evidenceSubtypes.includes(canonical)) return false;
  return !rule.requireAttendance || record.hasAttendance;
}

/** The window and deadline of each cadence period of a rule that overlaps the query period. */
export function ruleWindows(rule: RequirementRule, query: Period) {
  const all = periodsOfYear(rule.cadence, query.year);
  return cadencePeriodsOverlapping(rule.cadence, query).map((period) => {
    const deadline = deadlineOf(period, rule.deadlines[all.findIndex((p) => p.key === period.key)]);
    // A deadline after the period (a report due 15 July for H1) leaves time to record it.
    return { period, deadline, windowEnd: deadline > period.end ? deadline : period.end };
  });
}

/** Judges one requirement in one period from the number of satisfying records. */
export function judge(
  count: number,
  required: number,
  period: Period,
  deadline: string,
  asOf: string,
  dueSoonDays: number,
): ComplianceStatus {
  if (count >= required) return 'met';
  if (asOf > deadline) return 'missed';
  if (asOf < period.start) return 'pending';
  return daysBetween(asOf, deadline) <= dueSoonDays ? 'due_soon' : 'pending';
}

/**
 * Status of every applicable requirement for every unit in every cadence period overlapping the
 * query period. Pure: the caller loads units, rules, records and aliases.
 */
export function evaluateCompliance(options: EvaluateComplianceOptions): RequirementStatus[] {
  const { requirements, records, query, aliases } = options;
  const tracked = requirements.map(
    (rule) => rule.tracking === 'activity' && rule.cadence !== 'event',
  );
  const windows = requirements.map((rule) => ruleWindows(rule, query));
  // Which rules a record counts for depends only on (type, subtype, attendance): decide each
  // combination once, then file every record under its unit and those rules' windows.
  const matchesByKind = new Map<string, number[]>();
  const rulesFor = (record: EvidenceRecord): number[] => {
    const key = `${record.type}\u0000${record.subtype}\u0000${record.hasAttendance ? 1 : 0}`;
    let found = matchesByKind.get(key);
    if (!found) {
      const canonical = canonicalSubtype(record.subtype, aliases);
      found = requirements.flatMap((rule, i) =>
        tracked[i] && recordCounts(rule, record, canonical) ? [i] : [],
      );
      matchesByKind.set(key, found);
    }
    return found;
  };
  const sorted = [...records].sort((a, b) =>
    a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1,
  );
  // A subtree-scoped rule counts a record for its unit and for every listed unit above it.
  const subtreeScoped = requirements.map((rule) => rule.countScope === 'subtree');
  const anySubtree = subtreeScoped.includes(true);
  const unitAt = new Map(options.units.map((u) => [u.path, u.id]));
  const listedAncestors = (path: string): number[] => {
    const ancestors: number[] = [];
    for (let end = path.indexOf('/', 1); end > 0 && end < path.length - 1;) {
      const id = unitAt.get(path.slice(0, end + 1));
      if (id !== undefined) ancestors.push(id);
      end = path.indexOf('/', end + 1);
    }
    return ancestors;
  };
  // unit id → rule index → window index → record ids (oldest first)
  const filed = new Map<number, number[][][]>();
  const file = (unitId: number, i: number, record: EvidenceRecord) => {
    let byRule = filed.get(unitId);
    if (!byRule) {
      byRule = windows.map((w) => w.map(() => []));
      filed.set(unitId, byRule);
    }
    const ruleWindowList = windows[i] ?? [];
    for (let w = 0; w < ruleWindowList.length; w += 1) {
      const window = ruleWindowList[w];
      if (window && record.date >= window.period.start && record.date <= window.windowEnd)
        byRule[i]?.[w]?.push(record.id);
    }
  };
  for (const record of sorted) {
    const ruleIndexes = rulesFor(record);
    if (ruleIndexes.length === 0) continue;
    const ancestors = anySubtree ? listedAncestors(record.unitPath) : [];
    for (const i of ruleIndexes) {
      file(record.unitId, i, record);
      if (subtreeScoped[i]) for (const ancestor of ancestors) file(ancestor, i, record);
    }
  }
  return buildStatuses(options, (unitId, i, w) => filed.get(unitId)?.[i]?.[w] ?? []);
}

/** Whether a rule is judged from ledger records at all. */
export function isTracked(rule: RequirementRule): boolean {
  return rule.tracking === 'activity' && rule.cadence !== 'event';
}

export type CountOptions = Omit<EvaluateComplianceOptions, 'records' | 'aliases'>;

/**
 * Like `evaluateCompliance`, from counts the caller aggregated (in SQL) per unit, rule index
 * and window index of `ruleWindows`; no record ids. For large scopes such as dashboards.
 */
export function evaluateFromCounts(
  options: CountOptions,
  countOf: (unitId: number, ruleIndex: number, windowIndex: number) => number,
): RequirementStatus[] {
  return buildStatuses(options, countOf);
}

function buildStatuses(
  options: CountOptions,
  evidenceOf: (unitId: number, ruleIndex: number, windowIndex: number) => number[] | number,
): RequirementStatus[] {
  const { units, requirements, query, asOf, dueSoonDays } = options;
  const windows = requirements.map((rule) => ruleWindows(rule, query));
  const tracked = requirements.map(isTracked);
  const results: RequirementStatus[] = [];
  for (const unit of units) {
    for (let i = 0; i < requirements.length; i += 1) {
      const rule = requirements[i];
      if (!rule || !appliesToUnit(rule, unit.type)) continue;
      const ruleWindowList = windows[i] ?? [];
      for (let w = 0; w < ruleWindowList.length; w += 1) {
        const window = ruleWindowList[w];
        if (!window) continue;
        const { period, deadline } = window;
        let status: ComplianceStatus = 'not_tracked';
        let count = 0;
        let recordIds: number[] = [];
        if (tracked[i]) {
          const evidence = evidenceOf(unit.id, i, w);
          if (typeof evidence === 'number') count = evidence;
          else {
            recordIds = evidence;
            count = evidence.length;
          }
          status = judge(count, rule.minCount, period, deadline, asOf, dueSoonDays);
        }
        results.push({
          unitId: unit.id,
          requirementId: rule.id,
          period: period.key,
          periodStart: period.start,
          periodEnd: period.end,
          deadline,
          status,
          count,
          required: rule.minCount,
          recordIds,
        });
      }
    }
  }
  return results;
}

/** The subtypes as written that resolve to one of `canonical` (for filtering in SQL). */
export function writtenSubtypes(
  canonical: readonly string[],
  aliases: ReadonlyMap<string, string>,
): string[] {
  const wanted = new Set(canonical);
  const direct = canonical.filter((c) => !aliases.has(c) || wanted.has(aliases.get(c) ?? ''));
  const aliased = [...aliases].filter(([, to]) => wanted.has(to)).map(([from]) => from);
  return [...new Set([...direct, ...aliased])];
}

export type StatusCounts = Record<ComplianceStatus, number>;

export function emptyCounts(): StatusCounts {
  return { met: 0, due_soon: 0, missed: 0, pending: 0, not_tracked: 0 };
}

export interface ComplianceRollup {
  total: StatusCounts;
  byUnit: Map<number, StatusCounts>;
  byRequirement: Map<number, StatusCounts>;
}

/** Counts per status over the whole result, per unit and per requirement. */
export function rollUp(statuses: readonly RequirementStatus[]): ComplianceRollup {
  const total = emptyCounts();
  const byUnit = new Map<number, StatusCounts>();
  const byRequirement = new Map<number, StatusCounts>();
  // Statuses come grouped by unit: remember the last unit's counts instead of looking it up.
  let lastUnitId = Number.NaN;
  let unit = total;
  for (const s of statuses) {
    total[s.status] += 1;
    if (s.unitId !== lastUnitId) {
      lastUnitId = s.unitId;
      const found = byUnit.get(s.unitId);
      if (found) unit = found;
      else {
        unit = emptyCounts();
        byUnit.set(s.unitId, unit);
      }
    }
    unit[s.status] += 1;
    let req = byRequirement.get(s.requirementId);
    if (!req) {
      req = emptyCounts();
      byRequirement.set(s.requirementId, req);
    }
    req[s.status] += 1;
  }
  return { total, byUnit, byRequirement };
}
