// The composer's input: aggregates the server computes with SQL over a unit (or its subtree) and a
// period. Everything here is already counted; the composer never sees individual records beyond
// the bounded `samples`, so its cost does not grow with the size of the ledger.

export type ReportKind = 'half-year-summary' | 'annual-summary' | 'selfcheck' | 'topical';
export type UnitType = '党委' | '党组' | '党工委' | '党总支' | '党支部' | '其他';
export type ActivityType = 'meeting' | 'study' | 'publicity' | 'event' | 'training' | 'other';
export type IncidentSeverity = '一般' | '较大' | '重大';

export interface ReportUnit {
  id: string;
  /** Full name, used in the title, the opening and the signature. */
  name: string;
  type: UnitType;
  /** Short form for running text (e.g. `局党组`); defaults to `本单位`. */
  shortName?: string;
}

export interface ReportPeriod {
  kind: 'half-year' | 'annual' | 'custom';
  /** As printed: `2024年上半年`, `2024年`, `2024年1月至9月`. */
  label: string;
  /** Inclusive bounds, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

/** One record quoted in the text; `id` lets its figure link back to it. */
export interface SampleRecord {
  id: string;
  date: string;
  title: string;
  topics?: string[];
  outlet?: string;
  participants?: number;
}

export interface OutletCount {
  outlet: string;
  count: number;
}

/** Activities of one type and subtype within one framework area. */
export interface ActivityGroup {
  type: ActivityType;
  /** Free-text subtype as recorded (`中心组学习`, `稿件` …); empty string when none. */
  subtype: string;
  count: number;
  /** Sum of recorded `participants` (0 when none recorded). */
  participants: number;
  /** Sum of attendance entries with `present: true` (study sessions). */
  attendancePresent?: number;
  firstDate: string;
  lastDate: string;
  /** Counts by outlet, most first (publicity). */
  outlets?: OutletCount[];
  /** Most frequent topics, most first (study). */
  topics?: string[];
  /** A few records, most recent or most notable first; the composer quotes at most a couple. */
  samples: SampleRecord[];
}

/**
 * One framework area (组织领导, 理论学习 …) in framework order. Areas with no records are still
 * listed with `groups: []`, so the composer can say so. A record tagged with several areas counts
 * in each; untagged records should be assigned by the server's type → area mapping.
 */
export interface AreaAggregate {
  area: string;
  groups: ActivityGroup[];
}

export type RequirementOutcome = 'met' | 'missed' | 'due-soon' | 'pending';

/** A framework requirement evaluated for one sub-period (e.g. one quarter). */
export interface RequirementStatus {
  id: string;
  area: string;
  /** `党委（党组）会专题研究意识形态工作`. */
  title: string;
  /** Human cadence: `每年不少于2次`. */
  cadence: string;
  required: number;
  actual: number;
  /** Measure word for required/actual; default `次`. */
  unit?: string;
  status: RequirementOutcome;
  /** `2024年第二季度`, `2024年上半年`. */
  periodLabel: string;
  from: string;
  to: string;
}

export interface IncidentSummary {
  total: number;
  bySeverity: Partial<Record<IncidentSeverity, number>>;
  closed: number;
  /** Found → closed, in hours; null when nothing was closed. Printed rounded to 0.1. */
  medianResponseHours: number | null;
  meanResponseHours: number | null;
  /** Incidents assessed within the framework's time limit. */
  assessedInTime?: number;
}

export interface RectificationItemRef {
  id: string;
  title: string;
  deadline: string;
}

export interface RectificationSummary {
  total: number;
  closed: number;
  open: number;
  overdue: number;
  /** A few overdue items, earliest deadline first. */
  overdueItems: RectificationItemRef[];
  /** The date `overdue` was computed for, `YYYY-MM-DD`. */
  asOf: string;
}

export interface PlatformCount {
  platform: string;
  count: number;
}

export interface ChannelSummary {
  total: number;
  active: number;
  byPlatform: PlatformCount[];
}

/** Release review (三审) figures for the period. */
export interface ReleaseSummary {
  published: number;
  returned: number;
}

/** Roll-up of the unit's subordinate organizations. */
export interface SubordinateRollup {
  units: number;
  /** Subordinates that submitted their report for the period. */
  reported: number;
  /** Subordinates with at least one record in the period. */
  withRecords: number;
  /** Activities recorded by subordinates in the period. */
  activities: number;
}

export interface ComposeInput {
  kind: ReportKind;
  unit: ReportUnit;
  parentUnitName?: string;
  /** 主送机关 printed under the title, e.g. `中共青川市委宣传部`. */
  recipient?: string;
  period: ReportPeriod;
  /** 成文日期, `YYYY-MM-DD`. */
  documentDate: string;
  /** Whether the aggregates cover the unit only or its whole subtree (default subtree). */
  scope?: 'unit' | 'subtree';
  /** Distinct activity records in scope and period (an activity in two areas counts once). */
  activityTotal: number;
  areas: AreaAggregate[];
  requirements?: RequirementStatus[];
  incidents?: IncidentSummary;
  rectification?: RectificationSummary;
  channels?: ChannelSummary;
  releases?: ReleaseSummary;
  subordinates?: SubordinateRollup;
  /** The user's own points, one sentence or short paragraph each. */
  problems?: string[];
  plans?: string[];
  /** 自查报告: the document the check is based on, without 《》. */
  basis?: string;
  /** 专题报告: the framework area it covers and an optional theme for the title. */
  topic?: { area: string; theme?: string };
}
