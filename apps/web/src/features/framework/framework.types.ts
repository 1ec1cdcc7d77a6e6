// Shapes of the framework API (apps/server/src/modules/framework/framework.schema.ts).
import type { Id, IsoDateTime } from '../../api/types';
import type { ActivityType } from '../ledger/ledger.types';

export type Cadence = 'quarter' | 'half_year' | 'year' | 'event';
export type Tracking = 'activity' | 'not_tracked';

export const CADENCE_LABELS: Record<Cadence, string> = {
  quarter: '每季度',
  half_year: '每半年',
  year: '每年',
  event: '按事件',
};

export interface Requirement {
  id: Id;
  frameworkId: Id;
  areaId: Id;
  code: string;
  title: string;
  description: string;
  cadence: Cadence;
  minCount: number;
  deadlines: string[];
  tracking: Tracking;
  evidenceTypes: ActivityType[];
  evidenceSubtypes: string[];
  requireAttendance: boolean;
  countScope: CountScope;
  unitTypes: string[];
  sortOrder: number;
  version: number;
}

export interface FrameworkArea {
  id: Id;
  frameworkId: Id;
  name: string;
  sortOrder: number;
  version: number;
  requirements: Requirement[];
}

export interface FrameworkSummary {
  id: Id;
  year: number;
  name: string;
  sourceId: Id | null;
  version: number;
  areaCount: number;
  requirementCount: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface Framework extends FrameworkSummary {
  areas: FrameworkArea[];
}

export interface RequirementInput {
  areaId: Id;
  code?: string;
  title: string;
  description: string;
  cadence: Cadence;
  minCount: number;
  deadlines: string[];
  tracking: Tracking;
  evidenceTypes: ActivityType[];
  evidenceSubtypes: string[];
  requireAttendance: boolean;
  countScope: CountScope;
  unitTypes: string[];
  sortOrder?: number;
}

/** Whose records a requirement counts: the unit's own, or its subordinate units' too. */
export type CountScope = 'unit' | 'subtree';
export const COUNT_SCOPE_LABELS: Record<CountScope, string> = {
  unit: '本单位',
  subtree: '本单位及下级',
};
