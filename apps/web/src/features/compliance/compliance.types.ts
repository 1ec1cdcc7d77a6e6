// Shapes of the compliance API (apps/server/src/modules/compliance/compliance.schema.ts).
import type { Id } from '../../api/types';
import type { Cadence, Tracking } from '../framework/framework.types';

export const COMPLIANCE_STATUSES = ['met', 'due_soon', 'missed', 'pending', 'not_tracked'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export type StatusCounts = Record<ComplianceStatus, number>;

export interface ComplianceItem {
  requirementId: Id;
  period: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  status: ComplianceStatus;
  count: number;
  required: number;
  /** At most 50 ids; `count` is the total. */
  recordIds: Id[];
}

export interface ComplianceRequirement {
  id: Id;
  code: string;
  title: string;
  areaName: string;
  cadence: Cadence;
  minCount: number;
  tracking: Tracking;
}

export interface ComplianceUnit {
  id: Id;
  name: string;
  type: string;
  parentId: Id | null;
  counts: StatusCounts;
  items: ComplianceItem[];
}

export interface ComplianceReport {
  period: { key: string; start: string; end: string };
  asOf: string;
  dueSoonDays: number;
  framework: { id: Id; year: number; name: string };
  requirements: ComplianceRequirement[];
  summary: {
    unitCount: number;
    counts: StatusCounts;
    byRequirement: { requirementId: Id; counts: StatusCounts }[];
  };
  units: ComplianceUnit[];
}

/** One requirement × cadence period of a subtree's compact report. */
export interface ComplianceColumn {
  requirementId: Id;
  title: string;
  areaName: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  required: number;
}

/**
 * A subtree's report as sent (`includeSubunits=true`): the columns once, then per unit a status
 * code (index into `statusCodes`, -1 = not applicable) and a count per column.
 */
export interface ComplianceSubtreeReport extends Omit<ComplianceReport, 'units'> {
  statusCodes: ComplianceStatus[];
  columns: ComplianceColumn[];
  units: (Omit<ComplianceUnit, 'items'> & { status: number[]; count: number[] })[];
}

export interface ComplianceQuery {
  unitId?: Id;
  period?: string;
  includeSubunits?: boolean;
}

export interface TodoItem {
  unitId: Id;
  unitName: string;
  requirementId: Id;
  requirementTitle: string;
  areaName: string;
  period: string;
  deadline: string;
  /** Days to the deadline; negative when overdue. */
  daysLeft: number;
  status: 'due_soon' | 'missed';
  count: number;
  required: number;
}

export interface TodoResponse {
  asOf: string;
  items: TodoItem[];
  total: number;
}
