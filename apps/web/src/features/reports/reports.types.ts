// Shapes of the reports API (apps/server/src/modules/reports/reports.schema.ts).
import type { Id } from '../../api/types';

export type ReportKind = 'half-year-summary' | 'annual-summary' | 'selfcheck' | 'topical';
export type ReportStatus = 'draft' | 'review' | 'returned' | 'submitted';

export interface FigureRefs {
  measure: string;
  unitId: string;
  subtree: boolean;
  from: string;
  to: string;
  area?: string;
  type?: string;
  subtype?: string;
  outlet?: string;
  recordIds?: string[];
}

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'figure'; value: number; unit?: string; key: string; refs: FigureRefs };

export interface ReportParagraph {
  segments: Segment[];
}

export interface ReportSubsection {
  id: string;
  number: string;
  topic: string;
  area?: string;
  paragraphs: ReportParagraph[];
}

export interface ReportSection {
  id: string;
  role: 'work' | 'problems' | 'plans';
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
  period: { kind: string; label: string; from: string; to: string };
  recipient?: string;
  opening: ReportParagraph;
  sections: ReportSection[];
  signature: string;
  date: string;
  dateText: string;
}

export interface ReportSummary {
  id: Id;
  unitId: Id;
  unitName: string;
  kind: ReportKind;
  kindLabel: string;
  periodKey: string;
  periodFrom: string;
  periodTo: string;
  title: string;
  status: ReportStatus;
  statusLabel: string;
  documentDate: string;
  returnReason: string | null;
  submittedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportActions {
  edit: boolean;
  review: boolean;
  submit: boolean;
  return: boolean;
  reopen: boolean;
}

export interface Report extends ReportSummary {
  content: StructuredReport;
  options: { problems: string[]; plans: string[]; topicArea?: string };
  actions: ReportActions;
  deadline: string | null;
}

export interface SubsectionEdit {
  id: string;
  topic: string;
  paragraphs: string[];
}

export interface SectionEdit {
  id: string;
  heading?: string;
  paragraphs: string[];
  subsections: SubsectionEdit[];
}

/** What the editor holds: the report as text, section by section. */
export interface ReportDraft {
  title: string;
  opening: string;
  sections: SectionEdit[];
  signature: string;
  date: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  category: string;
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  length: number;
  excerpt: string;
  message: string;
  suggestion?: string;
  location: {
    part: string;
    sectionId?: string;
    subsectionId?: string;
    paragraph?: number;
    column: number;
  };
}

export interface ProofreadResult {
  date: string | null;
  counts: Record<Severity, number>;
  findings: Finding[];
}

export interface VersionSummary {
  number: number;
  note: string;
  author: string | null;
  createdAt: string;
}

export interface DiffLine {
  op: 'equal' | 'added' | 'removed';
  text: string;
}

export interface FigureRecord {
  kind: 'activity' | 'incident' | 'channel' | 'unit';
  id: Id;
  unitName: string;
  date: string | null;
  title: string;
  detail: string;
}

export interface FigureRecords {
  key: string;
  value: number;
  text: string;
  total: number;
  page: number;
  pageSize: number;
  items: FigureRecord[];
  note?: string;
}

export interface ReceivedUnit {
  unitId: Id;
  unitName: string;
  state: 'submitted' | 'late' | 'overdue' | 'pending';
  stateLabel: string;
  reports: ReportSummary[];
}

export interface ReceivedReports {
  unit: { id: Id; name: string };
  periodKey: string;
  periodLabel: string;
  deadline: string | null;
  asOf: string;
  units: ReceivedUnit[];
  counts: { units: number; submitted: number; overdue: number; pending: number };
}

export interface ReportTemplate {
  kind: ReportKind;
  kindLabel: string;
  body: string;
  isDefault: boolean;
  version: number | null;
  updatedAt: string | null;
  defaultBody: string;
}

export interface TemplatePreview {
  html: string;
  text: string;
}
