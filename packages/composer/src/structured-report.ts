import type { ActivityType, IncidentSeverity, ReportKind, ReportPeriod } from './compose-input';

export type FigureMeasure =
  | 'activity.total'
  | 'activity.count'
  | 'activity.participants'
  | 'activity.attendance'
  | 'outlet.count'
  | 'record.participants'
  | 'incident.count'
  | 'incident.closed'
  | 'incident.open'
  | 'incident.inTime'
  | 'incident.responseHours.median'
  | 'incident.responseHours.mean'
  | 'rectification.total'
  | 'rectification.closed'
  | 'rectification.overdue'
  | 'channel.total'
  | 'channel.active'
  | 'channel.platform'
  | 'release.published'
  | 'release.returned'
  | 'requirement.required'
  | 'requirement.actual'
  | 'subordinate.units'
  | 'subordinate.reported'
  | 'subordinate.withRecords'
  | 'subordinate.activities';

/**
 * What a figure counts, as a filter the server can turn into SQL (or a link to the records).
 * Absent fields do not filter. `recordIds` names the exact records for sample figures.
 */
export interface FigureRefs {
  measure: FigureMeasure;
  unitId: string;
  subtree: boolean;
  from: string;
  to: string;
  area?: string;
  type?: ActivityType;
  subtype?: string;
  outlet?: string;
  severity?: IncidentSeverity;
  platform?: string;
  requirementId?: string;
  recordIds?: string[];
}

export interface TextSegment {
  kind: 'text';
  text: string;
}

/** A number in the text; printed as `value` + `unit` (e.g. `12次`). */
export interface FigureSegment {
  kind: 'figure';
  value: number;
  unit?: string;
  /** Stable id of what is counted, e.g. `activity.count|area=理论学习|type=study|subtype=中心组学习`. */
  key: string;
  refs: FigureRefs;
}

export type Segment = TextSegment | FigureSegment;

export interface ReportParagraph {
  segments: Segment[];
}

/** A `（一）` subsection: topic sentence, then paragraphs of facts. */
export interface ReportSubsection {
  id: string;
  number: string;
  topic: string;
  area?: string;
  paragraphs: ReportParagraph[];
}

export type ReportSectionRole = 'work' | 'problems' | 'plans';

/** A `一、` section: optional lead paragraphs, then subsections. */
export interface ReportSection {
  id: string;
  role: ReportSectionRole;
  number: string;
  heading: string;
  paragraphs: ReportParagraph[];
  subsections: ReportSubsection[];
}

export interface StructuredReport {
  version: 1;
  kind: ReportKind;
  title: string;
  unit: { id: string; name: string };
  period: ReportPeriod;
  recipient?: string;
  opening: ReportParagraph;
  sections: ReportSection[];
  signature: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `2024年7月10日`. */
  dateText: string;
}
