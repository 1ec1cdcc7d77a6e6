import type { ReportKind, StructuredReport } from '@taizhang/composer';
import type { ReportRow } from '../../db/schema-reports';
import { reportKindLabels } from './report-periods';
import type { ReportSummaryRow, ReportWithUnit } from './reports.repository';
import type { reportSummarySchema } from './reports.schema';
import { reportStatusLabels, reportStatuses } from './reports.schema';
import type { z } from 'zod';

export type ReportStatus = (typeof reportStatuses)[number];
export type ReportSummaryDto = z.infer<typeof reportSummarySchema>;

export interface ReportOptions {
  problems: string[];
  plans: string[];
  topicArea?: string;
}

export function statusOf(row: Pick<ReportRow, 'status'>): ReportStatus {
  return reportStatuses.find((s) => s === row.status) ?? 'draft';
}

export function kindOf(row: Pick<ReportRow, 'kind'>): ReportKind {
  const kind = row.kind as ReportKind;
  return kind in reportKindLabels ? kind : 'half-year-summary';
}

export function presentSummary(row: ReportSummaryRow | ReportWithUnit): ReportSummaryDto {
  const status = statusOf(row);
  const kind = kindOf(row);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    kind,
    kindLabel: reportKindLabels[kind],
    periodKey: row.period_key,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    title: row.title,
    status,
    statusLabel: reportStatusLabels[status],
    documentDate: row.document_date,
    returnReason: row.return_reason,
    submittedAt: row.submitted_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function contentOf(row: Pick<ReportRow, 'content'>): StructuredReport {
  return JSON.parse(row.content) as StructuredReport;
}

export function optionsOf(row: Pick<ReportRow, 'options'>): ReportOptions {
  try {
    const value = JSON.parse(row.options) as Partial<ReportOptions>;
    const options: ReportOptions = {
      problems: Array.isArray(value.problems)
        ? value.problems.filter((p) => typeof p === 'string')
        : [],
      plans: Array.isArray(value.plans) ? value.plans.filter((p) => typeof p === 'string') : [],
    };
    if (typeof value.topicArea === 'string') options.topicArea = value.topicArea;
    return options;
  } catch {
    return { problems: [], plans: [] };
  }
}

/** A snapshot for the operation log (no content: it can be long). */
export function reportSnapshot(row: ReportSummaryRow | ReportWithUnit) {
  return {
    id: row.id,
    unitId: row.unit_id,
    kind: row.kind,
    periodKey: row.period_key,
    status: row.status,
    title: row.title,
    version: row.version,
  };
}
