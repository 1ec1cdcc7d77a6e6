import type { Generated, Selectable } from 'kysely';

// Tables of the reports module: reports, their saved versions, and admin-edited templates.

export interface ReportTable {
  id: Generated<number>;
  unit_id: number;
  /** half-year-summary | annual-summary | selfcheck | topical */
  kind: string;
  /** `2024H1`, `2024`, or `2024-01-01~2024-09-30` for a custom range. */
  period_key: string;
  period_from: string;
  period_to: string;
  title: string;
  /** draft | review | returned | submitted */
  status: string;
  /** JSON StructuredReport, with the user's edits applied. */
  content: string;
  /** JSON of the report's options: topic area, the user's problems and plans, template used. */
  options: string;
  /** 成文日期, YYYY-MM-DD. */
  document_date: string;
  return_reason: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Every save of a report's content keeps a numbered version (append-only). */
export interface ReportVersionTable {
  id: Generated<number>;
  report_id: number;
  number: number;
  content: string;
  note: string;
  created_by: number | null;
  created_at: string;
}

/** An administrator's LiquidJS template for a report kind; absent → the shipped default. */
export interface ReportTemplateTable {
  id: Generated<number>;
  kind: string;
  body: string;
  version: number;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ReportTables {
  reports: ReportTable;
  report_versions: ReportVersionTable;
  report_templates: ReportTemplateTable;
}

export type ReportRow = Selectable<ReportTable>;
export type ReportVersionRow = Selectable<ReportVersionTable>;
export type ReportTemplateRow = Selectable<ReportTemplateTable>;
