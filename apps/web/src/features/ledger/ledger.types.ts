// Shapes of the ledger API (apps/server/src/modules/ledger/activities/activity.schema.ts).
import type { Id, IsoDateTime } from '../../api/types';

export const ACTIVITY_TYPES = [
  'meeting',
  'study',
  'publicity',
  'event',
  'training',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  meeting: '会议',
  study: '学习',
  publicity: '宣传',
  event: '活动',
  training: '培训',
  other: '其他',
};

export const ACTIVITY_TYPE_COLORS: Record<ActivityType, string> = {
  meeting: 'red',
  study: 'volcano',
  publicity: 'blue',
  event: 'green',
  training: 'purple',
  other: 'default',
};

export interface AttendanceEntry {
  personId: Id | null;
  name: string;
  present: boolean;
  reason: string | null;
}

export interface Evidence {
  id: Id;
  activityId: Id;
  fileName: string;
  size: number;
  contentType: string;
  hasFile: boolean;
  createdAt: IsoDateTime;
}

export interface Activity {
  id: Id;
  unitId: Id;
  unitName: string;
  type: ActivityType;
  typeLabel: string;
  subtype: string;
  date: string;
  title: string;
  summary: string;
  participants: number | null;
  topics: string[];
  attendance: AttendanceEntry[];
  speakers: string[];
  outlet: string | null;
  link: string | null;
  audience: number | null;
  areas: string[];
  evidence: Evidence[];
  externalId: string | null;
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  deletedAt: IsoDateTime | null;
}

export type ActivityListItem = Omit<Activity, 'attendance' | 'evidence' | 'summary'> & {
  evidenceCount: number;
};

export interface AttendanceInput {
  personId?: Id;
  name?: string;
  present: boolean;
  reason?: string;
}

export interface ActivityInput {
  unitId: Id;
  type: ActivityType;
  subtype: string;
  date: string;
  title: string;
  summary?: string;
  participants?: number | null;
  topics?: string[];
  attendance?: AttendanceInput[];
  speakers?: string[];
  outlet?: string | null;
  link?: string | null;
  audience?: number | null;
  areas?: string[];
}

export interface LedgerVocabulary {
  types: { code: ActivityType; label: string; subtypes: string[] }[];
  areas: string[];
}

export interface HistoryEntry {
  id: Id;
  action: string;
  summary: string;
  username: string;
  createdAt: IsoDateTime;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface ActivityQuery {
  page?: number;
  pageSize?: number;
  sort?: string;
  unitId?: Id;
  includeSubunits?: boolean;
  type?: ActivityType;
  subtype?: string;
  period?: string;
  from?: string;
  to?: string;
  area?: string;
  q?: string;
  deleted?: 'only';
}

export interface ImportResult {
  created: number;
  skipped: number;
}
